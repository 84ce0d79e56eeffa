/**
 * Read controllers for the public content routes: list and one-by-slug-or-id,
 * published only. One factory serves all six types so they cannot drift.
 */
import { type ContentRoute, ListQuerySchema, LocaleQuerySchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { type HttpContext, idParam, parseQuery } from '../validation/request';

export const readController =
  (route: ContentRoute) =>
  ({ strapi }: { strapi: Core.Strapi }) => {
    const content = () => strapi.plugin('ritme').service('content');
    return {
      async find(ctx: HttpContext) {
        const query = parseQuery(ctx, ListQuerySchema);
        if (!query) return;
        ctx.body = await content().list(route, query);
      },

      async findOne(ctx: HttpContext) {
        const id = idParam(ctx);
        const query = parseQuery(ctx, LocaleQuerySchema);
        if (!id || !query) return;
        const entry = await content().findOne(route, id, query.locale);
        if (!entry) return ctx.notFound(`No published ${route} "${id}" in locale "${query.locale}".`);
        ctx.body = { data: entry };
      },
    };
  };
