/** The co-design page's list of drafts shared with pilots (GET /ritme/shared-drafts). */
import type { Core } from '@strapi/strapi';
import type { HttpContext } from '../validation/request';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: HttpContext) {
    ctx.body = { data: await strapi.plugin('ritme').service('shared-drafts').list() };
  },
});
