/**
 * Which version of each document a read shows. Public reads: the published
 * version, or nothing. Preview reads: the same, except for the drafts of their
 * scope — every draft editors shared with pilots (`shared`), or the one
 * document an editor opened with Strapi's Preview button (its documentId) —
 * and every entry carries a preview mark. The scope holds through relations: a
 * shared draft that links to an unshared draft group shows nothing of that
 * group, and a link to a published entry shows its published version, never
 * its unpublished edits (a draft's relations point at drafts in Strapi 5).
 */
import { DRAFTS_SHARED, type DraftScope, type Locale, type Localization } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { documents, type RitmeUid, rows } from '../documents';
import { servedLocales } from '../services/locales';
import { attributesOf, completeDraft } from './drafts';
import { type Doc, iso, type MarkedDoc, PREVIEW_MARK } from './refs';

export type ReadScope = { kind: 'public' } | { kind: 'preview'; drafts: DraftScope | null };
export const PUBLIC_READ: ReadScope = { kind: 'public' };

/** Types without a switch of their own: a training's sessions are in scope when the training is. */
const FOLLOWS: Record<string, { via: string }> = {
  'plugin::ritme.training-session': { via: 'training' },
};

type Filters = Record<string, unknown>;
export interface ReadQuery {
  filters?: Filters;
  sort?: readonly string[];
  fields?: readonly string[];
  populate?: Record<string, unknown>;
  limit?: number;
  start?: number;
}
/** A document as a read will show it, and whether that is its draft. */
interface Shown {
  doc: Doc;
  draft: boolean;
}

const and = (filters: Filters | undefined, extra: Filters): Filters => (filters ? { $and: [filters, extra] } : extra);
/** Strapi's parameter checks dislike keys that are present but undefined. */
const defined = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
const asList = (value: unknown): Doc[] =>
  Array.isArray(value) ? (value as Doc[]) : value && typeof value === 'object' ? [value as Doc] : [];
const time = (value: unknown) => (value === null || value === undefined ? 0 : Date.parse(iso(value)));
/** As Strapi's Content Manager says it: a draft edited after publishing is "modified", not published. */
export const editedSincePublished = (draft: Doc | undefined, live: Doc) =>
  time(draft?.updatedAt) > time(live.updatedAt);

/** The same order as the database's `sort`, for drafts and published versions read apart. */
function compareBy(sort: readonly string[] = []) {
  const keys = sort.map((entry) => {
    const [field = '', direction] = entry.split(':');
    return { field, sign: direction === 'desc' ? -1 : 1 };
  });
  const value = (doc: Doc, field: string) => {
    const raw = doc[field];
    return raw instanceof Date ? raw.getTime() : (raw as string | number | null | undefined);
  };
  return (a: Shown, b: Shown) => {
    for (const { field, sign } of keys) {
      const x = value(a.doc, field);
      const y = value(b.doc, field);
      if (x === y) continue;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return a.doc.documentId < b.doc.documentId ? -1 : 1;
  };
}

export function scopedReader(strapi: Core.Strapi, scope: ReadScope, locale: Locale) {
  const drafts = scope.kind === 'preview' ? scope.drafts : null;
  const attributes = (uid: string) => attributesOf(strapi, uid);
  const inScopeCache = new Map<string, Promise<Set<string>>>();

  /** The documents of `uid` whose draft this read shows, in its locale. */
  async function findInScope(uid: RitmeUid): Promise<string[]> {
    if (drafts === null) return [];
    const follows = FOLLOWS[uid];
    if (!follows && drafts !== DRAFTS_SHARED) return [drafts];
    if (!follows && !('sharedWithPilots' in attributes(uid))) return [];
    const owner = drafts === DRAFTS_SHARED ? { sharedWithPilots: true } : { documentId: drafts };
    const found = await rows(strapi, uid).findMany({
      where: { ...(follows ? { [follows.via]: owner } : owner), locale, publishedAt: null },
      select: ['documentId'],
    });
    return found.map((row) => row.documentId);
  }
  function inScope(uid: RitmeUid): Promise<Set<string>> {
    let ids = inScopeCache.get(uid);
    if (!ids) {
      ids = findInScope(uid).then((found) => new Set(found));
      inScopeCache.set(uid, ids);
    }
    return ids;
  }

  /** Drafts in scope and published versions of the rest, merged in `sort` order, one page of them. */
  async function pick(uid: RitmeUid, ids: string[], query: ReadQuery): Promise<Shown[]> {
    const fields = [...new Set(['documentId', ...(query.sort ?? []).map((entry) => entry.split(':')[0] as string)])];
    const [draftKeys, publishedKeys] = await Promise.all([
      documents(strapi, uid).findMany({
        locale,
        status: 'draft',
        filters: and(query.filters, { documentId: { $in: ids } }),
        fields,
      }),
      documents(strapi, uid).findMany({
        locale,
        status: 'published',
        filters: and(query.filters, { documentId: { $notIn: ids } }),
        fields,
      }),
    ]);
    const merged = [
      ...draftKeys.map((doc) => ({ doc, draft: true })),
      ...publishedKeys.map((doc) => ({ doc, draft: false })),
    ].sort(compareBy(query.sort));
    const start = query.start ?? 0;
    return merged.slice(start, query.limit === undefined ? undefined : start + query.limit);
  }

  /** The picked documents with everything the query asks for, in the picked order. */
  async function load(uid: RitmeUid, picked: Shown[], query: ReadQuery): Promise<Shown[]> {
    const fetch = async (draft: boolean) => {
      const wanted = picked.filter((entry) => entry.draft === draft).map((entry) => entry.doc.documentId);
      if (wanted.length === 0) return [];
      return documents(strapi, uid).findMany(
        defined({
          locale,
          status: draft ? 'draft' : 'published',
          filters: { documentId: { $in: wanted } },
          fields: query.fields,
          populate: query.populate,
          limit: wanted.length,
        }),
      );
    };
    const [draftDocs, publishedDocs] = await Promise.all([fetch(true), fetch(false)]);
    const found = new Map<string, Doc>([
      ...draftDocs.map((doc) => [`draft:${doc.documentId}`, doc] as const),
      ...publishedDocs.map((doc) => [`published:${doc.documentId}`, doc] as const),
    ]);
    return picked.flatMap(({ doc, draft }) => {
      const full = found.get(`${draft ? 'draft' : 'published'}:${doc.documentId}`);
      return full ? [{ doc: full, draft }] : [];
    });
  }

  /**
   * A draft's related documents as this read may show them: drafts in scope
   * (and a training's sessions) as they are, anything else as published, or
   * not at all. A published version's relations already point at published ones.
   */
  async function limitRelation(key: string, target: RitmeUid, spec: unknown, parents: Shown[]) {
    const allowed = FOLLOWS[target] ? null : await inScope(target);
    const replace = new Set<string>();
    for (const parent of parents) {
      if (!parent.draft || !allowed) continue;
      for (const related of asList(parent.doc[key]))
        if (!allowed.has(related.documentId)) replace.add(related.documentId);
    }
    const sub = (spec && typeof spec === 'object' ? spec : {}) as { fields?: string[]; populate?: unknown };
    const published =
      replace.size === 0
        ? []
        : await documents(strapi, target).findMany(
            defined({
              locale,
              status: 'published',
              filters: { documentId: { $in: [...replace] } },
              fields: sub.fields,
              populate: sub.populate,
              limit: replace.size,
            }),
          );
    const publishedById = new Map(published.map((doc) => [doc.documentId, doc]));

    const perParent = parents.map((parent) =>
      asList(parent.doc[key]).flatMap((related): Shown[] => {
        if (!parent.draft) return [{ doc: related, draft: false }];
        if (!allowed || allowed.has(related.documentId)) return [{ doc: related, draft: true }];
        const instead = publishedById.get(related.documentId);
        return instead ? [{ doc: instead, draft: false }] : [];
      }),
    );
    const marked = await mark(target, perParent.flat());
    let at = 0;
    parents.forEach((parent, index) => {
      const list = (perParent[index] ?? []).flatMap(() => {
        const doc = marked[at];
        at += 1;
        return doc ? [doc] : [];
      });
      parent.doc[key] = Array.isArray(parent.doc[key]) ? list : (list[0] ?? null);
    });
  }

  /** Fill in incomplete drafts and add each one's preview mark; null where a draft cannot be shown. */
  async function mark(uid: RitmeUid, shown: Shown[]): Promise<(Doc | null)[]> {
    if (shown.length === 0) return [];
    const shareable = 'sharedWithPilots' in attributes(uid);
    const versions = await rows(strapi, uid).findMany({
      where: { documentId: { $in: [...new Set(shown.map(({ doc }) => doc.documentId))] }, locale },
      select: ['documentId', 'publishedAt', 'updatedAt', ...(shareable ? ['sharedWithPilots'] : [])],
    });
    const draftRow = new Map(versions.filter((row) => !row.publishedAt).map((row) => [row.documentId, row]));
    const publishedRow = new Map(versions.filter((row) => row.publishedAt).map((row) => [row.documentId, row]));
    return shown.map(({ doc, draft }) => {
      const completed = completeDraft(strapi, uid, doc);
      if (!completed) return null;
      const own = draftRow.get(doc.documentId);
      const live = publishedRow.get(doc.documentId);
      const published = !draft || (live !== undefined && !editedSincePublished(own, live));
      (completed.doc as MarkedDoc)[PREVIEW_MARK] = {
        published,
        sharedWithPilots: own?.sharedWithPilots === true,
        missing: completed.missing,
      };
      return completed.doc;
    });
  }

  return {
    /** Documents of `uid` as this read shows them; with a preview scope, limited relations and preview marks. */
    async findMany(uid: RitmeUid, query: ReadQuery = {}): Promise<Doc[]> {
      const ids = [...(await inScope(uid))];
      let shown: Shown[];
      if (ids.length === 0) {
        const docs = await documents(strapi, uid).findMany(
          defined({ locale, status: 'published', ...query, sort: query.sort && [...query.sort] }),
        );
        shown = docs.map((doc) => ({ doc, draft: false }));
      } else {
        shown = await load(uid, await pick(uid, ids, query), query);
      }
      if (scope.kind === 'public') return shown.map(({ doc }) => doc);
      for (const [key, spec] of Object.entries(query.populate ?? {})) {
        const target = attributes(uid)[key]?.target;
        if (target?.startsWith('plugin::ritme.')) await limitRelation(key, target as RitmeUid, spec, shown);
      }
      return (await mark(uid, shown)).filter((doc): doc is Doc => doc !== null);
    },

    async findFirst(uid: RitmeUid, query: ReadQuery = {}): Promise<Doc | null> {
      return (await this.findMany(uid, { ...query, limit: 1 }))[0] ?? null;
    },

    async count(uid: RitmeUid, filters?: Filters): Promise<number> {
      const ids = [...(await inScope(uid))];
      if (ids.length === 0) return documents(strapi, uid).count(defined({ locale, status: 'published', filters }));
      const [inScopeCount, rest] = await Promise.all([
        documents(strapi, uid).count({ locale, status: 'draft', filters: and(filters, { documentId: { $in: ids } }) }),
        documents(strapi, uid).count({
          locale,
          status: 'published',
          filters: and(filters, { documentId: { $notIn: ids } }),
        }),
      ]);
      return inScopeCount + rest;
    },

    /** Each entry's translations this read may link to (hreflang, the language switcher). */
    async withLocalizations<T extends { documentId: string }>(
      uid: RitmeUid,
      entries: T[],
    ): Promise<(T & { localizations: Localization[] })[]> {
      const ids = entries.map((entry) => entry.documentId);
      const byId = new Map<string, Localization[]>(ids.map((id) => [id, []]));
      // A shared draft is shared in every language; an editor's Preview link opens one language only.
      const there: ReadScope =
        scope.kind === 'preview' && drafts !== DRAFTS_SHARED ? { kind: 'preview', drafts: null } : scope;
      const others = ids.length > 0 ? (await servedLocales(strapi)).filter((code) => code !== locale) : [];
      for (const other of others) {
        const translations = await scopedReader(strapi, there, other).findMany(uid, {
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
      return entries.map((entry) => ({ ...entry, localizations: byId.get(entry.documentId) ?? [] }));
    },
  };
}
export type ScopedReader = ReturnType<typeof scopedReader>;
