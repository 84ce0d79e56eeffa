/**
 * What editors shared with pilots, for the co-design page: every entry whose
 * draft has "Share with pilots" on, per locale never published, published with
 * unpublished changes, or as published. Pilots see exactly these drafts (and
 * the sessions of a shared training); everything else as it is published.
 */
import type { ContentRoute, Locale, SharedDraft } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { SLUG_SOURCES } from '../document-middlewares/slugs';
import { rows } from '../documents';
import { READ_MODELS } from '../read-models';
import { type Doc, iso, str } from '../read-models/refs';
import { editedSincePublished } from '../read-models/scope';
import { servedLocales } from './locales';

const LIMIT_PER_TYPE = 500;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(): Promise<SharedDraft[]> {
    const shared: SharedDraft[] = [];
    const locales = await servedLocales(strapi);
    // Served locales in their order (the default first); any other after them.
    const rank = (locale: unknown) => {
      const at = locales.indexOf(String(locale));
      return at === -1 ? locales.length : at;
    };
    for (const [route, model] of Object.entries(READ_MODELS) as [ContentRoute, (typeof READ_MODELS)[ContentRoute]][]) {
      const titleField = SLUG_SOURCES[model.uid] ?? 'title';
      const drafts = await rows(strapi, model.uid).findMany({
        where: { publishedAt: null, sharedWithPilots: true },
        select: ['documentId', 'locale', 'updatedAt', titleField],
        limit: LIMIT_PER_TYPE,
      });
      if (drafts.length === 0) continue;
      const ids = [...new Set(drafts.map((row) => row.documentId))];
      const live = await rows(strapi, model.uid).findMany({
        where: { publishedAt: { $notNull: true }, documentId: { $in: ids } },
        select: ['documentId', 'locale', 'updatedAt'],
      });
      const liveOf = new Map(live.map((row) => [`${row.documentId}:${row.locale}`, row]));
      for (const documentId of ids) {
        const versions = drafts
          .filter((row) => row.documentId === documentId)
          .sort((a, b) => rank(a.locale) - rank(b.locale));
        const first = versions[0] as Doc;
        shared.push({
          route,
          uid: model.uid,
          documentId,
          title: str(first[titleField]),
          locales: versions.map((row) => {
            const published = liveOf.get(`${documentId}:${row.locale}`);
            const status = !published ? 'draft' : editedSincePublished(row, published) ? 'modified' : 'published';
            return { locale: row.locale as Locale, status };
          }),
          updatedAt: iso(
            versions
              .map((row) => iso(row.updatedAt))
              .sort()
              .at(-1),
          ),
        });
      }
    }
    return shared.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  },
});
