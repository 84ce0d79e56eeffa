/**
 * Page data straight from Strapi for the preview server: drafts through the
 * plugin's preview routes with the server-side token, results and the public
 * board through the public routes. No content-layer snapshot is involved, so
 * a pilot sees an edit as soon as it is saved.
 */
import { createRitmeClient } from '@ritme/shared';
import type { PageSource } from '../data/pages';
import type { PreviewConfig } from './config';

export function liveSource(config: PreviewConfig, drafts: boolean): PageSource {
  // The token only opens the preview routes; published pages are read like everyone else reads them.
  const client = createRitmeClient({ baseUrl: config.cmsUrl, token: drafts ? config.token : undefined, drafts });
  const publicClient = createRitmeClient({ baseUrl: config.cmsUrl });
  return {
    home: (locale) => client.home(locale),
    groups: (locale) => client.listAll('groups', locale),
    behaviours: (locale) => client.listAll('behaviours', locale),
    trainings: (locale) => client.listAll('trainings', locale),
    people: (locale) => client.listAll('people', locale),
    rounds: (locale) => client.listAll('evaluation-rounds', locale),
    results: async (locale, round) => publicClient.roundResults(round.documentId, locale).catch(() => null),
    changes: () => publicClient.changes(),
  };
}
