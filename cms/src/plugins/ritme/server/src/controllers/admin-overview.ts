/**
 * The editors' home (GET /ritme/overview): each part only for an admin who
 * holds its permission — the voices with inbox.read, pilots with
 * invites.manage, the build with build.read, drafts and rounds per type with
 * the Content Manager's read permission. Asked for one part it may not see, or
 * with no part to see at all, the admin gets 403.
 */
import { DRAFT_TYPES, type Overview, type OverviewPart, OverviewQuerySchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { ADMIN_ACTIONS } from '../bootstrap/admin-permissions';
import { draftUid } from '../services/overview';
import { answerError } from '../validation/error-envelope';
import { type HttpContext, parseQuery } from '../validation/request';

const CONTENT_READ = 'plugin::content-manager.explorer.read';
const ROUND = 'plugin::ritme.evaluation-round';

export interface Ability {
  can(action: string, subject?: string): boolean;
}

type Service = ReturnType<typeof import('../services/overview').default>;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: HttpContext & { state: { userAbility?: Ability } }) {
    const query = parseQuery(ctx, OverviewQuerySchema);
    if (!query) return;
    const ability = ctx.state.userAbility;
    const can = (action: string, subject?: string) => Boolean(ability?.can(action, subject));
    const overview = strapi.plugin('ritme').service('overview') as Service;
    const readable = (uid: string) => can(CONTENT_READ, uid);

    const parts: Record<OverviewPart, { allowed: boolean; load: () => Promise<unknown> }> = {
      voices: { allowed: can(ADMIN_ACTIONS.inboxRead), load: () => overview.voices() },
      rounds: { allowed: readable(ROUND), load: () => overview.rounds() },
      drafts: {
        allowed: DRAFT_TYPES.some((type) => readable(draftUid(type))),
        load: () => overview.drafts(readable),
      },
      pilots: { allowed: can(ADMIN_ACTIONS.invitesManage), load: () => overview.pilots() },
      build: {
        allowed: can(ADMIN_ACTIONS.buildRead),
        load: () => strapi.plugin('ritme').service('live').status(),
      },
    };
    const wanted = (query.part ? [query.part] : Object.keys(parts)) as OverviewPart[];
    const shown = wanted.filter((part) => parts[part].allowed);
    if (shown.length === 0 || (query.part && shown.length < wanted.length)) {
      return answerError(
        ctx,
        403,
        'ForbiddenError',
        query.part
          ? `You may not see "${query.part}" on the home page: ask an administrator for its permission.`
          : "None of the home page's parts is open to your role: ask an administrator for Ritme's permissions.",
      );
    }
    const data: Overview = {};
    // One part after another: small count queries, and never two at once on one database connection.
    for (const part of shown) (data as Record<string, unknown>)[part] = await parts[part].load();
    ctx.body = { data };
  },
});
