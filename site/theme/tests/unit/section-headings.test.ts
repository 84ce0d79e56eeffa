/**
 * The inbox names the section of older feedback (sent with its id only) by the
 * headings @ritme/shared knows: they must be the theme's own headings, in
 * Dutch and English, or editors read a name the page never showed.
 */
import { KNOWN_SECTION_HEADINGS } from '@ritme/shared';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { nl } from '../../src/i18n/nl';

const theme = (s: typeof nl) => ({
  home: {
    focus: s.home.focusHeading,
    round: s.home.roundHeading,
    sessions: s.home.sessionsHeading,
    spotlights: s.home.spotlightsHeading,
    people: s.home.peopleHeading,
    'whats-new': s.whatsNew.heading,
  },
  pages: {
    why: s.behaviour.why,
    how: s.behaviour.how,
    example: s.behaviour.example,
    trainings: s.behaviour.trainings,
    sessions: s.training.sessions,
    behaviours: s.training.behaviours,
    expected: s.group.behaviours,
    people: s.group.people,
    calendar: s.feeds.groupHeading,
    spotlights: s.group.spotlights,
    results: s.round.results,
    'follow-up': s.round.followUp,
    'kind-leader': s.labels.personKind.leader,
    'kind-ambassador': s.labels.personKind.ambassador,
    'kind-coach': s.labels.personKind.coach,
  },
});

describe('known section headings', () => {
  for (const [page, headings] of Object.entries(KNOWN_SECTION_HEADINGS) as [
    keyof typeof KNOWN_SECTION_HEADINGS,
    Record<string, { nl: string; en: string }>,
  ][]) {
    it(`are the theme's headings on ${page === 'home' ? 'the home page' : "entries' pages"}`, () => {
      const nlTheme: Record<string, string> = theme(nl)[page];
      const enTheme: Record<string, string> = theme(en as typeof nl)[page];
      expect(Object.keys(headings).sort()).toEqual(Object.keys(nlTheme).sort());
      for (const [id, heading] of Object.entries(headings)) {
        expect(heading, id).toEqual({ nl: nlTheme[id], en: enTheme[id] });
      }
    });
  }
});
