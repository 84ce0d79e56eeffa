/**
 * The Ritme plugin's server side: content types, the /api/ritme content API,
 * the document middlewares that fill slugs and round questions, the rate
 * limit on public submissions, a JSON-only body reader in front of Strapi's
 * body parser, its origins added to Strapi's CORS, and the Public role's
 * permissions (option `publicAccess`), and "Live": the build service or
 * deploy hook told of every published change (options `builder`, `deployHook`).
 */
import type { Core } from '@strapi/strapi';
import { registerAdminPermissions } from './bootstrap/admin-permissions';
import { PUBLIC_ACTIONS, SYNC_ACTIONS, syncPublicAccess, syncPublicAccessWhenReady } from './bootstrap/public-access';
import config from './config';
import { configureContentManager } from './content-manager/configure';
import contentTypes from './content-types';
import adminBuild from './controllers/admin-build';
import adminInbox from './controllers/admin-inbox';
import adminInvites from './controllers/admin-invites';
import adminOverview from './controllers/admin-overview';
import adminRounds from './controllers/admin-rounds';
import adminSharedDrafts from './controllers/admin-shared-drafts';
import adminSignups from './controllers/admin-signups';
import change from './controllers/change';
import clock from './controllers/clock';
import { readController } from './controllers/content';
import evaluationResponse from './controllers/evaluation-response';
import evaluationRound from './controllers/evaluation-round';
import feedback from './controllers/feedback';
import home from './controllers/home';
import pilotSession from './controllers/pilot-session';
import preview from './controllers/preview';
import previewLink from './controllers/preview-link';
import signup from './controllers/signup';
import suggestion from './controllers/suggestion';
import sync from './controllers/sync';
import { applyAllowedOrigins } from './cors';
import { registerRoundQuestionsField } from './custom-fields/round-questions';
import { fieldsMiddleware } from './document-middlewares/fields';
import { liveMiddleware, subscribeMedia } from './document-middlewares/live';
import { roundMiddleware } from './document-middlewares/rounds';
import { seatsMiddleware } from './document-middlewares/seats';
import { sessionTitleMiddleware } from './document-middlewares/session-titles';
import { slugMiddleware } from './document-middlewares/slugs';
import { jsonOnly } from './middlewares/json-only';
import rateLimit from './middlewares/rate-limit';
import { voicesGuard, withdrawVoiceSubjects } from './middlewares/voices-guard';
import { EDITOR_ACTIONS, PREVIEW_ACTIONS } from './permissions';
import routes from './routes';
import adminRoundsService from './services/admin-rounds';
import clockService from './services/clock';
import codesign from './services/codesign';
import content from './services/content';
import homeService from './services/home';
import inbox from './services/inbox';
import live from './services/live';
import locales, { enabledLocales } from './services/locales';
import overview from './services/overview';
import previewLinks from './services/preview-links';
import results from './services/results';
import sharedDrafts from './services/shared-drafts';
import signups from './services/signups';
import submissions from './services/submissions';
import syncService from './services/sync';

type DocumentMiddleware = Parameters<Core.Strapi['documents']['use']>[0];

/** Set in register(): grants the Public role its actions once users-permissions has made the role. */
let publicAccessReady: (() => Promise<void>) | undefined;

/** A `locales` option naming a locale i18n does not have serves nothing in that locale: say so at start. */
async function warnAboutLocales(strapi: Core.Strapi) {
  const configured = strapi.plugin('ritme').config('locales') as string[] | undefined;
  if (!configured) return;
  const enabled = await enabledLocales(strapi);
  const missing = configured.filter((code) => !enabled.includes(code));
  if (missing.length > 0) {
    strapi.log.warn(
      `ritme: the locales option lists ${missing.join(', ')}, which Strapi's i18n has not enabled (enabled: ${enabled.join(', ')}).`,
    );
  }
}

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerRoundQuestionsField(strapi);
    strapi.documents.use(slugMiddleware(strapi) as unknown as DocumentMiddleware);
    strapi.documents.use(roundMiddleware(strapi) as unknown as DocumentMiddleware);
    strapi.documents.use(fieldsMiddleware() as unknown as DocumentMiddleware);
    strapi.documents.use(sessionTitleMiddleware(strapi) as unknown as DocumentMiddleware);
    strapi.documents.use(liveMiddleware(strapi) as unknown as DocumentMiddleware);
    strapi.documents.use(seatsMiddleware(strapi) as unknown as DocumentMiddleware);
    // Added before the app's middlewares (they are mounted at bootstrap), so it runs ahead of strapi::body.
    strapi.server.use(jsonOnly(strapi) as never);
    strapi.server.use(voicesGuard(strapi) as never);
    applyAllowedOrigins(strapi);
    publicAccessReady = syncPublicAccessWhenReady(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await registerAdminPermissions(strapi);
    subscribeMedia(strapi);
    withdrawVoiceSubjects(strapi);
    await publicAccessReady?.();
    // Tombstones past the sync horizon (and on write, at most hourly: see document-middlewares/live.ts).
    await strapi.plugin('ritme').service('sync').prune();
    await warnAboutLocales(strapi);
    // Labels, help, layouts and list views for the comms team; never over an admin's own changes.
    await configureContentManager(strapi);
  },
  destroy({ strapi }: { strapi: Core.Strapi }) {
    // Pending notifications are dropped: a build service that starts again syncs from its own cursor.
    strapi.plugin('ritme').service('live').stop();
  },
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
    signup,
    sync,
    'evaluation-response': evaluationResponse,
    change,
    clock,
    feedback,
    'pilot-session': pilotSession,
    preview,
    'preview-link': previewLink,
    'admin-build': adminBuild,
    'admin-inbox': adminInbox,
    'admin-invites': adminInvites,
    'admin-overview': adminOverview,
    'admin-rounds': adminRounds,
    'admin-shared-drafts': adminSharedDrafts,
    'admin-signups': adminSignups,
  },
  services: {
    'admin-rounds': adminRoundsService,
    clock: clockService,
    codesign,
    content,
    home: homeService,
    inbox,
    live,
    locales,
    overview,
    'preview-links': previewLinks,
    /** `sync()` grants the Public role its actions again (what bootstrap does with `publicAccess` on). */
    'public-access': ({ strapi }: { strapi: Core.Strapi }) => ({ sync: () => syncPublicAccess(strapi) }),
    results,
    'shared-drafts': sharedDrafts,
    signups,
    submissions,
    sync: syncService,
    /** Action lists for the host app's bootstrap and tests. */
    permissions: () => ({
      public: PUBLIC_ACTIONS,
      editor: [...new Set([...EDITOR_ACTIONS, ...SYNC_ACTIONS])],
      preview: PREVIEW_ACTIONS,
    }),
  },
  middlewares: { 'rate-limit': rateLimit },
  routes,
};
