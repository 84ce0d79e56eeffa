/** The intranet's content, loaded from the Ritme plugin at build time. */
import { defineCollection } from 'astro:content';
import { cmsUrl, theme } from './config';
import { ritmeChangesLoader, ritmeHomeLoader, ritmeLoader, ritmeResultsLoader } from './loaders/ritme';

const options = { cmsUrl, locales: theme.locales };

export const collections = {
  groups: defineCollection({ loader: ritmeLoader('groups', options) }),
  behaviours: defineCollection({ loader: ritmeLoader('behaviours', options) }),
  trainings: defineCollection({ loader: ritmeLoader('trainings', options) }),
  people: defineCollection({ loader: ritmeLoader('people', options) }),
  spotlights: defineCollection({ loader: ritmeLoader('spotlights', options) }),
  rounds: defineCollection({ loader: ritmeLoader('evaluation-rounds', options) }),
  home: defineCollection({ loader: ritmeHomeLoader(options) }),
  results: defineCollection({ loader: ritmeResultsLoader(options) }),
  changes: defineCollection({ loader: ritmeChangesLoader(options) }),
};
