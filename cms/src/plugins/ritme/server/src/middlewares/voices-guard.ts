/**
 * The voices that come back — suggestions (with e-mail addresses), anonymous
 * evaluation answers, pilot feedback, invites, frozen round results — are not
 * content. Hiding them in the Content Manager's menu is not enough: its API
 * still answers for every type a role has content permissions on, so an
 * Editor-role admin could list senders' e-mail addresses, rewrite replies or
 * create feedback under a colleague's name. Mounted in front of Strapi's own
 * middlewares, this refuses every Content Manager request that names one of
 * these types (in the path or the query, however it is spelled or encoded);
 * the plugin's own admin pages, behind its own permissions, are the way in.
 */
import type { Core } from '@strapi/strapi';
import { answerError } from '../validation/error-envelope';
import { decodedRepeatedly, foldedPath } from './request-path';

export const VOICE_UIDS = [
  'plugin::ritme.suggestion',
  'plugin::ritme.evaluation-response',
  'plugin::ritme.feedback',
  'plugin::ritme.pilot-invite',
  'plugin::ritme.round-result',
  'plugin::ritme.preview-link-use',
  'plugin::ritme.session-signup',
] as const;

type Ctx = { path: string; querystring: string; status: number; body: unknown };

export function namesVoice(path: string, querystring: string): boolean {
  // Every request passes here: only a path that names the Content Manager, or hides letters behind
  // percent-encoding, needs decoding (the router matches raw paths, case-insensitively).
  if (!/content-manager|%/i.test(path)) return false;
  const folded = foldedPath(path);
  if (!/^\/content-manager(\/|$)/.test(folded)) return false;
  const target = `${folded}?${decodedRepeatedly(querystring.replace(/\+/g, ' ')).toLowerCase()}`;
  return VOICE_UIDS.some((uid) => target.includes(uid));
}

export const voicesGuard = (_strapi: Core.Strapi) => async (ctx: Ctx, next: () => Promise<void>) => {
  if (!namesVoice(ctx.path, ctx.querystring ?? '')) return next();
  const message =
    "Suggestions, evaluation answers, pilot feedback, invites and session sign-ups are not content and are not edited in the Content Manager. Use Ritme's own pages in the admin (they have their own permissions).";
  answerError(ctx, 403, 'ForbiddenError', message);
};

type PermissionAction = { actionId: string; section: string; subjects?: string[] };

/**
 * The Content Manager offers "read" on every content type, hidden ones
 * included, and Strapi grants the Super Admin every action on every subject
 * at each start. Taking the voices out of those actions' subjects (at
 * bootstrap, before the admin syncs its permissions) means no role can be
 * given them, and Strapi's own clean-up at start (cleanPermissionsInDatabase)
 * drops the rows granted before, to any role.
 */
export function withdrawVoiceSubjects(strapi: Core.Strapi): number {
  const { actionProvider } = strapi.service('admin::permission') as unknown as {
    actionProvider: { values(): PermissionAction[] };
  };
  let withdrawn = 0;
  for (const action of actionProvider.values()) {
    if (!Array.isArray(action.subjects)) continue;
    const kept = action.subjects.filter((subject) => !(VOICE_UIDS as readonly string[]).includes(subject));
    if (kept.length !== action.subjects.length) {
      withdrawn += action.subjects.length - kept.length;
      action.subjects = kept;
    }
  }
  return withdrawn;
}
