/**
 * Pilot invites in the admin panel. The token and link come back once, in the
 * answer to the create; the list never holds a token or its hash.
 */
import { PilotInviteCreateSchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { type HttpContext, idParam, parseBody } from '../validation/request';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: HttpContext) {
    ctx.body = { data: await strapi.plugin('ritme').service('codesign').listInvites() };
  },

  async create(ctx: HttpContext) {
    const input = parseBody(ctx, PilotInviteCreateSchema, 'pilot invite');
    if (!input) return;
    ctx.status = 201;
    ctx.body = { data: await strapi.plugin('ritme').service('codesign').createInvite(input) };
  },

  async revoke(ctx: HttpContext) {
    const id = idParam(ctx);
    if (!id) return;
    const invite = await strapi.plugin('ritme').service('codesign').revokeInvite(id);
    if (!invite) return ctx.notFound(`No pilot invite "${id}".`);
    ctx.body = { data: invite };
  },
});
