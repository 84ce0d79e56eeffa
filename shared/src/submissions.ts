/**
 * The two things a member of the public may send, and what editors see of them.
 * Inputs are strict: an unknown field (status, reply, createdBy, …) is an error,
 * never silently dropped, so an attacker learns nothing is accepted.
 */
import { z } from 'zod';
import { SUGGESTION_CATEGORIES, SUGGESTION_STATUSES } from './enums.js';
import { documentId, personName, plainText, requiredText } from './text.js';

export const LIMITS = {
  message: 2000,
  answer: 2000,
  name: 100,
  email: 254,
  pagePath: 300,
  contentRef: 120,
  reply: 4000,
} as const;

const optional = <T extends z.ZodType>(schema: T) => schema.optional();

/**
 * The honeypot: a field people never see (hidden from view and from screen
 * readers) that bots fill in. A submission with it filled is answered like any
 * other but never stored; the forms may send it empty.
 */
export const HONEYPOT_FIELD = 'website';
const honeypot = { [HONEYPOT_FIELD]: z.string().max(500).optional() } as const;

export const SuggestionInputSchema = z.strictObject({
  message: requiredText(LIMITS.message),
  category: z.enum(SUGGESTION_CATEGORIES),
  pagePath: optional(
    plainText(LIMITS.pagePath).regex(/^\/[^\s]*$/, { message: 'Must be a site path starting with "/".' }),
  ),
  contentRef: optional(
    z.string().regex(/^[a-z0-9-]{1,40}:[a-z0-9]{10,64}$/, {
      message: 'Must look like "<type>:<documentId>", e.g. "behaviour:abc123def456ghi789".',
    }),
  ),
  name: optional(personName(LIMITS.name)),
  email: optional(z.email({ message: 'Must be an email address.' }).max(LIMITS.email)),
  ...honeypot,
});
export type SuggestionInput = z.infer<typeof SuggestionInputSchema>;

/** What an editor may change on a suggestion. */
export const SuggestionUpdateSchema = z
  .strictObject({
    status: z.enum(SUGGESTION_STATUSES).optional(),
    reply: plainText(LIMITS.reply).optional(),
  })
  .refine((value) => value.status !== undefined || value.reply !== undefined, {
    message: 'Send a status, a reply or both.',
  });
export type SuggestionUpdate = z.infer<typeof SuggestionUpdateSchema>;

export const SuggestionSchema = z.object({
  documentId,
  message: z.string(),
  category: z.enum(SUGGESTION_CATEGORIES),
  pagePath: z.string().nullable(),
  contentRef: z.string().nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(SUGGESTION_STATUSES),
  reply: z.string().nullable(),
  createdAt: z.string(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/**
 * The `Idempotency-Key` header a client may send with a submission: a random
 * value (a UUID will do) that makes a retry safe. The first request with a key
 * stores the submission; every later one with the same key, on the same route,
 * gets the first receipt back (200 instead of 201) and stores nothing.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, {
  message: 'Must be 8 to 100 characters of A-Z, a-z, 0-9, "_" or "-" (a random UUID will do).',
});

/** What the public gets back after sending a suggestion: nothing personal echoed. */
export const SubmissionReceiptSchema = z.object({ documentId, receivedAt: z.string() });
export type SubmissionReceipt = z.infer<typeof SubmissionReceiptSchema>;

/**
 * An answer to an evaluation round. Which answer keys are allowed depends on
 * the round, so the plugin checks them against the round after this schema.
 */
export const EvaluationResponseInputSchema = z.strictObject({
  round: documentId,
  group: documentId.optional(),
  answers: z
    .record(
      z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'Unknown question key.' }),
      // A scale question's answer may come as a number (1 to 5): it is stored as text like every answer.
      z.preprocess((value) => (typeof value === 'number' ? String(value) : value), plainText(LIMITS.answer)),
    )
    .refine((answers) => Object.values(answers).some((answer) => answer.length > 0), {
      message: 'Answer at least one question.',
    }),
  ...honeypot,
});
export type EvaluationResponseInput = z.infer<typeof EvaluationResponseInputSchema>;
