/**
 * Every URL of the intranet, per locale: Dutch at /, English at /en/. Pages and
 * the language switcher both ask here, so a path is spelled in one place.
 */
import type { Locale } from '@ritme/shared';

const SEGMENTS = {
  nl: {
    groups: 'groepen',
    behaviours: 'gedrag',
    trainings: 'trainingen',
    people: 'mensen',
    rounds: 'evaluatie',
    suggestion: 'suggestie',
  },
  en: {
    groups: 'groups',
    behaviours: 'behaviours',
    trainings: 'trainings',
    people: 'people',
    rounds: 'evaluation',
    suggestion: 'suggestion',
  },
} as const;

export type Section = keyof (typeof SEGMENTS)['nl'];
const prefix = (locale: Locale) => (locale === 'nl' ? '' : `/${locale}`);

export const paths = {
  home: (locale: Locale) => `${prefix(locale)}/`,
  section: (locale: Locale, section: Section) => `${prefix(locale)}/${SEGMENTS[locale][section]}/`,
  item: (locale: Locale, section: Section, slug: string) => `${prefix(locale)}/${SEGMENTS[locale][section]}/${slug}/`,
};

/** `/groepen/x/` → `groepen/x` (the shape Astro's rest parameter wants; undefined for the home page). */
export const toParam = (path: string) => path.replace(/^\/+|\/+$/g, '') || undefined;
