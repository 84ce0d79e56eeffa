/**
 * Signed preview sessions in an httpOnly cookie, and the signed links Strapi's
 * Preview button hands out. HMAC-SHA256 with the shared preview secret; every
 * comparison is constant-time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { previewLinkPayload } from '@ritme/shared';

export const SESSION_COOKIE = 'ritme_preview';

export type PreviewSession =
  | { kind: 'pilot'; invite: string; name: string; exp: number }
  | { kind: 'editor'; status: 'draft' | 'published'; exp: number };

const sign = (secret: string, value: string) => createHmac('sha256', secret).update(value).digest('base64url');

function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function encodeSession(secret: string, session: PreviewSession): string {
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function decodeSession(secret: string, cookie: string | undefined, now = Date.now()): PreviewSession | null {
  if (!cookie) return null;
  const [payload, signature] = cookie.split('.');
  if (!payload || !signature || !sameSignature(signature, sign(secret, payload))) return null;
  try {
    const session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PreviewSession;
    return typeof session.exp === 'number' && session.exp > now ? session : null;
  } catch {
    return null;
  }
}

export function verifyPreviewLink(
  secret: string,
  params: { path: string | null; status: string | null; exp: string | null; sig: string | null },
  now = Date.now(),
): { path: string; status: 'draft' | 'published' } | 'invalid' | 'expired' {
  const { path, status, exp, sig } = params;
  if (!path || !status || !exp || !sig || !path.startsWith('/') || path.startsWith('//')) return 'invalid';
  if (status !== 'draft' && status !== 'published') return 'invalid';
  if (!sameSignature(sig, sign(secret, previewLinkPayload(path, status, Number(exp))))) return 'invalid';
  if (Number(exp) <= now) return 'expired';
  return { path, status };
}

export const cookieOptions = (secure: boolean, expires: Date) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure,
  path: '/',
  expires,
});
