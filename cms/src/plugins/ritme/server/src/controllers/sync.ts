/**
 * GET /sync/:route: one page of an incremental sync (see @ritme/shared's
 * sync.ts). Public, like the list routes it mirrors, and as strict about its
 * query: unknown parameters, a malformed window or too many ids are a 400
 * naming them; an unknown route is a 404.
 */
import { CONTENT_ROUTES, type ContentRoute, SYNC_MAX_IDS, SyncQuerySchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { type HttpContext, parseQuery } from '../validation/request';

const DocumentId = /^[A-Za-z0-9_-]{1,64}$/;

function refuse(ctx: HttpContext, parameter: string, message: string) {
  ctx.badRequest(`Invalid query. ${parameter}: ${message}`, { errors: [{ path: [parameter], message }] });
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async index(ctx: HttpContext) {
    const route = ctx.params.route as ContentRoute;
    if (!CONTENT_ROUTES.includes(route)) return ctx.notFound(`Unknown content route "${ctx.params.route}".`);
    const query = parseQuery(ctx, SyncQuerySchema);
    if (!query) return;
    let ids: string[] | undefined;
    if (query.ids !== undefined) {
      ids = query.ids
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
      if (ids.length === 0) return refuse(ctx, 'ids', 'name at least one documentId.');
      if (ids.length > SYNC_MAX_IDS) return refuse(ctx, 'ids', `at most ${SYNC_MAX_IDS} documentIds at a time.`);
      if (!ids.every((id) => DocumentId.test(id))) return refuse(ctx, 'ids', 'documentIds, separated by commas.');
      // `ids` answers current state in one go: there is nothing to page.
      for (const paging of ['after', 'limit'] as const) {
        if (query[paging] !== undefined) return refuse(ctx, paging, 'cannot be combined with ids.');
      }
    }
    if (query.after !== undefined && !DocumentId.test(query.after)) {
      return refuse(ctx, 'after', 'the documentId from meta.next.after.');
    }
    ctx.body = await strapi
      .plugin('ritme')
      .service('sync')
      .page(route, { ...query, ids });
  },
});
