/**
 * Limits how many submissions one client sends per window. users-permissions
 * only limits its auth routes, so without this anyone could flood the inbox.
 * Clients are keyed by a salted hash of their IP, held in memory only: no IP
 * address is ever written anywhere. Behind a proxy, set `proxy: true` in
 * config/server so Koa reads X-Forwarded-For.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RitmeConfig } from '../config';

type Ctx = {
  request: { ip: string };
  path: string;
  method: string;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
};

const salt = randomBytes(16);
const clientKey = (ip: string, route: string) =>
  `${route}:${createHash('sha256').update(salt).update(ip).digest('base64url')}`;

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let limiter: RateLimiterMemory | null = null;
  let limiterFor = '';

  // Re-read on every request so the limit can be tuned without a restart (and in tests).
  const current = () => {
    const options = strapi.plugin('ritme').config('rateLimit') as RitmeConfig['rateLimit'];
    const signature = `${options.points}/${options.durationSeconds}`;
    if (!limiter || limiterFor !== signature) {
      limiter = new RateLimiterMemory({ points: options.points, duration: options.durationSeconds });
      limiterFor = signature;
    }
    return { options, limiter };
  };

  return async (ctx: Ctx, next: () => Promise<void>) => {
    const { options, limiter } = current();
    if (!options.enabled) return next();
    try {
      await limiter.consume(clientKey(ctx.request.ip, `${ctx.method} ${ctx.path}`));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      ctx.set('Retry-After', String(seconds));
      ctx.status = 429;
      ctx.body = {
        data: null,
        error: {
          status: 429,
          name: 'TooManyRequestsError',
          message: `Too many submissions from this client; try again in ${seconds} seconds.`,
          details: {},
        },
      };
      return;
    }
    return next();
  };
};
