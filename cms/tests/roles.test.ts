/**
 * Strapi creates its default Editor and Author roles before the demo app adds
 * its locales, so out of the box those roles could edit no Dutch entry — the
 * default language. The demo grants every role a locale the moment it creates
 * that locale (as Strapi does for the Super Admin), and never again: a locale
 * an admin later takes from a role stays taken.
 */
import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLocales } from '../src/bootstrap/locales';
import { bootStrapi, type TestStrapi } from './harness/strapi';

let app: TestStrapi;

beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => {
  await app?.stop();
});

interface Permission {
  id: number;
  action: string;
  subject: string | null;
  properties: { locales?: string[] } | null;
}

async function permissionsOf(strapi: Core.Strapi, code: string): Promise<Permission[]> {
  const role = await strapi.service('admin::role').findOne({ code });
  return (await strapi.db.query('admin::permission').findMany({ where: { role: role.id } })) as Permission[];
}

const onRitme = (permissions: Permission[], action: string) =>
  permissions.find((p) => p.action === action && p.subject === 'plugin::ritme.behaviour');

describe("the default editors' roles", () => {
  it.each(['strapi-editor', 'strapi-author'])('%s may work in Dutch and English on Ritme entries', async (code) => {
    const permissions = await permissionsOf(app.strapi, code);
    for (const action of ['plugin::content-manager.explorer.read', 'plugin::content-manager.explorer.update']) {
      const permission = onRitme(permissions, action);
      expect(permission, `${code} has ${action} on behaviours`).toBeDefined();
      expect([...(permission?.properties?.locales ?? [])].sort()).toEqual(['en', 'nl']);
    }
  });

  it('keeps a locale an admin took from a role when the app starts again', async () => {
    const strapi = app.strapi;
    const read = onRitme(await permissionsOf(strapi, 'strapi-editor'), 'plugin::content-manager.explorer.read');
    if (!read) throw new Error('The Editor role has no read permission on behaviours.');
    await strapi.db
      .query('admin::permission')
      .update({ where: { id: read.id }, data: { properties: { ...read.properties, locales: ['nl'] } } });
    await ensureLocales(strapi);
    const after = onRitme(await permissionsOf(strapi, 'strapi-editor'), 'plugin::content-manager.explorer.read');
    expect(after?.properties?.locales).toEqual(['nl']);
  });
});
