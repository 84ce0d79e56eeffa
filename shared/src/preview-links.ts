/**
 * The message Strapi's Preview button signs and the preview server checks: the
 * page, draft or published, and until when the link works (ms since epoch).
 * Both sides HMAC it with the shared PREVIEW_SECRET.
 */
export const previewLinkPayload = (path: string, status: string, exp: number) => `${path}\n${status}\n${exp}`;

/** How long a link from the Preview button opens the preview (editors click it right away). */
export const PREVIEW_LINK_TTL_MS = 10 * 60 * 1000;
