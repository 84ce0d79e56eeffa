/**
 * A content-layer loader for the Ritme plugin's API. One request stream per
 * locale, paged to the end; entries are keyed `<locale>:<documentId>`. An entry
 * whose data did not change is not rewritten, one that disappeared is removed.
 * When Strapi is unreachable or answers with an error the build fails, with a
 * message that says what to do: never an empty site from a "successful" build.
 */
import { type ContentRoute, createRitmeClient, type Locale, RitmeApiError } from '@ritme/shared';
import type { Loader, LoaderContext } from 'astro/loaders';

export interface RitmeLoaderOptions {
  cmsUrl: string;
  locales: readonly Locale[];
  fetch?: typeof globalThis.fetch;
}

export type SyncStats = { written: number; unchanged: number; deleted: number };

/** The part of Astro's loader context the loader uses (so tests can pass a small fake). */
export type RitmeLoaderContext = Pick<LoaderContext, 'store' | 'logger' | 'generateDigest'>;

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
  const stats: SyncStats = { written: 0, unchanged: 0, deleted: 0 };
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

/** Sync one content route into the store; exported for tests and for the build benchmark. */
export async function syncRoute(route: ContentRoute, options: RitmeLoaderOptions, context: RitmeLoaderContext) {
  const client = createRitmeClient({ baseUrl: options.cmsUrl, fetch: options.fetch });
  const entries: { id: string; data: Record<string, unknown> }[] = [];
  for (const locale of options.locales) {
    const page = await fetching(route, options.cmsUrl, () => client.listAll(route, locale));
    for (const entry of page) entries.push({ id: entryId(locale, entry.documentId), data: asData(entry) });
  }
  const stats = replaceEntries(context, entries);
  context.logger.info(`${route}: ${stats.written} written, ${stats.unchanged} unchanged, ${stats.deleted} removed`);
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

/** The results of closed evaluation rounds, keyed like the rounds. */
export function ritmeResultsLoader(options: RitmeLoaderOptions): Loader {
  return {
    name: 'ritme:results',
    load: async (context) => {
      const client = createRitmeClient({ baseUrl: options.cmsUrl, fetch: options.fetch });
      const entries = [];
      for (const locale of options.locales) {
        const rounds = await fetching('evaluation results', options.cmsUrl, () =>
          client.listAll('evaluation-rounds', locale),
        );
        for (const round of rounds.filter((r) => Date.parse(r.closesAt) <= Date.now())) {
          const results = await fetching('evaluation results', options.cmsUrl, () =>
            client.roundResults(round.documentId, locale),
          );
          entries.push({ id: entryId(locale, round.documentId), data: asData(results) });
        }
      }
      replaceEntries(context, entries);
    },
  };
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
