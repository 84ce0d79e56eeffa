/// <reference types="vitest/config" />
/**
 * Unit tests of the theme: the loader against a stub server, the options and
 * strings, components through Astro's Container API. Astro runs here with a
 * small fixture config (tests/fixture-options.ts) and the integration from
 * source, so the virtual modules the pages import exist as in a real site.
 */
import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';
import ritme from './src/index';
import { FIXTURE_OPTIONS } from './tests/fixture-options';

export default getViteConfig(
  { test: { name: 'site', include: ['tests/unit/**/*.test.ts'] } },
  // Astro's root is this folder, also when Vitest runs from the repository root (`--project site`).
  { root: fileURLToPath(new URL('.', import.meta.url)), integrations: [ritme(FIXTURE_OPTIONS)] },
);
