/**
 * Ritme's content API takes JSON only. Strapi's body parser also parses
 * multipart bodies for every route, and a malformed one ("stream ended
 * unexpectedly") escapes it as a 500 with a stack trace in the log: anyone
 * could fill the log that way. Mounted in front of Strapi's own middlewares,
 * this answers a multipart request to /api/ritme with a 400 before it is
 * parsed. Other routes (the admin's media uploads) are left alone.
 *
 * The body is parsed before any route is matched, so "under /api/ritme" has to
 * cover every spelling that might reach a Ritme route and more: Strapi's router
 * ignores case and a trailing slash, and the path is also compared here
 * percent-decoded, with backslashes, repeated slashes and dot segments folded.
 */
import type { Core } from '@strapi/strapi';
import { answerError } from '../validation/error-envelope';
import { foldedPath } from './request-path';

type Ctx = {
  path: string;
  status: number;
  body: unknown;
  is(...types: string[]): string | false | null;
};

/** Is `path` in the API under `prefix`? The prefix ends at a slash or at anything that is not part of a name. */
export function isUnder(path: string, prefix: string): boolean {
  const folded = foldedPath(path);
  const base = foldedPath(prefix).replace(/\/+$/, '');
  return folded.startsWith(base) && !/^[a-z0-9_-]/.test(folded.slice(base.length));
}

export const jsonOnly = (strapi: Core.Strapi) => {
  const base = () => `${String(strapi.config.get('api.rest.prefix', '/api'))}/ritme`;
  return async (ctx: Ctx, next: () => Promise<void>) => {
    if (ctx.is('multipart/*') && isUnder(ctx.path, base())) {
      const message = 'Send a JSON body of the form {"data": {…}} with Content-Type: application/json.';
      answerError(ctx, 400, 'BadRequestError', `Ritme's API takes JSON only. ${message}`, {
        errors: [{ path: [], message }],
      });
      return;
    }
    return next();
  };
};
