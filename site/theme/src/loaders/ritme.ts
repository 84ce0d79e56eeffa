/**
 * Content-layer loaders for the Ritme plugin's API. A content route is read with
 * the incremental sync (see @ritme/shared's sync.ts and sync-engine.ts): the
 * first build reads everything, later builds only what changed since the
 * cursor kept in the content layer's meta store. Entries are keyed
 * `<locale>:<documentId>`; an unchanged one is not rewritten, one that
 * disappeared is removed. When Strapi is unreachable or answers with an error
 * the build fails, with a message that says what to do, and the store and the
 * cursor stay as they were: never an empty site from a "successful" build.
 *
 * The loaders use only `store`, `meta`, `logger` and `generateDigest` of the
 * loader context: the build service runs them outside Astro with a context of
 * its own.
 */
import {
  applySync,
  type ContentRoute,
  createRitmeClient,
  type Locale,
  RitmeApiError,
  type SyncCollectionResult,
  syncCollection,
} from '@ritme/shared';
import type { Loader, LoaderContext } from 'astro/loaders';

export interface RitmeLoaderOptions {
  cmsUrl: string;
  locales: readonly Locale[];
  fetch?: typeof globalThis.fetch;
}

export type SyncStats = {
  written: number;
  unchanged: number;
  deleted: number;
  /** Bytes of the response bodies read. */
  bytes: number;
  /** `cold` when every locale was read in full, else `incremental`. */
  mode: 'cold' | 'incremental';
};

/** The part of Astro's loader context the loaders use (so tests and the build service can pass a small one). */
export type RitmeLoaderContext = Pick<LoaderContext, 'store' | 'meta' | 'logger' | 'generateDigest'>;

/** The meta key of a content route's sync cursor (JSON). */
export const SYNC_CURSOR_KEY = 'ritme:sync-cursor';
/** The results loader's cursor of the rounds' sync, and its index of round id → closesAt and digest (JSON). */
export const ROUNDS_CURSOR_KEY = 'ritme:rounds-cursor';
export const ROUNDS_INDEX_KEY = 'ritme:rounds-index';

export const entryId = (locale: Locale, documentId: string) => `${locale}:${documentId}`;

function explain(route: string, cmsUrl: string, error: unknown): Error {
  const detail = error instanceof Error ? error.message : String(error);
  // An unreachable CMS already comes with advice from the client.
  const hint =
    error instanceof RitmeApiError && error.status === 0
      ? ''
      : error instanceof RitmeApiError && (error.status === 401 || error.status === 403)
        ? ' The public role may not read this: is the ritme plugin installed and its bootstrap run?'
        : ' Check the CMS log for the cause.';
  return new Error(`Ritme could not load "${route}" from ${cmsUrl}. ${detail}${hint}`, { cause: error });
}

/**
 * Put a complete, freshly fetched set of entries into the store: unchanged ones
 * are not rewritten, missing ones are removed. Only called once everything was
 * fetched, so a CMS failing half-way leaves the previous content untouched.
 */
export function replaceEntries(context: RitmeLoaderContext, entries: { id: string; data: Record<string, unknown> }[]) {
  const stats = { written: 0, unchanged: 0, deleted: 0 };
  const seen = new Set<string>();
  for (const { id, data } of entries) {
    seen.add(id);
    if (context.store.set({ id, data, digest: context.generateDigest(data) })) stats.written += 1;
    else stats.unchanged += 1;
  }
  for (const id of context.store.keys()) {
    if (!seen.has(id)) {
      context.store.delete(id);
      stats.deleted += 1;
    }
  }
  return stats;
}

async function fetching<T>(what: string, cmsUrl: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw explain(what, cmsUrl, error);
  }
}

const asData = (value: unknown) => value as Record<string, unknown>;

/** A JSON value from the meta store, or undefined when absent or not JSON. */
function readMeta(context: RitmeLoaderContext, key: string): unknown {
  const raw = context.meta.get(key);
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

const isEmpty = (ids: Iterable<string>) => {
  for (const _ of ids) return false;
  return true;
};

/** "cold", "incremental", or "incremental; cold: en" when some locales were read in full. */
function describeMode(result: SyncCollectionResult) {
  if (result.complete) return 'cold';
  const full = Object.entries(result.stats.locales).filter(([, stats]) => stats.mode !== 'incremental');
  return full.length === 0
    ? 'incremental'
    : `incremental; ${full.map(([locale, stats]) => `${stats.mode}: ${locale}`).join(', ')}`;
}

/** Sync one content route into the store; exported for tests and for the build benchmark. */
export async function syncRoute(
  route: ContentRoute,
  options: RitmeLoaderOptions,
  context: RitmeLoaderContext,
): Promise<SyncStats> {
  const client = createRitmeClient({ baseUrl: options.cmsUrl, fetch: options.fetch });
  // A cursor without entries means Astro cleared the store (a config change): read it all again.
  const cursor = isEmpty(context.store.keys()) ? null : (readMeta(context, SYNC_CURSOR_KEY) ?? null);
  const result = await fetching(route, options.cmsUrl, () =>
    syncCollection({
      client,
      route,
      locales: options.locales,
      stored: { keys: () => context.store.keys(), get: (id) => context.store.get(id)?.data },
      cursor,
    }),
  );
  const applied = applySync(
    {
      set: (id, data) => context.store.set({ id, data, digest: context.generateDigest(data) }),
      delete: (id) => context.store.delete(id),
    },
    result,
  );
  // Only now, with everything applied, does the next build start from here.
  context.meta.set(SYNC_CURSOR_KEY, JSON.stringify(result.cursor));
  const stats: SyncStats = {
    written: applied.written,
    unchanged: context.store.keys().length - applied.written,
    deleted: applied.removed,
    bytes: result.bytes,
    mode: result.complete ? 'cold' : 'incremental',
  };
  context.logger.info(
    `${route}: ${stats.written} written, ${stats.unchanged} unchanged, ${stats.deleted} removed, ` +
      `${stats.bytes} bytes (${describeMode(result)})`,
  );
  return stats;
}

export function ritmeLoader(route: ContentRoute, options: RitmeLoaderOptions): Loader {
  return {
    name: `ritme:${route}`,
    load: async (context) => {
      await syncRoute(route, options, context);
    },
  };
}

/** The home page data: one entry per locale. */
export function ritmeHomeLoader(options: RitmeLoaderOptions): Loader {
  return {
    name: 'ritme:home',
    load: async (context) => {
      const client = createRitmeClient({ baseUrl: options.cmsUrl, fetch: options.fetch });
      const entries = [];
      for (const locale of options.locales) {
        entries.push({ id: locale, data: asData(await fetching('home', options.cmsUrl, () => client.home(locale))) });
      }
      replaceEntries(context, entries);
    },
  };
}

type RoundIndex = Record<string, { closesAt: string; digest: string }>;

function readRoundIndex(value: unknown): RoundIndex | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  for (const item of Object.values(value)) {
    if (typeof item !== 'object' || item === null) return undefined;
    const { closesAt, digest } = item as Record<string, unknown>;
    if (typeof closesAt !== 'string' || Number.isNaN(Date.parse(closesAt)) || typeof digest !== 'string') {
      return undefined;
    }
  }
  return value as RoundIndex;
}

/** A fetch that adds up the bytes of the response bodies it reads. */
function countingFetch(base: typeof globalThis.fetch = globalThis.fetch) {
  const counter = { bytes: 0, fetch: base };
  counter.fetch = async (input, init) => {
    const response = await base(input, init);
    counter.bytes += (await response.clone().arrayBuffer()).byteLength;
    return response;
  };
  return counter;
}

/**
 * The results of closed evaluation rounds, keyed like the rounds. A closed
 * round's results are frozen, so they are fetched once: when the round is
 * closed and its results are not in the store yet, or when the round itself
 * changed. The rounds are followed with the sync engine under a cursor of
 * their own, with a small index (round id → closesAt, digest) in meta, so a
 * round that closes between two builds is noticed without listing them all.
 */
export function ritmeResultsLoader(options: RitmeLoaderOptions): Loader {
  return {
    name: 'ritme:results',
    load: async (context) => {
      await syncResults(options, context);
    },
  };
}

/** What ritmeResultsLoader does; exported for tests. */
export async function syncResults(options: RitmeLoaderOptions, context: RitmeLoaderContext): Promise<SyncStats> {
  const what = 'evaluation results';
  const client = createRitmeClient({ baseUrl: options.cmsUrl, fetch: options.fetch });
  const counter = countingFetch(options.fetch);
  const resultsClient = createRitmeClient({ baseUrl: options.cmsUrl, fetch: counter.fetch });

  const index = readRoundIndex(readMeta(context, ROUNDS_INDEX_KEY)) ?? {};
  // No index, no rounds known: read them all (also when the meta store was cleared).
  const cursor = Object.keys(index).length === 0 ? null : (readMeta(context, ROUNDS_CURSOR_KEY) ?? null);
  const rounds = await fetching(what, options.cmsUrl, () =>
    syncCollection({
      client,
      route: 'evaluation-rounds',
      locales: options.locales,
      stored: {
        keys: () => Object.keys(index),
        // The rounds themselves are not kept: their results do not depend on what they embed.
        get: (id) => (index[id] ? { closesAt: index[id].closesAt } : undefined),
      },
      cursor,
    }),
  );

  const next: RoundIndex = { ...index };
  for (const id of rounds.deletes) delete next[id];
  const changed = new Set<string>();
  for (const { id, data } of rounds.upserts) {
    const digest = context.generateDigest(data);
    if (next[id]?.digest !== digest) changed.add(id);
    next[id] = { closesAt: String(data.closesAt), digest };
  }

  const now = Date.now();
  const closed = new Set(Object.keys(next).filter((id) => Date.parse(next[id]?.closesAt ?? '') <= now));
  // A stored "not closed" answer came from a CMS whose clock was behind ours: ask again.
  const notClosedYet = (id: string) => context.store.get(id)?.data.reason === 'not_closed';
  const fetched: { id: string; data: Record<string, unknown> }[] = [];
  for (const id of closed) {
    if (context.store.has(id) && !changed.has(id) && !notClosedYet(id)) continue;
    const colon = id.indexOf(':');
    const locale = id.slice(0, colon);
    const documentId = id.slice(colon + 1);
    fetched.push({
      id,
      data: asData(await fetching(what, options.cmsUrl, () => resultsClient.roundResults(documentId, locale))),
    });
  }

  // Everything is read: apply, then move the cursor and the index.
  let deleted = 0;
  for (const id of context.store.keys()) {
    if (!closed.has(id)) {
      context.store.delete(id);
      deleted += 1;
    }
  }
  let written = 0;
  for (const { id, data } of fetched) {
    if (context.store.set({ id, data, digest: context.generateDigest(data) })) written += 1;
  }
  context.meta.set(ROUNDS_INDEX_KEY, JSON.stringify(next));
  context.meta.set(ROUNDS_CURSOR_KEY, JSON.stringify(rounds.cursor));

  const stats: SyncStats = {
    written,
    unchanged: context.store.keys().length - written,
    deleted,
    bytes: rounds.bytes + counter.bytes,
    mode: rounds.complete ? 'cold' : 'incremental',
  };
  context.logger.info(
    `results: ${stats.written} written, ${stats.unchanged} unchanged, ${stats.deleted} removed, ` +
      `${stats.bytes} bytes (${describeMode(rounds)}; ${fetched.length} of ${closed.size} closed rounds fetched)`,
  );
  return stats;
}

/** The public "you asked, we changed" board. */
export function ritmeChangesLoader(options: RitmeLoaderOptions): Loader {
  return {
    name: 'ritme:changes',
    load: async (context) => {
      const client = createRitmeClient({ baseUrl: options.cmsUrl, fetch: options.fetch });
      const changes = await fetching('changes', options.cmsUrl, () => client.changes());
      replaceEntries(
        context,
        changes.map((change) => ({ id: change.documentId, data: asData(change) })),
      );
    },
  };
}
