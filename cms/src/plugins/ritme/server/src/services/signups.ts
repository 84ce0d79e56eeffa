/**
 * Sign-ups for training sessions. A session's seats are handed out one sign-up
 * at a time: every change to a session's sign-ups (a sign-up, a cancellation,
 * seats added by an editor) runs in a transaction that first takes that
 * session's lock — a PostgreSQL advisory lock, shared by every Strapi instance
 * on the database; on SQLite the single connection already lets one
 * transaction run at a time — then counts and writes. So a session never has
 * more confirmed sign-ups than seats, however many arrive at once, and the
 * waiting list keeps the order they arrived in.
 *
 * E-mails go out after the transaction, never while holding the lock; a mail
 * that fails leaves the sign-up stored (its `mailedAt` stays empty).
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import {
  type AdminSessionSignups,
  type AdminSignup,
  type AdminSignupSession,
  DEFAULT_LOCALE,
  type SessionAvailability,
  type SignupInput,
  type SignupLookup,
  type SignupReceipt,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { documents, rows } from '../documents';
import { type Doc, iso, one, strOrNull } from '../read-models/refs';
import { mailConfigured } from './reply-mail';
import { type SignupMailKind, type SignupMailSession, sendSignupMail } from './signup-mail';
import { fingerprintOf, IdempotencyConflict, type SubmitOptions } from './submissions';

const SIGNUP = 'plugin::ritme.session-signup';
const SESSION = 'plugin::ritme.training-session';

/** Why a sign-up was refused; the controller answers `status` with `code`. */
export class SignupRefused extends Error {
  constructor(
    readonly status: 404 | 409,
    readonly code: 'session_not_found' | 'session_closed' | 'signup_not_found',
    message: string,
  ) {
    super(message);
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A sign-up's cancel token: an HMAC of its documentId under the app's first key
 * (`APP_KEYS`), so every e-mail about one sign-up (the first, a promotion, a
 * repeat) carries the same link without the token being stored; only its sha256
 * is, to find the sign-up. Without the key a token cannot be made or guessed.
 */
export function tokenFor(strapi: Core.Strapi, documentId: string) {
  const keys = strapi.config.get('server.app.keys') as string[] | undefined;
  const key = keys?.[0];
  if (!key) throw new Error('ritme: sign-ups need server.app.keys (APP_KEYS) to make cancel links.');
  return createHmac('sha256', key).update(`ritme:signup-cancel:${documentId}`).digest('base64url');
}

/** A published session as sign-ups see it: one value for seats and dates in every language. */
interface SessionFacts {
  documentId: string;
  startsAt: string;
  endsAt: string;
  seats: number | null;
  updatedAt: string;
  onlineUrl: string | null;
  /** Per locale: the training's title and slug, the session's place. */
  byLocale: Map<string, { title: string; slug: string | null; location: string | null }>;
  training: string | null;
}

type Mail = { kind: SignupMailKind; signup: Doc; position: number | null };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Every published language of the sessions, with their trainings: null for a session never published. */
  async function sessionsOf(ids: readonly string[]): Promise<Map<string, SessionFacts>> {
    const found = await rows(strapi, SESSION).findMany({
      where: { documentId: { $in: [...ids] }, publishedAt: { $notNull: true } },
      populate: { training: { select: ['documentId', 'title', 'slug'] } },
    });
    const facts = new Map<string, SessionFacts>();
    for (const row of found) {
      const training = one(row.training);
      const known = facts.get(row.documentId) ?? {
        documentId: row.documentId,
        startsAt: iso(row.startsAt),
        endsAt: iso(row.endsAt),
        seats: typeof row.seats === 'number' ? row.seats : null,
        updatedAt: iso(row.updatedAt),
        onlineUrl: strOrNull(row.onlineUrl),
        byLocale: new Map(),
        training: strOrNull(training?.documentId),
      };
      // The default language's row decides what is shared, should two ever disagree.
      if (row.locale === DEFAULT_LOCALE) {
        known.startsAt = iso(row.startsAt);
        known.endsAt = iso(row.endsAt);
        known.seats = typeof row.seats === 'number' ? row.seats : null;
      }
      known.byLocale.set(String(row.locale), {
        title: strOrNull(training?.title) ?? strOrNull(row.title) ?? '',
        slug: strOrNull(training?.slug),
        location: strOrNull(row.location),
      });
      facts.set(row.documentId, known);
    }
    return facts;
  }

  /** One published session's facts, or undefined. */
  async function maybeSessionOf(id: string) {
    return (await sessionsOf([id])).get(id);
  }

  async function sessionOf(id: string) {
    const session = await maybeSessionOf(id);
    if (!session)
      throw new SignupRefused(404, 'session_not_found', 'There is no published training session with this id.');
    return session;
  }

  const isOpen = (session: SessionFacts, now: Date) => new Date(session.startsAt).getTime() > now.getTime();

  /** Run `work` holding the session's lock, in one transaction. */
  async function underLock<T>(session: string, work: () => Promise<T>): Promise<T> {
    return (await strapi.db.transaction(async ({ trx }) => {
      if (strapi.db.dialect.client === 'postgres') {
        await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`ritme:session-signups:${session}`]);
      }
      return await work();
    })) as T;
  }

  const countOf = (session: string, status: 'confirmed' | 'waiting') =>
    rows(strapi, SIGNUP).count({ where: { session, status } });

  /** Place on the waiting list: 1 for the first one waiting. */
  async function positionOf(signup: Doc) {
    const ahead = await rows(strapi, SIGNUP).count({
      where: { session: signup.session, status: 'waiting', id: { $lt: signup.id } },
    });
    return ahead + 1;
  }

  /** Confirm the first ones waiting while seats are free (the lock is held). */
  async function promoteWaiting(session: SessionFacts, now: Date): Promise<Mail[]> {
    if (!isOpen(session, now)) return [];
    const confirmed = await countOf(session.documentId, 'confirmed');
    const free = session.seats === null ? Number.MAX_SAFE_INTEGER : session.seats - confirmed;
    if (free <= 0) return [];
    const next = await rows(strapi, SIGNUP).findMany({
      where: { session: session.documentId, status: 'waiting' },
      orderBy: { id: 'asc' },
      limit: Math.min(free, 1000),
    });
    const mails: Mail[] = [];
    for (const waiting of next) {
      const promoted = await rows(strapi, SIGNUP).update({
        where: { id: waiting.id },
        data: { status: 'confirmed', confirmedAt: now },
      });
      if (promoted) mails.push({ kind: 'promoted', signup: promoted, position: null });
    }
    return mails;
  }

  function mailSessionOf(session: SessionFacts, locale: string): SignupMailSession {
    const local =
      session.byLocale.get(locale) ?? session.byLocale.get(DEFAULT_LOCALE) ?? [...session.byLocale.values()][0];
    return {
      documentId: session.documentId,
      title: local?.title ?? '',
      trainingSlug: local?.slug ?? null,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      updatedAt: session.updatedAt,
      location: local?.location ?? null,
      onlineUrl: session.onlineUrl,
    };
  }

  /** Send each mail; a failure is logged and leaves `mailedAt` empty. */
  async function deliver(session: SessionFacts, mails: Mail[]) {
    if (mails.length === 0) return;
    if (!mailConfigured(strapi)) {
      strapi.log.warn(`ritme: e-mail is not set up, so ${mails.length} sign-up e-mail(s) were not sent.`);
      return;
    }
    for (const mail of mails) {
      const token = tokenFor(strapi, mail.signup.documentId);
      try {
        await sendSignupMail(strapi, {
          kind: mail.kind,
          name: String(mail.signup.name),
          to: String(mail.signup.email),
          locale: String(mail.signup.locale),
          position: mail.position,
          token,
          session: mailSessionOf(session, String(mail.signup.locale)),
        });
        await rows(strapi, SIGNUP).update({ where: { id: mail.signup.id }, data: { mailedAt: new Date() } });
      } catch (error) {
        strapi.log.error(
          `ritme: the ${mail.kind} e-mail for sign-up ${mail.signup.documentId} could not be sent: ${(error as Error).message}`,
        );
      }
    }
  }

  /** What a sign-up answers: its state now. */
  async function receiptOf(signup: Doc, session: SessionFacts): Promise<SignupReceipt> {
    const confirmed = await countOf(session.documentId, 'confirmed');
    return {
      status: signup.status === 'waiting' ? 'waiting' : 'confirmed',
      position: signup.status === 'waiting' ? await positionOf(signup) : null,
      seatsLeft: session.seats === null ? null : Math.max(0, session.seats - confirmed),
    };
  }

  async function lookupOf(signup: Doc): Promise<SignupLookup> {
    const session = await maybeSessionOf(String(signup.session));
    const mailSession = session ? mailSessionOf(session, String(signup.locale)) : null;
    return {
      status: signup.status as SignupLookup['status'],
      name: String(signup.name),
      session: {
        documentId: String(signup.session),
        title: mailSession?.title ?? '',
        startsAt: mailSession?.startsAt ?? '',
        endsAt: mailSession?.endsAt ?? '',
        location: mailSession?.location ?? null,
      },
    };
  }

  async function byToken(token: string) {
    const signup = await rows(strapi, SIGNUP).findOne({ where: { cancelTokenHash: hashToken(token) } });
    if (!signup) throw new SignupRefused(404, 'signup_not_found', 'This cancel link is not (or no longer) valid.');
    return signup;
  }

  /** Sign-ups per session and status, counted by the database: of every session, or only of `only`. */
  async function countsBySession(only?: readonly string[]) {
    const counted = (await strapi.db
      .connection(strapi.db.metadata.get(SIGNUP).tableName)
      .select('session', 'status')
      .count({ count: '*' })
      .modify((query: { whereIn(column: string, values: readonly string[]): void }) => {
        if (only) query.whereIn('session', only);
      })
      .groupBy('session', 'status')) as { session: string; status: string; count: number | string }[];
    const counts = new Map<string, Record<string, number>>();
    for (const row of counted) {
      const of = counts.get(row.session) ?? {};
      of[row.status] = Number(row.count);
      counts.set(row.session, of);
    }
    return counts;
  }

  function adminSessionOf(
    session: SessionFacts,
    locale: string,
    counts: Map<string, Record<string, number>>,
    now: Date,
  ): AdminSignupSession {
    const local = mailSessionOf(session, locale);
    const of = counts.get(session.documentId) ?? {};
    return {
      documentId: session.documentId,
      title: local.title,
      training: session.training,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      location: local.location,
      seats: session.seats,
      confirmed: of.confirmed ?? 0,
      waiting: of.waiting ?? 0,
      cancelled: of.cancelled ?? 0,
      open: isOpen(session, now),
    };
  }

  return {
    /**
     * Sign `input.name` up for the session: confirmed while seats are free,
     * else on the waiting list. The same address again (while its sign-up is
     * active) stores nothing new; it answers that sign-up and mails it again.
     * With an idempotency key, a retry answers the first request's sign-up.
     */
    async signUp(input: SignupInput, options: SubmitOptions = {}, now = new Date()) {
      const { idempotencyKey } = options;
      const fingerprint = fingerprintOf(input);
      const replay = async () => {
        if (idempotencyKey === undefined) return null;
        const earlier = await rows(strapi, SIGNUP).findOne({ where: { idempotencyKey } });
        if (!earlier) return null;
        if (earlier.idempotencyFingerprint !== fingerprint) throw new IdempotencyConflict();
        return earlier;
      };
      const earlier = await replay();
      if (earlier) {
        return { receipt: await receiptOf(earlier, await sessionOf(String(earlier.session))), replayed: true };
      }
      const session = await sessionOf(input.session);
      if (!isOpen(session, now)) {
        throw new SignupRefused(409, 'session_closed', 'This session has started: sign-ups are closed.');
      }
      const emailKey = input.email.toLowerCase();
      const { signup, replayed } = await underLock(session.documentId, async () => {
        // A retry that raced its first request here: the first one stored it.
        const raced = await replay();
        if (raced) return { signup: raced, replayed: true };
        const existing = await rows(strapi, SIGNUP).findOne({
          where: { session: session.documentId, emailKey, status: { $in: ['confirmed', 'waiting'] } },
        });
        if (existing) return { signup: existing, replayed: false };
        const confirmed = await countOf(session.documentId, 'confirmed');
        const waiting = await countOf(session.documentId, 'waiting');
        // Nobody jumps the queue: with people waiting, a seat that came free is theirs.
        const seatFree = session.seats === null || (confirmed < session.seats && waiting === 0);
        const created = await documents(strapi, SIGNUP).create({
          data: {
            session: session.documentId,
            training: session.training,
            name: input.name,
            email: input.email,
            emailKey,
            locale: input.locale,
            status: seatFree ? 'confirmed' : 'waiting',
            confirmedAt: seatFree ? now : null,
            // Unique and required: the real hash follows once the documentId is known.
            cancelTokenHash: `pending:${randomUUID()}`,
            idempotencyKey: idempotencyKey ?? null,
            idempotencyFingerprint: idempotencyKey ? fingerprint : null,
          },
        });
        const hashed = await rows(strapi, SIGNUP).update({
          where: { id: created.id },
          data: { cancelTokenHash: hashToken(tokenFor(strapi, created.documentId)) },
        });
        return { signup: hashed ?? created, replayed: false };
      });
      const receipt = await receiptOf(signup, session);
      // A repeat (the same address again) is mailed again, to that address: its link may be lost.
      if (!replayed) {
        await deliver(session, [
          { kind: receipt.status === 'confirmed' ? 'confirmed' : 'waiting', signup, position: receipt.position },
        ]);
      }
      return { receipt, replayed };
    },

    /** Seats, sign-ups and whether sign-up is open, for the published sessions among `ids`. */
    async availability(ids: readonly string[], now = new Date()): Promise<SessionAvailability[]> {
      const sessions = await sessionsOf(ids);
      if (sessions.size === 0) return [];
      const counts = await countsBySession([...sessions.keys()]);
      return [...sessions.values()].map((session) => {
        const of = counts.get(session.documentId) ?? {};
        const confirmed = of.confirmed ?? 0;
        return {
          session: session.documentId,
          seats: session.seats,
          confirmed,
          waiting: of.waiting ?? 0,
          seatsLeft: session.seats === null ? null : Math.max(0, session.seats - confirmed),
          open: isOpen(session, now),
        };
      });
    },

    /** The sign-up a cancel link stands for. */
    async lookup(token: string): Promise<SignupLookup> {
      return lookupOf(await byToken(token));
    },

    /**
     * Cancel the sign-up of a cancel link; its seat goes to the first one
     * waiting, who is e-mailed. Cancelling again answers "cancelled".
     */
    async cancel(token: string, now = new Date()): Promise<SignupLookup> {
      const found = await byToken(token);
      if (found.status === 'cancelled') return lookupOf(found);
      const session = await maybeSessionOf(String(found.session));
      const { signup, mails } = await underLock(String(found.session), async () => {
        const current = await rows(strapi, SIGNUP).findOne({ where: { id: found.id } });
        if (!current || current.status === 'cancelled') return { signup: current ?? found, mails: [] as Mail[] };
        const cancelled = await rows(strapi, SIGNUP).update({
          where: { id: found.id },
          data: { status: 'cancelled', cancelledAt: now },
        });
        return { signup: cancelled ?? current, mails: session ? await promoteWaiting(session, now) : [] };
      });
      if (session) await deliver(session, mails);
      return lookupOf(signup);
    },

    /** Every session that has sign-ups or is published, upcoming first (soonest first), then past (latest first). */
    async sessionsForAdmin(locale: string, now = new Date()): Promise<AdminSignupSession[]> {
      const published = await rows(strapi, SESSION).findMany({
        where: { publishedAt: { $notNull: true } },
        select: ['documentId'],
      });
      const withSignups = await rows(strapi, SIGNUP).findMany({ select: ['session'] });
      const ids = [
        ...new Set([...published.map((row) => row.documentId), ...withSignups.map((row) => String(row.session))]),
      ];
      const sessions = await sessionsOf(ids);
      const counts = await countsBySession();
      const list = [...sessions.values()].map((session) => adminSessionOf(session, locale, counts, now));
      const soon = list.filter((item) => item.open).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      const past = list.filter((item) => !item.open).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
      return [...soon, ...past];
    },

    /** One session's sign-ups in the order they arrived, for the admin; null for no such published session. */
    async signupsForAdmin(sessionId: string, locale: string, now = new Date()): Promise<AdminSessionSignups | null> {
      const session = await maybeSessionOf(sessionId);
      if (!session) return null;
      const found = await rows(strapi, SIGNUP).findMany({ where: { session: sessionId }, orderBy: { id: 'asc' } });
      let waiting = 0;
      const signups = found.map((row) => ({
        documentId: row.documentId,
        name: String(row.name),
        email: String(row.email),
        status: row.status as AdminSignup['status'],
        position: row.status === 'waiting' ? ++waiting : null,
        locale: String(row.locale),
        signedUpAt: iso(row.createdAt),
        confirmedAt: row.confirmedAt ? iso(row.confirmedAt) : null,
        cancelledAt: row.cancelledAt ? iso(row.cancelledAt) : null,
        mailedAt: row.mailedAt ? iso(row.mailedAt) : null,
      }));
      return { session: adminSessionOf(session, locale, await countsBySession([sessionId]), now), signups };
    },

    /** Seats an editor added: the first ones waiting are confirmed (and e-mailed). */
    async fillSeats(sessionId: string, now = new Date()) {
      const session = await maybeSessionOf(sessionId);
      if (!session) return 0;
      const mails = await underLock(sessionId, () => promoteWaiting(session, now));
      await deliver(session, mails);
      return mails.length;
    },
  };
};
