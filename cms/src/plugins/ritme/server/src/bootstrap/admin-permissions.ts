/**
 * The admin panel's permissions for Ritme's own pages. They show up under
 * Settings → Roles → Plugins → Ritme, and the admin routes check them.
 */
import type { Core } from '@strapi/strapi';

export const ADMIN_ACTIONS = {
  inboxRead: 'plugin::ritme.inbox.read',
  inboxUpdate: 'plugin::ritme.inbox.update',
  inboxEmail: 'plugin::ritme.inbox.email',
  invitesManage: 'plugin::ritme.invites.manage',
  buildRead: 'plugin::ritme.build.read',
  buildRebuild: 'plugin::ritme.build.rebuild',
  roundsRead: 'plugin::ritme.rounds.read',
  roundsClose: 'plugin::ritme.rounds.close',
  signupsRead: 'plugin::ritme.signups.read',
} as const;

const ACTIONS = [
  { uid: 'inbox.read', displayName: 'Read the co-design inbox', subCategory: 'co-design' },
  { uid: 'inbox.update', displayName: 'Answer co-design feedback and suggestions', subCategory: 'co-design' },
  { uid: 'inbox.email', displayName: 'E-mail replies to suggestions', subCategory: 'co-design' },
  { uid: 'invites.manage', displayName: 'Manage pilot invites', subCategory: 'pilots' },
  { uid: 'build.read', displayName: "See the intranet's build state", subCategory: 'live' },
  { uid: 'build.rebuild', displayName: 'Rebuild the intranet now', subCategory: 'live' },
  { uid: 'rounds.read', displayName: "Read evaluation rounds' results", subCategory: 'rounds' },
  { uid: 'rounds.close', displayName: 'Close evaluation rounds for good', subCategory: 'rounds' },
  { uid: 'signups.read', displayName: 'See and export session sign-ups', subCategory: 'trainings' },
].map((action) => ({ ...action, section: 'plugins', pluginName: 'ritme' }));

interface ActionProvider {
  registerMany(actions: typeof ACTIONS): Promise<unknown>;
}

export async function registerAdminPermissions(strapi: Core.Strapi) {
  const permission = strapi.service('admin::permission') as unknown as { actionProvider: ActionProvider };
  await permission.actionProvider.registerMany(ACTIONS);
}
