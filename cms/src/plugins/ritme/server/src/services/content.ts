/**
 * Reads content for the API. Public routes read with the public scope: only
 * published versions, and only parameters the shared query schemas checked
 * (allow-listed filters, sort fields and served keys) reach the Document
 * Service, so no request can turn up a draft. Filters and sort run in the
 * database, and the count uses the same filters, so totals match the pages.
 * Only the preview routes, behind the preview token, pass a preview scope
 * (see read-models/scope.ts).
 */
import type { ContentListQuery, ContentRoute, Locale, Localization } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import type { RitmeUid } from '../documents';
import { READ_MODELS, type ReadModel } from '../read-models';
import { PUBLIC_READ, type ReadScope, type ScopedReader, scopedReader } from '../read-models/scope';
import { assertServed } from './locales';

type WithDocumentId = { documentId: string };
type Entry = WithDocumentId & Record<string, unknown>;

/**
 * The caller's sort, then the type's own order, then documentId: a total order,
 * so pages never overlap or skip entries that tie on the caller's fields.
 */
export function sortOf(model: ReadModel<unknown>, requested: readonly string[] = []): string[] {
  const seen = new Set<string>();
  return [...requested, ...model.sort, 'documentId:asc'].filter((entry) => {
    const field = entry.split(':')[0] ?? entry;
    if (seen.has(field)) return false;
    seen.add(field);
    return true;
  });
}

/** Only the relations a selection serves are populated (all of them without one). */
const populateFor = (model: ReadModel<unknown>, select?: readonly string[]) =>
  select === undefined
    ? model.populate
    : Object.fromEntries(Object.entries(model.populate).filter(([key]) => select.includes(key)));

/** The served keys asked for, and the preview mark when there is one. */
const pick = (entry: Entry, select?: readonly string[]): Entry =>
  select === undefined
    ? entry
    : (Object.fromEntries(Object.entries(entry).filter(([key]) => select.includes(key) || key === 'preview')) as Entry);

async function shape(
  reader: ScopedReader,
  model: ReadModel<unknown>,
  docs: Record<string, unknown>[],
  select?: readonly string[],
) {
  const entries = docs.map((doc) => model.toDto(doc as never) as Entry);
  const withLocalizations =
    select === undefined || select.includes('localizations')
      ? await reader.withLocalizations(model.uid, entries)
      : entries;
  return withLocalizations.map((entry) => pick(entry, select));
}

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

  /**
   * One page of a type, in Strapi's list envelope. Page-based paging answers
   * `{ page, pageSize, pageCount, total }`, offset paging `{ start, limit, total }`;
   * `withCount: false` leaves out the count (and `pageCount`).
   */
  async list(route: ContentRoute, query: ContentListQuery, scope: ReadScope = PUBLIC_READ) {
    const model = READ_MODELS[route];
    await assertServed(strapi, query.locale);
    const reader = scopedReader(strapi, scope, query.locale);
    const [docs, total] = await Promise.all([
      reader.findMany(model.uid, {
        filters: query.filters,
        sort: sortOf(model, query.sort),
        populate: populateFor(model, query.select),
        limit: query.limit,
        start: query.start,
      }),
      query.withCount ? reader.count(model.uid, query.filters) : Promise.resolve(undefined),
    ]);
    const data = await shape(reader, model, docs, query.select);
    const counted = total === undefined ? {} : { total };
    const pagination =
      query.paging === 'offset'
        ? { start: query.start, limit: query.limit, ...counted }
        : {
            page: query.page,
            pageSize: query.pageSize,
            ...(total === undefined ? {} : { pageCount: Math.ceil(total / query.pageSize), total }),
          };
    return { data, meta: { pagination } };
  },

  /** One entry by documentId or slug, as the scope shows it, or null; `select` as `fields`/`populate` asked. */
  async findOne(
    route: ContentRoute,
    idOrSlug: string,
    locale: Locale,
    scope: ReadScope = PUBLIC_READ,
    select?: readonly string[],
  ) {
    const model = READ_MODELS[route];
    await assertServed(strapi, locale);
    const reader = scopedReader(strapi, scope, locale);
    const doc = await reader.findFirst(model.uid, {
      filters: { $or: [{ documentId: idOrSlug }, { slug: idOrSlug }] },
      populate: populateFor(model, select),
    });
    if (!doc) return null;
    const [entry] = await shape(reader, model, [doc], select);
    return entry ?? null;
  },
});
