/**
 * The intranet's build state in the admin panel (GET /ritme/build-status),
 * and "Rebuild now" (POST /ritme/rebuild). The status never fails because the
 * build service does: it says `reachable: false` instead.
 */
import type { Core } from '@strapi/strapi';
import { answerError } from '../validation/error-envelope';
import type { HttpContext } from '../validation/request';

const live = (strapi: Core.Strapi) => strapi.plugin('ritme').service('live');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async status(ctx: HttpContext) {
    ctx.body = { data: await live(strapi).status() };
  },

  async rebuild(ctx: HttpContext) {
    const result = await live(strapi).rebuild();
    if (!result) {
      return answerError(
        ctx,
        409,
        'ConflictError',
        'No build service (option builder) or deploy hook (option deployHook) is configured.',
      );
    }
    const failed = result.targets.filter((target: { ok: boolean }) => !target.ok);
    if (failed.length === result.targets.length) {
      return answerError(ctx, 502, 'BadGatewayError', failed.map((t: { problem: string }) => t.problem).join(' '), {
        targets: result.targets,
      });
    }
    ctx.status = 202;
    ctx.body = { data: result };
  },
});
