/** GET /changes: the public "you asked, we changed" board. */
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { type HttpContext, parseQuery } from '../validation/request';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: HttpContext) {
    if (!parseQuery(ctx, z.strictObject({}))) return;
    ctx.body = { data: await strapi.plugin('ritme').service('codesign').changes() };
  },
});
