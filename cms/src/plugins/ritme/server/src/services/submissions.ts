/**
 * Stores what the public sends: suggestions and evaluation answers. Inputs
 * arrive already parsed by the shared schemas; this service adds the checks
 * that need the database (the round exists, is open, and asks these questions).
 * Only parsed fields are written, so nothing a caller adds reaches a row.
 * With an idempotency key, a submission is stored at most once per key and
 * route, whatever the retries, races or restarts (see `replay`/`insertOnce`).
 */
import {
  type EvaluationResponseInput,
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
  ) {
    super(message);
  }
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

const receiptOf = (doc: Doc, replayed: boolean): Receipt => ({
  documentId: doc.documentId,
  receivedAt: iso(doc.createdAt),
  replayed,
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** The receipt of the submission stored earlier with this key on this route, if any. */
  const replay = async (uid: SubmissionUid, idempotencyKey: string | undefined) => {
    if (idempotencyKey === undefined) return null;
    const earlier = await rows(strapi, uid).findOne({ where: { idempotencyKey }, select: ['documentId', 'createdAt'] });
    return earlier ? receiptOf(earlier, true) : null;
  };

  /**
   * Store once per idempotency key, after `replay` found nothing. Two requests
   * racing with one key both got past `replay`: the database's unique index
   * lets one insert through and fails the other, which then finds the
   * winner's row and returns its receipt. A failure that left no row with the
   * key is passed on unchanged.
   */
  async function insertOnce(uid: SubmissionUid, idempotencyKey: string | undefined, create: () => Promise<Doc>) {
    try {
      return receiptOf(await create(), false);
    } catch (error) {
      const winner = await replay(uid, idempotencyKey).catch(() => null);
      if (winner) return winner;
      throw error;
    }
  }

  return {
    async createSuggestion(input: SuggestionInput, options: SubmitOptions = {}): Promise<Receipt> {
      const { idempotencyKey } = options;
      const earlier = await replay(SUGGESTION, idempotencyKey);
      if (earlier) return earlier;
      return insertOnce(SUGGESTION, idempotencyKey, () =>
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
      const earlier = await replay(RESPONSE, idempotencyKey);
      if (earlier) return earlier;
      // Any published locale of the round will do: answers belong to the document.
      const round = await rows(strapi, 'plugin::ritme.evaluation-round').findOne({
        where: { documentId: input.round, publishedAt: { $notNull: true } },
        populate: { group: { select: ['documentId'] } },
      });
      if (!round) {
        throw new SubmissionRejected('There is no published evaluation round with this id.', [
          { path: ['round'], message: 'Unknown evaluation round.' },
        ]);
      }
      const state = roundState({ opensAt: iso(round.opensAt), closesAt: iso(round.closesAt) }, now);
      if (state !== 'open') {
        throw new SubmissionRejected(
          state === 'upcoming' ? 'This evaluation round is not open yet.' : 'This evaluation round has closed.',
          [{ path: ['round'], message: state === 'upcoming' ? 'The round is not open yet.' : 'The round has closed.' }],
        );
      }

      const questions = questionsOf(round.questions, (round.locale as Locale) ?? 'nl');
      const allowed = new Set(questions.map((question) => question.key));
      const unknown = Object.keys(input.answers).filter((key) => !allowed.has(key));
      if (unknown.length > 0) {
        throw new SubmissionRejected(`This round does not ask: ${unknown.join(', ')}.`, [
          ...unknown.map((key) => ({ path: ['answers', key], message: 'This round has no such question.' })),
        ]);
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
      return insertOnce(RESPONSE, idempotencyKey, () =>
        documents(strapi, RESPONSE).create({
          data: { round: input.round, group, answers, idempotencyKey: idempotencyKey ?? null },
        }),
      );
    },
  };
};
