/**
 * The message Strapi's Preview button signs and the preview server checks: the
 * page, draft or published, the one document whose draft it opens (route,
 * documentId, locale), a one-time id, and until when the link works (ms since
 * epoch). Both sides HMAC it with the shared PREVIEW_SECRET.
 */
import type { ContentRoute } from './content.js';
import type { Locale } from './enums.js';

export interface PreviewLink {
  path: string;
  status: 'draft' | 'published';
  route: ContentRoute;
  documentId: string;
  locale: Locale;
  /** Random, once per link: the preview server opens each link once. */
  id: string;
  exp: number;
}

// The version tag keeps a signature over an older, shorter message from ever matching this one.
// Every field is checked for its own shape before verifying, so no field can spill into the next.
export const previewLinkPayload = (link: PreviewLink) =>
  ['ritme-preview-link/2', link.path, link.status, link.route, link.documentId, link.locale, link.id, link.exp].join(
    '\n',
  );

/** How long a link from the Preview button opens the preview (editors click it right away). */
export const PREVIEW_LINK_TTL_MS = 10 * 60 * 1000;
