/**
 * GET /preview-entry/?path=…&status=…&exp=…&sig=… — where Strapi's Preview
 * button lands. The link is signed by Strapi with the shared preview secret and
 * works for a few minutes; it starts an editor session and opens the page.
 */
import type { APIRoute } from 'astro';
import { previewConfig } from '../config';
import { cookieOptions, encodeSession, SESSION_COOKIE, verifyPreviewLink } from '../session';

const SESSION_HOURS = 2;

export const GET: APIRoute = async (context) => {
  const config = previewConfig();
  const params = context.url.searchParams;
  const link = verifyPreviewLink(config.secret, {
    path: params.get('path'),
    status: params.get('status'),
    exp: params.get('exp'),
    sig: params.get('sig'),
  });
  if (link === 'invalid') return context.rewrite('/preview-access/invalid-link/');
  if (link === 'expired') return context.rewrite('/preview-access/link-expired/');
  const exp = Date.now() + SESSION_HOURS * 3_600_000;
  context.cookies.set(
    SESSION_COOKIE,
    encodeSession(config.secret, { kind: 'editor', status: link.status, exp }),
    cookieOptions(context.url.protocol === 'https:', new Date(exp)),
  );
  return new Response(null, { status: 303, headers: { location: link.path } });
};
