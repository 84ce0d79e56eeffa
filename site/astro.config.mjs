// The Ritme intranet theme. By default a static build: every page is built
// from the Ritme plugin's API, islands hydrate only where there is interaction.
// With RITME_MODE=preview the same pages become the preview server for pilots
// (Node, on demand, drafts included). RITME_SITE_OUT / RITME_SITE_CACHE let
// tests and benchmarks build side by side.
import { fileURLToPath } from 'node:url';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { ritmePreview } from './src/preview/integration.ts';

const preview = process.env.RITME_MODE === 'preview';
const chrome = fileURLToPath(new URL(preview ? './src/preview/on' : './src/preview/off', import.meta.url));

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: preview ? 'server' : 'static',
  adapter: preview ? node({ mode: 'standalone' }) : undefined,
  trailingSlash: 'always',
  integrations: [react(), ...(preview ? [ritmePreview()] : [])],
  build: { format: 'directory' },
  vite: { resolve: { alias: { '~preview': chrome } } },
  ...(process.env.RITME_SITE_OUT ? { outDir: process.env.RITME_SITE_OUT } : {}),
  ...(process.env.RITME_SITE_CACHE ? { cacheDir: process.env.RITME_SITE_CACHE } : {}),
});
