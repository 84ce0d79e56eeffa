/**
 * A crash under load. Strapi runs in a child process (strapi-child.mjs); 20
 * clients send suggestions and evaluation answers, each with an idempotency key
 * of its own, for about 3 s; halfway the child is SIGKILLed (no shutdown, like
 * a power cut) and then started again on the same database. Then: every submission that
 * was acknowledged (2xx) is stored, and once each client has retried everything
 * that was not acknowledged (and a third of what was) with the same key, every
 * submission is stored exactly once. Runs on SQLite and, in api:postgres, on
 * PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ChildStrapi, createTestDatabase, sleep, startChild, type TestDatabase } from './support';

const CLIENTS = 20;
/** The kill comes after 1.5 s, once at least 20 submissions were acknowledged (waiting 5 s at most)… */
const KILL_AT_MS = 1_500;
const MIN_ACKNOWLEDGED = 20;
const MAX_WAIT_FOR_ACKS_MS = 5_000;
/** …and the clients go on for 1.5 s after it, against a CMS that is down. */
const AFTER_KILL_MS = 1_500;
const MAX_PER_CLIENT = 400;
const CHILD_ENV = { RITME_RATE_LIMIT_POINTS: '1000000' };

let db: TestDatabase;
let child: ChildStrapi | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await child?.stop();
  await db?.drop();
});

type Kind = 'suggestion' | 'evaluation-response';
interface Outcome {
  status: number; // 0: no answer (connection refused or reset)
  documentId: string | null;
}
interface Submission {
  client: number;
  n: number;
  kind: Kind;
  text: string;
  key: string;
  /** Milliseconds after the load started that it was first sent. */
  sentAt: number;
  first: Outcome;
  retry?: Outcome;
}

const ok = (outcome: Outcome | undefined) => !!outcome && outcome.status >= 200 && outcome.status < 300;

async function send(baseUrl: string, round: string, submission: Submission): Promise<Outcome> {
  const [route, data] =
    submission.kind === 'suggestion'
      ? ['suggestions', { message: submission.text, category: 'idea' }]
      : ['evaluation-responses', { round, answers: { works_well: submission.text } }];
  try {
    const response = await fetch(`${baseUrl}/api/ritme/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': submission.key },
      body: JSON.stringify({ data }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = (await response.json().catch(() => null)) as { data?: { documentId?: string } } | null;
    return { status: response.status, documentId: body?.data?.documentId ?? null };
  } catch {
    return { status: 0, documentId: null };
  }
}

/** What is in the database, read with plain SQL: text → the idempotency keys of the rows holding it. */
async function storedTexts(): Promise<Map<string, string[]>> {
  const stored = new Map<string, string[]>();
  const add = (text: unknown, key: unknown) => {
    const k = String(text);
    stored.set(k, [...(stored.get(k) ?? []), String(key)]);
  };
  for (const row of await db.query<{ message: string; key: string }>(
    'SELECT message, idempotency_key AS key FROM ritme_suggestions',
  )) {
    add(row.message, row.key);
  }
  for (const row of await db.query<{ answers: unknown; key: string }>(
    'SELECT answers, idempotency_key AS key FROM ritme_evaluation_responses',
  )) {
    const answers = (typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers) as Record<string, string>;
    add(answers.works_well, row.key);
  }
  return stored;
}

it('keeps every acknowledged submission, and after retries stores each one exactly once', async () => {
  const run = randomUUID().slice(0, 8);
  child = await startChild(db, { openRound: true, env: CHILD_ENV });
  const { port, round, baseUrl } = child;
  expect(round).toMatch(/^[a-z0-9]{10,64}$/);

  // ~3 s of load from 20 clients; SIGKILL halfway.
  const submissions: Submission[] = [];
  const started = Date.now();
  const acknowledgedSoFar = () => submissions.filter((s) => ok(s.first)).length;
  let acknowledgedBeforeKill = -1;
  let killedAfterMs = 0;
  let loadEndsAt = started + KILL_AT_MS + MAX_WAIT_FOR_ACKS_MS + AFTER_KILL_MS;
  const killer = (async () => {
    await sleep(KILL_AT_MS);
    for (let waited = 0; acknowledgedSoFar() < MIN_ACKNOWLEDGED && waited < MAX_WAIT_FOR_ACKS_MS; waited += 50) {
      await sleep(50);
    }
    acknowledgedBeforeKill = acknowledgedSoFar();
    killedAfterMs = Date.now() - started;
    loadEndsAt = Date.now() + AFTER_KILL_MS;
    return (child as ChildStrapi).kill();
  })();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = 0; n < MAX_PER_CLIENT && Date.now() < loadEndsAt; n += 1) {
        const submission: Submission = {
          client,
          n,
          kind: (client + n) % 2 === 0 ? 'suggestion' : 'evaluation-response',
          text: `Crash ${run} client ${client} nr ${n}`,
          key: `crash-${run}-${client}-${n}`,
          sentAt: Date.now() - started,
          first: { status: -1, documentId: null },
        };
        submissions.push(submission);
        submission.first = await send(baseUrl, round, submission);
        if (submission.first.status === 0) await sleep(100); // the CMS is down: do not spin
      }
    }),
  );
  const killedBy = await killer;
  const loadMs = Date.now() - started;
  expect(killedBy).toBe('SIGKILL');

  const acknowledged = submissions.filter((s) => ok(s.first));
  const unanswered = submissions.filter((s) => s.first.status === 0);
  // Before the kill the CMS answered every request with 2xx; after it, nothing answered at all.
  expect(submissions.filter((s) => !ok(s.first) && s.first.status !== 0)).toEqual([]);
  expect(acknowledgedBeforeKill).toBeGreaterThanOrEqual(MIN_ACKNOWLEDGED);
  expect(unanswered.length).toBeGreaterThan(0);

  // Start again on the same database (and port, unless something took it); every acknowledged one is there, once.
  const restartAt = Date.now();
  child = await startChild(db, { port, env: CHILD_ENV }).catch(() => startChild(db, { env: CHILD_ENV }));
  const restartMs = Date.now() - restartAt;
  const afterCrash = await storedTexts();
  const missing = acknowledged.filter((s) => afterCrash.get(s.text)?.length !== 1);
  expect(missing).toEqual([]);
  const storedButUnacknowledged = unanswered.filter((s) => afterCrash.has(s.text)).length;
  const inFlightAtKill = unanswered.filter((s) => s.sentAt < killedAfterMs).length;
  expect([...afterCrash.values()].every((keys) => keys.length === 1)).toBe(true);

  // Each client retries, with the same key, what was not acknowledged and every third one that was.
  const retryAt = Date.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (const submission of submissions.filter((s) => s.client === client)) {
        if (ok(submission.first) && submission.n % 3 !== 0) continue;
        submission.retry = await send(child!.baseUrl, round, submission);
      }
    }),
  );
  const retryMs = Date.now() - retryAt;
  const retried = submissions.filter((s) => s.retry);
  expect(retried.filter((s) => !ok(s.retry))).toEqual([]);
  // A retry of an acknowledged submission is a replay: 200 and the same documentId.
  for (const s of retried.filter((r) => ok(r.first))) {
    expect(s.retry).toEqual({ status: 200, documentId: s.first.documentId });
  }
  // A retry of one that was stored but never acknowledged is a replay too; the rest are new.
  for (const s of retried.filter((r) => !ok(r.first))) {
    expect(s.retry?.status).toBe(afterCrash.has(s.text) ? 200 : 201);
  }

  const final = await storedTexts();
  const wrong = submissions.filter((s) => {
    const keys = final.get(s.text);
    return keys?.length !== 1 || keys[0] !== s.key;
  });
  expect(wrong).toEqual([]);
  expect([...final.values()].reduce((sum, keys) => sum + keys.length, 0)).toBe(submissions.length);

  console.info(
    `crash on ${db.kind}: ${submissions.length} submissions from ${CLIENTS} clients in ${loadMs} ms of load; ` +
      `SIGKILL after ${killedAfterMs} ms with ${acknowledgedBeforeKill} acknowledged; ` +
      `${acknowledged.length} acknowledged in all, ${unanswered.length} unanswered ` +
      `(${inFlightAtKill} in flight at the kill, the rest sent while it was down; ` +
      `${storedButUnacknowledged} stored anyway); restart took ${restartMs} ms; ` +
      `${afterCrash.size} stored after the crash; ${retried.length} retries ` +
      `(${retried.filter((s) => s.retry?.status === 200).length} replayed, ` +
      `${retried.filter((s) => s.retry?.status === 201).length} new) in ${retryMs} ms; ${final.size} stored at the end.`,
  );
}, 240_000);
