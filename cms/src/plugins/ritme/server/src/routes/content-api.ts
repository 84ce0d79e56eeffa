/**
 * The content API, mounted by Strapi under /api/ritme. Each handler becomes a
 * permission (`plugin::ritme.<controller>.<action>`); the app's bootstrap grants
 * the public role the reads and the two creates, nothing else.
 */
import type { RateLimitName } from '../middlewares/rate-limit';

const read = (path: string, controller: string) => [
  { method: 'GET', path: `/${path}`, handler: `${controller}.find`, config: { policies: [] } },
  { method: 'GET', path: `/${path}/:id`, handler: `${controller}.findOne`, config: { policies: [] } },
];

// A fresh object per route: Strapi writes each route's auth scope into its config.
// Which limit, and what it counts, is in middlewares/rate-limit.
const limited = (limit: RateLimitName = 'submissions') => ({
  policies: [],
  middlewares: [{ name: 'plugin::ritme.rate-limit', config: { limit } }],
});

export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/home', handler: 'home.index', config: { policies: [] } },
    ...read('groups', 'group'),
    ...read('behaviours', 'behaviour'),
    ...read('trainings', 'training'),
    ...read('people', 'person'),
    ...read('spotlights', 'spotlight'),
    ...read('evaluation-rounds', 'evaluation-round'),
    {
      method: 'GET',
      path: '/evaluation-rounds/:id/results',
      handler: 'evaluation-round.results',
      config: { policies: [] },
    },

    { method: 'GET', path: '/changes', handler: 'change.list', config: { policies: [] } },
    // When the intranet next changes by the clock alone: for the build service's schedule.
    { method: 'GET', path: '/clock', handler: 'clock.index', config: { policies: [] } },
    // Incremental sync of one content route (the intranet's loaders and the build service).
    { method: 'GET', path: '/sync/:route', handler: 'sync.index', config: { policies: [] } },

    { method: 'POST', path: '/suggestions', handler: 'suggestion.create', config: limited() },
    { method: 'POST', path: '/evaluation-responses', handler: 'evaluation-response.create', config: limited() },
    // Sign-ups for training sessions; a cancel link's token is looked up and used only by POST.
    { method: 'POST', path: '/signups', handler: 'signup.create', config: limited() },
    { method: 'POST', path: '/signups/lookup', handler: 'signup.lookup', config: limited() },
    { method: 'POST', path: '/signups/cancel', handler: 'signup.cancel', config: limited() },
    {
      method: 'GET',
      path: '/training-sessions/availability',
      handler: 'signup.availability',
      config: { policies: [] },
    },

    // Editors only. Not named find/findOne on purpose: Strapi's "read-only" API
    // token type may call every find/findOne, and the inbox must stay private.
    // Single evaluation responses have no read route at all: one response is one
    // person's complete answers; results come only through the round's route.
    { method: 'GET', path: '/suggestions', handler: 'suggestion.list', config: { policies: [] } },
    { method: 'GET', path: '/suggestions/:id', handler: 'suggestion.show', config: { policies: [] } },
    { method: 'PUT', path: '/suggestions/:id', handler: 'suggestion.answer', config: { policies: [] } },

    // The preview server only (an API token with the preview permissions): drafts, pilots, feedback.
    { method: 'GET', path: '/preview/home', handler: 'preview.home', config: { policies: [] } },
    { method: 'POST', path: '/preview-link-uses', handler: 'preview-link.claim', config: { policies: [] } },
    { method: 'GET', path: '/preview/:route', handler: 'preview.list', config: { policies: [] } },
    { method: 'GET', path: '/preview/:route/:id', handler: 'preview.show', config: { policies: [] } },
    { method: 'POST', path: '/pilot-sessions', handler: 'pilot-session.open', config: limited('pilot-sessions') },
    { method: 'GET', path: '/pilot-sessions/:id', handler: 'pilot-session.check', config: { policies: [] } },
    { method: 'POST', path: '/feedback', handler: 'feedback.create', config: limited('feedback') },
  ],
};
