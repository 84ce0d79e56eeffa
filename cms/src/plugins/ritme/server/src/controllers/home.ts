/** GET /home: everything the intranet's home page needs in one request. */
import { LocaleQuerySchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { type HttpContext, parseQuery } from '../validation/request';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async index(ctx: HttpContext) {
    const query = parseQuery(ctx, LocaleQuerySchema);
    if (!query) return;
    ctx.body = { data: await strapi.plugin('ritme').service('home').get(query.locale), meta: {} };
  },
});
