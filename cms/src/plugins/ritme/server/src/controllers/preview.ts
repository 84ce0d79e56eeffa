/**
 * Reads for the preview server, drafts included. Only an API token with the
 * plugin's preview permissions reaches these (never the public role), and the
 * preview server keeps that token on the server.
 */
import { CONTENT_ROUTES, type ContentRoute, ListQuerySchema, LocaleQuerySchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { type HttpContext, idParam, parseQuery } from '../validation/request';

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
      const query = parseQuery(ctx, LocaleQuerySchema);
      if (!query) return;
      ctx.body = { data: await strapi.plugin('ritme').service('home').get(query.locale, new Date(), 'draft') };
    },

    async list(ctx: HttpContext) {
      const route = routeParam(ctx);
      const query = parseQuery(ctx, ListQuerySchema);
      if (!route || !query) return;
      ctx.body = await content().list(route, query, 'draft');
    },

    async show(ctx: HttpContext) {
      const route = routeParam(ctx);
      const id = idParam(ctx);
      const query = parseQuery(ctx, LocaleQuerySchema);
      if (!route || !id || !query) return;
      const entry = await content().findOne(route, id, query.locale, 'draft');
      if (!entry) return ctx.notFound(`No ${route} "${id}" in locale "${query.locale}", not even as a draft.`);
      ctx.body = { data: entry };
    },
  };
};
