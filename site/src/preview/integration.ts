/**
 * Turns the intranet build into the preview server (RITME_MODE=preview): every
 * page rendered on demand from live Strapi data, the pilot and editor entry
 * points, the feedback endpoint, and the gate in front of it all. None of this
 * exists in the production build.
 */
import type { AstroIntegration } from 'astro';

const here = (file: string) => new URL(file, import.meta.url).pathname;

export function ritmePreview(): AstroIntegration {
  return {
    name: 'ritme-preview',
    hooks: {
      'astro:config:setup': ({ injectRoute, addMiddleware }) => {
        injectRoute({ pattern: '/pilot', entrypoint: here('./routes/pilot.ts'), prerender: false });
        injectRoute({ pattern: '/preview-entry', entrypoint: here('./routes/preview-entry.ts'), prerender: false });
        injectRoute({ pattern: '/preview-api/feedback', entrypoint: here('./routes/feedback.ts'), prerender: false });
        injectRoute({
          pattern: '/preview-access/[reason]',
          entrypoint: here('./routes/access.astro'),
          prerender: false,
        });
        addMiddleware({ entrypoint: here('./middleware.ts'), order: 'pre' });
      },
      'astro:route:setup': ({ route }) => {
        route.prerender = false;
      },
    },
  };
}
