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
    spotlights: 'uitgelicht',
    rounds: 'evaluatie',
    suggestion: 'suggestie',
    changes: 'jij-vroeg-wij-veranderden',
  },
  en: {
    groups: 'groups',
    behaviours: 'behaviours',
    trainings: 'trainings',
    people: 'people',
    spotlights: 'spotlights',
    rounds: 'evaluation',
    suggestion: 'suggestion',
    changes: 'you-asked-we-changed',
  },
} as const;

/**
 * The word before a list page's number: `/gedrag/pagina/2/`, `/en/behaviours/page/2/`.
 * A slug is one path segment ([a-z0-9-]), so a numbered list page (two segments
 * below its section) can never be an entry's path, even for an entry called "2" or "Pagina".
 */
const PAGE_SEGMENT = { nl: 'pagina', en: 'page' } as const;

/**
 * The calendar feed (.ics) of a training or a group sits beside its page:
 * `/trainingen/<slug>/agenda.ics`, `/en/trainings/<slug>/calendar.ics`.
 * A slug has no dot, so no page can take these names.
 */
const CALENDAR_FILE = { nl: 'agenda.ics', en: 'calendar.ics' } as const;

/** The sections whose entries have a calendar feed. */
export const CALENDAR_SECTIONS = ['trainings', 'groups'] as const;
export type CalendarSection = (typeof CALENDAR_SECTIONS)[number];

/** Where a training sign-up is cancelled: outside every section, so no entry's slug can take it. */
const CANCEL_SEGMENTS = { nl: 'aanmelding-annuleren', en: 'cancel-sign-up' } as const;

/**
 * The search page: one word outside every section (an entry's path always has its section's word
 * first), so no slug can take it. Its results need JavaScript; without it the page says so.
 */
const SEARCH_SEGMENTS = { nl: 'zoeken', en: 'search' } as const;

/** How many entries a list page of the intranet shows (groups, behaviours, trainings, people). */
export const LIST_PAGE_SIZE = 24;

/** The sections whose list pages are paginated. */
export const PAGINATED_SECTIONS = ['groups', 'behaviours', 'trainings', 'people'] as const;
export type PaginatedSection = (typeof PAGINATED_SECTIONS)[number];

/** How many list pages `total` entries fill: at least one, which then shows the empty state. */
export const pageCountOf = (total: number, pageSize = LIST_PAGE_SIZE) => Math.max(1, Math.ceil(total / pageSize));

export type Section = keyof (typeof SEGMENTS)['nl'];
const prefix = (locale: Locale) => (locale === 'nl' ? '' : `/${locale}`);
/** A locale without its own URL words takes the English ones: /de/behaviours/. */
const segment = (locale: Locale, section: Section) =>
  SEGMENTS[isShippedLocale(locale) ? locale : FALLBACK_LOCALE][section];

const sectionPath = (locale: Locale, section: Section) => `${prefix(locale)}/${segment(locale, section)}/`;

export const paths = {
  home: (locale: Locale) => `${prefix(locale)}/`,
  section: sectionPath,
  item: (locale: Locale, section: Section, slug: string) => `${prefix(locale)}/${segment(locale, section)}/${slug}/`,
  /** Page `page` of a section's list: page 1 is the section itself, page n is `<section>/<page word>/<n>/`. */
  list: (locale: Locale, section: Section, page = 1) =>
    page <= 1
      ? sectionPath(locale, section)
      : `${sectionPath(locale, section)}${PAGE_SEGMENT[isShippedLocale(locale) ? locale : FALLBACK_LOCALE]}/${page}/`,
  /** The calendar feed (.ics) of a training or a group, beside its page. */
  calendar: (locale: Locale, section: CalendarSection, slug: string) =>
    `${prefix(locale)}/${segment(locale, section)}/${slug}/${CALENDAR_FILE[isShippedLocale(locale) ? locale : FALLBACK_LOCALE]}`,
  /** The Atom feed of a locale's new behaviours and spotlights: `/feed.xml`, `/en/feed.xml`. */
  feed: (locale: Locale) => `${prefix(locale)}/feed.xml`,
  /** The page a sign-up's cancel link opens (the token follows in the fragment: `#token=…`). */
  cancelSignup: (locale: Locale) =>
    `${prefix(locale)}/${CANCEL_SEGMENTS[isShippedLocale(locale) ? locale : FALLBACK_LOCALE]}/`,
  /** The search page; the header's search form sends its query there as `?q=`. */
  search: (locale: Locale) =>
    `${prefix(locale)}/${SEARCH_SEGMENTS[isShippedLocale(locale) ? locale : FALLBACK_LOCALE]}/`,
};

/**
 * The page number of `path` if it is a numbered list page (2 or more) of `section` in
 * `locale`, else null. Page 1 has only one path, the section's own: `/gedrag/pagina/1/`
 * and numbers with leading zeros are no page.
 */
export function listPageOf(locale: Locale, section: Section, path: string): number | null {
  const base = paths.list(locale, section, 2).replace(/2\/$/, '');
  if (!path.startsWith(base)) return null;
  const match = /^([1-9][0-9]{0,8})\/$/.exec(path.slice(base.length));
  const page = match ? Number(match[1]) : null;
  return page !== null && page >= 2 ? page : null;
}

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
      return paths.item(locale, 'spotlights', slug);
  }
}
