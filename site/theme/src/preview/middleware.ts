/**
 * The preview server's gate. Every page needs a session: a pilot's (from an
 * invite link, re-checked against Strapi on each request) or an editor's (from
 * Strapi's Preview button). The session decides which drafts the pages show
 * (visibility.ts). Every response is marked noindex and uncacheable, and only
 * the CMS may frame it.
 */

import { defineMiddleware } from 'astro:middleware';
import { theme } from '../config';
import { resolvePage } from '../data/resolve';
import { previewConfig } from './config';
import { inviteState } from './invites';
import { liveSource } from './live-source';
import { decodeSession, SESSION_COOKIE } from './session';
import { draftsFor, rememberShownEntry } from './visibility';

const OPEN = ['/_astro/', '/pilot/', '/preview-entry/', '/preview-access/'];
const isOpen = (pathname: string) =>
  OPEN.some((prefix) => pathname.startsWith(prefix)) || /^\/[^/]+\.(svg|png|ico|txt)$/.test(pathname);

export const onRequest = defineMiddleware(async (context, next) => {
  const config = previewConfig();
  let response: Response;
  if (isOpen(context.url.pathname)) {
    response = await next();
  } else {
    const session = decodeSession(config.secret, context.cookies.get(SESSION_COOKIE)?.value);
    let state: Awaited<ReturnType<typeof inviteState>> | 'down' = 'active';
    if (session?.kind === 'pilot') state = await inviteState(config, session.invite).catch(() => 'down' as const);
    if (!session) {
      response = await context.rewrite('/preview-access/no-session/');
    } else if (state === 'down') {
      response = await context.rewrite('/preview-access/cms-down/');
    } else if (state !== 'active') {
      response = await context.rewrite(`/preview-access/${state === 'unknown' ? 'revoked' : state}/`);
    } else {
      const source = liveSource(config, (locale) => draftsFor(session, locale));
      context.locals.ritmePreview = {
        session,
        build: config.build,
        cmsOrigin: config.cmsOrigin,
        // Only what the requested page shows is read from Strapi (data/resolve.ts).
        async resolve(pathname: string) {
          const props = (await resolvePage(source, theme.locales, pathname, new Date()))?.props ?? null;
          if (props) rememberShownEntry(context.locals, props);
          return props;
        },
      };
      response = await next();
    }
  }
  // A copy, because some responses (redirects, rewrites) come with read-only headers.
  const out = new Response(response.body, response);
  const headers = out.headers;
  headers.set('X-Robots-Tag', 'noindex, nofollow');
  headers.set('Cache-Control', 'private, no-store');
  headers.set('Vary', 'Cookie');
  headers.set('Referrer-Policy', 'no-referrer');
  // A second policy next to Astro's own (script and style hashes, set on every rendered page):
  // frame-ancestors works only as a header, and it covers responses Astro sets none on.
  // A rewrite passes through here twice; the policy is added once.
  const policy = `frame-ancestors 'self' ${config.cmsOrigin}; object-src 'none'; base-uri 'self'`;
  if (!headers.get('Content-Security-Policy')?.includes(policy)) headers.append('Content-Security-Policy', policy);
  headers.set('X-Content-Type-Options', 'nosniff');
  return out;
});
