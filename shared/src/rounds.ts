/**
 * Evaluation rounds: when they take answers, and when and how their results may
 * be shown. Results are k-anonymous: nothing is shown below the round's minimum,
 * and answers are listed per question, sorted, so one person's answers to the
 * different questions cannot be put back together.
 */
import { z } from 'zod';
import type { RoundQuestion } from './content.js';
import { FALLBACK_LOCALE, isShippedLocale, type Locale, type ShippedLocale } from './enums.js';

export type RoundState = 'upcoming' | 'open' | 'closed';

/**
 * The fewest answers a round may show results for, whatever an editor sets:
 * with one or two answers, "anonymous" results are one person's words.
 */
export const MINIMUM_RESPONSES_FLOOR = 3;
export const DEFAULT_MINIMUM_RESPONSES = 5;

/** The minimum a round really uses: its own setting, never below the floor. */
export const effectiveMinimum = (value: number | null | undefined): number =>
  Math.max(
    MINIMUM_RESPONSES_FLOOR,
    typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_MINIMUM_RESPONSES,
  );

/** Whether an answer received at `receivedAt` counts for a round: only what came in while it was open. */
export const receivedInWindow = (round: { opensAt: string; closesAt: string }, receivedAt: string): boolean => {
  const at = Date.parse(receivedAt);
  return at >= Date.parse(round.opensAt) && at < Date.parse(round.closesAt);
};

export function roundState(round: { opensAt: string; closesAt: string }, now: Date): RoundState {
  if (now.getTime() < Date.parse(round.opensAt)) return 'upcoming';
  if (now.getTime() >= Date.parse(round.closesAt)) return 'closed';
  return 'open';
}

/** The seed blog's three questions, the default for every new round, in the locales whose text ships. */
export const DEFAULT_QUESTIONS: Record<ShippedLocale, RoundQuestion[]> = {
  nl: [
    { key: 'works_well', label: 'Wat werkt goed?' },
    { key: 'obstacles', label: 'Waar lopen we tegenaan?' },
    { key: 'next_steps', label: 'Wat helpt ons om verder te komen?' },
  ],
  en: [
    { key: 'works_well', label: 'What works well?' },
    { key: 'obstacles', label: 'What are we running into?' },
    { key: 'next_steps', label: 'What helps us move forward?' },
  ],
};

/** The default questions in `locale`, or in English for a locale whose text does not ship. */
export const defaultQuestions = (locale: Locale): RoundQuestion[] =>
  DEFAULT_QUESTIONS[isShippedLocale(locale) ? locale : FALLBACK_LOCALE];

/** The values of a scale question, as answers store them. */
export const SCALE_VALUES = ['1', '2', '3', '4', '5'] as const;
export const isScaleValue = (value: string): boolean => (SCALE_VALUES as readonly string[]).includes(value);

export const RoundResultsSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(false), reason: z.enum(['not_closed', 'below_minimum']), minimum: z.number().int() }),
  z.object({
    available: z.literal(true),
    minimum: z.number().int(),
    responses: z.number().int(),
    questions: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        /** Open questions: the answers, sorted. Scale questions: none listed, see `counts`. */
        answers: z.array(z.string()),
        kind: z.enum(['text', 'scale']).optional(),
        /** Scale questions only: how many answered 1, 2, 3, 4 and 5. */
        counts: z.array(z.number().int()).length(SCALE_VALUES.length).optional(),
      }),
    ),
  }),
]);
export type RoundResults = z.infer<typeof RoundResultsSchema>;

/**
 * What a closed round's results are made of, computed once when it closes and
 * stored: how many answered, the minimum in force then, and per question key
 * the non-empty answers, sorted (never per respondent). Labels are not part of
 * it: they are per language and come from the round when results are shown.
 */
export const RoundSnapshotSchema = z.object({
  minimum: z.number().int(),
  responses: z.number().int(),
  answers: z.record(z.string(), z.array(z.string())),
});
export type RoundSnapshot = z.infer<typeof RoundSnapshotSchema>;

export function snapshotOf(
  round: { minimumResponses: number; questions: RoundQuestion[] },
  responses: readonly { answers: Record<string, string> }[],
): RoundSnapshot {
  return {
    minimum: effectiveMinimum(round.minimumResponses),
    responses: responses.length,
    answers: Object.fromEntries(
      round.questions.map((question) => [
        question.key,
        responses
          .map((response) => (response.answers[question.key] ?? '').trim())
          .filter((answer) => answer.length > 0 && (question.kind !== 'scale' || isScaleValue(answer)))
          .sort((a, b) => a.localeCompare(b)),
      ]),
    ),
  };
}

/** The results a visitor may see: nothing before the close, nothing below the minimum of the snapshot. */
export function resultsOf(
  round: { opensAt: string; closesAt: string; minimumResponses: number; questions: RoundQuestion[] },
  snapshot: RoundSnapshot | null,
  now: Date,
): RoundResults {
  if (roundState(round, now) !== 'closed' || !snapshot) {
    return { available: false, reason: 'not_closed', minimum: effectiveMinimum(round.minimumResponses) };
  }
  // The stricter of the minimum frozen with the results and today's: raising it later can hide, never reveal.
  const minimum = Math.max(snapshot.minimum, effectiveMinimum(round.minimumResponses));
  if (snapshot.responses < minimum) return { available: false, reason: 'below_minimum', minimum };
  return {
    available: true,
    minimum,
    responses: snapshot.responses,
    questions: round.questions.map((question) => {
      const answers = snapshot.answers[question.key] ?? [];
      if (question.kind !== 'scale') return { key: question.key, label: question.label, answers };
      const counts = SCALE_VALUES.map((value) => answers.filter((answer) => answer === value).length);
      return { key: question.key, label: question.label, kind: 'scale' as const, answers: [], counts };
    }),
  };
}

/** Results straight from answers (the snapshot and the view in one step), for tests and tools. */
export function aggregateResults(
  round: { opensAt: string; closesAt: string; minimumResponses: number; questions: RoundQuestion[] },
  responses: readonly { answers: Record<string, string> }[],
  now: Date,
): RoundResults {
  return resultsOf(round, snapshotOf(round, responses), now);
}
