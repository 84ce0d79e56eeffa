// The Ritme intranet theme. Static output: every page is built from the Ritme
// plugin's API at build time; islands hydrate only where there is interaction.
// RITME_SITE_OUT / RITME_SITE_CACHE let tests and benchmarks build side by side.
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  integrations: [react()],
  build: { format: 'directory' },
  ...(process.env.RITME_SITE_OUT ? { outDir: process.env.RITME_SITE_OUT } : {}),
  ...(process.env.RITME_SITE_CACHE ? { cacheDir: process.env.RITME_SITE_CACHE } : {}),
});
