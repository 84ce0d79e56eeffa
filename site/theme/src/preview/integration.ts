/**
 * The preview mode of the ritme() integration (`mode: 'preview'` or
 * RITME_MODE=preview): every page rendered on demand from live Strapi data,
 * the pilot and editor entry points, the feedback endpoint, and the gate in
 * front of it all. None of this exists in the production build.
 */
import type { AstroIntegration } from 'astro';

type SetupParams = Parameters<NonNullable<AstroIntegration['hooks']['astro:config:setup']>>[0];

/** The theme's own files, from source (tests) or from dist (the installed package). */
const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const here = (file: string) => new URL(file, import.meta.url).pathname;

export function setupPreview({ injectRoute, addMiddleware }: Pick<SetupParams, 'injectRoute' | 'addMiddleware'>) {
  // import.meta.url is this module in source, dist/index.js once bundled: both sit next to preview/.
  const base = import.meta.url.includes('/preview/') ? './' : './preview/';
  const file = (name: string) => here(`${base}${name}`);
  injectRoute({ pattern: '/pilot', entrypoint: file(`routes/pilot${ext}`), prerender: false });
  injectRoute({ pattern: '/preview-entry', entrypoint: file(`routes/preview-entry${ext}`), prerender: false });
  injectRoute({ pattern: '/preview-api/feedback', entrypoint: file(`routes/feedback${ext}`), prerender: false });
  injectRoute({ pattern: '/preview-access/[reason]', entrypoint: file('routes/access.astro'), prerender: false });
  addMiddleware({ entrypoint: file(`middleware${ext}`), order: 'pre' });
}
