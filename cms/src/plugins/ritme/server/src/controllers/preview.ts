/**
 * Reads for the preview server. Only an API token with the plugin's preview
 * permissions reaches these (never the public role), and the preview server
 * keeps that token on the server. It also says which drafts to show, from the
 * session it signed: `?drafts=shared` for a pilot (what editors shared with
 * pilots), `?drafts=<documentId>` for an editor's Preview link (that draft, in
 * the locale asked for). Without `drafts` a preview read shows published
 * content only. Every entry carries its preview mark.
 */
import { CONTENT_ROUTES, type ContentRoute, DraftScopeSchema, ListQuerySchema, LocaleQuerySchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import type { ReadScope } from '../read-models/scope';
import { type HttpContext, idParam, parseQuery } from '../validation/request';

const drafts = { drafts: DraftScopeSchema.optional() };
const PreviewListQuerySchema = ListQuerySchema.extend(drafts);
const PreviewLocaleQuerySchema = LocaleQuerySchema.extend(drafts);
const scopeOf = (query: { drafts?: z.infer<typeof DraftScopeSchema> }): ReadScope => ({
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
      ctx.body = { data: await strapi.plugin('ritme').service('home').get(query.locale, new Date(), scopeOf(query)) };
    },

    async list(ctx: HttpContext) {
      const route = routeParam(ctx);
      const query = parseQuery(ctx, PreviewListQuerySchema);
      if (!route || !query) return;
      ctx.body = await content().list(route, query, scopeOf(query));
    },

    async show(ctx: HttpContext) {
      const route = routeParam(ctx);
      const id = idParam(ctx);
      const query = parseQuery(ctx, PreviewLocaleQuerySchema);
      if (!route || !id || !query) return;
      const entry = await content().findOne(route, id, query.locale, scopeOf(query));
      if (!entry) {
        return ctx.notFound(`No ${route} "${id}" in locale "${query.locale}" that this preview scope may show.`);
      }
      ctx.body = { data: entry };
    },
  };
};
