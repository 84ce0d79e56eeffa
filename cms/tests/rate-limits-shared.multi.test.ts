/**
 * Several Strapi instances behind a load balancer count as one. Two Strapis in
 * child processes (hardening/strapi-child.mjs) on one PostgreSQL database,
 * first with the Redis store (a key prefix of this run's own), then with the
 * PostgreSQL store; requests alternate between them and the limit holds across
 * both: exactly `points` accepted in all, the rest 429 — for public submissions
 * and for failed pilot log-ins. And with the store out of reach, an instance
 * still limits (in its own memory) and says so in its log.
 *
 * PostgreSQL only (api:postgres; vitest.config.ts keeps *.multi.test.ts out of
 * api:sqlite). Redis: RITME_TEST_REDIS_URL, default redis://127.0.0.1:6379.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type ChildStrapi, createTestDatabase, startChild, type TestDatabase } from './hardening/support';
import { call } from './harness/api';
import { CMS_DIR } from './harness/strapi';

const REDIS_URL = process.env.RITME_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const POINTS = 5;
const FAILURES = 3;
const SENT = 12;
const PILOT_ADDRESS = '198.51.100.7';

/** The few ioredis calls this test makes (ioredis is the plugin's dependency, loaded from there). */
interface RedisClient {
  connect(): Promise<void>;
  keys(pattern: string): Promise<string[]>;
  del(...keys: string[]): Promise<number>;
  quit(): Promise<unknown>;
}
const Redis = createRequire(path.join(CMS_DIR, 'src/plugins/ritme/package.json'))('ioredis') as new (
  url: string,
  options: Record<string, unknown>,
) => RedisClient;

const prefix = `ritme-test-${randomBytes(6).toString('hex')}:`;
const tokenDir = mkdtempSync(path.join(tmpdir(), 'ritme-rl-token-'));
const tokenFile = path.join(tokenDir, 'preview-token');
let db: TestDatabase;
let redis: RedisClient;
let running: ChildStrapi[] = [];

beforeAll(async () => {
  if (process.env.RITME_TEST_DB !== 'postgres') {
    throw new Error('This test shares one PostgreSQL database between two Strapis: it runs in api:postgres only.');
  }
  redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  await redis.connect().catch((error: Error) => {
    throw new Error(
      `Cannot reach Redis at ${REDIS_URL} (${error.message}): start it (redis-server) or set RITME_TEST_REDIS_URL.`,
    );
  });
  db = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(running.map((child) => child.stop()));
  running = [];
});
afterAll(async () => {
  if (redis) {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  }
  await db?.drop();
  rmSync(tokenDir, { recursive: true, force: true });
});

const limits = {
  RITME_RATE_LIMIT_POINTS: String(POINTS),
  RITME_RATE_LIMIT_PILOT_FAILURES: String(FAILURES),
  RITME_PREVIEW_TOKEN_FILE: tokenFile,
};

/** Two Strapis on the one database, started one after the other (a fresh schema is created by the first). */
async function twoInstances(env: Record<string, string>): Promise<[ChildStrapi, ChildStrapi]> {
  for (let i = 0; i < 2; i += 1) running.push(await startChild(db, { env: { ...limits, ...env } }));
  return running as [ChildStrapi, ChildStrapi];
}

/** Sends `count` requests in turn to each instance, one after the other; the statuses in order. */
async function alternate(instances: ChildStrapi[], count: number, send: (baseUrl: string) => Promise<number>) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1)
    statuses.push(await send((instances[i % instances.length] as ChildStrapi).baseUrl));
  return statuses;
}

const suggest = (baseUrl: string) =>
  call(baseUrl, 'POST', '/api/ritme/suggestions', {
    body: { data: { message: 'Een gedeelde limiet, graag', category: 'idea' } },
  }).then((response) => response.status);

const failedLogIn = (baseUrl: string) =>
  call(baseUrl, 'POST', '/api/ritme/pilot-sessions', {
    token: readFileSync(tokenFile, 'utf8').trim(),
    headers: { 'X-Ritme-Client': PILOT_ADDRESS },
    body: { data: { token: randomBytes(32).toString('base64url') } },
  }).then((response) => response.status);

async function expectOneLimitAcross(instances: ChildStrapi[]) {
  expect(await alternate(instances, SENT, suggest)).toEqual([
    ...Array(POINTS).fill(201),
    ...Array(SENT - POINTS).fill(429),
  ]);
  expect(await alternate(instances, SENT, failedLogIn)).toEqual([
    ...Array(FAILURES).fill(404),
    ...Array(SENT - FAILURES).fill(429),
  ]);
}

/** A stored key names a route, a limit and a hash — never an address. */
const expectNoAddress = (keys: string[]) => {
  expect(keys.filter((key) => /127\.0\.0\.1|198\.51\.100\.7|::1/.test(key))).toEqual([]);
};

it('Redis store: two instances count one limit', async () => {
  const instances = await twoInstances({
    RITME_RATE_LIMIT_STORE: 'redis',
    RITME_REDIS_URL: REDIS_URL,
    RITME_REDIS_PREFIX: prefix,
  });
  await expectOneLimitAcross(instances);

  const keys = await redis.keys(`${prefix}*`);
  expect(keys.some((key) => key.startsWith(`${prefix}submissions:POST /ritme/suggestions address:`))).toBe(true);
  expect(keys.some((key) => key.startsWith(`${prefix}pilot-sessions:address:`))).toBe(true);
  expectNoAddress(keys);
}, 300_000);

it('PostgreSQL store: two instances count one limit, in a table of Strapi’s database', async () => {
  const instances = await twoInstances({ RITME_RATE_LIMIT_STORE: 'postgres' });
  await expectOneLimitAcross(instances);

  const rows = await db.query<{ key: string; points: number }>('SELECT key, points FROM ritme_rate_limits');
  const keys = rows.map((row) => row.key);
  const suggestions = rows.filter((row) => row.key.startsWith('submissions:POST /ritme/suggestions address:'));
  expect(suggestions.map((row) => row.points)).toEqual([SENT]);
  expectNoAddress(keys);
}, 300_000);

it('a store out of reach: each instance still limits, in its own memory, and says so in its log', async () => {
  const child = await startChild(db, {
    env: {
      ...limits,
      RITME_RATE_LIMIT_STORE: 'redis',
      RITME_REDIS_URL: 'redis://127.0.0.1:1',
      RITME_REDIS_PREFIX: prefix,
    },
  });
  running.push(child);
  expect(await alternate([child], POINTS + 2, suggest)).toEqual([...Array(POINTS).fill(201), 429, 429]);
  expect(child.output()).toMatch(
    /rate-limit store \(Redis at 127\.0\.0\.1:1\) cannot be reached .*Counting in this instance's memory/,
  );
}, 300_000);
