/**
 * The anonymity minimum cannot be defeated: a round's window and minimum are
 * one value in every language; the server refuses a minimum below 3 and never
 * serves less; results are frozen the first time they are read after the
 * close, from the answers received inside the window; questions share their
 * keys across languages; and no route hands out one person's answers.
 */
import { MINIMUM_RESPONSES_FLOOR, RoundResultsSchema } from '@ritme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countRows, createEditorToken } from '../harness/api';
import { createPage, docs, roundDates } from '../harness/fixtures';
import { bootStrapi, type TestStrapi } from '../harness/strapi';

let app: TestStrapi;
const DAY = 24 * 60 * 60 * 1000;
const ROUND = 'plugin::ritme.evaluation-round';
const rounds = () => app.strapi.db.query(ROUND as never);
const answer = (round: string, text: string) =>
  call(app.baseUrl, 'POST', '/api/ritme/evaluation-responses', {
    body: { data: { round, answers: { works_well: text } } },
  });
const results = async (round: string, locale = 'nl') => {
  const response = await call(app.baseUrl, 'GET', `/api/ritme/evaluation-rounds/${round}/results?locale=${locale}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return RoundResultsSchema.parse(response.body.data);
};
/** An answer as if it had arrived at `at` (the database's own receipt time). */
async function storedAnswer(round: string, text: string, at: Date) {
  const { documentId } = await docs(app.strapi, 'evaluation-response').create({
    data: { round, answers: { works_well: text, obstacles: '', next_steps: '' } },
  });
  await app.strapi.db
    .query('plugin::ritme.evaluation-response' as never)
    .update({ where: { documentId }, data: { createdAt: at.toISOString() } });
}
const bilingualRound = (title: string, extra: Record<string, unknown>) =>
  createPage(app.strapi, 'evaluation-round', { title, ...extra }, { title: `${title} (en)`, ...extra });

beforeAll(async () => {
  app = await bootStrapi({ env: { RITME_RATE_LIMIT_POINTS: '1000' } });
});
afterAll(async () => {
  await app?.stop();
});

describe("a round's window and minimum belong to the round, not to a language", () => {
  it('closing the round in English closes it in Dutch too', async () => {
    const id = await bilingualRound('Gedeeld venster', { ...roundDates('open'), minimumResponses: 5 });
    const closedAt = new Date(Date.now() - DAY).toISOString();
    await docs(app.strapi, 'evaluation-round').update({
      documentId: id,
      locale: 'en',
      data: { opensAt: new Date(Date.now() - 10 * DAY).toISOString(), closesAt: closedAt },
    });
    await docs(app.strapi, 'evaluation-round').publish({ documentId: id, locale: '*' });
    const published = await rounds().findMany({ where: { documentId: id, publishedAt: { $notNull: true } } });
    expect(published.map((row: { locale: string }) => row.locale).sort()).toEqual(['en', 'nl']);
    for (const row of published) expect(new Date(row.closesAt).toISOString()).toBe(closedAt);
    const refused = await answer(id, 'Na sluiting');
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.code).toBe('round_closed');
  });

  it('refuses answers when any language says closed, even if the rows disagree', async () => {
    const id = await bilingualRound('Oneens', { ...roundDates('open'), minimumResponses: 5 });
    // Rows written behind the Document Service's back (data from before the fields were shared).
    await rounds().update({
      where: { documentId: id, locale: 'en', publishedAt: { $notNull: true } },
      data: { closesAt: new Date(Date.now() - DAY).toISOString() },
    });
    const before = await countRows(app.strapi, 'evaluation-response', { round: id });
    expect((await answer(id, 'Poging')).status).toBe(400);
    expect(await countRows(app.strapi, 'evaluation-response', { round: id })).toBe(before);
  });
});

describe('the anonymity minimum', () => {
  it(`refuses a minimum below ${MINIMUM_RESPONSES_FLOOR} on every save`, async () => {
    await expect(
      docs(app.strapi, 'evaluation-round').create({
        locale: 'nl',
        data: { title: 'Te laag', ...roundDates('open'), minimumResponses: 1 },
      }),
    ).rejects.toThrow(/3 or more/);
    const id = await createPage(app.strapi, 'evaluation-round', {
      title: 'Later verlaagd',
      ...roundDates('open'),
      minimumResponses: 5,
    });
    await expect(
      docs(app.strapi, 'evaluation-round').update({ documentId: id, locale: 'nl', data: { minimumResponses: 2 } }),
    ).rejects.toThrow(/3 or more/);
  });

  it('serves and applies at least the floor when a row says less', async () => {
    const { opensAt } = roundDates('closed');
    const closesAt = new Date(Date.now() - DAY).toISOString();
    const id = await createPage(app.strapi, 'evaluation-round', {
      title: 'Eén is genoeg?',
      opensAt,
      closesAt,
      minimumResponses: 5,
    });
    await rounds().updateMany({ where: { documentId: id }, data: { minimumResponses: 1 } });
    const inside = new Date(Date.parse(opensAt) + DAY);
    await storedAnswer(id, 'Alleen ik', inside);
    await storedAnswer(id, 'En ik', inside);
    const round = await call(app.baseUrl, 'GET', `/api/ritme/evaluation-rounds/${id}?locale=nl`);
    expect(round.body.data.minimumResponses).toBe(MINIMUM_RESPONSES_FLOOR);
    expect(await results(id)).toEqual({ available: false, reason: 'below_minimum', minimum: 3 });
  });
});

describe('results are frozen when the round closes', () => {
  it('counts only answers received inside the window and never changes afterwards', async () => {
    const opensAt = new Date(Date.now() - 20 * DAY);
    const closesAt = new Date(Date.now() - DAY);
    const id = await bilingualRound('Bevroren', {
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      minimumResponses: 3,
    });
    for (const text of ['Agenda', 'Berichten', 'Zoeken'])
      await storedAnswer(id, text, new Date(opensAt.getTime() + DAY));
    // Before the window and after the close: never counted.
    await storedAnswer(id, 'Te vroeg', new Date(opensAt.getTime() - DAY));
    await storedAnswer(id, 'Te laat', new Date(closesAt.getTime() + 60_000));

    const first = await results(id);
    expect(first).toMatchObject({ available: true, responses: 3 });
    if (!first.available) throw new Error('unreachable');
    expect(first.questions[0]?.answers).toEqual(['Agenda', 'Berichten', 'Zoeken']);

    // One more answer arrives after the results were out (a row inside the window, even):
    await storedAnswer(id, 'Het antwoord van één persoon', new Date(opensAt.getTime() + 2 * DAY));
    expect(await results(id)).toEqual(first);
    // The English view shows the same frozen answers, with English labels.
    const english = await results(id, 'en');
    expect(english).toMatchObject({ available: true, responses: 3 });
    if (!english.available) throw new Error('unreachable');
    expect(english.questions[0]).toEqual({
      key: 'works_well',
      label: 'What works well?',
      answers: first.questions[0]?.answers,
    });
    expect(await countRows(app.strapi, 'round-result', { round: id })).toBe(1);
  });

  it('freezes below the minimum too: a later answer cannot push it over', async () => {
    const opensAt = new Date(Date.now() - 20 * DAY);
    const id = await createPage(app.strapi, 'evaluation-round', {
      title: 'Net te weinig',
      opensAt: opensAt.toISOString(),
      closesAt: new Date(Date.now() - DAY).toISOString(),
      minimumResponses: 3,
    });
    await storedAnswer(id, 'Een', new Date(opensAt.getTime() + DAY));
    await storedAnswer(id, 'Twee', new Date(opensAt.getTime() + DAY));
    expect(await results(id)).toMatchObject({ available: false, reason: 'below_minimum' });
    await storedAnswer(id, 'Drie', new Date(opensAt.getTime() + DAY));
    expect(await results(id)).toMatchObject({ available: false, reason: 'below_minimum' });
  });

  it('reads nothing while the round is open', async () => {
    const id = await createPage(app.strapi, 'evaluation-round', { title: 'Nog open', ...roundDates('open') });
    for (const text of ['a', 'b', 'c', 'd', 'e', 'f']) expect((await answer(id, text)).status).toBe(201);
    expect(await results(id)).toMatchObject({ available: false, reason: 'not_closed' });
    expect(await countRows(app.strapi, 'round-result', { round: id })).toBe(0);
  });
});

describe('questions share their keys across languages', () => {
  const custom = [
    { key: 'tools', label: 'Welke tools gebruik je?' },
    { key: 'wish', label: 'Wat wens je?' },
  ];

  it('gives a new language the keys the round already asks', async () => {
    const { documentId } = await docs(app.strapi, 'evaluation-round').create({
      locale: 'nl',
      data: { title: 'Eigen vragen', ...roundDates('open'), questions: custom },
    });
    await docs(app.strapi, 'evaluation-round').update({ documentId, locale: 'en', data: { title: 'Own questions' } });
    const en = await rounds().findOne({ where: { documentId, locale: 'en' } });
    expect((en.questions as { key: string }[]).map((q) => q.key)).toEqual(['tools', 'wish']);
  });

  it('refuses another language with other keys', async () => {
    const { documentId } = await docs(app.strapi, 'evaluation-round').create({
      locale: 'nl',
      data: { title: 'Andere sleutels', ...roundDates('open'), questions: custom },
    });
    await expect(
      docs(app.strapi, 'evaluation-round').update({
        documentId,
        locale: 'en',
        data: { title: 'Other keys', questions: [{ key: 'something_else', label: 'Anything else?' }] },
      }),
    ).rejects.toThrow(/same keys in every language/);
  });
});

describe('no route reads one person’s answers', () => {
  it('has no list or show of evaluation responses, not even for an editor token', async () => {
    const id = await createPage(app.strapi, 'evaluation-round', { title: 'Privé', ...roundDates('open') });
    const sent = await answer(id, 'Mijn eerlijke mening over mijn leidinggevende');
    expect(sent.status).toBe(201);
    const editor = await createEditorToken(app.strapi);
    for (const path of [
      '/api/ritme/evaluation-responses',
      `/api/ritme/evaluation-responses?round=${id}`,
      `/api/ritme/evaluation-responses/${sent.body.data.documentId}`,
    ]) {
      const response = await call(app.baseUrl, 'GET', path, { token: editor });
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(response.body)).not.toContain('eerlijke mening');
    }
  });
});
