/**
 * What the public may send, and everything it may not. Bad submissions are
 * answered 400 with a message per field and store nothing; generated payloads
 * never cause a 5xx; 200 at once are all stored; a client that floods is told
 * to wait; and round results stay hidden until the round closed with enough answers.
 */
import { LIMITS, RoundResultsSchema, SuggestionInputSchema } from '@ritme/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, countRows } from './harness/api';
import { createPage, docs, roundDates } from './harness/fixtures';
import { bootStrapi, type TestStrapi } from './harness/strapi';

let app: TestStrapi;
const ids: Record<string, string> = {};
const valid = { message: 'Kunnen we een groep voor nieuwe collega’s maken?', category: 'idea' };

beforeAll(async () => {
  app = await bootStrapi({ env: { RITME_RATE_LIMIT_POINTS: '100000' } });
  const s = app.strapi;
  ids.group = await createPage(s, 'group', { name: 'Klantcontact', kind: 'department' });
  ids.otherGroup = await createPage(s, 'group', { name: 'Financiën', kind: 'department' });
  ids.open = await createPage(s, 'evaluation-round', { title: 'Open ronde', ...roundDates('open') });
  ids.groupRound = await createPage(s, 'evaluation-round', {
    title: 'Groepsronde',
    ...roundDates('open'),
    group: ids.group,
  });
  ids.closed = await createPage(s, 'evaluation-round', {
    title: 'Gesloten ronde',
    ...roundDates('closed'),
    minimumResponses: 5,
  });
  ids.upcoming = await createPage(s, 'evaluation-round', { title: 'Komende ronde', ...roundDates('upcoming') });
});
afterAll(async () => {
  await app?.stop();
});

const postSuggestion = (data: unknown) => call(app.baseUrl, 'POST', '/api/ritme/suggestions', { body: { data } });
const postAnswer = (data: unknown) => call(app.baseUrl, 'POST', '/api/ritme/evaluation-responses', { body: { data } });

describe('a suggestion', () => {
  it('is stored with only what was sent, status new and no reply', async () => {
    const before = await countRows(app.strapi, 'suggestion');
    const response = await postSuggestion({
      ...valid,
      pagePath: '/groepen/klantcontact',
      contentRef: `group:${ids.group}`,
      name: 'Sanne',
      email: 'sanne@example.org',
    });
    expect(response.status).toBe(201);
    expect(Object.keys(response.body.data).sort()).toEqual(['documentId', 'receivedAt']);
    expect(await countRows(app.strapi, 'suggestion')).toBe(before + 1);
    const stored = await app.strapi.db
      .query('plugin::ritme.suggestion' as never)
      .findOne({ where: { documentId: response.body.data.documentId } });
    expect(stored).toMatchObject({
      message: valid.message,
      category: 'idea',
      pagePath: '/groepen/klantcontact',
      name: 'Sanne',
      email: 'sanne@example.org',
      status: 'new',
      reply: null,
    });
  });

  it('keeps HTML and script as plain text, exactly as typed', async () => {
    const message = '<script>alert("x")</script><img src=x onerror=alert(1)> & <b>vet</b>';
    const response = await postSuggestion({ message, category: 'problem' });
    expect(response.status).toBe(201);
    const stored = await app.strapi.db
      .query('plugin::ritme.suggestion' as never)
      .findOne({ where: { documentId: response.body.data.documentId } });
    expect(stored.message).toBe(message);
    expect((app.strapi.contentType('plugin::ritme.suggestion' as never) as any).attributes.message.type).toBe('text');
  });

  const bad: [string, unknown, string][] = [
    ['nothing at all', {}, 'message'],
    ['no message', { category: 'idea' }, 'message'],
    ['a blank message', { message: '   \n ', category: 'idea' }, 'message'],
    ['no category', { message: 'Hoi' }, 'category'],
    ['an unknown category', { message: 'Hoi', category: 'spam' }, 'category'],
    ['a message that is too long', { message: 'x'.repeat(LIMITS.message + 1), category: 'idea' }, 'message'],
    ['a name that is too long', { ...valid, name: 'n'.repeat(LIMITS.name + 1) }, 'name'],
    ['a number as message', { message: 42, category: 'idea' }, 'message'],
    ['an object as message', { message: { $ne: null }, category: 'idea' }, 'message'],
    ['an invalid email', { ...valid, email: 'not-an-email' }, 'email'],
    ['a page path that is a URL', { ...valid, pagePath: 'https://evil.example/' }, 'pagePath'],
    ['a malformed content reference', { ...valid, contentRef: "group:1' OR 1=1" }, 'contentRef'],
    ['a NUL character', { message: 'a\u0000b', category: 'idea' }, 'message'],
    ['a status (editors only)', { ...valid, status: 'done' }, ''],
    ['a reply (editors only)', { ...valid, reply: 'Gedaan!' }, ''],
    ['an id', { ...valid, id: 1 }, ''],
    ['a documentId', { ...valid, documentId: 'abcdefghijabcdefghijabcd' }, ''],
    ['createdBy', { ...valid, createdBy: 1 }, ''],
    ['publishedAt', { ...valid, publishedAt: '2020-01-01' }, ''],
    ['an unknown field', { ...valid, foo: 'bar' }, ''],
  ];

  for (const [what, data, field] of bad) {
    it(`is refused with ${what}: 400, a message for the field, nothing stored`, async () => {
      const before = await countRows(app.strapi, 'suggestion');
      const response = await postSuggestion(data);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^Invalid suggestion\./);
      const errors: { path: string[]; message: string }[] = response.body.error.details.errors;
      expect(errors.length).toBeGreaterThan(0);
      if (field) expect(errors.map((error) => error.path.join('.'))).toContain(field);
      else expect(errors.map((error) => error.message).join(' ')).toMatch(/Unknown field/);
      expect(await countRows(app.strapi, 'suggestion')).toBe(before);
    });
  }

  it('is refused when the body is not {"data": {…}} JSON', async () => {
    const before = await countRows(app.strapi, 'suggestion');
    for (const raw of [
      '',
      'null',
      '[]',
      '"text"',
      JSON.stringify(valid),
      JSON.stringify({ data: valid, extra: 1 }),
      '{"data":',
    ]) {
      const response = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', { rawBody: raw });
      expect(response.status, raw).toBe(400);
    }
    const form = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
      rawBody: 'message=hi&category=idea',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(400);
    expect(await countRows(app.strapi, 'suggestion')).toBe(before);
  });
});

describe('generated payloads (fast-check)', () => {
  const json = fc.jsonValue({ maxDepth: 3 });
  const fields = ['message', 'category', 'pagePath', 'contentRef', 'name', 'email'] as const;

  it('never cause a 5xx, and nothing invalid is stored', async () => {
    const before = await countRows(app.strapi, 'suggestion');
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          json,
          fc.record({ message: json, category: json }),
          fc.record({
            message: fc.string({ unit: 'binary', maxLength: 300 }),
            category: fc.constantFrom('idea', 'praise'),
          }),
          fc.tuple(fc.constantFrom(...fields), json).map(([field, value]) => ({ ...valid, [field]: value })),
          fc
            .tuple(fc.string({ minLength: 1, maxLength: 20 }), json)
            .map(([key, value]) => ({ ...valid, [key]: value })),
        ),
        async (data) => {
          const response = await postSuggestion(data);
          expect(response.status).toBeLessThan(500);
          const shouldAccept = SuggestionInputSchema.safeParse(data).success;
          expect(response.status).toBe(shouldAccept ? 201 : 400);
          if (shouldAccept) accepted += 1;
        },
      ),
      { numRuns: 150 },
    );
    expect(await countRows(app.strapi, 'suggestion')).toBe(before + accepted);
  });

  it('never cause a 5xx on evaluation answers either', async () => {
    const before = await countRows(app.strapi, 'evaluation-response');
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          json,
          fc.record({ round: fc.constant(ids.open), answers: json }),
          fc.record({
            round: fc.constant(ids.open),
            answers: fc.dictionary(
              fc.constantFrom('works_well', 'obstacles', 'next_steps'),
              fc.string({ unit: 'binary', maxLength: 200 }),
            ),
          }),
          fc.record({ round: json, answers: fc.constant({ works_well: 'Ja' }) }),
        ),
        async (data) => {
          const response = await postAnswer(data);
          expect(response.status).toBeLessThan(500);
          if (response.status === 201) accepted += 1;
          else expect(response.status).toBe(400);
        },
      ),
      { numRuns: 150 },
    );
    expect(await countRows(app.strapi, 'evaluation-response')).toBe(before + accepted);
  });
});

describe('an evaluation answer', () => {
  it('is stored anonymously for an open round, with every question present', async () => {
    const response = await postAnswer({ round: ids.open, answers: { works_well: 'De groepen', obstacles: '' } });
    expect(response.status).toBe(201);
    const stored = await app.strapi.db
      .query('plugin::ritme.evaluation-response' as never)
      .findOne({ where: { documentId: response.body.data.documentId } });
    expect(stored.round).toBe(ids.open);
    expect(stored.group).toBeNull();
    expect(stored.answers).toEqual({ works_well: 'De groepen', obstacles: '', next_steps: '' });
    expect(stored.createdBy ?? null).toBeNull();
  });

  it('takes the group of a group round, and refuses another group', async () => {
    const response = await postAnswer({ round: ids.groupRound, answers: { next_steps: 'Meer uitleg' } });
    expect(response.status).toBe(201);
    const stored = await app.strapi.db
      .query('plugin::ritme.evaluation-response' as never)
      .findOne({ where: { documentId: response.body.data.documentId } });
    expect(stored.group).toBe(ids.group);
    const other = await postAnswer({ round: ids.groupRound, group: ids.otherGroup, answers: { next_steps: 'x' } });
    expect(other.status).toBe(400);
    expect(other.body.error.details.errors[0].path).toEqual(['group']);
  });

  const refusals: [string, () => unknown, string][] = [
    ['a closed round', () => ({ round: ids.closed, answers: { works_well: 'Te laat' } }), 'has closed'],
    [
      'a round that has not opened',
      () => ({ round: ids.upcoming, answers: { works_well: 'Te vroeg' } }),
      'not open yet',
    ],
    [
      'an unknown round',
      () => ({ round: 'abcdefghijklmnopqrstuvwx', answers: { works_well: 'x' } }),
      'no published evaluation round',
    ],
    [
      'a question the round does not ask',
      () => ({ round: ids.open, answers: { favourite_colour: 'blauw' } }),
      'does not ask',
    ],
    ['only blank answers', () => ({ round: ids.open, answers: { works_well: '  ' } }), 'Answer at least one'],
    [
      'an answer that is too long',
      () => ({ round: ids.open, answers: { works_well: 'x'.repeat(LIMITS.answer + 1) } }),
      'at most',
    ],
    ['a user id', () => ({ round: ids.open, answers: { works_well: 'x' }, user: 1 }), 'Unknown field'],
    ['an IP address', () => ({ round: ids.open, answers: { works_well: 'x' }, ip: '10.0.0.1' }), 'Unknown field'],
  ];
  for (const [what, data, message] of refusals) {
    it(`is refused for ${what}, and nothing is stored`, async () => {
      const before = await countRows(app.strapi, 'evaluation-response');
      const response = await postAnswer(data());
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body.error)).toContain(message);
      expect(await countRows(app.strapi, 'evaluation-response')).toBe(before);
    });
  }
});

describe('round results', () => {
  it('stay hidden while a round is open', async () => {
    const response = await call(app.baseUrl, 'GET', `/api/ritme/evaluation-rounds/${ids.open}/results`);
    expect(RoundResultsSchema.parse(response.body.data)).toEqual({
      available: false,
      reason: 'not_closed',
      minimum: 5,
    });
  });

  it('stay hidden below the minimum, and show sorted, unlinked answers at the minimum', async () => {
    // Answers as if they arrived while the round was open: only those count.
    const answer = async (round: string, works_well: string, obstacles: string) => {
      const { documentId } = await docs(app.strapi, 'evaluation-response').create({
        data: { round, group: null, answers: { works_well, obstacles, next_steps: '' } },
      });
      const inWindow = new Date(Date.parse(roundDates('closed').opensAt) + 86_400_000).toISOString();
      await app.strapi.db
        .query('plugin::ritme.evaluation-response' as never)
        .update({ where: { documentId }, data: { createdAt: inWindow } });
    };
    const four = [
      ['Zoeken', 'Inloggen'],
      ['Agenda', 'Meldingen'],
      ['Groepen', 'Tijd'],
      ['Berichten', 'Apps'],
    ];
    const few = await createPage(app.strapi, 'evaluation-round', {
      title: 'Te weinig antwoorden',
      ...roundDates('closed'),
      minimumResponses: 5,
    });
    for (const [a, b] of four) await answer(few, a as string, b as string);
    const below = await call(app.baseUrl, 'GET', `/api/ritme/evaluation-rounds/${few}/results`);
    expect(below.body.data).toEqual({ available: false, reason: 'below_minimum', minimum: 5 });
    expect(JSON.stringify(below.body)).not.toContain('Zoeken');

    for (const [a, b] of [...four, ['Nieuws', '']]) await answer(ids.closed, a as string, b as string);
    const at = RoundResultsSchema.parse(
      (await call(app.baseUrl, 'GET', `/api/ritme/evaluation-rounds/${ids.closed}/results`)).body.data,
    );
    expect(at.available).toBe(true);
    if (!at.available) return;
    expect(at.responses).toBe(5);
    expect(at.questions.map((q) => q.key)).toEqual(['works_well', 'obstacles', 'next_steps']);
    expect(at.questions[0]?.answers).toEqual(['Agenda', 'Berichten', 'Groepen', 'Nieuws', 'Zoeken']);
    expect(at.questions[1]?.answers).toEqual(['Apps', 'Inloggen', 'Meldingen', 'Tijd']);
    expect(at.questions[2]?.answers).toEqual([]);
  });
});

describe('under load', () => {
  beforeEach(() => {
    app.strapi.config.set('plugin::ritme.rateLimit.submissions', { points: 100000, durationSeconds: 60 });
  });

  it('stores exactly 200 of 200 concurrent valid submissions', async () => {
    const before = await countRows(app.strapi, 'suggestion');
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => postSuggestion({ message: `Gelijktijdig idee ${i}`, category: 'idea' })),
    );
    expect(responses.map((r) => r.status).filter((status) => status !== 201)).toEqual([]);
    expect(new Set(responses.map((r) => r.body.data.documentId)).size).toBe(200);
    expect(await countRows(app.strapi, 'suggestion')).toBe(before + 200);
  });

  it('tells a client that floods to wait, per route, and stores nothing more', async () => {
    app.strapi.config.set('plugin::ritme.rateLimit.submissions', { points: 3, durationSeconds: 60 });
    const before = await countRows(app.strapi, 'suggestion');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await postSuggestion({ ...valid, message: `Flood ${i}` })).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const limited = await postSuggestion(valid);
    expect(limited.body.error.message).toMatch(/try again in \d+ seconds/);
    expect(await countRows(app.strapi, 'suggestion')).toBe(before + 3);
    // Reading is not limited, and the other route has its own budget.
    expect((await call(app.baseUrl, 'GET', '/api/ritme/groups')).status).toBe(200);
    expect((await postAnswer({ round: ids.open, answers: { works_well: 'Snel' } })).status).toBe(201);
  });
});
