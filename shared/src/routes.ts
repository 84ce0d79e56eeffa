/**
 * Every URL of the intranet, per locale: Dutch at /, English at /en/. The
 * site's pages, its language switcher and the CMS's Preview button all ask
 * here, so a path is spelled in one place.
 */
import type { ContentRoute } from './content.js';
import { FALLBACK_LOCALE, isShippedLocale, type Locale } from './enums.js';

const SEGMENTS = {
  nl: {
    groups: 'groepen',
    behaviours: 'gedrag',
    trainings: 'trainingen',
    people: 'mensen',
    rounds: 'evaluatie',
    suggestion: 'suggestie',
    changes: 'jij-vroeg-wij-veranderden',
  },
  en: {
    groups: 'groups',
    behaviours: 'behaviours',
    trainings: 'trainings',
    people: 'people',
    rounds: 'evaluation',
    suggestion: 'suggestion',
    changes: 'you-asked-we-changed',
  },
} as const;

export type Section = keyof (typeof SEGMENTS)['nl'];
const prefix = (locale: Locale) => (locale === 'nl' ? '' : `/${locale}`);
/** A locale without its own URL words takes the English ones: /de/behaviours/. */
const segment = (locale: Locale, section: Section) =>
  SEGMENTS[isShippedLocale(locale) ? locale : FALLBACK_LOCALE][section];

export const paths = {
  home: (locale: Locale) => `${prefix(locale)}/`,
  section: (locale: Locale, section: Section) => `${prefix(locale)}/${segment(locale, section)}/`,
  item: (locale: Locale, section: Section, slug: string) => `${prefix(locale)}/${segment(locale, section)}/${slug}/`,
};

/** `/groepen/x/` → `groepen/x` (the shape Astro's rest parameter wants; undefined for the home page). */
export const toParam = (path: string) => path.replace(/^\/+|\/+$/g, '') || undefined;

/**
 * Where an entry of a content route is shown: its own page, or for people and
 * spotlights (which have none) the page that lists them.
 */
export function pathForEntry(route: ContentRoute, locale: Locale, slug: string): string {
  switch (route) {
    case 'groups':
    case 'behaviours':
    case 'trainings':
      return paths.item(locale, route, slug);
    case 'evaluation-rounds':
      return paths.item(locale, 'rounds', slug);
    case 'people':
      return paths.section(locale, 'people');
    case 'spotlights':
      return paths.home(locale);
  }
}
