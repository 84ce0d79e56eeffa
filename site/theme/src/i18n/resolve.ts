/**
 * The interface text of any locale: the shipped Dutch or English text with a
 * team's overrides from `ritme({ strings })` laid over it. A locale Ritme does
 * not ship starts from English for every string the team did not write, and
 * takes its language name and date format from Intl, so `de` reads "Deutsch"
 * in the language switcher and formats dates the German way.
 */
import { FALLBACK_LOCALE, isShippedLocale, type Locale } from '@ritme/shared';
import { z } from 'zod';
import { en } from './en';
import { nl, type Strings } from './nl';

export type { Strings };
export const SHIPPED_STRINGS = { nl, en } as const;

/**
 * What a team may write for one locale: any part of the strings. Where the
 * shipped text is a function (`training.minutes`, `round.responses`, …) the
 * override is a text with one `{placeholder}`, e.g. `'{n} Minuten'`.
 */
export type StringOverrides = OverridesOf<Strings>;
type OverridesOf<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => string
    ? string
    : T[K] extends Record<string, unknown>
      ? OverridesOf<T[K]>
      : string;
};

function overridesSchema(shape: Record<string, unknown>): z.ZodType {
  return z
    .strictObject(
      Object.fromEntries(
        Object.entries(shape).map(([key, value]) => [
          key,
          (value !== null && typeof value === 'object'
            ? overridesSchema(value as Record<string, unknown>)
            : z.string().min(1, { message: 'Write the text, or leave the key out to keep the shipped one.' })
          ).optional(),
        ]),
      ),
    )
    .optional();
}

/** Built from the English strings, so an unknown key is reported with its path. */
export const StringOverridesSchema = overridesSchema(en) as z.ZodType<StringOverrides | undefined>;

/** `'{n} Minuten'` → `(n) => '12 Minuten'`: every placeholder takes the one value the function is given. */
const fill = (template: string) => (value: string | number) => template.replace(/\{\w+\}/g, String(value));

function merge<T>(base: T, overrides: unknown): T {
  if (!overrides) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (value === undefined) continue;
    const current = out[key];
    if (typeof current === 'function') out[key] = fill(String(value));
    else if (current !== null && typeof current === 'object') out[key] = merge(current, value);
    else out[key] = value;
  }
  return out as T;
}

/** The name of a language in itself ("Deutsch", "Français"), or the code when Intl does not know it. */
function ownName(locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}

/** The strings of `locale`: shipped (nl, en) or English, then the team's overrides. */
export function stringsFor(locale: Locale, overrides?: StringOverrides): Strings {
  if (isShippedLocale(locale)) return merge(SHIPPED_STRINGS[locale], overrides);
  const name = ownName(locale);
  // English sentences that name English ("View this page in English") would be wrong here.
  const own = { languageName: name, switchTo: name, dateLocale: locale };
  return merge(merge(SHIPPED_STRINGS[FALLBACK_LOCALE], own), overrides);
}
