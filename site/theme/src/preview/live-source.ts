/**
 * Page data straight from Strapi for the preview server: content through the
 * plugin's preview routes with the server-side token and the drafts the session
 * may see, results and the public board through the public routes. No
 * content-layer snapshot is involved, so a pilot sees an edit as soon as it is saved.
 * Each method reads what one page shows (see data/resolve.ts): one entry, one
 * page of a list, a list's count; only the rounds page reads all rounds.
 */
import { type ContentRoute, createRitmeClient, type DraftScope, type Locale, RitmeApiError } from '@ritme/shared';
import type { DetailOf, DetailSection, ListOf } from '../data/pages';
import type { PreviewSource } from '../data/resolve';
import type { PreviewConfig } from './config';

const ROUTES = {
  groups: 'groups',
  behaviours: 'behaviours',
  trainings: 'trainings',
  people: 'people',
  spotlights: 'spotlights',
  rounds: 'evaluation-rounds',
} as const satisfies Record<string, ContentRoute>;

export function liveSource(
  config: PreviewConfig,
  draftsFor: (locale: Locale) => DraftScope | undefined,
): PreviewSource {
  const publicClient = createRitmeClient({ baseUrl: config.cmsUrl });
  // The token only opens the preview routes; without drafts to show, pages are read like everyone else reads them.
  const reader = (locale: Locale) => {
    const drafts = draftsFor(locale);
    return drafts ? createRitmeClient({ baseUrl: config.cmsUrl, token: config.token, drafts }) : publicClient;
  };
  return {
    home: (locale) => reader(locale).home(locale),
    async list(section, locale, page, pageSize) {
      const result = await reader(locale).list(ROUTES[section], { locale, page, pageSize });
      return { items: result.data as ListOf[typeof section][], total: result.pagination.total };
    },
    async total(section, locale) {
      return (await reader(locale).list(ROUTES[section], { locale, page: 1, pageSize: 1 })).pagination.total;
    },
    async entry<S extends DetailSection>(section: S, locale: Locale, slug: string) {
      try {
        return (await reader(locale).get(ROUTES[section], slug, locale)) as DetailOf[S];
      } catch (error) {
        // Not there, or not for this session (an unshared draft): the page does not exist.
        if (error instanceof RitmeApiError && error.status === 404) return null;
        throw error;
      }
    },
    rounds: (locale) => reader(locale).listAll('evaluation-rounds', locale),
    results: async (locale, round) => publicClient.roundResults(round.documentId, locale).catch(() => null),
    changes: () => publicClient.changes(),
  };
}
