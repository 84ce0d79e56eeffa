/** The co-design inbox in the admin panel: feedback and suggestions together, and the editor's answer. */
import { INBOX_KINDS, InboxEmailReplySchema, InboxQuerySchema, InboxUpdateSchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { ReplyNotSent } from '../services/reply-mail';
import { answerError } from '../validation/error-envelope';
import { type HttpContext, idParam, parseBody, parseQuery } from '../validation/request';

const ERROR_NAMES = {
  400: 'ValidationError',
  404: 'NotFoundError',
  409: 'ConflictError',
  502: 'BadGatewayError',
  503: 'ServiceUnavailableError',
} as const;

/** The logged-in admin as the reply records them: "Name <email>". */
function editorOf(ctx: HttpContext): string | null {
  const user = (ctx as { state?: { user?: { firstname?: string; lastname?: string; email?: string } } }).state?.user;
  if (!user) return null;
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ');
  return name && user.email ? `${name} <${user.email}>` : name || user.email || null;
}

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

  /** Answers a suggestion by e-mail (the reply is stored even when the mail cannot go out). */
  async emailReply(ctx: HttpContext) {
    const id = idParam(ctx);
    if (!id) return;
    const input = parseBody(ctx, InboxEmailReplySchema, 'reply');
    if (!input) return;
    try {
      const item = await strapi.plugin('ritme').service('codesign').emailReply(id, input, editorOf(ctx));
      ctx.body = { data: item };
    } catch (caught) {
      if (!(caught instanceof ReplyNotSent)) throw caught;
      answerError(ctx, caught.status, ERROR_NAMES[caught.status], caught.message, { code: caught.code });
    }
  },
});
