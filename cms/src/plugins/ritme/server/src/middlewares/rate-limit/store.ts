/**
 * Where rate-limit counts live: this process's memory, Redis, or a table in
 * Strapi's PostgreSQL database (rateLimit.store). Several Strapi instances
 * behind a load balancer share one count only with Redis or PostgreSQL.
 *
 * When the store cannot be reached, requests are neither all refused nor all
 * let through: each instance counts in its own memory until the store is back
 * (a limit then holds per instance, N times looser across N instances), and
 * says so in the log — when it happens, at most once a minute while it lasts,
 * and when it is over.
 */
import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { RateLimitStore } from '../../config';

export interface Window {
  points: number;
  durationSeconds: number;
}

/** One counted request. */
export interface Hit {
  allowed: boolean;
  /** When this key may come again (meaningful when not allowed). */
  retryAfterSeconds: number;
  /** Un-count it (a pilot log-in that succeeded), in the store that counted it. */
  takeBack(): Promise<void>;
}

export interface Counters {
  /** Counts one request for `key` under the named limit. */
  hit(limit: string, window: Window, key: string): Promise<Hit>;
  /** "memory", "Redis at cache:6379", …: for log lines. */
  readonly where: string;
}

export const POSTGRES_TABLE = 'ritme_rate_limits';
const REDIS_READY_WAIT_MS = 3_000;
const REPEAT_TROUBLE_MS = 60_000;

interface Backend {
  /** Settles once the store can be used (or we stop waiting for it). */
  ready: Promise<void>;
  limiter(limit: string, window: Window): RateLimiterAbstract;
}

type Trouble = ReturnType<typeof troubleReporter>;

function describe(store: RateLimitStore): string {
  if (store.kind === 'redis') return `Redis at ${new URL(store.url).host}`;
  if (store.kind === 'postgres') return `PostgreSQL, table ${POSTGRES_TABLE}`;
  return 'memory';
}

/** Says loudly that the store is away, but not once per request. */
function troubleReporter(strapi: Core.Strapi, where: string) {
  let down = false;
  let lastSaid = 0;
  return {
    failed(error: unknown) {
      const now = Date.now();
      if (down && now - lastSaid < REPEAT_TROUBLE_MS) return;
      const reason = error instanceof Error ? error.message : String(error);
      strapi.log.error(
        `ritme: the rate-limit store (${where}) cannot be reached (${reason}). Counting in this instance's memory until it is back: limits now hold per instance, not across instances.`,
      );
      down = true;
      lastSaid = now;
    },
    worked() {
      if (!down) return;
      down = false;
      strapi.log.warn(`ritme: the rate-limit store (${where}) is reachable again; counting there once more.`);
    },
  };
}

function redisBackend(strapi: Core.Strapi, store: Extract<RateLimitStore, { kind: 'redis' }>, trouble: Trouble) {
  // No offline queue and a short command timeout: while Redis is away a request
  // falls back to memory at once instead of waiting for it.
  const client = new Redis(store.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
    connectTimeout: 2_000,
  });
  client.on('error', (error) => trouble.failed(error));
  client.on('ready', () => trouble.worked());
  strapi.server.httpServer.once('close', () => {
    client.quit().catch(() => client.disconnect());
  });
  const ready = new Promise<void>((resolve) => {
    setTimeout(resolve, REDIS_READY_WAIT_MS).unref();
    client.once('ready', () => resolve());
  });
  return {
    ready,
    limiter: (limit: string, window: Window) =>
      new RateLimiterRedis({
        storeClient: client,
        rejectIfRedisNotReady: true,
        keyPrefix: `${store.prefix}${limit}`,
        points: window.points,
        duration: window.durationSeconds,
      }),
  } satisfies Backend;
}

function postgresBackend(strapi: Core.Strapi): Backend {
  if (strapi.db.dialect.client !== 'postgres') {
    throw new Error(
      `rateLimit.store is { kind: "postgres" }, but Strapi's database is ${strapi.db.dialect.client}: the PostgreSQL store keeps its counts in Strapi's own database, so it needs Strapi on PostgreSQL (DATABASE_URL). Use { kind: "redis", … } or { kind: "memory" }.`,
    );
  }
  const common = {
    storeClient: strapi.db.connection,
    storeType: 'knex',
    tableName: POSTGRES_TABLE,
    schemaName: strapi.db.getSchemaName() || undefined,
  };
  // One limiter creates the table (IF NOT EXISTS: several Strapis starting at once
  // are fine) and clears expired rows every few minutes; the others wait for it.
  const ready = new Promise<void>((resolve, reject) => {
    new RateLimiterPostgres({ ...common, points: 1, duration: 1 }, (error?: unknown) =>
      error ? reject(error) : resolve(),
    );
  });
  return {
    ready,
    limiter: (limit, window) =>
      new RateLimiterPostgres({
        ...common,
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: limit,
        points: window.points,
        duration: window.durationSeconds,
      }),
  };
}

const memoryLimiter = (window: Window) =>
  new RateLimiterMemory({ points: window.points, duration: window.durationSeconds });

function createCounters(strapi: Core.Strapi, store: RateLimitStore): Counters {
  const where = describe(store);
  const trouble = troubleReporter(strapi, where);
  const backend: Backend =
    store.kind === 'redis'
      ? redisBackend(strapi, store, trouble)
      : store.kind === 'postgres'
        ? postgresBackend(strapi)
        : { ready: Promise.resolve(), limiter: (_limit, window) => memoryLimiter(window) };
  const ready = backend.ready.catch((error: unknown) => trouble.failed(error));

  // A new window (options tuned at run time, or in tests) is a new limiter; in a shared store, the same counts.
  const limiters = new Map<string, { shared: RateLimiterAbstract; fallback: RateLimiterMemory | null }>();
  const limitersFor = (limit: string, window: Window) => {
    const id = `${limit}:${window.points}/${window.durationSeconds}`;
    let pair = limiters.get(id);
    if (!pair) {
      pair = {
        shared: backend.limiter(limit, window),
        fallback: store.kind === 'memory' ? null : memoryLimiter(window),
      };
      limiters.set(id, pair);
    }
    return pair;
  };

  const consume = async (limiter: RateLimiterAbstract, key: string): Promise<Hit> => {
    const counted = (res: RateLimiterRes, allowed: boolean): Hit => ({
      allowed,
      retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      async takeBack() {
        await limiter.reward(key, 1).catch((error: unknown) => trouble.failed(error));
      },
    });
    try {
      return counted(await limiter.consume(key, 1), true);
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return counted(refusal, false);
      throw refusal;
    }
  };

  return {
    where,
    async hit(limit, window, key) {
      const { shared, fallback } = limitersFor(limit, window);
      await ready;
      if (!fallback) return consume(shared, key);
      try {
        const hit = await consume(shared, key);
        trouble.worked();
        return hit;
      } catch (error) {
        trouble.failed(error);
        return consume(fallback, key);
      }
    },
  };
}

const perStrapi = new WeakMap<Core.Strapi, Counters>();

/** This Strapi's counters, created (and for Redis, connected) on first use: at boot, by the route middlewares. */
export function countersFor(strapi: Core.Strapi): Counters {
  let counters = perStrapi.get(strapi);
  if (!counters) {
    const { store } = strapi.plugin('ritme').config('rateLimit') as { store: RateLimitStore };
    counters = createCounters(strapi, store);
    perStrapi.set(strapi, counters);
    strapi.log.info(`ritme: rate-limit counts live in ${counters.where}.`);
  }
  return counters;
}
