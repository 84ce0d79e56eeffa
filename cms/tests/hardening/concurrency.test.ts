/**
 * Many submissions at once: 1,000 concurrent suggestions and evaluation answers
 * are all acknowledged and all stored, once each; 50 concurrent requests that
 * share one Idempotency-Key store exactly one row and all get its receipt.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../harness/api';
import { createPage, roundDates } from '../harness/fixtures';
import { bootStrapi, type TestStrapi } from '../harness/strapi';

let app: TestStrapi;
let round: string;

beforeAll(async () => {
  app = await bootStrapi({ env: { RITME_RATE_LIMIT_POINTS: '100000' } });
  round = await createPage(app.strapi, 'evaluation-round', { title: 'Drukke ronde', ...roundDates('open') });
});
afterAll(async () => {
  await app?.stop();
});

type Kind = 'suggestion' | 'evaluation-response';
const ROUTE: Record<Kind, string> = { suggestion: 'suggestions', 'evaluation-response': 'evaluation-responses' };

async function submit(kind: Kind, text: string, idempotencyKey?: string) {
  const data = kind === 'suggestion' ? { message: text, category: 'idea' } : { round, answers: { works_well: text } };
  try {
    const response = await fetch(`${app.baseUrl}/api/ritme/${ROUTE[kind]}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
      },
      body: JSON.stringify({ data }),
      signal: AbortSignal.timeout(120_000),
    });
    const body = (await response.json().catch(() => null)) as { data?: { documentId: string } } | null;
    return { status: response.status, documentId: body?.data?.documentId ?? null };
  } catch (error) {
    // fetch's own message is only "fetch failed": the cause says what the connection did.
    return { status: 0, documentId: null, error: `${String(error)} (${String((error as { cause?: unknown }).cause)})` };
  }
}

const rowsWithKey = (kind: Kind, key: string) => countRows(app.strapi, kind, { idempotencyKey: key });

describe('1,000 concurrent submissions', () => {
  it('are all acknowledged with 201 and all stored, exactly once', async () => {
    const before = { suggestion: await countRows(app.strapi, 'suggestion'), response: 0 };
    before.response = await countRows(app.strapi, 'evaluation-response');
    const started = Date.now();
    // Half suggestions, half answers; every other one carries an idempotency key of its own.
    const sent = Array.from({ length: 1000 }, (_, i) => ({
      kind: (i % 2 === 0 ? 'suggestion' : 'evaluation-response') as Kind,
      text: `Gelijktijdig ${i}`,
      key: i % 4 < 2 ? `conc-${i}-${randomUUID()}` : undefined,
    }));
    const responses = await Promise.all(sent.map(({ kind, text, key }) => submit(kind, text, key)));
    const seconds = (Date.now() - started) / 1000;
    const statuses = responses.reduce<Record<number, number>>((count, { status }) => {
      count[status] = (count[status] ?? 0) + 1;
      return count;
    }, {});
    console.info(`1,000 concurrent submissions on ${app.database}: ${JSON.stringify(statuses)} in ${seconds} s`);
    const failed = responses.filter((response) => response.status === 0).slice(0, 3);
    if (failed.length > 0)
      console.info(
        'first failures:',
        failed.map((response) => response.error),
      );

    expect(statuses).toEqual({ 201: 1000 });
    expect(new Set(responses.map((r) => r.documentId)).size).toBe(1000);
    expect(await countRows(app.strapi, 'suggestion')).toBe(before.suggestion + 500);
    expect(await countRows(app.strapi, 'evaluation-response')).toBe(before.response + 500);
    // Each one is there once, by its text.
    const suggestions = await app.strapi.db
      .query('plugin::ritme.suggestion' as never)
      .findMany({ where: { message: { $startsWith: 'Gelijktijdig ' } }, select: ['message'] });
    expect(new Set(suggestions.map((row: any) => row.message)).size).toBe(500);
  }, 180_000);
});

describe('50 concurrent requests with the same Idempotency-Key', () => {
  for (const kind of ['suggestion', 'evaluation-response'] as const) {
    it(`store exactly one ${kind} and all get its receipt`, async () => {
      const key = `same-${randomUUID()}`;
      const before = await countRows(app.strapi, kind);
      const responses = await Promise.all(
        Array.from({ length: 50 }, () => submit(kind, `Dezelfde sleutel ${key}`, key)),
      );
      const created = responses.filter((r) => r.status === 201).length;
      const replayed = responses.filter((r) => r.status === 200).length;
      console.info(`50 × one key (${kind}, ${app.database}): ${created} × 201, ${replayed} × 200`);

      expect(responses.filter((r) => r.status !== 200 && r.status !== 201)).toEqual([]);
      expect(created).toBe(1);
      expect(replayed).toBe(49);
      expect(new Set(responses.map((r) => r.documentId)).size).toBe(1);
      expect(await rowsWithKey(kind, key)).toBe(1);
      expect(await countRows(app.strapi, kind)).toBe(before + 1);
    }, 60_000);
  }

  it('on both routes at once store one row per route', async () => {
    const key = `both-${randomUUID()}`;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        submit(i % 2 === 0 ? 'suggestion' : 'evaluation-response', `Beide routes ${key}`, key),
      ),
    );
    expect(responses.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(2);
    expect(await rowsWithKey('suggestion', key)).toBe(1);
    expect(await rowsWithKey('evaluation-response', key)).toBe(1);
  }, 60_000);
});
