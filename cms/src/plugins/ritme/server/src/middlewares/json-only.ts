/**
 * Ritme's content API takes JSON only. Strapi's body parser also parses
 * multipart bodies for every route, and a malformed one ("stream ended
 * unexpectedly") escapes it as a 500 with a stack trace in the log: anyone
 * could fill the log that way. Mounted in front of Strapi's own middlewares,
 * this answers a multipart request to /api/ritme with a 400 before it is
 * parsed. Other routes (the admin's media uploads) are left alone.
 */
import type { Core } from '@strapi/strapi';

type Ctx = {
  path: string;
  status: number;
  body: unknown;
  is(...types: string[]): string | false | null;
};

export const jsonOnly = (strapi: Core.Strapi) => {
  const base = () => `${String(strapi.config.get('api.rest.prefix', '/api')).replace(/\/+$/, '')}/ritme`;
  return async (ctx: Ctx, next: () => Promise<void>) => {
    const prefix = base();
    if ((ctx.path === prefix || ctx.path.startsWith(`${prefix}/`)) && ctx.is('multipart/*')) {
      const message = 'Send a JSON body of the form {"data": {…}} with Content-Type: application/json.';
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: {
          status: 400,
          name: 'BadRequestError',
          message: `Ritme's API takes JSON only. ${message}`,
          details: { errors: [{ path: [], message }] },
        },
      };
      return;
    }
    return next();
  };
};
