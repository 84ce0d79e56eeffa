// The Ritme intranet theme. Static output: every page is built from the Ritme
// plugin's API at build time; islands hydrate only where there is interaction.
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  integrations: [react()],
  build: { format: 'directory' },
});
