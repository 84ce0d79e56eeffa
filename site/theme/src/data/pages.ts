/**
 * Every page of the intranet, described once: its path, its view and the data
 * it shows. The static build gets the data from the content layer; the preview
 * server gets it live from Strapi (drafts included). Both render the same views.
 */
import {
  type Behaviour,
  type Change,
  type EvaluationRound,
  type Group,
  type Home,
  type Locale,
  type Localization,
  type Person,
  paths,
  type RoundResults,
  roundState,
  type Section,
  type Training,
  toParam,
} from '@ritme/shared';
import { t } from '../i18n/strings';
import { byText } from './sort';

export interface PageSource {
  home(locale: Locale): Promise<Home | null>;
  groups(locale: Locale): Promise<Group[]>;
  behaviours(locale: Locale): Promise<Behaviour[]>;
  trainings(locale: Locale): Promise<Training[]>;
  people(locale: Locale): Promise<Person[]>;
  rounds(locale: Locale): Promise<EvaluationRound[]>;
  results(locale: Locale, round: EvaluationRound): Promise<RoundResults | null>;
  changes(): Promise<Change[]>;
}

export interface PageProps {
  view: string;
  locale: Locale;
  title: string;
  section: Section | 'home';
  alternates: Partial<Record<Locale, string>>;
  /** "<type>:<documentId>" of what the page shows, for feedback from preview pages. */
  refs: string[];
  [data: string]: unknown;
}

export interface Page {
  path: string;
  props: PageProps;
}

/**
 * All pages of `locales` — or of `only` one of them, as the preview server asks
 * per request (alternates still point at every locale).
 */
export async function buildPages(
  source: PageSource,
  locales: readonly Locale[],
  now = new Date(),
  only?: Locale,
): Promise<Page[]> {
  const pages: Page[] = [];
  const everywhere = (make: (locale: Locale) => string) =>
    Object.fromEntries(locales.map((locale) => [locale, make(locale)])) as Record<Locale, string>;
  const page = (path: string, props: PageProps) => pages.push({ path, props });
  const translations = (locale: Locale, section: Section, slug: string, localizations: Localization[]) => ({
    [locale]: paths.item(locale, section, slug),
    ...Object.fromEntries(
      localizations
        .filter((l) => locales.includes(l.locale))
        .map((l) => [l.locale, paths.item(l.locale, section, l.slug)]),
    ),
  });
  const changes = await source.changes();

  for (const locale of only ? [only] : locales) {
    const s = t(locale);
    const home = await source.home(locale);
    if (home) {
      page(paths.home(locale), {
        view: 'home',
        locale,
        title: s.home.title,
        section: 'home',
        alternates: everywhere(paths.home),
        refs: home.focusBehaviour ? [`behaviour:${home.focusBehaviour.documentId}`] : [],
        home,
      });
    }

    const groups = (await source.groups(locale)).sort(byText(locale, (g) => g.name));
    const behaviours = (await source.behaviours(locale)).sort(byText(locale, (b) => b.title));
    const trainings = (await source.trainings(locale)).sort(byText(locale, (b) => b.title));
    const people = (await source.people(locale)).sort(byText(locale, (p) => p.name));
    const rounds = await source.rounds(locale);
    const list = (section: Section, view: string, title: string, data: Record<string, unknown>) =>
      page(paths.section(locale, section), {
        view,
        locale,
        title,
        section,
        alternates: everywhere((l) => paths.section(l, section)),
        refs: [],
        ...data,
      });

    list('groups', 'groups', s.group.listTitle, { groups });
    list('behaviours', 'behaviours', s.behaviour.listTitle, { behaviours });
    list('trainings', 'trainings', s.training.listTitle, { trainings });
    list('people', 'people', s.people.title, { people });
    list('rounds', 'rounds', s.round.listTitle, { rounds, now });
    list('suggestion', 'suggestion', s.suggestion.title, { pagePath: paths.section(locale, 'suggestion') });
    list('changes', 'changes', s.changes.title, { changes });

    const details = <T extends { documentId: string; slug: string; localizations: Localization[] }>(
      section: Section,
      view: string,
      items: T[],
      title: (item: T) => string,
      extra: (item: T) => Record<string, unknown> = () => ({}),
    ) => {
      for (const item of items) {
        page(paths.item(locale, section, item.slug), {
          view,
          locale,
          title: title(item),
          section,
          alternates: translations(locale, section, item.slug, item.localizations),
          refs: [`${view}:${item.documentId}`],
          [view]: item,
          ...extra(item),
        });
      }
    };
    details('groups', 'group', groups, (group) => group.name);
    details('behaviours', 'behaviour', behaviours, (behaviour) => behaviour.title);
    details('trainings', 'training', trainings, (training) => training.title);
    const results = new Map<string, RoundResults | null>();
    for (const round of rounds.filter((r) => roundState(r, now) === 'closed')) {
      results.set(round.documentId, await source.results(locale, round));
    }
    details(
      'rounds',
      'round',
      rounds,
      (round) => round.title,
      (round) => ({ results: results.get(round.documentId) ?? null, now }),
    );
  }
  return pages;
}

/** The shape Astro's getStaticPaths wants. */
export const toStaticPaths = (pages: Page[]) =>
  pages.map((page) => ({ params: { path: toParam(page.path) }, props: page.props }));
