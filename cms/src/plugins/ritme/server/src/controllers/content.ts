/**
 * Read controllers for the public content routes: list and one-by-slug-or-id,
 * published only. One factory serves all six types so they cannot drift.
 * Queries follow Strapi's REST conventions on the allow-lists of
 * `CONTENT_QUERY_SPECS` (see @ritme/shared's query.ts); answers are in
 * Strapi's envelope, `{ data, meta }`.
 */
import {
  CONTENT_ENTRY_PARAMETERS,
  CONTENT_LIST_PARAMETERS,
  type ContentRoute,
  contentEntryQuerySchema,
  contentListQuerySchema,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { type HttpContext, idParam, parseContentQuery } from '../validation/request';

export const readController = (route: ContentRoute) => {
  const listQuery = contentListQuerySchema(route);
  const entryQuery = contentEntryQuerySchema(route);
  return ({ strapi }: { strapi: Core.Strapi }) => {
    const content = () => strapi.plugin('ritme').service('content');
    return {
      async find(ctx: HttpContext) {
        const query = parseContentQuery(ctx, route, listQuery, CONTENT_LIST_PARAMETERS);
        if (!query) return;
        ctx.body = await content().list(route, query);
      },

      async findOne(ctx: HttpContext) {
        const id = idParam(ctx);
        const query = parseContentQuery(ctx, route, entryQuery, CONTENT_ENTRY_PARAMETERS);
        if (!id || !query) return;
        const entry = await content().findOne(route, id, query.locale, undefined, query.select);
        if (!entry) return ctx.notFound(`No published ${route} "${id}" in locale "${query.locale}".`);
        ctx.body = { data: entry, meta: {} };
      },
    };
  };
};
