/// <reference path="../virtual.d.ts" />
/**
 * The interface text the pages use: per locale, the shipped text with the
 * overrides from `ritme({ strings })` (see resolve.ts), computed once per locale.
 */

import config from 'virtual:ritme/config';
import type { Locale } from '@ritme/shared';
import { type Strings, stringsFor } from './resolve';

export type { Strings };

const cache = new Map<Locale, Strings>();

export function t(locale: Locale): Strings {
  let strings = cache.get(locale);
  if (!strings) {
    strings = stringsFor(locale, config.strings[locale]);
    cache.set(locale, strings);
  }
  return strings;
}

export function formatDate(value: string, locale: Locale, withTime = false): string {
  return new Intl.DateTimeFormat(t(locale).dateLocale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    timeZone: config.timeZone,
  }).format(new Date(value));
}

/** The clock time of `value` in the organisation's time zone: 14:30. */
export function formatTime(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(t(locale).dateLocale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: config.timeZone,
  }).format(new Date(value));
}

/**
 * A text with named placeholders filled in: `fillIn('Pagina {page} van {pages}', { page: 2, pages: 7 })`.
 * Numbers are written the locale's way when `locale` is given (10.000, 10,000). A placeholder
 * without a value stays as it is, so a team's override that leaves one out still reads.
 */
export function fillIn(template: string, values: Record<string, string | number>, locale?: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) return whole;
    return typeof value === 'number' && locale
      ? new Intl.NumberFormat(t(locale).dateLocale).format(value)
      : String(value);
  });
}
