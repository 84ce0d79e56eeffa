/**
 * Pilot sessions, for the preview server only: turn an invite token into a
 * session (rate limited against guessing), and re-check an invite's state.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { type HttpContext, idParam, parseBody } from '../validation/request';

const TokenSchema = z.strictObject({ token: z.string().min(1).max(200) });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const codesign = () => strapi.plugin('ritme').service('codesign');
  return {
    async open(ctx: HttpContext) {
      const input = parseBody(ctx, TokenSchema, 'pilot token');
      if (!input) return;
      const session = await codesign().sessionForToken(input.token);
      if (!session) return ctx.notFound('This invite link is not valid.');
      ctx.body = { data: session };
    },

    async check(ctx: HttpContext) {
      const id = idParam(ctx);
      if (!id) return;
      const session = await codesign().sessionForInvite(id);
      if (!session) return ctx.notFound('No such invite.');
      ctx.body = { data: session };
    },
  };
};
