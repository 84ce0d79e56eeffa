/**
 * Evaluation responses: anyone may answer an open round (create); only editors
 * may read single responses. The public sees results only through the round's
 * k-anonymous results route.
 */
import { EvaluationResponseInputSchema, ResponseListQuerySchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { documents } from '../documents';
import { evaluationResponseDto } from '../read-models/submissions';
import { SubmissionRejected } from '../services/submissions';
import {
  type HttpContext,
  idempotencyKeyHeader,
  idParam,
  parseBody,
  parseQuery,
  sendReceipt,
} from '../validation/request';

const UID = 'plugin::ritme.evaluation-response';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: HttpContext) {
    const options = idempotencyKeyHeader(ctx);
    if (!options) return;
    const input = parseBody(ctx, EvaluationResponseInputSchema, 'evaluation response');
    if (!input) return;
    try {
      sendReceipt(ctx, await strapi.plugin('ritme').service('submissions').createEvaluationResponse(input, options));
    } catch (error) {
      if (!(error instanceof SubmissionRejected)) throw error;
      ctx.badRequest(error.message, { errors: error.errors });
    }
  },

  async list(ctx: HttpContext) {
    const query = parseQuery(ctx, ResponseListQuerySchema);
    if (!query) return;
    const filters = query.round ? { round: query.round } : {};
    ctx.body = await strapi.plugin('ritme').service('inbox').page(UID, filters, query, evaluationResponseDto);
  },

  async show(ctx: HttpContext) {
    const id = idParam(ctx);
    if (!id) return;
    const doc = await documents(strapi, UID).findOne({ documentId: id });
    if (!doc) return ctx.notFound(`No evaluation response "${id}".`);
    ctx.body = { data: evaluationResponseDto(doc) };
  },
});
