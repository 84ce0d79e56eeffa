/**
 * GET /preview-entry/?path=…&status=…&route=…&document=…&locale=…&id=…&exp=…&sig=…
 * — where Strapi's Preview button lands. The link is signed by Strapi with the
 * shared preview secret, works for a few minutes and opens once; it starts an
 * editor session for that one document and opens its page.
 */
import type { APIRoute } from 'astro';
import { previewConfig } from '../config';
import { cookieOptions, editorSession, encodeSession, SESSION_COOKIE, verifyPreviewLink } from '../session';
import { claimLink } from '../used-links';

const SESSION_HOURS = 2;

export const GET: APIRoute = async (context) => {
  const config = previewConfig();
  const link = verifyPreviewLink(config.secret, context.url.searchParams);
  if (link === 'invalid') return context.rewrite('/preview-access/invalid-link/');
  if (link === 'expired') return context.rewrite('/preview-access/link-expired/');
  let claim: Awaited<ReturnType<typeof claimLink>>;
  try {
    claim = await claimLink(config, link.id, link.exp);
  } catch {
    return context.rewrite('/preview-access/cms-down/');
  }
  if (claim === 'used') return context.rewrite('/preview-access/link-used/');
  const exp = Date.now() + SESSION_HOURS * 3_600_000;
  context.cookies.set(
    SESSION_COOKIE,
    encodeSession(config.secret, editorSession(link, exp)),
    cookieOptions(context.url.protocol === 'https:', new Date(exp)),
  );
  return new Response(null, { status: 303, headers: { location: link.path } });
};
