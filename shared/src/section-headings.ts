/**
 * The headings the theme gives its page sections, by the section's id (the anchor the
 * feedback widget sends as `section`). Feedback sent before the widget sent the heading
 * itself has only the id: the inbox names the section with these. The theme's own
 * strings are the source; a theme test fails when the two drift apart.
 */
import { FALLBACK_LOCALE, type Locale } from './enums.js';

type Headings = Record<string, { nl: string; en: string }>;

/** Sections of the home page (some ids mean another section on other pages). */
const HOME: Headings = {
  focus: { nl: 'Focus van de week', en: 'Focus of the week' },
  round: { nl: 'Denk mee', en: 'Have your say' },
  sessions: { nl: 'Binnenkort', en: 'Coming up' },
  spotlights: { nl: 'In de schijnwerpers', en: 'In the spotlight' },
  people: { nl: 'Zij gaan voor', en: 'Leading the way' },
  'whats-new': { nl: 'Nieuw sinds je vorige bezoek', en: 'New since your last visit' },
};

/** Sections of an entry's page: a behaviour, a training, a group, a round, the people page. */
const PAGES: Headings = {
  why: { nl: 'Waarom', en: 'Why' },
  how: { nl: 'Zo doe je het', en: 'How to do it' },
  example: { nl: 'Zo ziet het eruit', en: 'What it looks like' },
  trainings: { nl: 'Trainingen die helpen', en: 'Trainings that help' },
  sessions: { nl: 'Data', en: 'Dates' },
  behaviours: { nl: 'Dit helpt bij', en: 'This helps with' },
  expected: { nl: 'Wat we van elkaar verwachten', en: 'What we expect of each other' },
  people: { nl: 'Mensen', en: 'People' },
  calendar: { nl: 'Agenda', en: 'Calendar' },
  spotlights: { nl: 'In de schijnwerpers', en: 'In the spotlight' },
  results: { nl: 'Resultaten', en: 'Results' },
  'follow-up': { nl: 'Wat er veranderd is', en: 'What changed' },
  'kind-leader': { nl: 'Leidinggevende', en: 'Leader' },
  'kind-ambassador': { nl: 'Ambassadeur', en: 'Ambassador' },
  'kind-coach': { nl: 'Coach', en: 'Coach' },
};

export const KNOWN_SECTION_HEADINGS = { home: HOME, pages: PAGES } as const;

/**
 * The heading of section `id` on the page at `pagePath`, in `locale` (Dutch for nl, English
 * otherwise), or null for an id the theme does not know.
 */
export function knownSectionHeading(id: string, pagePath: string | null, locale: Locale | null): string | null {
  const isHome = pagePath !== null && /^\/(?:[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\/)?$/.test(pagePath);
  const headings = isHome ? HOME : PAGES;
  const known = Object.hasOwn(headings, id) ? headings[id] : undefined;
  if (!known) return null;
  return (locale ?? FALLBACK_LOCALE) === 'nl' ? known.nl : known.en;
}
