/** Ritme speaks Dutch by default and English too: make sure both locales exist, nl the default. */
import type { Core } from '@strapi/strapi';

const LOCALES = [
  { code: 'nl', name: 'Dutch (nl)' },
  { code: 'en', name: 'English (en)' },
];

export async function ensureLocales(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  const existing: { code: string }[] = await locales.find();
  for (const locale of LOCALES) {
    if (!existing.some((row) => row.code === locale.code)) await locales.create(locale);
  }
  if ((await locales.getDefaultLocale()) !== 'nl') await locales.setDefaultLocale({ code: 'nl' });
}
