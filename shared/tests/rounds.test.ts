import { describe, expect, it } from 'vitest';
import {
  aggregateResults,
  DEFAULT_QUESTIONS,
  effectiveMinimum,
  receivedInWindow,
  resultsOf,
  roundState,
  snapshotOf,
} from '../src/rounds';

const round = {
  opensAt: '2026-10-01T00:00:00.000Z',
  closesAt: '2026-10-31T00:00:00.000Z',
  minimumResponses: 3,
  questions: DEFAULT_QUESTIONS.nl,
};
const after = new Date('2026-11-01T00:00:00Z');
const answers = (works_well: string, obstacles = '') => ({ answers: { works_well, obstacles, next_steps: '' } });

describe('roundState', () => {
  it('is upcoming, open, then closed (closing instant included)', () => {
    expect(roundState(round, new Date('2026-09-30T23:59:59Z'))).toBe('upcoming');
    expect(roundState(round, new Date('2026-10-01T00:00:00Z'))).toBe('open');
    expect(roundState(round, new Date('2026-10-31T00:00:00Z'))).toBe('closed');
  });
});

describe('aggregateResults', () => {
  it('hides everything while the round is open', () => {
    expect(
      aggregateResults(round, [answers('a'), answers('b'), answers('c')], new Date('2026-10-15T00:00:00Z')),
    ).toEqual({
      available: false,
      reason: 'not_closed',
      minimum: 3,
    });
  });

  it('hides everything below the minimum number of answers', () => {
    expect(aggregateResults(round, [answers('a'), answers('b')], after)).toEqual({
      available: false,
      reason: 'below_minimum',
      minimum: 3,
    });
  });

  it('lists answers per question, sorted and without blanks, at the minimum', () => {
    const result = aggregateResults(
      round,
      [answers('Zoeken', 'Tijd'), answers('Agenda'), answers(' Berichten ', 'Apps')],
      after,
    );
    expect(result).toEqual({
      available: true,
      minimum: 3,
      responses: 3,
      questions: [
        { key: 'works_well', label: 'Wat werkt goed?', answers: ['Agenda', 'Berichten', 'Zoeken'] },
        { key: 'obstacles', label: 'Waar lopen we tegenaan?', answers: ['Apps', 'Tijd'] },
        { key: 'next_steps', label: 'Wat helpt ons om verder te komen?', answers: [] },
      ],
    });
  });

  it('asks the seed blog’s three questions by default, in both languages', () => {
    expect(DEFAULT_QUESTIONS.nl.map((q) => q.label)).toEqual([
      'Wat werkt goed?',
      'Waar lopen we tegenaan?',
      'Wat helpt ons om verder te komen?',
    ]);
    expect(DEFAULT_QUESTIONS.en.map((q) => q.key)).toEqual(DEFAULT_QUESTIONS.nl.map((q) => q.key));
  });
});

describe('the anonymity minimum', () => {
  it('never goes below three, whatever the round says', () => {
    expect(effectiveMinimum(1)).toBe(3);
    expect(effectiveMinimum(0)).toBe(3);
    expect(effectiveMinimum(-5)).toBe(3);
    expect(effectiveMinimum(Number.NaN)).toBe(5);
    expect(effectiveMinimum(null)).toBe(5);
    expect(effectiveMinimum(8)).toBe(8);
  });

  it('shows nothing for two answers even when the round asks for one', () => {
    expect(aggregateResults({ ...round, minimumResponses: 1 }, [answers('a'), answers('b')], after)).toEqual({
      available: false,
      reason: 'below_minimum',
      minimum: 3,
    });
  });

  it('keeps the frozen minimum when an editor lowers it afterwards', () => {
    const snapshot = snapshotOf({ ...round, minimumResponses: 5 }, [answers('a'), answers('b'), answers('c')]);
    expect(resultsOf({ ...round, minimumResponses: 3 }, snapshot, after)).toMatchObject({
      available: false,
      reason: 'below_minimum',
      minimum: 5,
    });
  });

  it('counts only answers received while the round was open', () => {
    expect(receivedInWindow(round, '2026-09-30T23:59:59.999Z')).toBe(false);
    expect(receivedInWindow(round, '2026-10-01T00:00:00.000Z')).toBe(true);
    expect(receivedInWindow(round, '2026-10-30T23:59:59.999Z')).toBe(true);
    expect(receivedInWindow(round, '2026-10-31T00:00:00.000Z')).toBe(false);
  });
});
