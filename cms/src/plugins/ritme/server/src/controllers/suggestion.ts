/**
 * Suggestions: anyone may send one (create); only editors — an API token or
 * role with these permissions — may list, read and answer them.
 */
import { SuggestionInputSchema, SuggestionListQuerySchema, SuggestionUpdateSchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { documents } from '../documents';
import { suggestionDto } from '../read-models/submissions';
import {
  type HttpContext,
  idempotencyKeyHeader,
  idParam,
  parseBody,
  parseQuery,
  sendSubmission,
} from '../validation/request';

const UID = 'plugin::ritme.suggestion';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: HttpContext) {
    const options = idempotencyKeyHeader(ctx);
    if (!options) return;
    const input = parseBody(ctx, SuggestionInputSchema, 'suggestion');
    if (!input) return;
    await sendSubmission(ctx, input, () =>
      strapi.plugin('ritme').service('submissions').createSuggestion(input, options),
    );
  },

  async list(ctx: HttpContext) {
    const query = parseQuery(ctx, SuggestionListQuerySchema);
    if (!query) return;
    const filters = query.status ? { status: query.status } : {};
    ctx.body = await strapi.plugin('ritme').service('inbox').page(UID, filters, query, suggestionDto);
  },

  async show(ctx: HttpContext) {
    const id = idParam(ctx);
    if (!id) return;
    const doc = await documents(strapi, UID).findOne({ documentId: id });
    if (!doc) return ctx.notFound(`No suggestion "${id}".`);
    ctx.body = { data: suggestionDto(doc) };
  },

  async answer(ctx: HttpContext) {
    const id = idParam(ctx);
    if (!id) return;
    const update = parseBody(ctx, SuggestionUpdateSchema, 'suggestion update');
    if (!update) return;
    const doc = await strapi.plugin('ritme').service('submissions').updateSuggestion(id, update);
    if (!doc) return ctx.notFound(`No suggestion "${id}".`);
    ctx.body = { data: suggestionDto(doc) };
  },
});
