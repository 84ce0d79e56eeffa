/**
 * Generated intranet content for the page tests: any number of groups,
 * behaviours, trainings and people per locale, with texts as long as the demo's,
 * translations linked across locales, two rounds (one open, one closed) and a
 * home page — plus a PageSource (what the static build reads) and a
 * PreviewSource (what the preview server reads) over the same content.
 */
import {
  type Behaviour,
  type Change,
  type EvaluationRound,
  type Group,
  type Home,
  type Locale,
  type Person,
  type RoundResults,
  type Spotlight,
  slugify,
  type Training,
} from '@ritme/shared';
import type { DetailOf, DetailSection, ListOf, PageSource } from '../src/data/pages';
import { listOrder } from '../src/data/pages';
import type { PreviewSource } from '../src/data/resolve';

/** The lists of one locale (throws for a locale the content has none for). */
export const listsOf = (content: Content, locale: Locale) => {
  const lists = content.lists[locale];
  if (!lists) throw new Error(`no content in ${locale}`);
  return lists;
};
export const roundsOf = (content: Content, locale: Locale) => content.rounds[locale] ?? [];

export type Counts = { groups: number; behaviours: number; trainings: number; people: number };
export interface Content {
  locales: Locale[];
  lists: Record<Locale, { [S in keyof Counts]: ListOf[S][] }>;
  rounds: Record<Locale, EvaluationRound[]>;
  spotlights: Record<Locale, Spotlight[]>;
  results: Map<string, RoundResults>;
  home: Partial<Record<Locale, Home>>;
  changes: Change[];
}

const text = (words: string, length: number) => {
  let out = words;
  while (out.length < length) out += ` ${words}`;
  return out.slice(0, length).trim();
};
const UPDATED = '2026-11-27T10:00:00.000Z';
/** documentIds are [a-z0-9]{10,}: a type letter pair and a zero-padded number, the same in every locale. */
const id = (type: string, i: number) => `${type}${String(i).padStart(10, '0')}`;
// Titles that sort differently by collation than by code point: lowercase and accented initials.
const NAMES = ['Anna de Vries', 'van Dijk, Marieke', 'Émile Bakker', 'Zoë Jansen', 'bram Smit', 'Ömer Kaya'];
const TITLES = [
  'Vraag het in het kanaal',
  'Deel je conceptversie',
  'één ding per week',
  'Zet je status',
  'Écht luisteren',
];

/**
 * `counts[locale]` entries of each type per locale. Entry i is the same document
 * in every locale (its translations are linked), so a locale with fewer entries
 * simply lacks the rest's translations.
 */
export function makeContent(counts: Partial<Record<Locale, Partial<Counts>>>, now = new Date()): Content {
  const locales = Object.keys(counts) as Locale[];
  const n = (locale: Locale, type: keyof Counts) => counts[locale]?.[type] ?? 0;
  const slugOf = (locale: Locale, title: string, i: number) => `${slugify(title)}-${locale}-${i}`;
  const localizations = (type: keyof Counts, locale: Locale, i: number, title: (l: Locale) => string) =>
    locales
      .filter((other) => other !== locale && i < n(other, type))
      .map((other) => ({ locale: other, slug: slugOf(other, title(other), i), documentId: id(type.slice(0, 2), i) }));

  const lists = {} as Content['lists'];
  for (const locale of locales) {
    const name = (i: number) => `${NAMES[i % NAMES.length]} ${i}`;
    const groupName = (l: Locale, i: number) => `${l === 'nl' ? 'Team' : 'Team'} ${(i * 7919) % 1000} ${i}`;
    const title = (l: Locale, i: number) => `${TITLES[i % TITLES.length]} ${l} ${i}`;
    const groupRef = (i: number) => ({
      documentId: id('gr', i),
      slug: slugOf(locale, groupName(locale, i), i),
      name: groupName(locale, i),
      kind: 'team' as const,
    });
    const behaviourRef = (i: number) => ({
      documentId: id('be', i),
      slug: slugOf(locale, title(locale, i), i),
      title: title(locale, i),
      insteadOf: text('Mail iedereen apart met dezelfde vraag', 80),
      cadence: 'weekly' as const,
    });
    const personRef = (i: number) => ({
      documentId: id('pe', i),
      slug: slugOf(locale, name(i), i),
      name: name(i),
      roleTitle: text('Teamleider Vergunningen', 40),
      kind: (['leader', 'ambassador', 'coach'] as const)[i % 3] ?? 'leader',
      photo: null,
      email: i % 2 === 0 ? `persoon.${i}@example.org` : null,
      chatUrl: i % 4 === 0 ? `https://chat.example.org/dm/${i}` : null,
    });
    const pick = (type: keyof Counts, i: number, k: number) =>
      Array.from({ length: Math.min(k, n(locale, type)) }, (_, j) => (i * 31 + j * 17) % n(locale, type));

    lists[locale] = {
      groups: Array.from(
        { length: n(locale, 'groups') },
        (_, i): Group => ({
          ...groupRef(i),
          locale,
          updatedAt: UPDATED,
          localizations: localizations('groups', locale, i, (l) => groupName(l, i)),
          description: text('Wat dit team doet en wat we van elkaar verwachten', 200),
          people: [...new Set(pick('people', i, 3))].map(personRef),
          behaviours: [...new Set(pick('behaviours', i, 5))].map(behaviourRef),
          spotlights: [],
        }),
      ),
      behaviours: Array.from(
        { length: n(locale, 'behaviours') },
        (_, i): Behaviour => ({
          ...behaviourRef(i),
          locale,
          updatedAt: UPDATED,
          localizations: localizations('behaviours', locale, i, (l) => title(l, i)),
          why: text('Wie vastzit, vraagt niet vanzelf om hulp', 300),
          how: ['Stap een', 'Stap twee', 'Stap drie'],
          skill: 'asking_questions',
          example: text('In het overleg van maandag vroeg Anna', 200),
          groups: [...new Set(pick('groups', i, 2))].map(groupRef),
          trainings: [],
        }),
      ),
      trainings: Array.from(
        { length: n(locale, 'trainings') },
        (_, i): Training => ({
          documentId: id('tr', i),
          locale,
          slug: slugOf(locale, title(locale, i), i),
          updatedAt: UPDATED,
          localizations: localizations('trainings', locale, i, (l) => title(l, i)),
          title: title(locale, i),
          summary: text('Je oefent met echte situaties uit je eigen werk', 220),
          body: text('## Wat je leert\n\nVragen stellen zonder schaamte. ', 1500),
          skill: (['asking_questions', 'giving_feedback', 'tool_basics'] as const)[i % 3] ?? 'tool_basics',
          focus: i % 4 === 0 ? 'buttons' : 'attitude',
          format: (['workshop', 'video', 'e_learning'] as const)[i % 3] ?? 'workshop',
          durationMinutes: 90,
          sessions: [],
          behaviours: [...new Set(pick('behaviours', i, 3))].map(behaviourRef),
        }),
      ),
      people: Array.from(
        { length: n(locale, 'people') },
        (_, i): Person => ({
          ...personRef(i),
          locale,
          updatedAt: UPDATED,
          localizations: localizations('people', locale, i, () => name(i)),
          quote: text('Vraag het gewoon, dan weet je het', 150),
          groups: [...new Set(pick('groups', i, 2))].map(groupRef),
        }),
      ),
    };
  }

  const day = 86_400_000;
  const rounds = {} as Content['rounds'];
  const results = new Map<string, RoundResults>();
  for (const locale of locales) {
    const round = (i: number, open: boolean): EvaluationRound => ({
      documentId: id('ro', i),
      locale,
      slug: `ronde-${locale}-${i}`,
      updatedAt: UPDATED,
      localizations: locales
        .filter((l) => l !== locale)
        .map((l) => ({ locale: l, slug: `ronde-${l}-${i}`, documentId: id('ro', i) })),
      title: `Ronde ${i} (${locale})`,
      intro: 'Wat werkt goed?',
      questions: [{ key: 'works_well', label: 'Wat werkt goed?' }],
      group: null,
      opensAt: new Date(now.getTime() - (open ? 7 : 60) * day).toISOString(),
      closesAt: new Date(now.getTime() + (open ? 21 : -30) * day).toISOString(),
      minimumResponses: 3,
      followUp: '',
    });
    rounds[locale] = [round(1, true), round(2, false)];
    results.set(`${locale}:${id('ro', 2)}`, {
      available: true,
      minimum: 3,
      responses: 4,
      questions: [{ key: 'works_well', label: 'Wat werkt goed?', answers: ['De zoekfunctie', 'Het kanaal'] }],
    });
  }
  const home: Content['home'] = {};
  for (const locale of locales) {
    const focus = lists[locale]?.behaviours[0] ?? null;
    home[locale] = {
      locale,
      week: 2970,
      focusBehaviour: focus,
      upcomingSessions: [],
      latestSpotlights: [],
      openRound: rounds[locale]?.[0] ?? null,
      people: lists[locale]?.people.slice(0, 6) ?? [],
    };
  }
  const changes: Change[] = [
    {
      documentId: id('ch', 1),
      kind: 'feedback',
      summary: { nl: 'De zoekfunctie vindt nu ook groepen.', en: 'Search now finds groups too.' },
      changedInBuild: null,
      changedAt: UPDATED,
      links: { nl: '/groepen/', en: '/en/groups/' },
      author: null,
    },
  ];
  // Two spotlights per locale, each naming a person, a group and a behaviour of that locale.
  const hasSpotlight = (locale: Locale, i: number) =>
    Boolean(lists[locale]?.people[i] && lists[locale]?.groups[i] && lists[locale]?.behaviours[i]);
  const spotlights = Object.fromEntries(
    locales.map((locale) => {
      const list = lists[locale];
      return [
        locale,
        [0, 1].flatMap((i): Spotlight[] => {
          const person = list?.people[i];
          const group = list?.groups[i];
          const behaviour = list?.behaviours[i];
          if (!person || !group || !behaviour) return [];
          return [
            {
              documentId: `sp${String(i).padStart(10, '0')}`,
              locale,
              slug: `${locale}-uitgelicht-${i}`,
              updatedAt: UPDATED,
              localizations: locales
                .filter((other) => other !== locale && hasSpotlight(other, i))
                .map((other) => ({
                  locale: other,
                  slug: `${other}-uitgelicht-${i}`,
                  documentId: `sp${String(i).padStart(10, '0')}`,
                })),
              title: `Goed voorbeeld ${i} (${locale})`,
              story: 'Zij zette haar projectupdate in de groep, elke week.',
              date: '2026-11-20',
              person: {
                documentId: person.documentId,
                slug: person.slug,
                name: person.name,
                roleTitle: person.roleTitle,
                kind: person.kind,
                photo: null,
                email: null,
                chatUrl: null,
              },
              group: { documentId: group.documentId, slug: group.slug, name: group.name, kind: group.kind },
              behaviour: {
                documentId: behaviour.documentId,
                slug: behaviour.slug,
                title: behaviour.title,
                insteadOf: behaviour.insteadOf,
                cadence: behaviour.cadence,
              },
            },
          ];
        }),
      ];
    }),
  ) as Record<Locale, Spotlight[]>;
  return { locales, lists, rounds, spotlights, results, home, changes };
}

/** What the static build reads: every list of a locale (in no particular order: buildPages sorts). */
export function pageSourceOf(content: Content): PageSource {
  const shuffled = <T>(list: T[]) => [...list].reverse();
  return {
    home: async (locale) => content.home[locale] ?? null,
    groups: async (locale) => shuffled(content.lists[locale]?.groups ?? []),
    behaviours: async (locale) => shuffled(content.lists[locale]?.behaviours ?? []),
    trainings: async (locale) => shuffled(content.lists[locale]?.trainings ?? []),
    people: async (locale) => shuffled(content.lists[locale]?.people ?? []),
    rounds: async (locale) => content.rounds[locale] ?? [],
    spotlights: async (locale) => shuffled(content.spotlights[locale] ?? []),
    results: async (locale, round) => content.results.get(`${locale}:${round.documentId}`) ?? null,
    changes: async () => content.changes,
  };
}

/** Every call a PreviewSource got: method and arguments. */
export type Calls = { method: string; args: unknown[] }[];

/**
 * What the preview server reads, as the CMS would answer: a list page sorted as
 * the database would (here with the same collation as the static build, which a
 * database may not have: see data/resolve.ts) but handed over in another order
 * within the page, so the resolver's own sorting is exercised too.
 */
export function previewSourceOf(content: Content, calls: Calls = []): PreviewSource {
  const log = (method: string, ...args: unknown[]) => calls.push({ method, args });
  const detailList = <S extends DetailSection>(section: S, locale: Locale): DetailOf[S][] =>
    (section === 'rounds'
      ? (content.rounds[locale] ?? [])
      : section === 'spotlights'
        ? (content.spotlights[locale] ?? [])
        : ((content.lists[locale] as Record<string, unknown[]> | undefined)?.[section] ?? [])) as DetailOf[S][];
  return {
    async home(locale) {
      log('home', locale);
      return content.home[locale] ?? null;
    },
    async list(section, locale, page, pageSize) {
      log('list', section, locale, page, pageSize);
      const all = [...((content.lists[locale]?.[section] ?? []) as ListOf[typeof section][])].sort(
        listOrder(locale, section),
      );
      return { items: all.slice((page - 1) * pageSize, page * pageSize).reverse(), total: all.length };
    },
    async total(section, locale) {
      log('total', section, locale);
      return content.lists[locale]?.[section].length ?? 0;
    },
    async entry(section, locale, slug) {
      log('entry', section, locale, slug);
      // Like the API: by slug or by documentId.
      return detailList(section, locale).find((item) => item.slug === slug || item.documentId === slug) ?? null;
    },
    async rounds(locale) {
      log('rounds', locale);
      return content.rounds[locale] ?? [];
    },
    async results(locale, round) {
      log('results', locale, round.documentId);
      return content.results.get(`${locale}:${round.documentId}`) ?? null;
    },
    async changes() {
      log('changes');
      return content.changes;
    },
  };
}
