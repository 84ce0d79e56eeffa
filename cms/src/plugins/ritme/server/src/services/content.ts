/**
 * Reads content for the API. Public routes always get `status: 'published'`
 * (no caller-supplied parameter reaches the Document Service, so no request can
 * turn up a draft); only the preview routes, behind the preview token, pass 'draft'.
 */
import { type ContentRoute, type ListQuery, LOCALES, type Locale, type Localization } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { documents, type RitmeUid } from '../documents';

export type Status = 'published' | 'draft';

import { READ_MODELS } from '../read-models';

type WithDocumentId = { documentId: string };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Add, to each entry, its published translations (for hreflang links and the language switcher). */
  async withLocalizations<T extends WithDocumentId>(
    uid: RitmeUid,
    entries: T[],
    locale: Locale,
    status: Status = 'published',
  ): Promise<(T & { localizations: Localization[] })[]> {
    const ids = entries.map((entry) => entry.documentId);
    const byId = new Map<string, Localization[]>(ids.map((id) => [id, []]));
    if (ids.length > 0) {
      for (const other of LOCALES.filter((code) => code !== locale)) {
        const translations = await documents(strapi, uid).findMany({
          locale: other,
          status,
          filters: { documentId: { $in: ids } },
          fields: ['slug'],
          limit: ids.length,
        });
        for (const translation of translations) {
          byId.get(translation.documentId)?.push({
            locale: other,
            slug: String(translation.slug ?? ''),
            documentId: translation.documentId,
          });
        }
      }
    }
    return entries.map((entry) => ({ ...entry, localizations: byId.get(entry.documentId) ?? [] }));
  },

  async list(route: ContentRoute, query: ListQuery, status: Status = 'published') {
    const model = READ_MODELS[route];
    const published = { locale: query.locale, status };
    const [docs, total] = await Promise.all([
      documents(strapi, model.uid).findMany({
        ...published,
        sort: model.sort,
        populate: model.populate,
        limit: query.pageSize,
        start: (query.page - 1) * query.pageSize,
      }),
      documents(strapi, model.uid).count(published),
    ]);
    const data = await this.withLocalizations(
      model.uid,
      docs.map((doc) => model.toDto(doc) as WithDocumentId),
      query.locale,
      status,
    );
    return {
      data,
      meta: {
        pagination: {
          page: query.page,
          pageSize: query.pageSize,
          pageCount: Math.ceil(total / query.pageSize),
          total,
        },
      },
    };
  },

  /** One published entry by documentId or slug, or null. */
  async findOne(route: ContentRoute, idOrSlug: string, locale: Locale, status: Status = 'published') {
    const model = READ_MODELS[route];
    const doc = await documents(strapi, model.uid).findFirst({
      locale,
      status,
      filters: { $or: [{ documentId: idOrSlug }, { slug: idOrSlug }] },
      populate: model.populate,
    });
    if (!doc) return null;
    const [entry] = await this.withLocalizations(model.uid, [model.toDto(doc) as WithDocumentId], locale, status);
    return entry ?? null;
  },
});
