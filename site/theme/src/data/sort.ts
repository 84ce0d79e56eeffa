/** Sorting by text the way people of each language expect. */
import type { Locale } from '@ritme/shared';

export const byText =
  <T>(locale: Locale, text: (item: T) => string) =>
  (a: T, b: T) =>
    new Intl.Collator(locale).compare(text(a), text(b));
