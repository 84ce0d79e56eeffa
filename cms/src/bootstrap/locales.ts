/**
 * Ritme speaks Dutch by default and English too: make sure both locales exist,
 * nl the default. Strapi made its default Editor and Author roles before these
 * locales existed, so a locale created here is granted to every role that
 * works on localized content — once, when it is created, as Strapi does for the
 * Super Admin: a locale an admin later takes from a role stays taken. A
 * permission Strapi made with no locales at all gets both.
 */
import type { Core } from '@strapi/strapi';

const LOCALES = [
  { code: 'nl', name: 'Dutch (nl)' },
  { code: 'en', name: 'English (en)' },
];

interface Permission {
  id: number;
  subject: string | null;
  properties: { locales?: unknown } | null;
}

const isLocalized = (strapi: Core.Strapi, subject: string | null) =>
  subject !== null &&
  (
    strapi.contentTypes[subject as keyof typeof strapi.contentTypes] as {
      pluginOptions?: { i18n?: { localized?: boolean } };
    }
  )?.pluginOptions?.i18n?.localized === true;

/**
 * The locales each permission on a localized type should have: a permission Strapi made without any
 * (no admin has saved it in Settings → Roles, which always writes a list) gets every locale; one with a
 * list gets only the locales created just now.
 */
async function grantToRoles(strapi: Core.Strapi, created: string[], all: string[]) {
  const permissions = strapi.db.query('admin::permission');
  const rows = (await permissions.findMany({ select: ['id', 'subject', 'properties'] })) as Permission[];
  for (const permission of rows) {
    if (!isLocalized(strapi, permission.subject)) continue;
    const current = permission.properties?.locales;
    const locales = Array.isArray(current) ? current : current === undefined ? [] : null;
    if (locales === null) continue; // null: every locale already
    const wanted = current === undefined ? all : created;
    const missing = wanted.filter((code) => !locales.includes(code));
    if (missing.length === 0) continue;
    await permissions.update({
      where: { id: permission.id },
      data: { properties: { ...permission.properties, locales: [...locales, ...missing] } },
    });
  }
}

export async function ensureLocales(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  const existing: { code: string }[] = await locales.find();
  const created: string[] = [];
  for (const locale of LOCALES) {
    if (existing.some((row) => row.code === locale.code)) continue;
    await locales.create(locale);
    created.push(locale.code);
  }
  if ((await locales.getDefaultLocale()) !== 'nl') await locales.setDefaultLocale({ code: 'nl' });
  await grantToRoles(
    strapi,
    created,
    LOCALES.map((locale) => locale.code),
  );
}
