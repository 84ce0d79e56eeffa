// The Ritme intranet theme. By default a static build: every page is built
// from the Ritme plugin's API, islands hydrate only where there is interaction.
// With RITME_MODE=preview the same pages become the preview server for pilots
// (Node, on demand, drafts included). RITME_SITE_OUT / RITME_SITE_CACHE let
// tests and benchmarks build side by side.
//
// Every page carries a Content-Security-Policy (Astro's experimental.csp): a
// <meta> in static pages, a header on the preview server. Astro adds the hashes
// of the scripts and styles it renders itself to script-src and style-src, so no
// other inline script runs — an injected one included.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { isSafeHttpUrl } from '@ritme/shared';
import { defineConfig } from 'astro/config';
import { cssVariables } from './src/config/css-variables.ts';
import { publicCmsUrl } from './src/config/index.ts';
import { ritmePreview } from './src/preview/integration.ts';

const preview = process.env.RITME_MODE === 'preview';
const chrome = fileURLToPath(new URL(preview ? './src/preview/on' : './src/preview/off', import.meta.url));
// Browsers load photos from the CMS and send the forms to it.
if (!isSafeHttpUrl(publicCmsUrl)) {
  throw new Error(
    `The CMS URL browsers use must be an http(s) URL such as http://localhost:1337, not "${publicCmsUrl}": set PUBLIC_CMS_URL (or CMS_URL).`,
  );
}
const cmsOrigin = new URL(publicCmsUrl).origin;
/** The layout's inline theme colours: the one inline style Astro does not hash itself. */
const sha256 = (text) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: preview ? 'server' : 'static',
  adapter: preview ? node({ mode: 'standalone' }) : undefined,
  trailingSlash: 'always',
  integrations: [react(), ...(preview ? [ritmePreview()] : [])],
  build: { format: 'directory' },
  vite: { resolve: { alias: { '~preview': chrome } } },
  experimental: {
    csp: {
      directives: [
        "default-src 'self'",
        `img-src 'self' data: ${cmsOrigin}`,
        `connect-src 'self' ${cmsOrigin}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      styleDirective: { hashes: [sha256(cssVariables)] },
    },
  },
  ...(process.env.RITME_SITE_OUT ? { outDir: process.env.RITME_SITE_OUT } : {}),
  ...(process.env.RITME_SITE_CACHE ? { cacheDir: process.env.RITME_SITE_CACHE } : {}),
});
