/**
 * The route middleware behind every rate limit of the content API
 * (`plugin::ritme.rate-limit`, configured per route with `{ limit }`):
 *
 * - `submissions` — public suggestions and evaluation answers, per client
 *   address and route. users-permissions only limits its auth routes; without
 *   this anyone could flood the inbox.
 * - `pilot-sessions` — log-ins with an invite link, sent by the preview server:
 *   only FAILED attempts count, per client address and per invite, so guessing
 *   is slow while a whole office can log in through the one preview server.
 * - `feedback` — feedback from preview pages, per pilot invite (per address for
 *   editors, who have none).
 *
 * The route is the one Strapi's router matched (ctx.state.route), so every
 * spelling of a path that reaches it (case, a trailing slash) shares its count.
 * The window is re-read on every request, so a limit can be tuned at run time.
 */
import { PilotSessionSchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import type { RitmeConfig } from '../../config';
import { answerError } from '../../validation/error-envelope';
import { type ClientContext, clientKeys } from './client';
import { countersFor, type Hit, type Window } from './store';

const LIMITS = {
  submissions: 'submissions',
  'pilot-sessions': 'pilotSessions',
  feedback: 'feedback',
} as const satisfies Record<string, keyof RitmeConfig['rateLimit']>;
export type RateLimitName = keyof typeof LIMITS;

type Ctx = ClientContext & {
  request: { body?: unknown };
  state: { route?: { method: string; path: string; info?: { pluginName?: string } } };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
};
type Next = () => Promise<void>;

function refuse(ctx: Ctx, hit: Hit, what: string) {
  ctx.set('Retry-After', String(hit.retryAfterSeconds));
  answerError(ctx, 429, 'TooManyRequestsError', `${what}; try again in ${hit.retryAfterSeconds} seconds.`);
}

/** The route Strapi's router matched, whatever the request's spelling of it. */
function routeOf(ctx: Ctx): string {
  const route = ctx.state.route;
  if (!route)
    throw new Error('plugin::ritme.rate-limit is a route middleware: list it in a route’s config.middlewares.');
  return `${route.method.toUpperCase()} /${route.info?.pluginName ?? 'api'}${route.path}`;
}

/** Did this log-in open an active session, and for which invite? Read from the answer the controller gave. */
function loginOutcome(ctx: Ctx): { succeeded: boolean; invite: string | null } {
  const session = PilotSessionSchema.safeParse((ctx.body as { data?: unknown } | null)?.data);
  if (ctx.status !== 200 || !session.success) return { succeeded: false, invite: null };
  return { succeeded: session.data.state === 'active', invite: session.data.invite };
}

/** The invite a piece of feedback comes with, as the preview server set it from the pilot's signed session. */
function inviteOf(body: unknown): string | null {
  const invite = (body as { data?: { invite?: unknown } } | null)?.data?.invite;
  return typeof invite === 'string' && /^[a-z0-9]{10,64}$/.test(invite) ? invite : null;
}

export default (config: { limit?: string } | undefined, { strapi }: { strapi: Core.Strapi }) => {
  const limit = (config?.limit ?? 'submissions') as RateLimitName;
  if (!(limit in LIMITS)) {
    throw new Error(`Unknown rate limit "${limit}"; use one of: ${Object.keys(LIMITS).join(', ')}.`);
  }
  const counters = countersFor(strapi);
  const keys = clientKeys(strapi);

  const handlers: Record<RateLimitName, (ctx: Ctx, next: Next, window: Window) => Promise<void>> = {
    async submissions(ctx, next, window) {
      const hit = await counters.hit(limit, window, `${routeOf(ctx)} ${keys.address(ctx, false)}`);
      if (!hit.allowed) return refuse(ctx, hit, 'Too many submissions from this client');
      return next();
    },

    async 'pilot-sessions'(ctx, next, window) {
      // Counted before the token is looked up and taken back on success, so a burst
      // of guesses cannot slip through while the first ones are still being checked.
      const attempt = await counters.hit(limit, window, keys.address(ctx, true));
      if (!attempt.allowed) return refuse(ctx, attempt, 'Too many failed log-ins from this address');
      try {
        await next();
      } catch (error) {
        await attempt.takeBack(); // our failure (a 500), not the client's
        throw error;
      }
      const outcome = loginOutcome(ctx);
      if (outcome.succeeded || ctx.status >= 500) return attempt.takeBack();
      if (!outcome.invite) return;
      // A known invite that is expired or revoked: count the failure for that invite too.
      const forInvite = await counters.hit(limit, window, keys.invite(outcome.invite));
      if (!forInvite.allowed) refuse(ctx, forInvite, 'Too many failed log-ins with this invite link');
    },

    async feedback(ctx, next, window) {
      const invite = inviteOf(ctx.request.body);
      const hit = await counters.hit(limit, window, invite ? keys.invite(invite) : keys.address(ctx, true));
      if (!hit.allowed) return refuse(ctx, hit, 'Too much feedback in a short time');
      return next();
    },
  };

  return async (ctx: Ctx, next: Next) => {
    const options = strapi.plugin('ritme').config('rateLimit') as RitmeConfig['rateLimit'];
    if (!options.enabled) return next();
    return handlers[limit](ctx, next, options[LIMITS[limit]]);
  };
};
