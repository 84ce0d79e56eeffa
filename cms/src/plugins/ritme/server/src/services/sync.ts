/**
 * The incremental sync behind GET /api/ritme/sync/:route (the protocol is in
 * @ritme/shared's sync.ts). Entries are the public list route's entries —
 * the same read model, populate, `toDto` and localizations, through the
 * public read scope, so a draft never shows — only chosen differently:
 *
 * - cold (no `since`): every published entry, paged by documentId in the database;
 * - incremental: the documents whose rows changed in the window (any Ritme
 *   page type, training sessions and media, draft or published, any locale),
 *   plus the tombstones of the window, are the changed set; an entry is a
 *   candidate when it changed itself or its published version now embeds a
 *   changed document (found by walking the read model's populate through the
 *   content types' relation attributes). Only those are read, by id;
 * - `ids`: the current state of the documents asked for.
 *
 * It also keeps the tombstones: written by the live middleware and the media
 * subscriber (`remember`), pruned after SYNC_RETENTION_DAYS.
 */
import {
  type ContentRoute,
  type Locale,
  SYNC_MAX_CHANGED,
  SYNC_OVERLAP_MS,
  SYNC_PAGE_SIZE,
  SYNC_RETENTION_DAYS,
  type SyncMeta,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { LIVE_TYPES, MEDIA_UID } from '../document-middlewares/live';
import type { RitmeUid } from '../documents';
import { READ_MODELS } from '../read-models';
import type { Doc } from '../read-models/refs';
import { PUBLIC_READ, scopedReader } from '../read-models/scope';
import { assertServed } from './locales';

export const TOMBSTONE_UID = 'plugin::ritme.sync-tombstone';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Pruning on write runs at most this often. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** documentIds per `$in` query: well below every database's parameter limit. */
const CHUNK = 500;

type Entry = { documentId: string } & Record<string, unknown>;
export interface SyncAnswer {
  data: Entry[];
  tombstones: string[];
  meta: SyncMeta;
}
export interface SyncRequest {
  locale: Locale;
  since?: string;
  until?: string;
  after?: string;
  limit?: number;
  ids?: string[];
}

interface Rows {
  findMany(params: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  create(params: Record<string, unknown>): Promise<unknown>;
  deleteMany(params: Record<string, unknown>): Promise<{ count: number }>;
}
/** Changed documentIds by type uid. */
type Changed = Map<string, Set<string>>;

const chunks = <T>(list: T[], size = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let at = 0; at < list.length; at += size) out.push(list.slice(at, at + size));
  return out;
};
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = (uid: string) => strapi.db.query(uid as never) as unknown as Rows;
  const model = (uid: string) =>
    strapi.getModel(uid as never) as unknown as
      | { attributes: Record<string, { type?: string; target?: string }>; options?: { draftAndPublish?: boolean } }
      | undefined;
  const content = () =>
    strapi.plugin('ritme').service('content') as unknown as {
      withLocalizations<T extends { documentId: string }>(
        uid: RitmeUid,
        entries: T[],
        locale: Locale,
        scope: typeof PUBLIC_READ,
      ): Promise<T[]>;
    };
  let lastPrunedAt = 0;

  /** Removes tombstones older than SYNC_RETENTION_DAYS; returns how many. */
  async function prune(now = new Date()): Promise<number> {
    lastPrunedAt = now.getTime();
    const cutoff = new Date(now.getTime() - SYNC_RETENTION_DAYS * DAY_MS);
    const { count } = await query(TOMBSTONE_UID).deleteMany({ where: { removedAt: { $lt: cutoff } } });
    return count;
  }

  /** The type a populated attribute embeds: a relation's target, or the upload plugin's file for media. */
  function targetOf(uid: string, key: string): string | null {
    const attribute = model(uid)?.attributes[key];
    if (attribute?.type === 'relation' && typeof attribute.target === 'string') return attribute.target;
    if (attribute?.type === 'media') return MEDIA_UID;
    return null;
  }

  /** The rows a public read of `uid` in `locale` shows: its published versions in that locale. */
  function shownRows(uid: string, locale: Locale): Record<string, unknown> {
    const attributes = model(uid)?.attributes ?? {};
    return {
      ...('locale' in attributes ? { locale } : {}),
      ...(model(uid)?.options?.draftAndPublish ? { publishedAt: { $notNull: true } } : {}),
    };
  }

  /** Every document of a Ritme page type, a session or a media file that changed or was removed in the window. */
  async function changedIn(from: Date, to: Date): Promise<Changed> {
    const changed: Changed = new Map();
    const add = (uid: string, documentId: unknown) => {
      if (typeof documentId !== 'string') return;
      const ids = changed.get(uid) ?? new Set<string>();
      changed.set(uid, ids.add(documentId));
    };
    const window = { $gt: from, $lte: to };
    await Promise.all(
      [...LIVE_TYPES, MEDIA_UID].map(async (uid) => {
        const attributes = model(uid)?.attributes ?? {};
        const stamps = ['updatedAt', 'publishedAt'].filter((field) => field in attributes);
        const found = await query(uid).findMany({
          where: { $or: stamps.map((field) => ({ [field]: window })) },
          select: ['documentId'],
        });
        for (const row of found) add(uid, row.documentId);
      }),
    );
    const removed = await query(TOMBSTONE_UID).findMany({
      where: { removedAt: window },
      select: ['targetUid', 'targetDocumentId'],
    });
    for (const row of removed) add(String(row.targetUid), row.targetDocumentId);
    return changed;
  }

  /**
   * The documents of `uid` whose published version in `locale` embeds, through
   * `populate`, a changed document: directly (a group's behaviours) or one level
   * further down (a group's people's photos). Database queries by id set only.
   */
  async function embedding(
    uid: string,
    populate: Record<string, unknown>,
    locale: Locale,
    changed: Changed,
  ): Promise<Set<string>> {
    const found = new Set<string>();
    for (const [key, spec] of Object.entries(populate)) {
      const target = targetOf(uid, key);
      if (!target) continue;
      const dirty = new Set(changed.get(target) ?? []);
      const nested = (spec as { populate?: Record<string, unknown> } | null)?.populate;
      if (nested) for (const id of await embedding(target, nested, locale, changed)) dirty.add(id);
      for (const ids of chunks([...dirty])) {
        const rows = await query(uid).findMany({
          where: { ...shownRows(uid, locale), [key]: { documentId: { $in: ids } } },
          select: ['documentId'],
        });
        for (const row of rows) if (typeof row.documentId === 'string') found.add(row.documentId);
      }
    }
    return found;
  }

  /** These documents' public entries in `locale`, as the list route shapes them, by documentId. */
  async function entriesOf(route: ContentRoute, locale: Locale, ids: string[]): Promise<Entry[]> {
    const readModel = READ_MODELS[route];
    const reader = scopedReader(strapi, PUBLIC_READ, locale);
    const docs: Doc[] = [];
    for (const part of chunks(ids)) {
      docs.push(
        ...(await reader.findMany(readModel.uid, {
          filters: { documentId: { $in: part } },
          populate: readModel.populate,
          limit: part.length,
        })),
      );
    }
    return shape(
      route,
      locale,
      docs.sort((a, b) => byId(a.documentId, b.documentId)),
    );
  }

  async function shape(route: ContentRoute, locale: Locale, docs: Doc[]): Promise<Entry[]> {
    const readModel = READ_MODELS[route];
    const entries = docs.map((doc) => readModel.toDto(doc) as Entry);
    return content().withLocalizations(readModel.uid, entries, locale, PUBLIC_READ);
  }

  /** One page of every published entry, ordered (and paged) by documentId in the database. */
  async function cold(route: ContentRoute, request: SyncRequest, until: Date, reset: boolean): Promise<SyncAnswer> {
    const readModel = READ_MODELS[route];
    const reader = scopedReader(strapi, PUBLIC_READ, request.locale);
    const limit = request.limit ?? SYNC_PAGE_SIZE;
    const after = (id: string | undefined) => (id === undefined ? undefined : { documentId: { $gt: id } });
    const docs = await reader.findMany(readModel.uid, {
      filters: after(request.after),
      sort: ['documentId:asc'],
      populate: readModel.populate,
      limit,
    });
    const last = docs.at(-1)?.documentId;
    // A full page: is there anything after it? (One id, not one more populated entry.)
    const more =
      docs.length === limit && last !== undefined
        ? (await reader.findMany(readModel.uid, { filters: after(last), fields: ['documentId'], limit: 1 })).length > 0
        : false;
    return {
      data: await shape(route, request.locale, docs),
      tombstones: [],
      meta: {
        since: null,
        until: until.toISOString(),
        next: more && last ? { after: last } : null,
        reset,
        changed: null,
      },
    };
  }

  /**
   * What may have changed in the window. Pages run over the candidates in
   * documentId order: each page answers its candidates, the published ones in
   * `data` and the others in `tombstones` — so tombstones come on every page,
   * each on the page its documentId falls in, and `limit` counts both.
   */
  async function incremental(route: ContentRoute, request: SyncRequest, since: Date, until: Date): Promise<SyncAnswer> {
    const readModel = READ_MODELS[route];
    const changed = await changedIn(new Date(since.getTime() - SYNC_OVERLAP_MS), until);
    const everything = new Set([...changed.values()].flatMap((ids) => [...ids]));
    const candidates = new Set([
      ...(changed.get(readModel.uid) ?? []),
      ...(await embedding(readModel.uid, readModel.populate, request.locale, changed)),
    ]);
    const after = request.after;
    const rest = [...candidates].filter((id) => after === undefined || id > after).sort(byId);
    const limit = request.limit ?? SYNC_PAGE_SIZE;
    const page = rest.slice(0, limit);
    const data = await entriesOf(route, request.locale, page);
    const shown = new Set(data.map((entry) => entry.documentId));
    return {
      data,
      tombstones: page.filter((id) => !shown.has(id)),
      meta: {
        since: since.toISOString(),
        until: until.toISOString(),
        next: rest.length > limit ? { after: page.at(-1) as string } : null,
        reset: false,
        changed: everything.size > SYNC_MAX_CHANGED ? null : [...everything].sort(byId),
      },
    };
  }

  return {
    /** One page of a sync of `route` in `locale`; see @ritme/shared's sync.ts. */
    async page(route: ContentRoute, request: SyncRequest): Promise<SyncAnswer> {
      await assertServed(strapi, request.locale);
      const now = new Date();
      // `until` comes back from the first page; never later than now, or the next window would skip writes.
      const until = request.until && Date.parse(request.until) < now.getTime() ? new Date(request.until) : now;
      if (request.ids) {
        const data = await entriesOf(route, request.locale, [...new Set(request.ids)].sort(byId));
        const shown = new Set(data.map((entry) => entry.documentId));
        return {
          data,
          tombstones: [...new Set(request.ids)].filter((id) => !shown.has(id)).sort(byId),
          meta: { since: request.since ?? null, until: until.toISOString(), next: null, reset: false, changed: null },
        };
      }
      if (!request.since) return cold(route, request, until, false);
      const since = new Date(request.since);
      // Tombstones older than the horizon may be gone: answer from scratch, and say so.
      const horizon = now.getTime() - SYNC_RETENTION_DAYS * DAY_MS;
      if (since.getTime() - SYNC_OVERLAP_MS < horizon) return cold(route, request, until, true);
      return incremental(route, request, since, until);
    },

    /** Notes that a document lost its published version in these locales (null: every locale). */
    async remember(uid: string, documentId: string, locales: (string | null)[]): Promise<void> {
      const removedAt = new Date();
      for (const locale of new Set(locales)) {
        await query(TOMBSTONE_UID).create({
          data: {
            targetUid: uid,
            targetDocumentId: documentId,
            targetLocale: locale,
            removedAt,
            publishedAt: removedAt,
          },
        });
      }
    },

    prune,

    /** `prune`, at most once an hour (called after each write). */
    async pruneIfDue(): Promise<void> {
      if (Date.now() - lastPrunedAt < PRUNE_EVERY_MS) return;
      await prune();
    },
  };
};
