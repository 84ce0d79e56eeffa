/**
 * The reader's side of the incremental sync (the protocol is in sync.ts): given
 * what a caller holds and the cursor its last successful sync returned, read
 * every page of every locale and work out what to write and what to delete.
 *
 * Nothing is applied here. The engine reads everything first and only then
 * returns, so when the CMS fails half-way the promise rejects and the caller
 * keeps what it had, cursor included. Pure TypeScript: it runs in the Astro
 * loaders and in the build service's renderer alike.
 */
import type { ContentRoute } from './content.js';
import type { Locale } from './enums.js';
import { SYNC_MAX_IDS, type SyncMeta } from './sync.js';

/** What the engine needs of the client (RitmeClient fits; tests pass a fake). */
export interface SyncClient {
  syncPage(
    route: ContentRoute,
    locale: Locale,
    window?: { since?: string; until?: string; after?: string; limit?: number; ids?: readonly string[] },
  ): Promise<{ data: { documentId: string }[]; tombstones: string[]; meta: SyncMeta; bytes: number }>;
}

/** A read view of the entries the caller holds, keyed `<locale>:<documentId>`. */
export interface SyncStoreView {
  keys(): Iterable<string>;
  get(id: string): Record<string, unknown> | undefined;
}

/**
 * Where the last complete sync of a route ended, per locale: the `until` to send
 * as `since` next time. Plain JSON, to keep in any key-value store.
 */
export interface SyncCursor {
  version: 1;
  route: ContentRoute;
  until: Record<Locale, string>;
}

/**
 * How a locale was read: `cold` (no usable cursor), `reset` (the cursor was older
 * than the plugin keeps tombstones), `fallback` (too much changed to say what,
 * so read again in full) or `incremental`.
 */
export type SyncMode = 'cold' | 'reset' | 'fallback' | 'incremental';

export interface LocaleSyncStats {
  mode: SyncMode;
  /** Requests made, pages and `ids` refreshes together. */
  requests: number;
  /** Entries and tombstones the window answered. */
  entries: number;
  tombstones: number;
  /** Stored entries re-asked with `ids` because they embedded a changed document. */
  refreshed: number;
}

export interface SyncUpsert {
  id: string;
  data: Record<string, unknown>;
}

export interface SyncCollectionResult {
  /** Entries to write (some may be unchanged: let the store's digest decide). */
  upserts: SyncUpsert[];
  /** Stored ids to delete; never an id in `upserts`. */
  deletes: string[];
  /** To pass as `cursor` next time, once `upserts` and `deletes` were applied. */
  cursor: SyncCursor;
  /** Bytes of the response bodies read. */
  bytes: number;
  /** Whether every locale was read in full: `upserts` is then everything there is. */
  complete: boolean;
  stats: { requests: number; locales: Record<Locale, LocaleSyncStats> };
}

export interface SyncCollectionInput {
  client: SyncClient;
  route: ContentRoute;
  locales: readonly Locale[];
  stored: SyncStoreView;
  /** null for a cold sync, or the `cursor` of the last successful call (a malformed value counts as null). */
  cursor: unknown;
  /** Entries per page; the client's default (SYNC_PAGE_SIZE) when left out. */
  pageSize?: number;
}

const localeOf = (id: string) => {
  const colon = id.indexOf(':');
  return colon < 0 ? undefined : id.slice(0, colon);
};

/** The `until` per locale of a cursor that fits this route and exactly these locales, or null. */
export function readCursor(
  cursor: unknown,
  route: ContentRoute,
  locales: readonly Locale[],
): Record<Locale, string> | null {
  if (typeof cursor !== 'object' || cursor === null) return null;
  const { version, route: forRoute, until } = cursor as Partial<SyncCursor>;
  if (version !== 1 || forRoute !== route || typeof until !== 'object' || until === null) return null;
  const keys = Object.keys(until);
  if (keys.length !== new Set(locales).size || !locales.every((locale) => Object.hasOwn(until, locale))) return null;
  for (const value of Object.values(until)) {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return null;
  }
  return { ...until };
}

/** Whether a value embeds, at any depth, an object whose `documentId` is one of `ids`. */
export function embedsDocument(value: unknown, ids: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.some((item) => embedsDocument(item, ids));
  if (typeof value !== 'object' || value === null) return false;
  for (const [key, item] of Object.entries(value)) {
    if (key === 'documentId' && typeof item === 'string' && ids.has(item)) return true;
    if (typeof item === 'object' && item !== null && embedsDocument(item, ids)) return true;
  }
  return false;
}

interface Window {
  data: { documentId: string }[];
  tombstones: string[];
  /** null when a page said so (too many changes, or a full answer). */
  changed: Set<string> | null;
  reset: boolean;
  until: string;
  bytes: number;
  requests: number;
}

/** Every page of one window (or of a cold sync, without `since`). */
async function readWindow(input: SyncCollectionInput, locale: Locale, since: string | undefined): Promise<Window> {
  const { client, route, pageSize } = input;
  const window: Window = {
    data: [],
    tombstones: [],
    changed: new Set(),
    reset: false,
    until: '',
    bytes: 0,
    requests: 0,
  };
  /** The `until` the first page fixed, sent with every next page. */
  let until: string | undefined;
  let after: string | undefined;
  for (;;) {
    const page = await client.syncPage(route, locale, { since, until, after, limit: pageSize });
    window.requests += 1;
    window.bytes += page.bytes;
    if (until === undefined) until = window.until = page.meta.until;
    // A page may come from a server whose clock is behind (it never answers past its now):
    // the next sync then starts from the earliest end, so nothing between the two is skipped.
    else if (Date.parse(page.meta.until) < Date.parse(window.until)) window.until = page.meta.until;
    window.data.push(...page.data);
    window.tombstones.push(...page.tombstones);
    if (page.meta.reset) window.reset = true;
    if (page.meta.changed === null) window.changed = null;
    else for (const id of page.meta.changed) window.changed?.add(id);
    const next = page.meta.next?.after;
    if (next === undefined || next === null) break;
    if (after !== undefined && next <= after) {
      throw new Error(`The CMS's sync of "${route}" (${locale}) does not page forward (after=${next}).`);
    }
    after = next;
  }
  return window;
}

/**
 * Sync one route in every locale: see the module comment. Rejects (with the
 * client's error) when any request fails; the caller then applies nothing.
 */
export async function syncCollection(input: SyncCollectionInput): Promise<SyncCollectionResult> {
  const { client, route, locales, stored } = input;
  const since = readCursor(input.cursor, route, locales);
  const storedIds = [...stored.keys()];
  const storedSet = new Set(storedIds);
  const configured = new Set<string>(locales);

  /** id → the entry to write, or null to delete it. Later decisions win. */
  const outcome = new Map<string, Record<string, unknown> | null>();
  // Entries of a locale the site no longer reads (or not keyed by locale at all) go.
  for (const id of storedIds) {
    const locale = localeOf(id);
    if (locale === undefined || !configured.has(locale)) outcome.set(id, null);
  }

  const until: Record<Locale, string> = {};
  const perLocale: Record<Locale, LocaleSyncStats> = {};
  let bytes = 0;
  let requests = 0;

  for (const locale of new Set(locales)) {
    const prefix = `${locale}:`;
    const key = (documentId: string) => `${prefix}${documentId}`;
    const from = since?.[locale];
    let window = await readWindow(input, locale, from);
    let mode: SyncMode = from === undefined ? 'cold' : window.reset ? 'reset' : 'incremental';
    if (mode === 'incremental' && window.changed === null) {
      // Too much changed to say what embeds it: read this locale in full instead.
      const partial = window;
      window = await readWindow(input, locale, undefined);
      window.requests += partial.requests;
      window.bytes += partial.bytes;
      mode = 'fallback';
    }
    bytes += window.bytes;
    requests += window.requests;
    until[locale] = window.until;
    const stats: LocaleSyncStats = {
      mode,
      requests: window.requests,
      entries: window.data.length,
      tombstones: window.tombstones.length,
      refreshed: 0,
    };
    perLocale[locale] = stats;

    const answered = new Set<string>();
    for (const entry of window.data) {
      answered.add(key(entry.documentId));
      outcome.set(key(entry.documentId), entry as unknown as Record<string, unknown>);
    }

    if (mode !== 'incremental') {
      // A full answer: whatever of this locale it does not hold is gone.
      for (const id of storedIds) if (id.startsWith(prefix) && !answered.has(id)) outcome.set(id, null);
      continue;
    }

    for (const documentId of window.tombstones) {
      const id = key(documentId);
      if (!answered.has(id)) outcome.set(id, null);
      answered.add(id);
    }

    // Stored entries that embedded a changed document and were not answered may
    // embed it no longer (a removed relation, an unpublished person): ask again.
    const changed = window.changed ?? new Set<string>();
    if (changed.size === 0) continue;
    const stale: string[] = [];
    for (const id of storedIds) {
      if (!id.startsWith(prefix) || answered.has(id)) continue;
      if (embedsDocument(stored.get(id), changed)) stale.push(id.slice(prefix.length));
    }
    stats.refreshed = stale.length;
    for (let start = 0; start < stale.length; start += SYNC_MAX_IDS) {
      const ids = stale.slice(start, start + SYNC_MAX_IDS);
      const answer = await client.syncPage(route, locale, { ids });
      stats.requests += 1;
      requests += 1;
      bytes += answer.bytes;
      for (const entry of answer.data) outcome.set(key(entry.documentId), entry as unknown as Record<string, unknown>);
      for (const documentId of answer.tombstones) outcome.set(key(documentId), null);
    }
  }

  const upserts: SyncUpsert[] = [];
  const deletes: string[] = [];
  for (const [id, data] of outcome) {
    if (data) upserts.push({ id, data });
    else if (storedSet.has(id)) deletes.push(id);
  }
  return {
    upserts,
    deletes,
    cursor: { version: 1, route, until },
    bytes,
    complete: Object.values(perLocale).every((stats) => stats.mode !== 'incremental'),
    stats: { requests, locales: perLocale },
  };
}

/** Where applySync writes: `set` answers whether it wrote (false: the same digest was there). */
export interface SyncTarget {
  set(id: string, data: Record<string, unknown>): unknown;
  delete(id: string): void;
}

/** Apply a sync's result: the deletes, then the writes. */
export function applySync(target: SyncTarget, result: Pick<SyncCollectionResult, 'upserts' | 'deletes'>) {
  for (const id of result.deletes) target.delete(id);
  let written = 0;
  for (const { id, data } of result.upserts) if (target.set(id, data) !== false) written += 1;
  return { written, unchanged: result.upserts.length - written, removed: result.deletes.length };
}
