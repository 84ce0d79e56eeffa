/**
 * GET /pilot/?token=… — a pilot opens their invite link. The token is checked
 * with Strapi (which stores only its hash), a signed httpOnly session is set,
 * and the browser is sent on without the token in the address bar.
 */
import type { APIRoute } from 'astro';
import { previewConfig } from '../config';
import { allowAttempt, openSession } from '../invites';
import { cookieOptions, encodeSession, SESSION_COOKIE } from '../session';

const SESSION_HOURS = 12;

export const GET: APIRoute = async (context) => {
  const config = previewConfig();
  const token = context.url.searchParams.get('token') ?? '';
  if (!allowAttempt(context.clientAddress)) return context.rewrite('/preview-access/too-many/');
  let session: Awaited<ReturnType<typeof openSession>>;
  try {
    session = token ? await openSession(config, token) : null;
  } catch {
    return context.rewrite('/preview-access/cms-down/');
  }
  if (session === 'busy') return context.rewrite('/preview-access/too-many/');
  if (!session) return context.rewrite('/preview-access/invalid/');
  if (session.state !== 'active') return context.rewrite(`/preview-access/${session.state}/`);

  const exp = Math.min(Date.parse(session.expiresAt), Date.now() + SESSION_HOURS * 3_600_000);
  context.cookies.set(
    SESSION_COOKIE,
    encodeSession(config.secret, { kind: 'pilot', invite: session.invite, name: session.name, exp }),
    cookieOptions(context.url.protocol === 'https:', new Date(exp)),
  );
  const target = context.url.searchParams.get('lang') === 'en' ? '/en/' : '/';
  return new Response(null, { status: 303, headers: { location: target } });
};
