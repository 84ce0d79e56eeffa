// @ts-check
/**
 * How a request path maps onto a static build, the way a careful web server
 * does it: percent-decoding once, refusing anything that could leave the build
 * folder (`..`, `.`, NUL, backslashes, malformed escapes), a directory's
 * index.html, a 301 to the slash form of a directory, and the site's own 404
 * page in the language of the path (`/en/…` → `en/404/index.html` when the
 * build has one, else `404.html`). Pure: the file system is asked through
 * `kind(relativePath)`, so tests need none.
 */
import path from 'node:path';

/**
 * @typedef {{ ok: true, segments: string[], slash: boolean, search: string } | { ok: false, status: 400 }} ParsedPath
 * @typedef {(relative: string) => Promise<'file' | 'dir' | null> | 'file' | 'dir' | null} KindOf
 * @typedef {{ type: 'file', relative: string, status: 200 | 404 }
 *   | { type: 'redirect', location: string }
 *   | { type: 'missing', relative: string | null }} Located
 */

/**
 * A request target (`/gedrag?x=1`) → its decoded path segments, or 400 for anything
 * a build folder cannot hold or that would step out of it.
 * @param {string} target
 * @returns {ParsedPath}
 */
export function parseRequestPath(target) {
  if (!target.startsWith('/')) return { ok: false, status: 400 };
  const query = target.indexOf('?');
  const rawPath = query === -1 ? target : target.slice(0, query);
  const search = query === -1 ? '' : target.slice(query);
  if (rawPath.includes('#')) return { ok: false, status: 400 };
  const raw = rawPath.split('/').slice(1);
  /** @type {string[]} */
  const segments = [];
  for (let i = 0; i < raw.length; i += 1) {
    const part = /** @type {string} */ (raw[i]);
    let decoded;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return { ok: false, status: 400 };
    }
    // Encoded slashes or backslashes would smuggle a separator past the split; NUL ends paths in C.
    if (/[/\\\0]/.test(decoded) || decoded === '.' || decoded === '..') return { ok: false, status: 400 };
    // Empty segments (`//`, the trailing slash) carry no name.
    if (decoded === '') {
      if (i === raw.length - 1) break;
      continue;
    }
    segments.push(decoded);
  }
  return { ok: true, segments, slash: rawPath.endsWith('/'), search };
}

/** The location of `segments` as a URL path, each segment encoded once. */
export const urlPathOf = (/** @type {string[]} */ segments, slash = false) =>
  `/${segments.map(encodeURIComponent).join('/')}${slash && segments.length > 0 ? '/' : ''}`;

/** A build-relative file path (always with `/`), never starting with one. */
const relativeOf = (/** @type {string[]} */ segments) => segments.join('/');

/**
 * Which 404 page answers `segments`: the one under their first segment when the
 * build has `<segment>/404/index.html` (the theme builds one per locale not at the
 * root), else the root `404.html`; null when the build has neither.
 * @param {string[]} segments
 * @param {KindOf} kind
 * @returns {Promise<string | null>}
 */
export async function notFoundPageFor(segments, kind) {
  const [first] = segments;
  if (first && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(first)) {
    const localized = `${first}/404/index.html`;
    if ((await kind(localized)) === 'file') return localized;
  }
  return (await kind('404.html')) === 'file' ? '404.html' : null;
}

/** The theme's 404 pages (root and per locale): served with status 404 also when asked for by name. */
const isNotFoundPage = (/** @type {string} */ relative) =>
  relative === '404.html' || /^[^/]+\/404\/index\.html$/.test(relative) || relative === '404/index.html';

/**
 * Where a parsed request path leads in a build.
 * @param {{ segments: string[], slash: boolean, search: string }} request
 * @param {KindOf} kind
 * @returns {Promise<Located>}
 */
export async function locate(request, kind) {
  const { segments, slash, search } = request;
  const relative = relativeOf(segments);
  const missing = async () =>
    /** @type {Located} */ ({ type: 'missing', relative: await notFoundPageFor(segments, kind) });
  if (segments.length === 0) {
    return (await kind('index.html')) === 'file' ? { type: 'file', relative: 'index.html', status: 200 } : missing();
  }
  const found = await kind(relative);
  if (found === 'file' && !slash) {
    return { type: 'file', relative, status: isNotFoundPage(relative) ? 404 : 200 };
  }
  if (found === 'dir') {
    const index = `${relative}/index.html`;
    if ((await kind(index)) !== 'file') return missing();
    if (!slash) return { type: 'redirect', location: `${urlPathOf(segments, true)}${search}` };
    return { type: 'file', relative: index, status: isNotFoundPage(index) ? 404 : 200 };
  }
  return missing();
}

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/**
 * Where a page's file goes in a static build: `/a/b/` → `a/b/index.html`. A feed's route path, whose last
 * segment names a file (`/a/agenda.ics/`, `/feed.xml/`: a slug never has a dot), is that file: `a/agenda.ics`.
 */
export function fileOf(/** @type {string} */ pagePath) {
  const trimmed = pagePath.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return 'index.html';
  return /\.[a-z0-9]+$/i.test(trimmed.slice(trimmed.lastIndexOf('/') + 1)) ? trimmed : `${trimmed}/index.html`;
}

export const contentTypeOf = (/** @type {string} */ file) =>
  TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/** Astro's hashed assets never change under one name; everything else is checked on every use. */
export const cacheControlOf = (/** @type {string} */ relative) =>
  relative.startsWith('_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache';

/** Whether an If-None-Match header names `etag` (weak or strong, in a list, or `*`). */
export function etagMatches(/** @type {string | undefined} */ header, /** @type {string} */ etag) {
  if (!header) return false;
  const bare = (/** @type {string} */ tag) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
