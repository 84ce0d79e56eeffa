/**
 * Render mode: only the renderer may ask (its token on every request), and
 * pages come from its last plan rather than from getStaticPaths.
 */
import { defineMiddleware } from 'astro:middleware';
import { RENDER_TOKEN_HEADER, renderRegistry } from './registry';

export const onRequest = defineMiddleware(async (context, next) => {
  const registry = renderRegistry();
  if (!registry || context.request.headers.get(RENDER_TOKEN_HEADER) !== registry.token) {
    return new Response('Not found', { status: 404 });
  }
  context.locals.ritmeRender = {
    resolve: (pathname: string) => registry.pages.get(pathname.endsWith('/') ? pathname : `${pathname}/`) ?? null,
  };
  return next();
});
