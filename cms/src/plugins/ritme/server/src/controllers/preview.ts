/**
 * Reads for the preview server. Only an API token with the plugin's preview
 * permissions reaches these (never the public role), and the preview server
 * keeps that token on the server. It also says which drafts to show, from the
 * session it signed: `?drafts=shared` for a pilot (what editors shared with
 * pilots), `?drafts=<documentId>` for an editor's Preview link (that draft, in
 * the locale asked for). Without `drafts` a preview read shows published
 * content only. Every entry carries its preview mark.
 */
import {
  CONTENT_ENTRY_PARAMETERS,
  CONTENT_LIST_PARAMETERS,
  CONTENT_ROUTES,
  type ContentRoute,
  contentEntryQuerySchema,
  contentListQuerySchema,
  type DraftScope,
  DraftScopeSchema,
  LocaleQuerySchema,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import type { ReadScope } from '../read-models/scope';
import { type HttpContext, idParam, parseContentQuery, parseQuery } from '../validation/request';

const PreviewLocaleQuerySchema = LocaleQuerySchema.extend({ drafts: DraftScopeSchema.optional() });
// The same query forms as the public routes, plus `drafts`.
const listQueries = Object.fromEntries(
  CONTENT_ROUTES.map((route) => [route, contentListQuerySchema(route, { preview: true })]),
) as { [R in ContentRoute]: ReturnType<typeof contentListQuerySchema> };
const entryQueries = Object.fromEntries(
  CONTENT_ROUTES.map((route) => [route, contentEntryQuerySchema(route, { preview: true })]),
) as { [R in ContentRoute]: ReturnType<typeof contentEntryQuerySchema> };
const LIST_PARAMETERS = [...CONTENT_LIST_PARAMETERS, 'drafts'];
const ENTRY_PARAMETERS = [...CONTENT_ENTRY_PARAMETERS, 'drafts'];
const scopeOf = (query: { drafts?: DraftScope }): ReadScope => ({
  kind: 'preview',
  drafts: query.drafts ?? null,
});

const routeParam = (ctx: HttpContext): ContentRoute | undefined => {
  const route = ctx.params.route as ContentRoute;
  if (CONTENT_ROUTES.includes(route)) return route;
  ctx.notFound(`Unknown content route "${ctx.params.route}".`);
  return undefined;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const content = () => strapi.plugin('ritme').service('content');
  return {
    async home(ctx: HttpContext) {
      const query = parseQuery(ctx, PreviewLocaleQuerySchema);
      if (!query) return;
      ctx.body = {
        data: await strapi.plugin('ritme').service('home').get(query.locale, new Date(), scopeOf(query)),
        meta: {},
      };
    },

    async list(ctx: HttpContext) {
      const route = routeParam(ctx);
      if (!route) return;
      const query = parseContentQuery(ctx, route, listQueries[route], LIST_PARAMETERS);
      if (!query) return;
      ctx.body = await content().list(route, query, scopeOf(query));
    },

    async show(ctx: HttpContext) {
      const route = routeParam(ctx);
      const id = route && idParam(ctx);
      if (!route || !id) return;
      const query = parseContentQuery(ctx, route, entryQueries[route], ENTRY_PARAMETERS);
      if (!query) return;
      const entry = await content().findOne(route, id, query.locale, scopeOf(query), query.select);
      if (!entry) {
        return ctx.notFound(`No ${route} "${id}" in locale "${query.locale}" that this preview scope may show.`);
      }
      ctx.body = { data: entry, meta: {} };
    },
  };
};
