/**
 * POST /preview-link-uses — the preview server claims a Preview link's
 * one-time id before it opens a session (its preview token only). 201 the
 * first time; 409 for every later use, from any preview server process.
 */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { documents, rows } from '../documents';
import { answerError } from '../validation/error-envelope';
import { type HttpContext, parseBody } from '../validation/request';

const USE = 'plugin::ritme.preview-link-use';
const ClaimSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: 'Must be a preview link id.' }),
  expiresAt: z.iso.datetime({ offset: true }),
});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async claim(ctx: HttpContext) {
    const input = parseBody(ctx, ClaimSchema, 'preview link use');
    if (!input) return;
    const used = rows(strapi, USE) as unknown as { deleteMany(params: unknown): Promise<unknown> };
    // Links live ten minutes; what has expired can no longer be replayed anyway.
    await used.deleteMany({ where: { expiresAt: { $lt: new Date().toISOString() } } });
    if ((await rows(strapi, USE).count({ where: { linkId: input.id } })) > 0) {
      return answerError(ctx, 409, 'ConflictError', 'This preview link was already used.');
    }
    try {
      await documents(strapi, USE).create({ data: { linkId: input.id, expiresAt: input.expiresAt } });
    } catch (error) {
      // Two opens at the same moment: the unique column let one through.
      if ((await rows(strapi, USE).count({ where: { linkId: input.id } })) > 0) {
        return answerError(ctx, 409, 'ConflictError', 'This preview link was already used.');
      }
      throw error;
    }
    ctx.status = 201;
    ctx.body = { data: { claimed: true } };
  },
});
