/// <reference types="vitest/config" />
/** Unit tests of the site: the loader against a stub server, components through Astro's Container API. */
import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

export default getViteConfig(
  { test: { name: 'site', include: ['tests/unit/**/*.test.ts'] } },
  // Astro's root is this folder, also when Vitest runs from the repository root (`--project site`):
  // otherwise astro.config.mjs is not loaded and `astro:container` does not resolve.
  { root: fileURLToPath(new URL('.', import.meta.url)) },
);
