/**
 * Evaluation rounds for editors: questions are one list for every language
 * (`[{ key, label: { nl, en } }]`), checked on every write, read in the
 * visitor's language, and rounds saved in the old per-language shape still
 * read; the admin's round routes (/ritme/rounds…) need rounds.read, never
 * return answers below the minimum or while a round is open, and group them
 * per question above it; "Close for good" needs rounds.close, a closed round
 * and a published follow-up in every language, and then the dates stay put.
 * A scale question takes 1 to 5 only and its results are counts per value.
 */
import { type AdminRoundDetail, AdminRoundDetailSchema, AdminRoundSummarySchema } from '@ritme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWith } from './harness/admins';
import { call } from './harness/api';
import { createPage, docs, roundDates } from './harness/fixtures';
import { bootStrapi, type TestStrapi } from './harness/strapi';

let app: TestStrapi;
let reader: string;
let closer: string;
let stranger: string;
const ROUND = 'plugin::ritme.evaluation-round';
const rounds = () => app.strapi.db.query(ROUND as never);
const DAY = 24 * 60 * 60 * 1000;

const question = (key: string, nl: string, en?: string) => ({ key, label: { nl, ...(en ? { en } : {}) } });
const SHARED = [
  question('tools', 'Welke tools gebruik je?', 'Which tools do you use?'),
  question('wish', 'Wat wens je?'),
];

/** An answer as if it had arrived at `at`, inside or outside the round's window. */
async function storedAnswer(round: string, answers: Record<string, string>, at: Date) {
  const { documentId } = await docs(app.strapi, 'evaluation-response').create({ data: { round, answers } });
  await app.strapi.db
    .query('plugin::ritme.evaluation-response' as never)
    .update({ where: { documentId }, data: { createdAt: at.toISOString() } });
}
const duringClosedWindow = () => new Date(Date.now() - 40 * DAY);

async function detail(id: string, token = reader, locale = 'nl'): Promise<AdminRoundDetail> {
  const response = await call(app.baseUrl, 'GET', `/ritme/rounds/${id}?locale=${locale}`, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return AdminRoundDetailSchema.parse(response.body.data);
}
const publicRound = async (id: string, locale: string) => {
  const response = await call(app.baseUrl, 'GET', `/api/ritme/evaluation-rounds/${id}?locale=${locale}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.data as { questions: { key: string; label: string }[] };
};

beforeAll(async () => {
  app = await bootStrapi({ env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  reader = (await adminWith(app.strapi, app.baseUrl, 'reader@example.org', ['plugin::ritme.rounds.read'])).jwt;
  closer = (
    await adminWith(app.strapi, app.baseUrl, 'closer@example.org', [
      'plugin::ritme.rounds.read',
      'plugin::ritme.rounds.close',
    ])
  ).jwt;
  stranger = (await adminWith(app.strapi, app.baseUrl, 'stranger@example.org', ['plugin::ritme.inbox.read'])).jwt;
});
afterAll(async () => {
  await app?.stop();
});

describe('questions are one list for every language', () => {
  it('fills in the seed’s three questions in Dutch and English, and serves each language its labels', async () => {
    const id = await createPage(app.strapi, 'evaluation-round', { title: 'Standaard', ...roundDates('open') });
    const rows = await rounds().findMany({ where: { documentId: id } });
    for (const row of rows) {
      expect(row.questions).toEqual([
        question('works_well', 'Wat werkt goed?', 'What works well?'),
        question('obstacles', 'Waar lopen we tegenaan?', 'What are we running into?'),
        question('next_steps', 'Wat helpt ons om verder te komen?', 'What helps us move forward?'),
      ]);
    }
    expect((await publicRound(id, 'nl')).questions[0]).toEqual({ key: 'works_well', label: 'Wat werkt goed?' });
  });

  it('serves a label in the asked language, else in the default language', async () => {
    const id = await createPage(
      app.strapi,
      'evaluation-round',
      { title: 'Eigen', ...roundDates('open'), questions: SHARED },
      { title: 'Own' },
    );
    expect((await publicRound(id, 'en')).questions).toEqual([
      { key: 'tools', label: 'Which tools do you use?' },
      { key: 'wish', label: 'Wat wens je?' },
    ]);
    expect((await publicRound(id, 'nl')).questions.map((q) => q.label)).toEqual([
      'Welke tools gebruik je?',
      'Wat wens je?',
    ]);
  });

  it.each([
    ['duplicate keys', [question('a', 'Een'), question('a', 'Twee')], /keys must be unique/],
    ['no label', [{ key: 'a', label: { nl: '  ', en: '' } }], /has no label/],
    ['a bad key', [question('Not A Key', 'Een')], /lower_snake_case/],
    ['a label too long', [question('a', 'x'.repeat(301))], /at most 300 characters/],
    ['eleven questions', Array.from({ length: 11 }, (_, n) => question(`q${n}`, `Vraag ${n}`)), /at most 10/],
    ['unknown fields', [{ ...question('a', 'Een'), score: 1 }], /must be/],
  ])('refuses %s with a message for people', async (_, questions, message) => {
    await expect(
      docs(app.strapi, 'evaluation-round').create({
        locale: 'nl',
        data: { title: 'Fout', ...roundDates('open'), questions },
      }),
    ).rejects.toThrow(message);
  });

  it('still reads a round saved in the old per-language shape, and keeps each language’s labels when saved again', async () => {
    const id = await createPage(
      app.strapi,
      'evaluation-round',
      { title: 'Oud', ...roundDates('open') },
      { title: 'Old' },
    );
    for (const [locale, label] of [
      ['nl', 'Wat gaat er goed?'],
      ['en', 'What goes well?'],
    ]) {
      await rounds().updateMany({ where: { documentId: id, locale }, data: { questions: [{ key: 'good', label }] } });
    }
    expect((await publicRound(id, 'en')).questions).toEqual([{ key: 'good', label: 'What goes well?' }]);
    expect((await publicRound(id, 'nl')).questions).toEqual([{ key: 'good', label: 'Wat gaat er goed?' }]);

    await docs(app.strapi, 'evaluation-round').update({
      documentId: id,
      locale: 'nl',
      data: { questions: [{ key: 'good', label: { nl: 'Wat gaat er echt goed?' } }] },
    });
    const row = await rounds().findOne({ where: { documentId: id, locale: 'en', publishedAt: null } });
    expect(row.questions).toEqual([{ key: 'good', label: { nl: 'Wat gaat er echt goed?', en: 'What goes well?' } }]);
  });

  it('refuses to remove a question that has answers, and lets an unanswered one go', async () => {
    const id = await createPage(app.strapi, 'evaluation-round', {
      title: 'Beantwoord',
      ...roundDates('open'),
      questions: SHARED,
    });
    await storedAnswer(id, { tools: 'Teams', wish: '' }, new Date());
    const update = (questions: unknown) =>
      docs(app.strapi, 'evaluation-round').update({ documentId: id, locale: 'nl', data: { questions } });
    await expect(update([SHARED[1]])).rejects.toThrow(/"Welke tools gebruik je\?" already has answers/);
    await update([SHARED[0]]);
    const row = await rounds().findOne({ where: { documentId: id, locale: 'nl', publishedAt: null } });
    expect(row.questions.map((q: { key: string }) => q.key)).toEqual(['tools']);
  });
});

describe("a round's results in the admin", () => {
  it('needs rounds.read: 403 without it, 401 without a session', async () => {
    const id = await createPage(app.strapi, 'evaluation-round', { title: 'Geheim', ...roundDates('closed') });
    for (const path of ['/ritme/rounds', `/ritme/rounds/${id}`]) {
      expect((await call(app.baseUrl, 'GET', path, { token: stranger })).status, path).toBe(403);
      expect((await call(app.baseUrl, 'GET', path)).status, path).toBe(401);
    }
    expect((await call(app.baseUrl, 'POST', `/ritme/rounds/${id}/close`, { token: reader })).status).toBe(403);
    expect((await call(app.baseUrl, 'POST', `/ritme/rounds/${id}/close`, { token: stranger })).status).toBe(403);
  });

  it('lists rounds with their state and answers against the minimum', async () => {
    const id = await createPage(app.strapi, 'evaluation-round', {
      title: 'In de lijst',
      ...roundDates('open'),
      minimumResponses: 4,
    });
    await storedAnswer(id, { works_well: 'Zoeken' }, new Date());
    const response = await call(app.baseUrl, 'GET', '/ritme/rounds?locale=nl', { token: reader });
    expect(response.status).toBe(200);
    const listed = AdminRoundSummarySchema.array()
      .parse(response.body.data)
      .find((round) => round.documentId === id);
    expect(listed).toMatchObject({ title: 'In de lijst', state: 'open', responses: 1, minimum: 4 });
  });

  it('shows only the count below the minimum, and never an answer', async () => {
    const id = await createPage(app.strapi, 'evaluation-round', { title: 'Te weinig', ...roundDates('closed') });
    for (const text of ['Mijn leidinggevende luistert niet', 'Te veel mail']) {
      await storedAnswer(id, { works_well: text }, duringClosedWindow());
    }
    const response = await call(app.baseUrl, 'GET', `/ritme/rounds/${id}`, { token: reader });
    expect(JSON.stringify(response.body)).not.toContain('leidinggevende');
    const round = AdminRoundDetailSchema.parse(response.body.data);
    expect(round).toMatchObject({ state: 'closed', responses: 2, minimum: 5 });
    expect(round.results).toEqual({ available: false, reason: 'below_minimum', minimum: 5 });
  });

  it('shows nothing but the count while the round is open, however many answered', async () => {
    const id = await createPage(app.strapi, 'evaluation-round', {
      title: 'Nog open',
      ...roundDates('open'),
      minimumResponses: 3,
    });
    for (const text of ['Een', 'Twee', 'Drie', 'Vier']) await storedAnswer(id, { works_well: text }, new Date());
    const round = await detail(id);
    expect(round.responses).toBe(4);
    expect(round.results).toMatchObject({ available: false, reason: 'not_closed' });
    expect(JSON.stringify(round)).not.toContain('Drie');
  });

  it('groups the answers per question, sorted, once a closed round reached its minimum', async () => {
    const id = await createPage(
      app.strapi,
      'evaluation-round',
      { title: 'Genoeg', ...roundDates('closed'), minimumResponses: 3 },
      { title: 'Enough' },
    );
    const answers = [
      { works_well: 'Zoeken', obstacles: 'Wifi' },
      { works_well: 'Agenda', obstacles: '' },
      { works_well: 'Nieuws', obstacles: 'Dubbele mail' },
    ];
    for (const answer of answers) await storedAnswer(id, answer, duringClosedWindow());
    const round = await detail(id, reader, 'en');
    expect(round.title).toBe('Enough');
    expect(round.results).toMatchObject({ available: true, responses: 3, minimum: 3 });
    if (!round.results.available) throw new Error('unreachable');
    expect(round.results.questions.slice(0, 2)).toEqual([
      { key: 'works_well', label: 'What works well?', answers: ['Agenda', 'Nieuws', 'Zoeken'] },
      { key: 'obstacles', label: 'What are we running into?', answers: ['Dubbele mail', 'Wifi'] },
    ]);
  });
});

describe('closing a round for good', () => {
  const close = (id: string, token = closer) => call(app.baseUrl, 'POST', `/ritme/rounds/${id}/close`, { token });

  it('is refused while the round is open', async () => {
    const id = await createPage(app.strapi, 'evaluation-round', {
      title: 'Open',
      ...roundDates('open'),
      followUp: 'Geschreven',
    });
    const refused = await close(id);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/has not closed yet/);
  });

  it('needs the follow-up published in every language, then holds: no reopening by the dates', async () => {
    const id = await createPage(
      app.strapi,
      'evaluation-round',
      { title: 'Afronden', ...roundDates('closed') },
      { title: 'Wrap up' },
    );
    const missing = await close(id);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/follow-up .* \(missing: en, nl\)/);

    await docs(app.strapi, 'evaluation-round').update({
      documentId: id,
      locale: 'nl',
      data: { followUp: 'Jullie vroegen om X, daarom Y.' },
    });
    await docs(app.strapi, 'evaluation-round').publish({ documentId: id, locale: 'nl' });
    const english = await close(id);
    expect(english.status).toBe(400);
    expect(english.body.error.message).toMatch(/\(missing: en\)/);
    expect((await detail(id)).closeRefusal).toEqual({ reason: 'follow_up_missing', locales: ['en'] });

    await docs(app.strapi, 'evaluation-round').update({
      documentId: id,
      locale: 'en',
      data: { followUp: 'You asked for X, so Y.' },
    });
    await docs(app.strapi, 'evaluation-round').publish({ documentId: id, locale: 'en' });
    const closed = await close(id);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(AdminRoundDetailSchema.parse(closed.body.data)).toMatchObject({
      state: 'closed_for_good',
      closeRefusal: { reason: 'already_closed' },
    });
    for (const row of await rounds().findMany({ where: { documentId: id } })) expect(row.closedForGoodAt).toBeTruthy();

    await expect(
      docs(app.strapi, 'evaluation-round').update({
        documentId: id,
        locale: 'en',
        data: { closesAt: new Date(Date.now() + 7 * DAY).toISOString() },
      }),
    ).rejects.toThrow(/closed for good/);
    expect((await close(id)).body.error.message).toMatch(/already closed for good/);
  });

  it('cannot be set or undone through a document write', async () => {
    const id = await createPage(app.strapi, 'evaluation-round', {
      title: 'Sluiproute',
      ...roundDates('closed'),
      closedForGoodAt: new Date().toISOString(),
    });
    for (const row of await rounds().findMany({ where: { documentId: id } })) expect(row.closedForGoodAt).toBeNull();
  });
});

describe('scale questions (1 to 5)', () => {
  const QUESTIONS = [
    { key: 'score', label: { nl: 'Hoe tevreden ben je?', en: 'How satisfied are you?' }, kind: 'scale' },
    question('why', 'Waarom?', 'Why?'),
  ];
  const send = (round: string, answers: Record<string, unknown>) =>
    call(app.baseUrl, 'POST', '/api/ritme/evaluation-responses', { body: { data: { round, answers } } });

  it('takes 1 to 5 (as text or a number) and refuses anything else', async () => {
    const id = await createPage(
      app.strapi,
      'evaluation-round',
      {
        title: 'Schaal',
        ...roundDates('open'),
        questions: QUESTIONS,
      },
      { title: 'Scale' },
    );
    expect((await publicRound(id, 'en')).questions[0]).toEqual({
      key: 'score',
      label: 'How satisfied are you?',
      kind: 'scale',
    });
    for (const bad of ['6', '0', '2.5', 'heel', '-1']) {
      const refused = await send(id, { score: bad, why: 'x' });
      expect(refused.status, bad).toBe(400);
      expect(refused.body.error.message, bad).toMatch(/score .*from 1 to 5/);
    }
    expect((await send(id, { score: 4 })).status).toBe(201);
    expect((await send(id, { score: '5', why: 'Fijn' })).status).toBe(201);
    // An open question still takes a number as text.
    expect((await send(id, { why: '3' })).status).toBe(201);
  });

  it('counts the answers per value, in the admin and on the public results', async () => {
    const id = await createPage(app.strapi, 'evaluation-round', {
      title: 'Schaal gesloten',
      ...roundDates('closed'),
      minimumResponses: 3,
      questions: QUESTIONS,
    });
    for (const score of ['4', '4', '2', '']) await storedAnswer(id, { score, why: 'Omdat' }, duringClosedWindow());
    const round = await detail(id, reader, 'en');
    if (!round.results.available) throw new Error(JSON.stringify(round.results));
    expect(round.results.questions[0]).toEqual({
      key: 'score',
      label: 'How satisfied are you?',
      kind: 'scale',
      answers: [],
      counts: [0, 1, 0, 2, 0],
    });
    const published = await call(app.baseUrl, 'GET', `/api/ritme/evaluation-rounds/${id}/results?locale=nl`);
    expect(published.body.data.questions[0]).toMatchObject({ kind: 'scale', counts: [0, 1, 0, 2, 0] });
  });

  it('refuses to turn an answered open question into a scale', async () => {
    const id = await createPage(app.strapi, 'evaluation-round', {
      title: 'Omzetten',
      ...roundDates('open'),
      questions: [question('why', 'Waarom?')],
    });
    await storedAnswer(id, { why: 'Omdat het kan' }, new Date());
    await expect(
      docs(app.strapi, 'evaluation-round').update({
        documentId: id,
        locale: 'nl',
        data: { questions: [{ ...question('why', 'Waarom?'), kind: 'scale' }] },
      }),
    ).rejects.toThrow(/changing how it is answered/);
  });
});
