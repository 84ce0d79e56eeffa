/**
 * GET /pilot/?token=… — a pilot opens their invite link. The token is checked
 * with Strapi (which stores only its hash), a signed httpOnly session is set,
 * and the browser is sent on without the token in the address bar. Failed
 * attempts are limited per client address and per invite, here and in Strapi;
 * successful ones never are.
 */
import type { APIRoute } from 'astro';
import { clientOf } from '../client-address.mjs';
import { previewConfig } from '../config';
import { loginAttempt, openSession } from '../invites';
import { cookieOptions, encodeSession, SESSION_COOKIE } from '../session';

const SESSION_HOURS = 12;

export const GET: APIRoute = async (context) => {
  const config = previewConfig();
  const token = context.url.searchParams.get('token') ?? '';
  const client = clientOf(context);
  const attempt = loginAttempt(client);
  if (!attempt) return context.rewrite('/preview-access/too-many/');
  let session: Awaited<ReturnType<typeof openSession>>;
  try {
    session = token ? await openSession(config, token, client) : null;
  } catch {
    attempt.forget();
    return context.rewrite('/preview-access/cms-down/');
  }
  if (session === 'busy') {
    attempt.forget(); // Strapi counted it already
    return context.rewrite('/preview-access/too-many/');
  }
  if (!session) {
    attempt.failed();
    return context.rewrite('/preview-access/invalid/');
  }
  if (session.state !== 'active') {
    const shown = attempt.failed(session.invite) ? session.state : 'too-many';
    return context.rewrite(`/preview-access/${shown}/`);
  }
  attempt.forget();

  const exp = Math.min(Date.parse(session.expiresAt), Date.now() + SESSION_HOURS * 3_600_000);
  context.cookies.set(
    SESSION_COOKIE,
    encodeSession(config.secret, { kind: 'pilot', invite: session.invite, name: session.name, exp }),
    cookieOptions(context.url.protocol === 'https:', new Date(exp)),
  );
  const target = context.url.searchParams.get('lang') === 'en' ? '/en/' : '/';
  return new Response(null, { status: 303, headers: { location: target } });
};
