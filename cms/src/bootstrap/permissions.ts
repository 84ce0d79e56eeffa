/**
 * The public role may read published content and send the two kinds of
 * submission — and nothing else of Ritme's. Editor-only actions are taken away
 * from the public role at every start, even if someone ticked them in the admin:
 * the suggestion inbox must never be public.
 */
import type { Core } from '@strapi/strapi';

const ROLE = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';

export async function syncPublicPermissions(strapi: Core.Strapi) {
  const { public: publicActions, editor: editorActions } = strapi.plugin('ritme').service('permissions') as unknown as {
    public: string[];
    editor: string[];
  };
  const role = await strapi.db.query(ROLE).findOne({ where: { type: 'public' } });
  if (!role)
    throw new Error('The users-permissions public role is missing; is @strapi/plugin-users-permissions installed?');

  const granted: { id: number; action: string }[] = await strapi.db
    .query(PERMISSION)
    .findMany({ where: { role: role.id, action: { $startsWith: 'plugin::ritme.' } } });
  const have = new Set(granted.map((permission) => permission.action));

  for (const action of publicActions) {
    if (!have.has(action)) await strapi.db.query(PERMISSION).create({ data: { action, role: role.id } });
  }
  const forbidden = granted.filter((permission) => !publicActions.includes(permission.action));
  for (const permission of forbidden) {
    strapi.log.warn(`ritme: removing "${permission.action}" from the public role (editors only).`);
    await strapi.db.query(PERMISSION).delete({ where: { id: permission.id } });
  }
  return { public: publicActions, editor: editorActions };
}
