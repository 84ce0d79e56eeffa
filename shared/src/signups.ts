/**
 * Signing up for a training session: what an employee sends, what comes back,
 * and what the intranet may ask about a session's seats. The plugin and the
 * intranet's sign-up form validate with these same schemas.
 *
 * A session with `seats` null has no limit: every sign-up is confirmed. Once
 * its seats are taken, a sign-up goes on the waiting list; a cancellation frees
 * the seat for the first one waiting, who is then confirmed (and e-mailed).
 */
import { z } from 'zod';
import { LocaleCode } from './locale-code.js';
import { HONEYPOT_FIELD, LIMITS } from './submissions.js';
import { documentId, personName } from './text.js';

export const SIGNUP_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/** The body of `POST /api/ritme/signups` (inside `{ data }`). Unknown fields are refused. */
export const SignupInputSchema = z.strictObject({
  session: documentId,
  name: personName(LIMITS.name).refine((value) => value.length > 0, { message: 'Must not be empty.' }),
  email: z.email({ message: 'Must be an email address.' }).max(LIMITS.email),
  /** The language the confirmation mail is written in (the page's). */
  locale: LocaleCode,
  [HONEYPOT_FIELD]: z.string().max(500).optional(),
});
export type SignupInput = z.infer<typeof SignupInputSchema>;

/**
 * What a sign-up answers. `position` is the place on the waiting list (1 is
 * next), null when confirmed. Signing up again with an address already signed
 * up for the session stores nothing new: it answers that sign-up's state and
 * mails its confirmation (and cancel link) again, to that address only.
 */
export const SignupReceiptSchema = z.object({
  status: z.enum(['confirmed', 'waiting']),
  position: z.number().int().positive().nullable(),
  seatsLeft: z.number().int().nonnegative().nullable(),
});
export type SignupReceipt = z.infer<typeof SignupReceiptSchema>;

/** `GET /api/ritme/training-sessions/availability?ids=a,b` answers one of these per published session asked for. */
export const SessionAvailabilitySchema = z.object({
  session: documentId,
  /** The session's seats; null: no limit. */
  seats: z.number().int().nonnegative().nullable(),
  confirmed: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
  /** null: no limit. */
  seatsLeft: z.number().int().nonnegative().nullable(),
  /** Sign-ups are taken until the session starts. */
  open: z.boolean(),
});
export type SessionAvailability = z.infer<typeof SessionAvailabilitySchema>;
/** At most this many ids in one availability request. */
export const AVAILABILITY_MAX_IDS = 50;

/** The secret of a cancel link: 43 characters of base64url (32 random bytes). Only its sha256 is stored. */
export const CancelTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'Must be a cancel token.' });
/** The body of `POST /api/ritme/signups/lookup` and `POST /api/ritme/signups/cancel` (inside `{ data }`). */
export const CancelInputSchema = z.strictObject({ token: CancelTokenSchema });

/** What the cancel page shows before and after cancelling: whose sign-up for what. */
export const SignupLookupSchema = z.object({
  status: z.enum(SIGNUP_STATUSES),
  name: z.string(),
  session: z.object({
    documentId,
    /** The training's title in the sign-up's language (the session's own title when it has no training). */
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    location: z.string().nullable(),
  }),
});
export type SignupLookup = z.infer<typeof SignupLookupSchema>;

/** The fragment of a cancel link: the token never reaches a web server's log. */
export const CANCEL_TOKEN_PARAM = 'token';

/** A session in the admin's sign-up overview (`GET /ritme/signups`). */
export const AdminSignupSessionSchema = z.object({
  documentId,
  /** The training's title in the admin's language (or the default one). */
  title: z.string(),
  training: documentId.nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string().nullable(),
  seats: z.number().int().nonnegative().nullable(),
  confirmed: z.number().int().nonnegative(),
  waiting: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  /** Published with a start still to come. */
  open: z.boolean(),
});
export type AdminSignupSession = z.infer<typeof AdminSignupSessionSchema>;

/** One sign-up as editors see it (`GET /ritme/signups/:session`), in the order they arrived. */
export const AdminSignupSchema = z.object({
  documentId,
  name: z.string(),
  email: z.string(),
  status: z.enum(SIGNUP_STATUSES),
  /** Place on the waiting list (1 is next); null unless waiting. */
  position: z.number().int().positive().nullable(),
  locale: z.string(),
  signedUpAt: z.string(),
  confirmedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  /** When its last e-mail went out; null when none could be sent. */
  mailedAt: z.string().nullable(),
});
export type AdminSignup = z.infer<typeof AdminSignupSchema>;

export const AdminSessionSignupsSchema = z.object({
  session: AdminSignupSessionSchema,
  signups: z.array(AdminSignupSchema),
});
export type AdminSessionSignups = z.infer<typeof AdminSessionSignupsSchema>;
