/** The co-design inbox in the admin panel: feedback and suggestions together, and the editor's answer. */
import { INBOX_KINDS, InboxQuerySchema, InboxUpdateSchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { type HttpContext, idParam, parseBody, parseQuery } from '../validation/request';

const KindSchema = z.enum(INBOX_KINDS);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: HttpContext) {
    const query = parseQuery(ctx, InboxQuerySchema);
    if (!query) return;
    ctx.body = { data: await strapi.plugin('ritme').service('codesign').inbox(query) };
  },

  async update(ctx: HttpContext) {
    const kind = KindSchema.safeParse(ctx.params.kind);
    if (!kind.success) {
      return ctx.badRequest(`Invalid inbox kind "${ctx.params.kind}".`, {
        errors: [{ path: ['kind'], message: `Must be one of: ${INBOX_KINDS.join(', ')}.` }],
      });
    }
    const id = idParam(ctx);
    if (!id) return;
    const update = parseBody(ctx, InboxUpdateSchema, 'inbox update');
    if (!update) return;
    const item = await strapi.plugin('ritme').service('codesign').updateInboxItem(kind.data, id, update);
    if (!item) return ctx.notFound(`No ${kind.data} "${id}".`);
    ctx.body = { data: item };
  },
});
