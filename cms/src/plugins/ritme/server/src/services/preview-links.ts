/**
 * Links for Strapi's Preview button: the entry's page on the preview server, in
 * its locale, draft or published, signed with the shared preview secret and
 * valid for a few minutes. Without a secret configured, there is no preview.
 */
import { createHmac } from 'node:crypto';
import { type ContentRoute, type Locale, PREVIEW_LINK_TTL_MS, pathForEntry, previewLinkPayload } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { documents } from '../documents';
import { READ_MODELS } from '../read-models';

const ROUTE_OF: Record<string, ContentRoute> = Object.fromEntries(
  Object.entries(READ_MODELS).map(([route, model]) => [model.uid, route as ContentRoute]),
);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async urlFor(
    uid: string,
    target: { documentId: string; locale?: string | null; status?: string | null },
    now = Date.now(),
  ): Promise<string | null> {
    const secret = strapi.plugin('ritme').config('previewSecret') as string | undefined;
    const route = ROUTE_OF[uid];
    if (!secret || !route) return null;
    const locale: Locale = target.locale === 'en' ? 'en' : 'nl';
    const status = target.status === 'published' ? 'published' : 'draft';
    const doc = await documents(strapi, READ_MODELS[route].uid).findOne({
      documentId: target.documentId,
      locale,
      status,
      fields: ['slug'],
    });
    if (!doc?.slug) return null;
    const path = pathForEntry(route, locale, String(doc.slug));
    const exp = now + PREVIEW_LINK_TTL_MS;
    const sig = createHmac('sha256', secret)
      .update(previewLinkPayload(path, status, exp))
      .digest('base64url');
    const base = String(strapi.plugin('ritme').config('previewUrl')).replace(/\/+$/, '');
    const query = new URLSearchParams({ path, status, exp: String(exp), sig });
    return `${base}/preview-entry/?${query}`;
  },
});
