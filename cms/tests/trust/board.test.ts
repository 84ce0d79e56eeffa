/**
 * "Jij vroeg, wij veranderden" shows what an editor approved, never what a
 * pilot or employee typed: an editor-written summary per language, a link only
 * to a page that is public, a name only with the pilot's consent. Feedback
 * about a draft does not put the draft's slug on the public board.
 */
import { ChangeSchema } from '@ritme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../harness/api';
import { createPage } from '../harness/fixtures';
import { bootStrapi, type TestStrapi } from '../harness/strapi';

let app: TestStrapi;
const codesign = () => app.strapi.plugin('ritme').service('codesign');

async function feedback(data: Record<string, unknown>) {
  const created = await codesign().createFeedback({
    message: 'Ik vind dit concept over de reorganisatie verwarrend, en mijn manager ook',
    category: 'problem',
    pagePath: '/gedrag/geheime-reorganisatie/',
    locale: 'nl',
    contentRefs: [],
    showName: false,
    build: 'pilot-1',
    invite: null,
    ...data,
  });
  return created.documentId as string;
}
const board = async () => {
  const response = await call(app.baseUrl, 'GET', '/api/ritme/changes');
  expect(response.status).toBe(200);
  return ChangeSchema.array().parse(response.body.data);
};

beforeAll(async () => {
  app = await bootStrapi({ env: { RITME_RATE_LIMIT_POINTS: '1000' } });
});
afterAll(async () => {
  await app?.stop();
});

describe('the public board', () => {
  it('shows nothing that is done but has no public summary', async () => {
    const id = await feedback({});
    await codesign().updateInboxItem('feedback', id, { changedInBuild: 'b-1', reply: 'Dank je, Sanne!' });
    const items = await board();
    expect(items.find((item) => item.documentId === id)).toBeUndefined();
  });

  it("shows the editor's summary, not the sender's words, and no draft's path", async () => {
    const draft = await createPage(
      app.strapi,
      'behaviour',
      { title: 'Geheime reorganisatie', insteadOf: 'x', skill: 'asking_questions' },
      undefined,
      { draft: true },
    );
    const id = await feedback({ contentRefs: [`behaviour:${draft}`] });
    await codesign().updateInboxItem('feedback', id, {
      changedInBuild: 'b-2',
      publicSummary: { nl: 'De uitleg is korter gemaakt.', en: 'The explanation is shorter now.' },
    });
    const item = (await board()).find((change) => change.documentId === id);
    expect(item).toMatchObject({
      summary: { nl: 'De uitleg is korter gemaakt.', en: 'The explanation is shorter now.' },
      links: { nl: null, en: null },
      author: null,
      changedInBuild: 'b-2',
    });
    const raw = JSON.stringify(await call(app.baseUrl, 'GET', '/api/ritme/changes'));
    expect(raw).not.toContain('reorganisatie');
    expect(raw).not.toContain('verwarrend');
  });

  it('links to the page only where it is published, and names a pilot only with consent', async () => {
    const published = await createPage(
      app.strapi,
      'behaviour',
      { title: 'Wekelijkse update', insteadOf: 'Deel je kennis', skill: 'making_work_visible' },
      undefined,
    );
    const invite = await codesign().createInvite({
      name: 'Sanne Visser',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const named = await feedback({
      contentRefs: [`behaviour:${published}`],
      showName: true,
      invite: invite.documentId,
    });
    const unnamed = await feedback({ pagePath: '/gedrag/', invite: invite.documentId });
    for (const id of [named, unnamed]) {
      await codesign().updateInboxItem('feedback', id, { changedInBuild: 'b-3', publicSummary: { nl: 'Aangepast.' } });
    }
    const items = await board();
    expect(items.find((item) => item.documentId === named)).toMatchObject({
      links: { nl: '/gedrag/wekelijkse-update/', en: null },
      author: 'Sanne Visser',
      summary: { nl: 'Aangepast.', en: null },
    });
    expect(items.find((item) => item.documentId === unnamed)).toMatchObject({
      links: { nl: '/gedrag/', en: '/en/behaviours/' },
      author: null,
    });
  });

  it('removes a summary when an editor empties it', async () => {
    const id = await feedback({});
    await codesign().updateInboxItem('feedback', id, { changedInBuild: 'b-4', publicSummary: { nl: 'Tijdelijk' } });
    expect((await board()).some((item) => item.documentId === id)).toBe(true);
    await codesign().updateInboxItem('feedback', id, { publicSummary: { nl: '' } });
    expect((await board()).some((item) => item.documentId === id)).toBe(false);
  });
});
