/**
 * Evaluation rounds: when they take answers, and when and how their results may
 * be shown. Results are k-anonymous: nothing is shown below the round's minimum,
 * and answers are listed per question, sorted, so one person's answers to the
 * different questions cannot be put back together.
 */
import { z } from 'zod';
import type { RoundQuestion } from './content';

export type RoundState = 'upcoming' | 'open' | 'closed';

export function roundState(round: { opensAt: string; closesAt: string }, now: Date): RoundState {
  if (now.getTime() < Date.parse(round.opensAt)) return 'upcoming';
  if (now.getTime() >= Date.parse(round.closesAt)) return 'closed';
  return 'open';
}

/** The seed blog's three questions, the default for every new round. */
export const DEFAULT_QUESTIONS: Record<'nl' | 'en', RoundQuestion[]> = {
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

export const RoundResultsSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(false), reason: z.enum(['not_closed', 'below_minimum']), minimum: z.number().int() }),
  z.object({
    available: z.literal(true),
    minimum: z.number().int(),
    responses: z.number().int(),
    questions: z.array(z.object({ key: z.string(), label: z.string(), answers: z.array(z.string()) })),
  }),
]);
export type RoundResults = z.infer<typeof RoundResultsSchema>;

export function aggregateResults(
  round: { opensAt: string; closesAt: string; minimumResponses: number; questions: RoundQuestion[] },
  responses: readonly { answers: Record<string, string> }[],
  now: Date,
): RoundResults {
  const minimum = round.minimumResponses;
  if (roundState(round, now) !== 'closed') return { available: false, reason: 'not_closed', minimum };
  if (responses.length < minimum) return { available: false, reason: 'below_minimum', minimum };
  return {
    available: true,
    minimum,
    responses: responses.length,
    questions: round.questions.map((question) => ({
      key: question.key,
      label: question.label,
      answers: responses
        .map((response) => (response.answers[question.key] ?? '').trim())
        .filter((answer) => answer.length > 0)
        .sort((a, b) => a.localeCompare(b)),
    })),
  };
}
