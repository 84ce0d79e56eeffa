/**
 * What the admin's round pages read (/ritme/rounds…): each round's state and
 * answers so far against its minimum, and one round's results — grouped per
 * question, from the snapshot frozen at its close, and only at or above the
 * minimum, exactly as employees would see them. The server builds these; the
 * admin only shows them.
 */
import { z } from 'zod';
import { RoundResultsSchema } from './rounds.js';

export const ADMIN_ROUND_STATES = ['upcoming', 'open', 'closed', 'closed_for_good'] as const;
export type AdminRoundState = (typeof ADMIN_ROUND_STATES)[number];

export const CLOSE_REFUSALS = ['not_closed', 'follow_up_missing', 'already_closed'] as const;
export type CloseRefusal = { reason: (typeof CLOSE_REFUSALS)[number]; locales: string[] };

/** What an editor is told when "Close for good" is refused (the API's 400 message). */
export function closeRefusalMessage(refusal: CloseRefusal): string {
  if (refusal.reason === 'already_closed') return 'This round is already closed for good.';
  if (refusal.reason === 'not_closed') {
    return 'This round has not closed yet: it can be closed for good once its closing date has passed.';
  }
  return `Write the "what changed" follow-up and publish it in every language the round has (missing: ${refusal.locales.join(', ')}) before closing the round for good.`;
}

export const AdminRoundSummarySchema = z.object({
  documentId: z.string(),
  /** In the asked language, else the default language's, else any. */
  title: z.string(),
  locale: z.string(),
  state: z.enum(ADMIN_ROUND_STATES),
  opensAt: z.string(),
  closesAt: z.string(),
  /** Answers received inside the window so far (for a closed round: as frozen at its close). */
  responses: z.number().int(),
  minimum: z.number().int(),
  closedForGoodAt: z.string().nullable(),
});
export type AdminRoundSummary = z.infer<typeof AdminRoundSummarySchema>;

export const AdminRoundDetailSchema = AdminRoundSummarySchema.extend({
  /** The languages the round has, and its published "what changed" follow-up in each ('' when not written). */
  followUps: z.array(z.object({ locale: z.string(), text: z.string() })),
  results: RoundResultsSchema,
  /** Why "Close for good" would be refused now (the languages still without a published follow-up); null when it may. */
  closeRefusal: z.object({ reason: z.enum(CLOSE_REFUSALS), locales: z.array(z.string()) }).nullable(),
});
export type AdminRoundDetail = z.infer<typeof AdminRoundDetailSchema>;

export const AdminRoundQuerySchema = z.strictObject({
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/)
    .optional(),
});
