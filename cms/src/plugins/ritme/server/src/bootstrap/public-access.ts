/**
 * `publicAccess: true` (the default): the Public role (users-permissions) may
 * read published content and send the two kinds of submission — and nothing
 * else of Ritme's. At every start the plugin grants exactly those actions and
 * takes any other Ritme action away from the Public role, even one someone
 * ticked in the admin: the suggestion inbox must never be public. Idempotent:
 * a second start changes nothing, and the log says so.
 *
 * `publicAccess: false`: the plugin grants and revokes nothing; the host
 * manages the Public role. It still warns when that role holds an action that
 * is not one of Ritme's public ones.
 */
import type { Core } from '@strapi/strapi';
import { PUBLIC_ACTIONS as CONTENT_ACTIONS } from '../permissions';

/** The incremental sync reads what the list routes read (published content), so it is public too. */
export const SYNC_ACTIONS = ['plugin::ritme.sync.index'];
/** Everything the Public role holds of Ritme's: the reads, the two submissions, the sync. */
export const PUBLIC_ACTIONS = [...new Set([...CONTENT_ACTIONS, ...SYNC_ACTIONS])];

const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';

export interface PublicAccessResult {
  granted: string[];
  revoked: string[];
  /** What the Public role holds of Ritme's afterwards. */
  actions: string[];
}

export async function syncPublicAccess(strapi: Core.Strapi): Promise<PublicAccessResult | null> {
  const enabled = strapi.plugin('ritme').config('publicAccess') !== false;
  if (!strapi.plugin('users-permissions')) {
    if (enabled) {
      strapi.log.warn(
        'ritme: publicAccess is on, but @strapi/plugin-users-permissions is not installed: no public role to grant to.',
      );
    }
    return null;
  }
  const role = await strapi.db.query(ROLE).findOne({ where: { type: 'public' } });
  if (!role) throw new Error('ritme: the users-permissions public role is missing; publicAccess cannot grant to it.');

  const held: { id: number; action: string }[] = await strapi.db
    .query(PERMISSION)
    .findMany({ where: { role: role.id, action: { $startsWith: 'plugin::ritme.' } } });
  const have = new Set(held.map((permission) => permission.action));
  const extra = held.filter((permission) => !PUBLIC_ACTIONS.includes(permission.action));

  if (!enabled) {
    if (extra.length > 0) {
      strapi.log.warn(
        `ritme: publicAccess is off, and the Public role holds Ritme actions that are not public: ${extra.map((p) => p.action).join(', ')}.`,
      );
    }
    return null;
  }

  const granted = PUBLIC_ACTIONS.filter((action) => !have.has(action));
  for (const action of granted) await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
  for (const permission of extra) await strapi.db.query(PERMISSION).delete({ where: { id: permission.id } });
  const revoked = extra.map((permission) => permission.action);

  if (granted.length === 0 && revoked.length === 0) {
    strapi.log.info(
      `ritme: the Public role already has exactly Ritme's ${PUBLIC_ACTIONS.length} public actions; nothing changed.`,
    );
  } else {
    if (granted.length > 0) strapi.log.info(`ritme: granted the Public role ${granted.join(', ')}.`);
    if (revoked.length > 0)
      strapi.log.warn(`ritme: revoked from the Public role (editors only): ${revoked.join(', ')}.`);
  }
  return { granted, revoked, actions: [...PUBLIC_ACTIONS] };
}

type Lifecycle = (args: { strapi: Core.Strapi }) => unknown;

/**
 * Sync once both are there: Ritme's bootstrap and the Public role, which
 * users-permissions creates in its own bootstrap on a fresh database. Plugins
 * bootstrap in the order Strapi found them, so whichever comes last syncs.
 */
export function syncPublicAccessWhenReady(strapi: Core.Strapi) {
  const usersPermissions = strapi.plugin('users-permissions') as unknown as { bootstrap?: Lifecycle } | undefined;
  let rolesReady = !usersPermissions;
  let ritmeReady = false;
  if (usersPermissions) {
    const original = usersPermissions.bootstrap;
    usersPermissions.bootstrap = async (args) => {
      await original?.(args);
      rolesReady = true;
      if (ritmeReady) await syncPublicAccess(strapi);
    };
  }
  return async () => {
    ritmeReady = true;
    if (rolesReady) await syncPublicAccess(strapi);
  };
}
