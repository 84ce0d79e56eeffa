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
  const hint =
    error instanceof RitmeApiError && error.status === 0
      ? 'Start Strapi (`npm start`), or set CMS_URL to where it runs.'
      : error instanceof RitmeApiError && (error.status === 401 || error.status === 403)
        ? 'The public role may not read this: is the ritme plugin installed and its bootstrap run?'
        : 'Check the CMS log for the cause.';
  return new Error(`Ritme could not load "${route}" from ${cmsUrl}. ${detail} ${hint}`, { cause: error });
}

/** Sync one content route into the store; exported for tests and for the build benchmark. */
export async function syncRoute(route: ContentRoute, options: RitmeLoaderOptions, context: RitmeLoaderContext) {
  const client = createRitmeClient({ baseUrl: options.cmsUrl, fetch: options.fetch });
  const stats: SyncStats = { written: 0, unchanged: 0, deleted: 0 };
  const seen = new Set<string>();
  for (const locale of options.locales) {
    let entries: { documentId: string }[];
    try {
      entries = await client.listAll(route, locale);
    } catch (error) {
      throw explain(route, options.cmsUrl, error);
    }
    for (const entry of entries) {
      const id = entryId(locale, entry.documentId);
      seen.add(id);
      const data = entry as unknown as Record<string, unknown>;
      const changed = context.store.set({ id, data, digest: context.generateDigest(data) });
      if (changed) stats.written += 1;
      else stats.unchanged += 1;
    }
  }
  for (const id of context.store.keys()) {
    if (!seen.has(id)) {
      context.store.delete(id);
      stats.deleted += 1;
    }
  }
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

/** The home page data (one entry per locale), and the results of closed rounds. */
export function ritmeHomeLoader(options: RitmeLoaderOptions): Loader {
  return {
    name: 'ritme:home',
    load: async ({ store, generateDigest }) => {
      const client = createRitmeClient({ baseUrl: options.cmsUrl, fetch: options.fetch });
      store.clear();
      for (const locale of options.locales) {
        try {
          const data = (await client.home(locale)) as unknown as Record<string, unknown>;
          store.set({ id: locale, data, digest: generateDigest(data) });
        } catch (error) {
          throw explain('home', options.cmsUrl, error);
        }
      }
    },
  };
}

export function ritmeResultsLoader(options: RitmeLoaderOptions): Loader {
  return {
    name: 'ritme:results',
    load: async ({ store, generateDigest }) => {
      const client = createRitmeClient({ baseUrl: options.cmsUrl, fetch: options.fetch });
      store.clear();
      for (const locale of options.locales) {
        try {
          const rounds = await client.listAll('evaluation-rounds', locale);
          for (const round of rounds.filter((r) => Date.parse(r.closesAt) <= Date.now())) {
            const data = (await client.roundResults(round.documentId, locale)) as unknown as Record<string, unknown>;
            store.set({ id: entryId(locale, round.documentId), data, digest: generateDigest(data) });
          }
        } catch (error) {
          throw explain('evaluation results', options.cmsUrl, error);
        }
      }
    },
  };
}
