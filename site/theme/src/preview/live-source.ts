/**
 * Page data straight from Strapi for the preview server: content through the
 * plugin's preview routes with the server-side token and the drafts the session
 * may see, results and the public board through the public routes. No
 * content-layer snapshot is involved, so a pilot sees an edit as soon as it is saved.
 */
import { createRitmeClient, type DraftScope, type Locale } from '@ritme/shared';
import type { PageSource } from '../data/pages';
import type { PreviewConfig } from './config';

export function liveSource(config: PreviewConfig, draftsFor: (locale: Locale) => DraftScope | undefined): PageSource {
  const publicClient = createRitmeClient({ baseUrl: config.cmsUrl });
  // The token only opens the preview routes; without drafts to show, pages are read like everyone else reads them.
  const reader = (locale: Locale) => {
    const drafts = draftsFor(locale);
    return drafts ? createRitmeClient({ baseUrl: config.cmsUrl, token: config.token, drafts }) : publicClient;
  };
  return {
    home: (locale) => reader(locale).home(locale),
    groups: (locale) => reader(locale).listAll('groups', locale),
    behaviours: (locale) => reader(locale).listAll('behaviours', locale),
    trainings: (locale) => reader(locale).listAll('trainings', locale),
    people: (locale) => reader(locale).listAll('people', locale),
    rounds: (locale) => reader(locale).listAll('evaluation-rounds', locale),
    results: async (locale, round) => publicClient.roundResults(round.documentId, locale).catch(() => null),
    changes: () => publicClient.changes(),
  };
}
