/**
 * Admin panel users for tests: one per role (Strapi's own `strapi-author` and
 * `strapi-editor`, or the super admin), logged in over HTTP like the admin
 * panel does, and Strapi's Preview button as the admin panel calls it.
 */
import type { Core } from '@strapi/strapi';
import { call } from './api';

const PASSWORD = 'Test-password-1';
/** The password of every admin created here (to log in through the admin panel's own form). */
export const ADMIN_PASSWORD = PASSWORD;

export type AdminRole = 'strapi-super-admin' | 'strapi-editor' | 'strapi-author';

/** Creates an active admin with `role` and returns its admin JWT. */
export async function adminJwt(strapi: Core.Strapi, baseUrl: string, email: string, role: AdminRole): Promise<string> {
  const roles = strapi.service('admin::role');
  const found = role === 'strapi-super-admin' ? await roles.getSuperAdmin() : await roles.findOne({ code: role });
  if (!found) throw new Error(`No admin role "${role}": Strapi creates it on the first boot.`);
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: role,
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [found.id],
  });
  const login = await call(baseUrl, 'POST', '/admin/login', { body: { email, password: PASSWORD } });
  if (login.status !== 200) throw new Error(`Admin login failed (${login.status}): ${JSON.stringify(login.body)}`);
  return login.body.data.token as string;
}

/**
 * What Strapi's Preview button gets for an entry: the link, or null when there
 * is none (204). Throws on any other answer.
 */
export async function previewLink(
  baseUrl: string,
  jwt: string,
  uid: string,
  target: { documentId: string; locale: 'nl' | 'en'; status: 'draft' | 'published' },
): Promise<string | null> {
  const query = new URLSearchParams(target);
  const response = await call(baseUrl, 'GET', `/content-manager/preview/url/${uid}?${query}`, { token: jwt });
  if (response.status === 204) return null;
  if (response.status !== 200)
    throw new Error(`Preview URL answered ${response.status}: ${JSON.stringify(response.body)}`);
  return (response.body?.data?.url as string | undefined) ?? null;
}

/** An action for every subject (`plugin::ritme.build.read`), or on one content type. */
export type AdminAction = string | { action: string; subject: string };

/** An admin role holding exactly `actions`, without conditions. */
export async function roleWith(strapi: Core.Strapi, name: string, actions: AdminAction[]): Promise<number> {
  const roles = strapi.service('admin::role');
  const role = await roles.create({ name, description: name });
  await roles.assignPermissions(
    role.id,
    actions.map((entry) => {
      const { action, subject = null } = typeof entry === 'string' ? { action: entry } : entry;
      return { action, subject, conditions: [], properties: {} };
    }),
  );
  return role.id as number;
}

/** A permission to add to a role: an action (on a subject), with properties such as `{ locales }`. */
export type GrantedAction = string | { action: string; subject?: string | null; properties?: Record<string, unknown> };

/**
 * Adds `actions` to one of Strapi's own roles (`strapi-editor`, `strapi-author`) on top of what it
 * holds, as an admin does in Settings → Roles.
 */
export async function grantToRole(strapi: Core.Strapi, code: AdminRole, actions: GrantedAction[]) {
  const roles = strapi.service('admin::role');
  const role = await roles.findOne({ code });
  const current = (await strapi.db.query('admin::permission').findMany({ where: { role: role.id } })) as {
    action: string;
    subject: string | null;
    conditions: string[];
    properties: Record<string, unknown> | null;
  }[];
  await roles.assignPermissions(role.id, [
    ...current.map(({ action, subject, conditions, properties }) => ({
      action,
      subject,
      conditions,
      properties: properties ?? {},
    })),
    ...actions.map((entry) => {
      const { action, subject = null, properties = {} } = typeof entry === 'string' ? { action: entry } : entry;
      return { action, subject, conditions: [], properties };
    }),
  ]);
}

export interface TestAdmin {
  email: string;
  password: string;
  /** An admin JWT from logging in over HTTP, as the admin panel does. */
  jwt: string;
}

/**
 * Creates an active admin with a role of its own holding exactly `actions`, logs it in over HTTP,
 * and returns what a browser needs to log in too. `language` is the admin's preferred interface language.
 */
export async function adminWith(
  strapi: Core.Strapi,
  baseUrl: string,
  email: string,
  actions: AdminAction[],
  options: { language?: 'en' | 'nl' } = {},
): Promise<TestAdmin> {
  const roleId = await roleWith(strapi, `Test role for ${email}`, actions);
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: email.split('@')[0],
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [roleId],
    ...(options.language ? { preferedLanguage: options.language } : {}),
  });
  const login = await call(baseUrl, 'POST', '/admin/login', { body: { email, password: PASSWORD } });
  if (login.status !== 200) throw new Error(`Admin login failed (${login.status}): ${JSON.stringify(login.body)}`);
  return { email, password: PASSWORD, jwt: login.body.data.token as string };
}
