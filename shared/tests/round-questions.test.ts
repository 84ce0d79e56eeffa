/**
 * A round's questions as one list for every language: keys made once from a
 * label (lower_snake_case, unique, valid), labels read in the asked language
 * with a fallback, the old per-language shape still read, and the checks an
 * editor's list must pass.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultStoredQuestions,
  fromLegacy,
  QUESTION_KEY_PATTERN,
  questionKey,
  questionsIn,
  questionsProblem,
} from '../src/index.js';

describe('questionKey', () => {
  it('makes lower_snake_case without accents from the first label', () => {
    expect(questionKey('Wat mis je nog?', [])).toBe('wat_mis_je_nog');
    expect(questionKey('Ça va, één keer?', [])).toBe('ca_va_een_keer');
  });

  it('never returns a key that is taken, and always a valid one', () => {
    expect(questionKey('Wat werkt goed?', ['wat_werkt_goed'])).toBe('wat_werkt_goed_2');
    expect(questionKey('Wat werkt goed?', ['wat_werkt_goed', 'wat_werkt_goed_2'])).toBe('wat_werkt_goed_3');
    for (const text of ['', '123', '???', 'x'.repeat(80), '42 is het antwoord', 'Ω']) {
      const key = questionKey(text, []);
      expect(key, text).toMatch(QUESTION_KEY_PATTERN);
    }
    const long = 'een hele lange vraag die maar doorgaat en doorgaat';
    const first = questionKey(long, []);
    expect(questionKey(long, [first])).toMatch(QUESTION_KEY_PATTERN);
    expect(questionKey(long, [first])).not.toBe(first);
  });
});

describe('questionsIn', () => {
  const stored = [
    { key: 'tools', label: { nl: 'Welke tools?', en: 'Which tools?' } },
    { key: 'wish', label: { en: 'Wish?' } },
  ];

  it('reads each label in the asked language, else the fallback, else any', () => {
    expect(questionsIn(stored, 'en', 'nl')).toEqual([
      { key: 'tools', label: 'Which tools?' },
      { key: 'wish', label: 'Wish?' },
    ]);
    expect(questionsIn(stored, 'de', 'nl')?.map((q) => q.label)).toEqual(['Welke tools?', 'Wish?']);
  });

  it('reads the old per-language shape as it is, and nothing else', () => {
    expect(questionsIn([{ key: 'good', label: 'Goed?' }], 'en', 'nl')).toEqual([{ key: 'good', label: 'Goed?' }]);
    expect(questionsIn(null, 'nl', 'nl')).toBeNull();
    expect(questionsIn([{ key: 'Bad Key', label: 'x' }], 'nl', 'nl')).toBeNull();
  });

  it('turns an old list into the shared one, keeping what other languages said', () => {
    expect(fromLegacy([{ key: 'tools', label: 'Tools?' }], 'en', [stored[0] as never])).toEqual([
      { key: 'tools', label: { nl: 'Welke tools?', en: 'Tools?' } },
    ]);
  });
});

describe('questionsProblem', () => {
  it('accepts the seed’s three in both languages', () => {
    expect(questionsProblem(defaultStoredQuestions())).toBeNull();
    expect(defaultStoredQuestions()[0]).toEqual({
      key: 'works_well',
      label: { nl: 'Wat werkt goed?', en: 'What works well?' },
    });
  });

  it('names the question that is wrong', () => {
    expect(questionsProblem([])).toMatch(/at least one question/);
    expect(
      questionsProblem([
        { key: 'a', label: { nl: 'A' } },
        { key: 'a', label: { nl: 'B' } },
      ]),
    ).toMatch(/Question 2 .*unique/);
    expect(questionsProblem([{ key: 'a', label: {} }])).toMatch(/Question 1 has no label/);
    expect(questionsProblem([{ key: 'a', label: { nl: 'A' }, kind: 'stars' }])).toMatch(/Question 1 must be/);
  });
});
