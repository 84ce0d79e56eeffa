/**
 * Signed preview sessions in an httpOnly cookie, and the signed links Strapi's
 * Preview button hands out. HMAC-SHA256 with the shared preview secret; every
 * comparison is constant-time. An editor's session is for the one document its
 * link was signed for; a pilot's for what editors shared with pilots.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  CONTENT_ROUTES,
  type ContentRoute,
  documentId,
  LocaleCode,
  type PreviewLink,
  previewLinkPayload,
} from '@ritme/shared';
import { z } from 'zod';

export const SESSION_COOKIE = 'ritme_preview';

const route = z.enum(CONTENT_ROUTES as [ContentRoute, ...ContentRoute[]]);
const locale = LocaleCode;
const status = z.enum(['draft', 'published']);
/** A site path: one leading slash, no host, no whitespace (so no field of a signed link can spill into the next). */
const sitePath = z.string().regex(/^\/(?!\/)[^\s\\]*$/);
const linkId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

// Checked on every request: a cookie of another shape (an older editor session that showed every draft) is no session.
const SessionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pilot'), invite: z.string().min(1), name: z.string(), exp: z.number() }),
  z.strictObject({ kind: z.literal('editor'), status, route, documentId, locale, exp: z.number() }),
]);
export type PreviewSession = z.infer<typeof SessionSchema>;
export type EditorSession = Extract<PreviewSession, { kind: 'editor' }>;

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
    const session = SessionSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return session.success && session.data.exp > now ? session.data : null;
  } catch {
    return null;
  }
}

const LinkSchema = z.object({
  path: sitePath,
  status,
  route,
  document: documentId,
  locale,
  id: linkId,
  exp: z.string().regex(/^\d{1,16}$/),
  sig: z.string().min(1),
});

/** A Preview link's query string, checked: its own shape, then its signature, then its expiry. */
export function verifyPreviewLink(
  secret: string,
  params: URLSearchParams,
  now = Date.now(),
): PreviewLink | 'invalid' | 'expired' {
  const parsed = LinkSchema.safeParse(Object.fromEntries(params));
  if (!parsed.success) return 'invalid';
  const { document, exp, sig, ...rest } = parsed.data;
  const link: PreviewLink = { ...rest, documentId: document, exp: Number(exp) };
  if (!sameSignature(sig, sign(secret, previewLinkPayload(link)))) return 'invalid';
  if (link.exp <= now) return 'expired';
  return link;
}

/** The editor session a verified link opens: that document, in that locale, draft or published. */
export const editorSession = (link: PreviewLink, exp: number): EditorSession => ({
  kind: 'editor',
  status: link.status,
  route: link.route,
  documentId: link.documentId,
  locale: link.locale,
  exp,
});

export const cookieOptions = (secure: boolean, expires: Date) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure,
  path: '/',
  expires,
});
