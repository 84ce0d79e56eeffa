/**
 * Astro's Container API as the theme's pages need it: React's renderer, and
 * the hydration directives a build has — Astro's own and the theme's
 * `client:intent` (registered by the integration, which a container does not run).
 */
import { loadRenderers } from 'astro:container';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getContainerRenderer } from '@astrojs/react';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';

export async function createContainer(): Promise<AstroContainer> {
  const astro = path.dirname(createRequire(import.meta.url).resolve('astro/package.json'));
  const defaults = (await import(pathToFileURL(path.join(astro, 'dist/core/client-directive/default.js')).href)) as {
    getDefaultClientDirectives(): Map<string, string>;
  };
  const clientDirectives = new Map(defaults.getDefaultClientDirectives());
  // What the island script runs for it does not matter on the server: only that the directive exists.
  clientDirectives.set('intent', '(()=>{})();');
  return AstroContainer.create({
    renderers: await loadRenderers([getContainerRenderer()]),
    manifest: { clientDirectives } as never,
  });
}
