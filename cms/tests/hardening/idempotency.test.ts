/**
 * Idempotency keys on the two public submission routes: a retry with the same
 * `Idempotency-Key` gets the first receipt back (200, `Idempotent-Replayed:
 * true`) and stores nothing; keys are checked, scoped per route, enforced by a
 * unique index in the database, and never shown to editors.
 */
import { randomUUID } from 'node:crypto';
import { createRitmeClient, SubmissionReceiptSchema } from '@ritme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countRows, createEditorToken } from '../harness/api';
import { createPage, docs, roundDates } from '../harness/fixtures';
import { bootStrapi, type TestStrapi } from '../harness/strapi';

let app: TestStrapi;
let editor: string;
let round: string;

beforeAll(async () => {
  app = await bootStrapi({ env: { RITME_RATE_LIMIT_POINTS: '100000' } });
  editor = await createEditorToken(app.strapi);
  round = await createPage(app.strapi, 'evaluation-round', { title: 'Open ronde', ...roundDates('open') });
});
afterAll(async () => {
  await app?.stop();
});

const key = () => `key-${randomUUID()}`;
const post = (path: string, data: unknown, idempotencyKey?: string) =>
  fetch(`${app.baseUrl}/api/ritme/${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(idempotencyKey === undefined ? {} : { 'Idempotency-Key': idempotencyKey }),
    },
    body: JSON.stringify({ data }),
  }).then(async (response) => ({
    status: response.status,
    replayed: response.headers.get('idempotent-replayed'),
    body: (await response.json()) as any,
  }));
const suggestion = (message: string) => ({ message, category: 'idea' as const });
const answer = (text: string) => ({ round, answers: { works_well: text } });

describe('a retry with the same Idempotency-Key', () => {
  it('gets the first receipt back, 200 instead of 201, and stores nothing more', async () => {
    const k = key();
    const before = await countRows(app.strapi, 'suggestion');
    const first = await post('suggestions', suggestion('Eén keer opslaan'), k);
    expect(first.status).toBe(201);
    expect(first.replayed).toBeNull();
    SubmissionReceiptSchema.parse(first.body.data);
    for (let i = 0; i < 3; i += 1) {
      const again = await post('suggestions', suggestion('Eén keer opslaan'), k);
      expect(again.status).toBe(200);
      expect(again.replayed).toBe('true');
      expect(again.body.data).toEqual(first.body.data);
    }
    expect(await countRows(app.strapi, 'suggestion')).toBe(before + 1);
    expect(await countRows(app.strapi, 'suggestion', { idempotencyKey: k })).toBe(1);
  });

  it('refuses the key with another body (422): a second client never loses its submission silently', async () => {
    const k = key();
    const first = await post('suggestions', suggestion('Origineel'), k);
    const other = await post('suggestions', suggestion('Iets anders'), k);
    expect([first.status, other.status]).toEqual([201, 422]);
    const stored = await app.strapi.db
      .query('plugin::ritme.suggestion' as never)
      .findMany({ where: { idempotencyKey: k } });
    expect(stored.map((row: any) => row.message)).toEqual(['Origineel']);
  });

  it('works for evaluation answers, even after the round has closed since', async () => {
    const closing = await createPage(app.strapi, 'evaluation-round', { title: 'Bijna dicht', ...roundDates('open') });
    const k = key();
    const first = await post('evaluation-responses', { round: closing, answers: { obstacles: 'Wifi' } }, k);
    expect(first.status).toBe(201);
    await docs(app.strapi, 'evaluation-round').update({
      documentId: closing,
      locale: 'nl',
      data: roundDates('closed'),
    });
    await docs(app.strapi, 'evaluation-round').publish({ documentId: closing, locale: '*' });
    const fresh = await post('evaluation-responses', { round: closing, answers: { obstacles: 'Wifi' } }, key());
    expect(fresh.status).toBe(400);
    const retry = await post('evaluation-responses', { round: closing, answers: { obstacles: 'Wifi' } }, k);
    expect(retry.status).toBe(200);
    expect(retry.body.data).toEqual(first.body.data);
    expect(await countRows(app.strapi, 'evaluation-response', { round: closing })).toBe(1);
  });

  it('is scoped per route: the same key on the other route is a new submission', async () => {
    const k = key();
    const a = await post('suggestions', suggestion('Route A'), k);
    const b = await post('evaluation-responses', answer('Route B'), k);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await countRows(app.strapi, 'suggestion', { idempotencyKey: k })).toBe(1);
    expect(await countRows(app.strapi, 'evaluation-response', { idempotencyKey: k })).toBe(1);
  });

  it('is not needed: without a key every request is a new submission, as before', async () => {
    const before = await countRows(app.strapi, 'suggestion');
    const statuses = [
      (await post('suggestions', suggestion('Zonder sleutel'))).status,
      (await post('suggestions', suggestion('Zonder sleutel'))).status,
    ];
    expect(statuses).toEqual([201, 201]);
    expect(await countRows(app.strapi, 'suggestion')).toBe(before + 2);
  });

  it('is sent by the shared client', async () => {
    const client = createRitmeClient({ baseUrl: app.baseUrl });
    const k = key();
    const first = await client.sendSuggestion(suggestion('Via de client'), { idempotencyKey: k });
    const again = await client.sendSuggestion(suggestion('Via de client'), { idempotencyKey: k });
    expect(again).toEqual(first);
    const ka = key();
    const answered = await client.sendEvaluationResponse(answer('Via de client'), { idempotencyKey: ka });
    expect(await client.sendEvaluationResponse(answer('Via de client'), { idempotencyKey: ka })).toEqual(answered);
    expect(await countRows(app.strapi, 'suggestion', { idempotencyKey: k })).toBe(1);
    const bad = await client.sendSuggestion(suggestion('x'), { idempotencyKey: 'kort' }).catch((e: unknown) => e);
    expect((bad as { status: number }).status).toBe(400);
  });
});

describe('a malformed Idempotency-Key', () => {
  const malformed: [string, string][] = [
    ['empty', ''],
    ['too short (7)', 'abcdefg'],
    ['too long (101)', 'k'.repeat(101)],
    ['with a space', 'abcd efgh'],
    ['with a dot', 'abcd.efgh'],
    ['with a slash', 'abcd/efgh'],
    ['with a comma (sent twice)', 'abcdefgh, abcdefgh'],
    ['with an accent', 'sleutel-é-123'],
    ['SQL', "x' OR '1'='1"],
  ];
  for (const [what, value] of malformed) {
    it(`is refused when ${what}: 400 with a message, nothing stored, on both routes`, async () => {
      const suggestions = await countRows(app.strapi, 'suggestion');
      const answers = await countRows(app.strapi, 'evaluation-response');
      for (const [path, data] of [
        ['suggestions', suggestion('Met slechte sleutel')],
        ['evaluation-responses', answer('Met slechte sleutel')],
      ] as const) {
        const response = await post(path, data, value);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(/^Invalid Idempotency-Key header\. Must be 8 to 100 characters/);
        expect(response.body.error.details.errors[0].path).toEqual(['Idempotency-Key']);
      }
      expect(await countRows(app.strapi, 'suggestion')).toBe(suggestions);
      expect(await countRows(app.strapi, 'evaluation-response')).toBe(answers);
    });
  }

  it('accepts the bounds: 8 and 100 characters of A-Z a-z 0-9 _ -', async () => {
    for (const value of ['Ab_-0912', `${'A-z_9'.repeat(20)}`]) {
      expect((await post('suggestions', suggestion(`Grens ${value.length}`), value)).status).toBe(201);
    }
  });
});

describe('the stored key', () => {
  it('is unique in the database itself, not only in Strapi’s check before insert', async () => {
    const k = key();
    for (const [uid, data] of [
      ['plugin::ritme.suggestion', { message: 'Rechtstreeks', category: 'idea', status: 'new' }],
      ['plugin::ritme.evaluation-response', { round, answers: { works_well: 'Rechtstreeks' } }],
    ] as const) {
      const rows = app.strapi.db.query(uid as never);
      await rows.create({ data: { ...data, documentId: `direct${Date.now()}a`, idempotencyKey: k } });
      await expect(
        rows.create({ data: { ...data, documentId: `direct${Date.now()}b`, idempotencyKey: k } }),
      ).rejects.toThrow(/unique|duplicate/i);
      expect(await rows.count({ where: { idempotencyKey: k } })).toBe(1);
    }
    const attribute = (app.strapi.contentType('plugin::ritme.suggestion' as never) as any).attributes.idempotencyKey;
    expect(attribute).toMatchObject({ type: 'string', private: true, unique: true });
  });

  it('is out of the admin’s content manager, with the submissions it belongs to', () => {
    // The whole type is kept out of the Content Manager (see trust/voices.test.ts for its API).
    for (const uid of ['plugin::ritme.suggestion', 'plugin::ritme.evaluation-response']) {
      const type = app.strapi.contentType(uid as never) as unknown as { pluginOptions: Record<string, any> };
      expect(type.pluginOptions['content-manager']).toEqual({ visible: false });
    }
  });

  it('is never shown to editors, in lists or single entries', async () => {
    const ks = key();
    const s = await post('suggestions', suggestion('Privé sleutel'), ks);
    const reads = [
      await call(app.baseUrl, 'GET', `/api/ritme/suggestions/${s.body.data.documentId}`, { token: editor }),
      await call(app.baseUrl, 'GET', '/api/ritme/suggestions?pageSize=100', { token: editor }),
      await call(app.baseUrl, 'PUT', `/api/ritme/suggestions/${s.body.data.documentId}`, {
        token: editor,
        body: { data: { status: 'planned' } },
      }),
    ];
    for (const read of reads) {
      expect(read.status).toBe(200);
      const text = JSON.stringify(read.body);
      expect(text).not.toContain(ks);
      expect(text).not.toMatch(/idempotency/i);
    }
  });
});
