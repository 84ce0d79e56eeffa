/**
 * The locales Ritme serves: the `locales` option when the host sets it, else
 * every locale Strapi's i18n has enabled (read when asked, so a locale an
 * editor adds in Settings → Internationalization is served at once), the
 * default locale first.
 */
import type { Locale } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

interface I18nLocales {
  find(): Promise<{ code: string }[]>;
  getDefaultLocale(): Promise<string>;
}

const i18nLocales = (strapi: Core.Strapi) => strapi.plugin('i18n').service('locales') as unknown as I18nLocales;

/** Every locale i18n has enabled, the default first. */
export async function enabledLocales(strapi: Core.Strapi): Promise<Locale[]> {
  const service = i18nLocales(strapi);
  const [rows, defaultLocale] = await Promise.all([service.find(), service.getDefaultLocale()]);
  const codes = rows.map((row) => row.code);
  return [...codes.filter((code) => code === defaultLocale), ...codes.filter((code) => code !== defaultLocale)];
}

export async function servedLocales(strapi: Core.Strapi): Promise<Locale[]> {
  const configured = strapi.plugin('ritme').config('locales') as Locale[] | undefined;
  return configured && configured.length > 0 ? [...configured] : enabledLocales(strapi);
}

/** A read in a locale Ritme does not serve is the client's error: a 400 naming the locales it does serve. */
export async function assertServed(strapi: Core.Strapi, locale: string): Promise<void> {
  const served = await servedLocales(strapi);
  if (served.includes(locale)) return;
  const message = `Ritme serves ${served.join(', ')}; not "${locale.slice(0, 40)}".`;
  throw new errors.ValidationError(message, { errors: [{ path: ['locale'], message }] });
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The locales Ritme serves, in order (the first is the default). */
  served: () => servedLocales(strapi),
  async isServed(locale: string) {
    return (await servedLocales(strapi)).includes(locale);
  },
});
