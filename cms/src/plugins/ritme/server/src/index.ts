/**
 * The Ritme plugin's server side: content types, the /api/ritme content API,
 * the document middlewares that fill slugs and round questions, and the rate
 * limit on public submissions.
 */
import type { Core } from '@strapi/strapi';
import config from './config';
import contentTypes from './content-types';
import { readController } from './controllers/content';
import evaluationResponse from './controllers/evaluation-response';
import evaluationRound from './controllers/evaluation-round';
import home from './controllers/home';
import suggestion from './controllers/suggestion';
import { roundMiddleware } from './document-middlewares/rounds';
import { slugMiddleware } from './document-middlewares/slugs';
import rateLimit from './middlewares/rate-limit';
import { EDITOR_ACTIONS, PUBLIC_ACTIONS } from './permissions';
import routes from './routes';
import content from './services/content';
import homeService from './services/home';
import inbox from './services/inbox';
import results from './services/results';
import submissions from './services/submissions';

type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(slugMiddleware(strapi) as unknown as DocumentMiddleware);
    strapi.documents.use(roundMiddleware() as unknown as DocumentMiddleware);
  },
  bootstrap() {},
  config,
  contentTypes,
  controllers: {
    group: readController('groups'),
    behaviour: readController('behaviours'),
    training: readController('trainings'),
    person: readController('people'),
    spotlight: readController('spotlights'),
    'evaluation-round': evaluationRound,
    home,
    suggestion,
    'evaluation-response': evaluationResponse,
  },
  services: {
    content,
    home: homeService,
    inbox,
    results,
    submissions,
    /** Action lists for the host app's bootstrap and tests. */
    permissions: () => ({ public: PUBLIC_ACTIONS, editor: EDITOR_ACTIONS }),
  },
  middlewares: { 'rate-limit': rateLimit },
  routes,
};
