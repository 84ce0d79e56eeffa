/**
 * Which URLs from editors and employees may become a link or an image. A value
 * like `javascript:alert(1)` in a session's online link would run in every
 * reader's browser when clicked, so a URL is accepted only when it is plainly
 * an absolute http(s) address. The plugin refuses other values at the API and
 * the site renders no link for them: the same function on both sides.
 */

/** Longer than any meeting or media link an editor pastes; longer values are refused, not cut. */
export const MAX_URL_LENGTH = 2048;

// Whitespace (ASCII and Unicode) and C0/C1 control characters: browsers strip or
// skip some of them while parsing ("java\tscript:"), so no accepted URL holds any.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE_CHARACTERS = /[\s\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/u;

/**
 * The URL, normalised (`new URL(value).href`), when `value` is an absolute
 * http:// or https:// URL with a host and without credentials (`user:pass@`),
 * whitespace or control characters; otherwise null.
 */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL_LENGTH) return null;
  if (UNSAFE_CHARACTERS.test(value)) return null;
  // Only an explicit scheme: "example.org" or "//example.org" depend on where they are shown.
  if (!/^https?:\/\//i.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** A plain e-mail address: no spaces, quotes, `?`, `&` or anything else a mailto: link could be bent with. */
const PLAIN_EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,63}$/;

/** `mailto:<address>` for a plain e-mail address of at most 254 characters; otherwise null. */
export function mailtoOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const address = value.trim();
  return address.length <= 254 && PLAIN_EMAIL.test(address) ? `mailto:${address}` : null;
}

/** Whether `value` is accepted by safeHttpUrl. */
export function isSafeHttpUrl(value: unknown): boolean {
  return safeHttpUrl(value) !== null;
}

/**
 * `value` when it is a path on this site ("/groepen/x/"), for links the API
 * computes to the site's own pages; null for anything a browser would take
 * elsewhere: a scheme, `//host`, `/\host`, whitespace or control characters.
 */
export function safeSitePath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return null;
  if (!/^\/(?![/\\])/.test(value) || UNSAFE_CHARACTERS.test(value)) return null;
  const base = 'https://site.invalid';
  return new URL(value, base).origin === base ? value : null;
}

/**
 * Where a browser can load a media file Strapi names (a person's photo, an
 * image in a body): Strapi's local upload provider gives paths such as
 * `/uploads/anna.jpg`, served by the CMS, so those are resolved against the
 * CMS's public URL; cloud providers give absolute http(s) URLs. Anything else
 * (`data:`, `javascript:`, `//host/…`) gives null.
 */
export function mediaUrl(value: unknown, cmsUrl: string): string | null {
  if (typeof value === 'string' && /^\/(?![/\\])/.test(value)) {
    // Appended, not resolved: a CMS served under a path (https://host/cms) serves its uploads there too.
    return isSafeHttpUrl(cmsUrl) ? safeHttpUrl(`${cmsUrl.replace(/\/+$/, '')}${value}`) : null;
  }
  return safeHttpUrl(value);
}
