/**
 * Every page of the intranet, described once: its path, its view and the data
 * it shows. The static build gets the data from the content layer (buildPages,
 * every page at once); the preview server asks for one page per request
 * (resolve.ts, fetching only what that page shows). Both make their pages with
 * the makers below, so a page's props are the same whichever way it was made,
 * and both render the same views.
 *
 * Lists of groups, behaviours, trainings and people are paginated: LIST_PAGE_SIZE
 * entries per page, page 1 at the section's path, page n at paths.list(…, n).
 */
import {
  type Behaviour,
  type Change,
  type EvaluationRound,
  type Group,
  type Home,
  LIST_PAGE_SIZE,
  type Locale,
  type Localization,
  PAGINATED_SECTIONS,
  type PaginatedSection,
  type Person,
  pageCountOf,
  paths,
  type RoundResults,
  roundState,
  type Section,
  type Spotlight,
  type Training,
  toParam,
} from '@ritme/shared';
import { fillIn, type Strings, t } from '../i18n/strings';
import { byText } from './sort';

export interface PageSource {
  home(locale: Locale): Promise<Home | null>;
  groups(locale: Locale): Promise<Group[]>;
  behaviours(locale: Locale): Promise<Behaviour[]>;
  trainings(locale: Locale): Promise<Training[]>;
  people(locale: Locale): Promise<Person[]>;
  rounds(locale: Locale): Promise<EvaluationRound[]>;
  spotlights(locale: Locale): Promise<Spotlight[]>;
  results(locale: Locale, round: EvaluationRound): Promise<RoundResults | null>;
  changes(): Promise<Change[]>;
}

export interface PageProps {
  view: string;
  locale: Locale;
  title: string;
  /** The navigation item the page belongs to; the search page belongs to none. */
  section: Section | 'home' | 'search';
  alternates: Partial<Record<Locale, string>>;
  /** "<type>:<documentId>" of what the page shows, for feedback from preview pages. */
  refs: string[];
  [data: string]: unknown;
}

export interface Page {
  path: string;
  props: PageProps;
}

/** Where a list page stands: shown to readers (nav, count, title) and as rel=prev/next. */
export interface Pagination {
  page: number;
  pages: number;
  /** Entries in the whole list, not just on this page. */
  total: number;
  pageSize: number;
  prev: string | null;
  next: string | null;
}

/** What each paginated list holds. */
export interface ListOf {
  groups: Group;
  behaviours: Behaviour;
  trainings: Training;
  people: Person;
}

/** Per paginated section: its view, the type name of its refs, its title and the text it is sorted by. */
export const LISTS: {
  [S in PaginatedSection]: {
    view: S;
    ref: string;
    title: (s: Strings) => string;
    text: (item: ListOf[S]) => string;
  };
} = {
  groups: { view: 'groups', ref: 'group', title: (s) => s.group.listTitle, text: (group) => group.name },
  behaviours: {
    view: 'behaviours',
    ref: 'behaviour',
    title: (s) => s.behaviour.listTitle,
    text: (behaviour) => behaviour.title,
  },
  trainings: {
    view: 'trainings',
    ref: 'training',
    title: (s) => s.training.listTitle,
    text: (training) => training.title,
  },
  people: { view: 'people', ref: 'person', title: (s) => s.people.title, text: (person) => person.name },
};

/** The order of a list page: the same comparison for the static build and the preview. */
export const listOrder = <S extends PaginatedSection>(locale: Locale, section: S) =>
  byText<ListOf[S]>(locale, LISTS[section].text as (item: ListOf[S]) => string);

/** Sections whose entries have a page of their own, and the view that shows one. */
export const DETAILS = {
  groups: 'group',
  behaviours: 'behaviour',
  trainings: 'training',
  spotlights: 'spotlight',
  rounds: 'round',
} as const;
export type DetailSection = keyof typeof DETAILS;

const everywhere = (locales: readonly Locale[], make: (locale: Locale) => string) =>
  Object.fromEntries(locales.map((locale) => [locale, make(locale)])) as Record<Locale, string>;

// ---------------------------------------------------------------------------
// The makers: one per kind of page, used by buildPages and by resolve.ts.
// ---------------------------------------------------------------------------

/** One entry of the home page's "What's new": what it is, where its page is and when it last changed. */
export interface RecentEntry {
  type: 'behaviour' | 'spotlight' | 'training' | 'group';
  documentId: string;
  title: string;
  path: string;
  updatedAt: string;
}

/** How many of the newest entries the home page carries for "What's new". */
export const RECENT_SIZE = 12;

/**
 * The newest behaviours, spotlights, trainings and groups of a locale (last changed
 * first, at most RECENT_SIZE): the home page carries them, with their dates, and
 * the browser shows those newer than the visitor's last visit (views/WhatsNew.astro).
 */
export function recentOf(
  locale: Locale,
  lists: { behaviours: Behaviour[]; spotlights: Spotlight[]; trainings: Training[]; groups: Group[] },
  size = RECENT_SIZE,
): RecentEntry[] {
  const entry = (
    type: RecentEntry['type'],
    section: DetailSection,
    item: DetailEntry & { updatedAt: string },
    title: string,
  ) => ({
    type,
    documentId: item.documentId,
    title,
    path: paths.item(locale, section, item.slug),
    updatedAt: item.updatedAt,
  });
  return [
    ...lists.behaviours.map((b) => entry('behaviour', 'behaviours', b, b.title)),
    ...lists.spotlights.map((sp) => entry('spotlight', 'spotlights', sp, sp.title)),
    ...lists.trainings.map((tr) => entry('training', 'trainings', tr, tr.title)),
    ...lists.groups.map((g) => entry('group', 'groups', g, g.name)),
  ]
    .sort(
      (a, b) =>
        Date.parse(b.updatedAt) - Date.parse(a.updatedAt) ||
        (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0),
    )
    .slice(0, size);
}

/**
 * The home page. `recent` (the newest entries, for "What's new") is given by the
 * static build and the build service, which read every list; the preview server
 * reads one page's worth and leaves it out (the section is not shown there).
 */
export function homePage(locale: Locale, locales: readonly Locale[], home: Home, recent?: RecentEntry[]): Page {
  return {
    path: paths.home(locale),
    props: {
      view: 'home',
      locale,
      title: t(locale).home.title,
      section: 'home',
      alternates: everywhere(locales, paths.home),
      refs: home.focusBehaviour ? [`behaviour:${home.focusBehaviour.documentId}`] : [],
      home,
      ...(recent ? { recent } : {}),
    },
  };
}

/**
 * Page `page` of a section's list, showing `items` (that page's entries, in list
 * order) of `total`. `pagesIn` says how many pages the list has in each locale,
 * so the language switcher of page n leads to page n there, or to page 1 when
 * that list is shorter.
 */
export function listPage<S extends PaginatedSection>(
  locale: Locale,
  locales: readonly Locale[],
  section: S,
  page: number,
  items: ListOf[S][],
  total: number,
  pagesIn: (locale: Locale) => number,
): Page {
  const s = t(locale);
  const spec = LISTS[section];
  const pages = pageCountOf(total);
  const title = spec.title(s);
  const pagination: Pagination = {
    page,
    pages,
    total,
    pageSize: LIST_PAGE_SIZE,
    prev: page > 1 ? paths.list(locale, section, page - 1) : null,
    next: page < pages ? paths.list(locale, section, page + 1) : null,
  };
  return {
    path: paths.list(locale, section, page),
    props: {
      view: spec.view,
      locale,
      title: pages > 1 ? fillIn(s.list.pageTitle, { title, page, pages }) : title,
      section,
      alternates: everywhere(locales, (other) =>
        paths.list(other, section, page <= (other === locale ? pages : pagesIn(other)) ? page : 1),
      ),
      refs: items.map((item) => `${spec.ref}:${item.documentId}`),
      [spec.view]: items,
      pagination,
    },
  };
}

/** The entries of page `page` of a sorted list. */
export const sliceOf = <T>(sorted: T[], page: number) =>
  sorted.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE);

export function roundsPage(locale: Locale, locales: readonly Locale[], rounds: EvaluationRound[], now: Date): Page {
  return simplePage(locale, locales, 'rounds', 'rounds', t(locale).round.listTitle, { rounds, now });
}

export function suggestionPage(locale: Locale, locales: readonly Locale[]): Page {
  return simplePage(locale, locales, 'suggestion', 'suggestion', t(locale).suggestion.title, {
    pagePath: paths.section(locale, 'suggestion'),
  });
}

/**
 * Where the cancel link of a sign-up's confirmation mail leads: the page reads
 * the token from the fragment and asks before it cancels. Never indexed.
 */
export function cancelPage(locale: Locale, locales: readonly Locale[]): Page {
  return {
    path: paths.cancelSignup(locale),
    props: {
      view: 'cancel',
      locale,
      title: t(locale).signup.cancelTitle,
      section: 'trainings',
      alternates: everywhere(locales, paths.cancelSignup),
      refs: [],
      noindex: true,
    },
  };
}

/** The search page: the same in every locale, its results come from the built site's index in the browser. */
export function searchPage(locale: Locale, locales: readonly Locale[]): Page {
  return {
    path: paths.search(locale),
    props: {
      view: 'search',
      locale,
      title: t(locale).search.title,
      section: 'search',
      alternates: everywhere(locales, paths.search),
      refs: [],
    },
  };
}

export function changesPage(locale: Locale, locales: readonly Locale[], changes: Change[]): Page {
  return simplePage(locale, locales, 'changes', 'changes', t(locale).changes.title, { changes });
}

function simplePage(
  locale: Locale,
  locales: readonly Locale[],
  section: Section,
  view: string,
  title: string,
  data: Record<string, unknown>,
): Page {
  return {
    path: paths.section(locale, section),
    props: {
      view,
      locale,
      title,
      section,
      alternates: everywhere(locales, (l) => paths.section(l, section)),
      refs: [],
      ...data,
    },
  };
}

type DetailEntry = { documentId: string; slug: string; localizations: Localization[] };
export interface DetailOf {
  groups: Group;
  behaviours: Behaviour;
  trainings: Training;
  spotlights: Spotlight;
  rounds: EvaluationRound;
}
const detailTitle: { [S in DetailSection]: (item: DetailOf[S]) => string } = {
  groups: (group) => group.name,
  behaviours: (behaviour) => behaviour.title,
  trainings: (training) => training.title,
  spotlights: (spotlight) => spotlight.title,
  rounds: (round) => round.title,
};

/** An entry's own page; a round's also carries its results (closed rounds) and the time it was made. */
export function detailPage<S extends DetailSection>(
  locale: Locale,
  locales: readonly Locale[],
  section: S,
  item: DetailOf[S] & DetailEntry,
  extra: Record<string, unknown> = {},
): Page {
  const view = DETAILS[section];
  return {
    path: paths.item(locale, section, item.slug),
    props: {
      view,
      locale,
      title: (detailTitle[section] as (item: DetailOf[S]) => string)(item),
      section,
      alternates: {
        [locale]: paths.item(locale, section, item.slug),
        ...Object.fromEntries(
          item.localizations
            .filter((l) => locales.includes(l.locale))
            .map((l) => [l.locale, paths.item(l.locale, section, l.slug)]),
        ),
      },
      refs: [`${view}:${item.documentId}`],
      [view]: item,
      ...extra,
    },
  };
}

/** The closed rounds among `rounds`: only their pages show results. */
export const closedRounds = (rounds: EvaluationRound[], now: Date) =>
  rounds.filter((round) => roundState(round, now) === 'closed');

// ---------------------------------------------------------------------------
// Every page at once, for the static build.
// ---------------------------------------------------------------------------

/**
 * All pages of `locales` — or of `only` one of them (alternates still point at
 * every locale, so the other locales' lists are read for their length).
 */
export async function buildPages(
  source: PageSource,
  locales: readonly Locale[],
  now = new Date(),
  only?: Locale,
): Promise<Page[]> {
  const pages: Page[] = [];
  const changes = await source.changes();
  const lists = new Map<string, unknown[]>();
  const listOf = async <S extends PaginatedSection>(section: S, locale: Locale): Promise<ListOf[S][]> => {
    const key = `${section}:${locale}`;
    let list = lists.get(key) as ListOf[S][] | undefined;
    if (!list) {
      list = [...((await source[section](locale)) as ListOf[S][])].sort(listOrder(locale, section));
      lists.set(key, list);
    }
    return list;
  };
  // Every locale's page count, for the alternates of numbered list pages.
  const pageCounts = new Map<string, number>();
  for (const section of PAGINATED_SECTIONS) {
    for (const locale of locales)
      pageCounts.set(`${section}:${locale}`, pageCountOf((await listOf(section, locale)).length));
  }

  for (const locale of only ? [only] : locales) {
    const home = await source.home(locale);
    if (home) {
      const recent = recentOf(locale, {
        behaviours: await listOf('behaviours', locale),
        spotlights: await source.spotlights(locale),
        trainings: await listOf('trainings', locale),
        groups: await listOf('groups', locale),
      });
      pages.push(homePage(locale, locales, home, recent));
    }

    for (const section of PAGINATED_SECTIONS) {
      const sorted = await listOf(section, locale);
      const count = pageCountOf(sorted.length);
      for (let page = 1; page <= count; page += 1) {
        pages.push(
          listPage(
            locale,
            locales,
            section,
            page,
            sliceOf(sorted, page),
            sorted.length,
            (other) => pageCounts.get(`${section}:${other}`) ?? 1,
          ),
        );
      }
    }
    const rounds = await source.rounds(locale);
    pages.push(roundsPage(locale, locales, rounds, now));
    pages.push(suggestionPage(locale, locales));
    pages.push(changesPage(locale, locales, changes));
    pages.push(cancelPage(locale, locales));
    pages.push(searchPage(locale, locales));

    for (const group of await listOf('groups', locale)) pages.push(detailPage(locale, locales, 'groups', group));
    for (const behaviour of await listOf('behaviours', locale)) {
      pages.push(detailPage(locale, locales, 'behaviours', behaviour));
    }
    for (const training of await listOf('trainings', locale)) {
      pages.push(detailPage(locale, locales, 'trainings', training, { now }));
    }
    for (const spotlight of await source.spotlights(locale)) {
      pages.push(detailPage(locale, locales, 'spotlights', spotlight));
    }
    const results = new Map<string, RoundResults | null>();
    for (const round of closedRounds(rounds, now)) results.set(round.documentId, await source.results(locale, round));
    for (const round of rounds) {
      pages.push(detailPage(locale, locales, 'rounds', round, { results: results.get(round.documentId) ?? null, now }));
    }
  }
  return pages;
}

/** The shape Astro's getStaticPaths wants. */
export const toStaticPaths = (pages: Page[]) =>
  pages.map((page) => ({ params: { path: toParam(page.path) }, props: page.props }));
