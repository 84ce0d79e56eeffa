/**
 * The loaders for a team's src/content.config.ts:
 *
 *   import { ritmeCollections } from '@ritme/astro-theme/loaders';
 *   export const collections = ritmeCollections();
 *
 * The CMS URL and locales come from the ritme() options in astro.config.mjs
 * (CMS_URL still wins); pass `{ cmsUrl, locales }` to read elsewhere. The
 * single loaders are exported too, for a team that adds collections of its own.
 */
import type { ContentRoute } from '@ritme/shared';
import type { Loader } from 'astro/loaders';
import { sharedLoaderOptions } from '../integration/loader-options';
import { type RitmeLoaderOptions, ritmeChangesLoader, ritmeHomeLoader, ritmeLoader, ritmeResultsLoader } from './ritme';

export * from './ritme';

/** The collections the theme's pages read, by the names they read them. */
export const COLLECTION_ROUTES = {
  groups: 'groups',
  behaviours: 'behaviours',
  trainings: 'trainings',
  people: 'people',
  spotlights: 'spotlights',
  rounds: 'evaluation-rounds',
} as const satisfies Record<string, ContentRoute>;

/** A content-layer collection, as `defineCollection({ loader })` returns it (no `astro:content` needed here). */
export interface RitmeCollection {
  type: 'content_layer';
  loader: Loader;
}

export type RitmeCollections = Record<keyof typeof COLLECTION_ROUTES | 'home' | 'results' | 'changes', RitmeCollection>;

export function ritmeCollections(options: Partial<RitmeLoaderOptions> = {}): RitmeCollections {
  const shared = sharedLoaderOptions();
  const cmsUrl = options.cmsUrl ?? shared?.cmsUrl;
  const locales = options.locales ?? shared?.locales;
  if (!cmsUrl || !locales) {
    throw new Error(
      'ritmeCollections() takes the CMS URL and locales from the ritme() integration: add ritme({...}) to the integrations in astro.config.mjs, or pass { cmsUrl, locales }.',
    );
  }
  const resolved: RitmeLoaderOptions = { ...options, cmsUrl, locales };
  // The build service's render mode syncs when it renders, into its own memory: its bundle loads nothing.
  if (shared?.skipBuildSync) {
    const none = (): RitmeCollection => ({
      type: 'content_layer',
      loader: { name: 'ritme:none', load: async ({ store }) => store.clear() },
    });
    return Object.fromEntries(
      [...Object.keys(COLLECTION_ROUTES), 'home', 'results', 'changes'].map((name) => [name, none()]),
    ) as RitmeCollections;
  }
  const collection = (loader: Loader): RitmeCollection => ({ type: 'content_layer', loader });
  return {
    groups: collection(ritmeLoader(COLLECTION_ROUTES.groups, resolved)),
    behaviours: collection(ritmeLoader(COLLECTION_ROUTES.behaviours, resolved)),
    trainings: collection(ritmeLoader(COLLECTION_ROUTES.trainings, resolved)),
    people: collection(ritmeLoader(COLLECTION_ROUTES.people, resolved)),
    spotlights: collection(ritmeLoader(COLLECTION_ROUTES.spotlights, resolved)),
    rounds: collection(ritmeLoader(COLLECTION_ROUTES.rounds, resolved)),
    home: collection(ritmeHomeLoader(resolved)),
    results: collection(ritmeResultsLoader(resolved)),
    changes: collection(ritmeChangesLoader(resolved)),
  };
}
