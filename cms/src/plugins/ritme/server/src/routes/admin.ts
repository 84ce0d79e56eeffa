/**
 * The admin panel's routes, mounted by Strapi under /ritme and reached with an
 * admin JWT. Each one checks an admin permission registered in bootstrap.
 */
import { ADMIN_ACTIONS } from '../bootstrap/admin-permissions';

/** Every one of `actions` is needed (Strapi's hasPermissions checks them all). */
const allowed = (...actions: string[]) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions } }],
});

export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/inbox', handler: 'admin-inbox.list', config: allowed(ADMIN_ACTIONS.inboxRead) },
    {
      method: 'PUT',
      path: '/inbox/:kind/:id',
      handler: 'admin-inbox.update',
      config: allowed(ADMIN_ACTIONS.inboxUpdate),
    },
    {
      method: 'POST',
      path: '/inbox/suggestion/:id/email',
      handler: 'admin-inbox.emailReply',
      // It stores the reply and the status too: what inbox.update allows.
      config: allowed(ADMIN_ACTIONS.inboxUpdate, ADMIN_ACTIONS.inboxEmail),
    },
    // What pilots see besides published content: for everyone who reads the inbox.
    {
      method: 'GET',
      path: '/shared-drafts',
      handler: 'admin-shared-drafts.list',
      config: allowed(ADMIN_ACTIONS.inboxRead),
    },
    { method: 'GET', path: '/invites', handler: 'admin-invites.list', config: allowed(ADMIN_ACTIONS.invitesManage) },
    { method: 'POST', path: '/invites', handler: 'admin-invites.create', config: allowed(ADMIN_ACTIONS.invitesManage) },
    {
      method: 'POST',
      path: '/invites/:id/revoke',
      handler: 'admin-invites.revoke',
      config: allowed(ADMIN_ACTIONS.invitesManage),
    },
    // Live: the build service's state, and a rebuild on request.
    {
      method: 'GET',
      path: '/build-status',
      handler: 'admin-build.status',
      config: allowed(ADMIN_ACTIONS.buildRead),
    },
    // The editors' home: signed-in admins only; each part checks its own permission in the controller.
    {
      method: 'GET',
      path: '/overview',
      handler: 'admin-overview.show',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    { method: 'POST', path: '/rebuild', handler: 'admin-build.rebuild', config: allowed(ADMIN_ACTIONS.buildRebuild) },
    // Evaluation rounds: results (never below the minimum) and "Close for good".
    { method: 'GET', path: '/rounds', handler: 'admin-rounds.list', config: allowed(ADMIN_ACTIONS.roundsRead) },
    { method: 'GET', path: '/rounds/:id', handler: 'admin-rounds.show', config: allowed(ADMIN_ACTIONS.roundsRead) },
    {
      method: 'POST',
      path: '/rounds/:id/close',
      handler: 'admin-rounds.close',
      config: allowed(ADMIN_ACTIONS.roundsClose),
    },
    // Sign-ups for training sessions: per session, and as CSV.
    { method: 'GET', path: '/signups', handler: 'admin-signups.list', config: allowed(ADMIN_ACTIONS.signupsRead) },
    {
      method: 'GET',
      path: '/signups/:id',
      handler: 'admin-signups.show',
      config: allowed(ADMIN_ACTIONS.signupsRead),
    },
    {
      method: 'GET',
      path: '/signups/:id/csv',
      handler: 'admin-signups.csv',
      config: allowed(ADMIN_ACTIONS.signupsRead),
    },
  ],
};
