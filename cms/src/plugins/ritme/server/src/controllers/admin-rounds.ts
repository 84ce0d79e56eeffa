/** The admin's round pages: the rounds, one round's results, and "Close for good". */
import { AdminRoundQuerySchema, closeRefusalMessage, DEFAULT_LOCALE } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { type HttpContext, idParam, parseQuery } from '../validation/request';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('ritme').service('admin-rounds');

  return {
    async list(ctx: HttpContext) {
      const query = parseQuery(ctx, AdminRoundQuerySchema);
      if (!query) return;
      ctx.body = { data: await service().list(query.locale ?? DEFAULT_LOCALE) };
    },

    async show(ctx: HttpContext) {
      const query = parseQuery(ctx, AdminRoundQuerySchema);
      const id = query && idParam(ctx);
      if (!query || !id) return;
      const detail = await service().detail(id, query.locale ?? DEFAULT_LOCALE);
      if (!detail) return ctx.notFound(`No evaluation round "${id}".`);
      ctx.body = { data: detail };
    },

    async close(ctx: HttpContext) {
      const query = parseQuery(ctx, AdminRoundQuerySchema);
      const id = query && idParam(ctx);
      if (!query || !id) return;
      const outcome = await service().closeForGood(id, query.locale ?? DEFAULT_LOCALE);
      if (!outcome) return ctx.notFound(`No evaluation round "${id}".`);
      if ('refused' in outcome) {
        return ctx.badRequest(closeRefusalMessage(outcome.refused), {
          errors: [{ path: ['round'], message: closeRefusalMessage(outcome.refused) }],
          refusal: outcome.refused,
        });
      }
      ctx.body = { data: outcome.detail };
    },
  };
};
