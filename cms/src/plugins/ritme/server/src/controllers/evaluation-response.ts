/**
 * Evaluation responses: anyone may answer an open round (create). Nobody reads
 * single responses — not the public, not an editor's API token: one response
 * is one person's complete answers. Results are shown only through the round's
 * frozen, k-anonymous results route.
 */
import { EvaluationResponseInputSchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { type HttpContext, idempotencyKeyHeader, parseBody, sendSubmission } from '../validation/request';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: HttpContext) {
    const options = idempotencyKeyHeader(ctx);
    if (!options) return;
    const input = parseBody(ctx, EvaluationResponseInputSchema, 'evaluation response');
    if (!input) return;
    await sendSubmission(ctx, input, () =>
      strapi.plugin('ritme').service('submissions').createEvaluationResponse(input, options),
    );
  },
});
