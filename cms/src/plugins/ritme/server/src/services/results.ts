/**
 * The results of an evaluation round. Nothing is read while the round is open.
 * The first request after it closes freezes a snapshot — the answers received
 * inside its window, grouped per question, with the minimum then in force —
 * and every later request shows that snapshot: answers added afterwards (an
 * editor re-opening the round, a row with stale dates) never change what is
 * shown, so nothing can be learned by diffing two fetches.
 */
import {
  type EvaluationRound,
  type RoundSnapshot,
  RoundSnapshotSchema,
  receivedInWindow,
  resultsOf,
  roundState,
  snapshotOf,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { documents, rows } from '../documents';
import { iso } from '../read-models/refs';

const RESULT = 'plugin::ritme.round-result';
const RESPONSE = 'plugin::ritme.evaluation-response';

/** What results are made from: a round's window, minimum and questions (in the language shown). */
type ResultsRound = Pick<EvaluationRound, 'documentId' | 'opensAt' | 'closesAt' | 'minimumResponses' | 'questions'>;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const frozen = async (round: string): Promise<RoundSnapshot | null> => {
    const row = await rows(strapi, RESULT).findOne({ where: { round }, select: ['snapshot'] });
    const parsed = RoundSnapshotSchema.safeParse(row?.snapshot);
    return parsed.success ? parsed.data : null;
  };

  async function freeze(round: ResultsRound, now: Date): Promise<RoundSnapshot> {
    const responses = await rows(strapi, RESPONSE).findMany({
      where: { round: round.documentId },
      select: ['answers', 'createdAt'],
    });
    const inWindow = responses
      .filter((response) => receivedInWindow(round, iso(response.createdAt)))
      .map((response) => ({ answers: (response.answers ?? {}) as Record<string, string> }));
    const snapshot = snapshotOf(round, inWindow);
    try {
      await documents(strapi, RESULT).create({
        data: { round: round.documentId, snapshot, frozenAt: now.toISOString() },
      });
      return snapshot;
    } catch (error) {
      // Another request froze it first (unique round): theirs is the one that counts.
      const winner = await frozen(round.documentId);
      if (winner) return winner;
      throw error;
    }
  }

  return {
    async forRound(round: ResultsRound, now = new Date()) {
      if (roundState(round, now) !== 'closed') return resultsOf(round, null, now);
      const snapshot = (await frozen(round.documentId)) ?? (await freeze(round, now));
      return resultsOf(round, snapshot, now);
    },
  };
};
