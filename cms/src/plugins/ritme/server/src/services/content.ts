/**
 * Reads content for the API. Public routes read with the public scope: only
 * published versions, and no caller-supplied parameter reaches the Document
 * Service, so no request can turn up a draft. Only the preview routes, behind
 * the preview token, pass a preview scope (see read-models/scope.ts).
 */
import type { ContentRoute, ListQuery, Locale, Localization } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import type { RitmeUid } from '../documents';
import { READ_MODELS } from '../read-models';
import { PUBLIC_READ, type ReadScope, scopedReader } from '../read-models/scope';

type WithDocumentId = { documentId: string };

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Add, to each entry, the translations its reader may show (for hreflang links and the language switcher). */
  async withLocalizations<T extends WithDocumentId>(
    uid: RitmeUid,
    entries: T[],
    locale: Locale,
    scope: ReadScope = PUBLIC_READ,
  ): Promise<(T & { localizations: Localization[] })[]> {
    return scopedReader(strapi, scope, locale).withLocalizations(uid, entries);
  },

  async list(route: ContentRoute, query: ListQuery, scope: ReadScope = PUBLIC_READ) {
    const model = READ_MODELS[route];
    const reader = scopedReader(strapi, scope, query.locale);
    const [docs, total] = await Promise.all([
      reader.findMany(model.uid, {
        sort: model.sort,
        populate: model.populate,
        limit: query.pageSize,
        start: (query.page - 1) * query.pageSize,
      }),
      reader.count(model.uid),
    ]);
    const data = await reader.withLocalizations(
      model.uid,
      docs.map((doc) => model.toDto(doc) as WithDocumentId),
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

  /** One entry by documentId or slug, as the scope shows it, or null. */
  async findOne(route: ContentRoute, idOrSlug: string, locale: Locale, scope: ReadScope = PUBLIC_READ) {
    const model = READ_MODELS[route];
    const reader = scopedReader(strapi, scope, locale);
    const doc = await reader.findFirst(model.uid, {
      filters: { $or: [{ documentId: idOrSlug }, { slug: idOrSlug }] },
      populate: model.populate,
    });
    if (!doc) return null;
    const [entry] = await reader.withLocalizations(model.uid, [model.toDto(doc) as WithDocumentId]);
    return entry ?? null;
  },
});
