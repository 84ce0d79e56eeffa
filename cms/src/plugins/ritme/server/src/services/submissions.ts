/**
 * Stores what the public sends: suggestions and evaluation answers. Inputs
 * arrive already parsed by the shared schemas; this service adds the checks
 * that need the database (the round exists, is open, and asks these questions).
 * Only parsed fields are written, so nothing a caller adds reaches a row.
 * With an idempotency key, a submission is stored at most once per key and
 * route, whatever the retries, races or restarts (see `replay`/`insertOnce`);
 * the key is bound to a fingerprint of what was sent, so a second client that
 * reuses a key with another body is refused instead of silently dropped.
 */
import { createHash } from 'node:crypto';
import {
  DEFAULT_LOCALE,
  type EvaluationResponseInput,
  isScaleValue,
  type Locale,
  roundState,
  type SuggestionInput,
  type SuggestionUpdate,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { documents, rows } from '../documents';
import { questionsOf } from '../read-models';
import { type Doc, iso, one, strOrNull } from '../read-models/refs';

export class SubmissionRejected extends Error {
  constructor(
    message: string,
    readonly errors: { path: string[]; message: string }[],
    /** A stable code for clients that react to the reason (the forms say "this round has closed"). */
    readonly code?: 'round_closed' | 'round_not_open',
  ) {
    super(message);
  }
}

/** The same Idempotency-Key sent earlier with a different submission: answered with 422. */
export class IdempotencyConflict extends Error {
  constructor() {
    super(
      'This Idempotency-Key was already used for a different submission. Send a new key with every new submission, and the same key only to retry the very same one.',
    );
  }
}

/** sha256 of the parsed submission with its keys sorted: equal for the same content however it was spelled. */
export function fingerprintOf(value: unknown): string {
  const canonical = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(canonical);
    if (item && typeof item === 'object') {
      return Object.fromEntries(
        Object.entries(item as Record<string, unknown>)
          .filter(([, inner]) => inner !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, inner]) => [key, canonical(inner)]),
      );
    }
    return item;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}

const SUGGESTION = 'plugin::ritme.suggestion';
const RESPONSE = 'plugin::ritme.evaluation-response';
type SubmissionUid = typeof SUGGESTION | typeof RESPONSE;

/** What the public gets back; `replayed` when an earlier request with the same idempotency key stored it. */
export interface Receipt {
  documentId: string;
  receivedAt: string;
  replayed: boolean;
}

/** An already parsed `Idempotency-Key`, or undefined when the client sent none. */
export type SubmitOptions = { idempotencyKey?: string | undefined };
type Keyed = { key: string | undefined; fingerprint: string };

const receiptOf = (doc: Doc, replayed: boolean): Receipt => ({
  documentId: doc.documentId,
  receivedAt: iso(doc.createdAt),
  replayed,
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /**
   * The receipt of the submission stored earlier with this key on this route,
   * if any; a different fingerprint means another submission took the key.
   * (Rows stored before fingerprints existed have none and are replayed.)
   */
  const replay = async (uid: SubmissionUid, { key, fingerprint }: Keyed) => {
    if (key === undefined) return null;
    const earlier = await rows(strapi, uid).findOne({
      where: { idempotencyKey: key },
      select: ['documentId', 'createdAt', 'idempotencyFingerprint'],
    });
    if (!earlier) return null;
    if (earlier.idempotencyFingerprint && earlier.idempotencyFingerprint !== fingerprint) {
      throw new IdempotencyConflict();
    }
    return receiptOf(earlier, true);
  };

  /**
   * Store once per idempotency key, after `replay` found nothing. Two requests
   * racing with one key both got past `replay`: the database's unique index
   * lets one insert through and fails the other, which then finds the
   * winner's row and returns its receipt. A failure that left no row with the
   * key is passed on unchanged.
   */
  async function insertOnce(uid: SubmissionUid, keyed: Keyed, create: () => Promise<Doc>) {
    try {
      return receiptOf(await create(), false);
    } catch (error) {
      const winner = await replay(uid, keyed).catch((replayError) => {
        if (replayError instanceof IdempotencyConflict) throw replayError;
        return null;
      });
      if (winner) return winner;
      throw error;
    }
  }

  return {
    async createSuggestion(input: SuggestionInput, options: SubmitOptions = {}): Promise<Receipt> {
      const { idempotencyKey } = options;
      const keyed = { key: idempotencyKey, fingerprint: fingerprintOf(input) };
      const earlier = await replay(SUGGESTION, keyed);
      if (earlier) return earlier;
      return insertOnce(SUGGESTION, keyed, () =>
        documents(strapi, SUGGESTION).create({
          data: {
            message: input.message,
            category: input.category,
            pagePath: input.pagePath ?? null,
            contentRef: input.contentRef ?? null,
            name: input.name || null,
            email: input.email ?? null,
            status: 'new',
            reply: null,
            idempotencyKey: idempotencyKey ?? null,
            idempotencyFingerprint: idempotencyKey ? keyed.fingerprint : null,
          },
        }),
      );
    },

    async updateSuggestion(documentId: string, update: SuggestionUpdate) {
      return documents(strapi, SUGGESTION).update({
        documentId,
        data: {
          ...(update.status !== undefined ? { status: update.status } : {}),
          ...(update.reply !== undefined ? { reply: update.reply || null } : {}),
        },
      });
    },

    /**
     * A retry with a known key gets its receipt even if the round has closed
     * since: the look-up comes before the checks against the round.
     */
    async createEvaluationResponse(
      input: EvaluationResponseInput,
      options: SubmitOptions = {},
      now = new Date(),
    ): Promise<Receipt> {
      const { idempotencyKey } = options;
      const keyed = { key: idempotencyKey, fingerprint: fingerprintOf(input) };
      const earlier = await replay(RESPONSE, keyed);
      if (earlier) return earlier;
      // Every published language of the round, default language first. The
      // window is one value for all of them; should two ever disagree (data from
      // before it was shared), the round takes answers only if all say open.
      const published = await rows(strapi, 'plugin::ritme.evaluation-round').findMany({
        where: { documentId: input.round, publishedAt: { $notNull: true } },
        populate: { group: { select: ['documentId'] } },
      });
      const round = published.find((row) => row.locale === DEFAULT_LOCALE) ?? published[0];
      if (!round) {
        throw new SubmissionRejected('There is no published evaluation round with this id.', [
          { path: ['round'], message: 'Unknown evaluation round.' },
        ]);
      }
      const states = published.map((row) =>
        roundState({ opensAt: iso(row.opensAt), closesAt: iso(row.closesAt) }, now),
      );
      if (states.some((state) => state !== 'open')) {
        const upcoming = states.every((state) => state !== 'closed');
        throw new SubmissionRejected(
          upcoming ? 'This evaluation round is not open yet.' : 'This evaluation round has closed.',
          [{ path: ['round'], message: upcoming ? 'The round is not open yet.' : 'The round has closed.' }],
          upcoming ? 'round_not_open' : 'round_closed',
        );
      }

      const questions = questionsOf(round.questions, (round.locale as Locale) ?? DEFAULT_LOCALE);
      const allowed = new Set(questions.map((question) => question.key));
      const unknown = Object.keys(input.answers).filter((key) => !allowed.has(key));
      if (unknown.length > 0) {
        throw new SubmissionRejected(`This round does not ask: ${unknown.join(', ')}.`, [
          ...unknown.map((key) => ({ path: ['answers', key], message: 'This round has no such question.' })),
        ]);
      }

      const offScale = questions.filter(
        (question) =>
          question.kind === 'scale' &&
          (input.answers[question.key] ?? '') !== '' &&
          !isScaleValue(input.answers[question.key] ?? ''),
      );
      if (offScale.length > 0) {
        throw new SubmissionRejected(
          `Answer ${offScale.map((q) => q.key).join(', ')} with a whole number from 1 to 5.`,
          [...offScale.map((q) => ({ path: ['answers', q.key], message: 'Choose a number from 1 to 5.' }))],
        );
      }

      const roundGroup = strOrNull(one(round.group)?.documentId);
      let group = roundGroup;
      if (input.group !== undefined) {
        if (roundGroup !== null && input.group !== roundGroup) {
          throw new SubmissionRejected('This round is for another group.', [
            { path: ['group'], message: 'This round is for another group.' },
          ]);
        }
        const exists = await rows(strapi, 'plugin::ritme.group').count({
          where: { documentId: input.group, publishedAt: { $notNull: true } },
        });
        if (exists === 0) {
          throw new SubmissionRejected('There is no published group with this id.', [
            { path: ['group'], message: 'Unknown group.' },
          ]);
        }
        group = input.group;
      }

      const answers = Object.fromEntries(
        questions.map((question) => [question.key, input.answers[question.key] ?? '']),
      );
      return insertOnce(RESPONSE, keyed, () =>
        documents(strapi, RESPONSE).create({
          data: {
            round: input.round,
            group,
            answers,
            idempotencyKey: idempotencyKey ?? null,
            idempotencyFingerprint: idempotencyKey ? keyed.fingerprint : null,
          },
        }),
      );
    },
  };
};
