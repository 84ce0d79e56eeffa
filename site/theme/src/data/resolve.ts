/**
 * One page, for the preview server: the path is parsed first, then only what
 * that page shows is fetched — an entry by its slug, one page of a list, the
 * home page's data — never every list of a locale, as buildPages does for the
 * static build. The page is made by the same makers as buildPages (pages.ts), so
 * for the same content the props are the same (tests/unit/pages.test.ts checks).
 *
 * List order: the static build sorts a whole list with Intl.Collator (sort.ts);
 * the preview gets one page from the CMS, which sorts in the database (by name
 * or title, then documentId: binary order on SQLite, the database's collation on
 * PostgreSQL) and merges drafts in code-point order. A page's entries are put in
 * the static order again here, so within a page the order matches; which entries
 * fall on which page can differ where the two orders disagree — names starting
 * in lowercase ("van Dijk"), accented initials ("Émile"), and the like. Getting
 * the same pages would mean reading the whole list, which is what this avoids.
 */
import {
  type Change,
  type EvaluationRound,
  type Home,
  LIST_PAGE_SIZE,
  type Locale,
  listPageOf,
  PAGINATED_SECTIONS,
  type PaginatedSection,
  pageCountOf,
  paths,
  type RoundResults,
  roundState,
  slug as slugSchema,
} from '@ritme/shared';
import {
  cancelPage,
  changesPage,
  DETAILS,
  type DetailOf,
  type DetailSection,
  detailPage,
  homePage,
  type ListOf,
  listOrder,
  listPage,
  type Page,
  roundsPage,
  searchPage,
  suggestionPage,
} from './pages';

/** What the preview reads, one page's worth at a time. */
export interface PreviewSource {
  home(locale: Locale): Promise<Home | null>;
  /** Page `page` of a list (`pageSize` entries, 1-based) and how many entries the whole list has. */
  list<S extends PaginatedSection>(
    section: S,
    locale: Locale,
    page: number,
    pageSize: number,
  ): Promise<{ items: ListOf[S][]; total: number }>;
  /** How many entries a list has: for the language switcher of a numbered list page. */
  total(section: PaginatedSection, locale: Locale): Promise<number>;
  /** One entry by its slug, or null. */
  entry<S extends DetailSection>(section: S, locale: Locale, slug: string): Promise<DetailOf[S] | null>;
  /** Every round of a locale: the rounds page shows them all (there are a few a year). */
  rounds(locale: Locale): Promise<EvaluationRound[]>;
  results(locale: Locale, round: EvaluationRound): Promise<RoundResults | null>;
  changes(): Promise<Change[]>;
}

/** The CMS's highest page number (shared/src/query.ts): beyond it, no request is made. */
const MAX_PAGE = 100_000;

/** The locale whose home path is the longest prefix of `path` (nl lives at /, others under /<code>/). */
function localeOf(locales: readonly Locale[], path: string): Locale | undefined {
  return locales
    .filter((locale) => path.startsWith(paths.home(locale)))
    .sort((a, b) => paths.home(b).length - paths.home(a).length)[0];
}

/** The page at `pathname`, or null when there is none (the preview then answers 404). */
export async function resolvePage(
  source: PreviewSource,
  locales: readonly Locale[],
  pathname: string,
  now = new Date(),
): Promise<Page | null> {
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  const locale = localeOf(locales, path);
  if (!locale) return null;

  if (path === paths.home(locale)) {
    const home = await source.home(locale);
    return home ? homePage(locale, locales, home) : null;
  }
  for (const section of PAGINATED_SECTIONS) {
    const page = path === paths.section(locale, section) ? 1 : listPageOf(locale, section, path);
    if (page !== null) return page > MAX_PAGE ? null : resolveList(source, locales, locale, section, page);
  }
  if (path === paths.section(locale, 'rounds')) return roundsPage(locale, locales, await source.rounds(locale), now);
  if (path === paths.section(locale, 'suggestion')) return suggestionPage(locale, locales);
  if (path === paths.search(locale)) return searchPage(locale, locales);
  if (path === paths.section(locale, 'changes')) return changesPage(locale, locales, await source.changes());
  if (path === paths.cancelSignup(locale)) return cancelPage(locale, locales);

  for (const section of Object.keys(DETAILS) as DetailSection[]) {
    const base = paths.section(locale, section);
    if (!path.startsWith(base)) continue;
    const slug = path.slice(base.length, -1);
    if (!slugSchema.safeParse(slug).success) return null;
    const entry = await source.entry(section, locale, slug);
    // The API finds an entry by documentId too; its page is only at its slug.
    if (!entry || entry.slug !== slug) return null;
    // (entry is the section's type: TypeScript does not narrow a generic by the loop variable)
    // A training's page takes sign-ups for the sessions that have not started: it knows when it was made.
    if (section === 'trainings') return detailPage(locale, locales, section, entry as never, { now });
    if (section !== 'rounds') return detailPage(locale, locales, section, entry as never);
    const round = entry as EvaluationRound;
    const results = roundState(round, now) === 'closed' ? await source.results(locale, round) : null;
    return detailPage(locale, locales, 'rounds', round, { results, now });
  }
  return null;
}

async function resolveList<S extends PaginatedSection>(
  source: PreviewSource,
  locales: readonly Locale[],
  locale: Locale,
  section: S,
  page: number,
): Promise<Page | null> {
  // Page 1's language switcher leads to page 1 everywhere; page n's needs each other list's length.
  const others = page > 1 ? locales.filter((other) => other !== locale) : [];
  const [{ items, total }, ...totals] = await Promise.all([
    source.list(section, locale, page, LIST_PAGE_SIZE),
    ...others.map((other) => source.total(section, other)),
  ]);
  if (page > pageCountOf(total)) return null;
  const pagesIn = new Map(others.map((other, index) => [other, pageCountOf(totals[index] ?? 0)]));
  const sorted = [...items].sort(listOrder(locale, section));
  return listPage(locale, locales, section, page, sorted, total, (other) => pagesIn.get(other) ?? 1);
}
