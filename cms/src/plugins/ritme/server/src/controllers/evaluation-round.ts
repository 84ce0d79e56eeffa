/** Evaluation rounds: the shared read routes plus their (k-anonymous) results. */
import { type EvaluationRound, LocaleQuerySchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { type HttpContext, idParam, parseQuery } from '../validation/request';
import { readController } from './content';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  ...readController('evaluation-rounds')({ strapi }),

  async results(ctx: HttpContext) {
    const id = idParam(ctx);
    const query = parseQuery(ctx, LocaleQuerySchema);
    if (!id || !query) return;
    const round = (await strapi
      .plugin('ritme')
      .service('content')
      .findOne('evaluation-rounds', id, query.locale)) as EvaluationRound | null;
    if (!round) return ctx.notFound(`No published evaluation round "${id}" in locale "${query.locale}".`);
    ctx.body = { data: await strapi.plugin('ritme').service('results').forRound(round) };
  },
});
