/**
 * The results of an evaluation round, shown only after it closes and only
 * when enough people answered (see aggregateResults in @ritme/shared).
 */
import { aggregateResults, type EvaluationRound, roundState } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { rows } from '../documents';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async forRound(round: EvaluationRound, now = new Date()) {
    // An open round's answers are not even read.
    if (roundState(round, now) !== 'closed') return aggregateResults(round, [], now);
    const responses = await rows(strapi, 'plugin::ritme.evaluation-response').findMany({
      where: { round: round.documentId },
      select: ['answers'],
    });
    return aggregateResults(
      round,
      responses.map((response) => ({ answers: (response.answers ?? {}) as Record<string, string> })),
      now,
    );
  },
});
