/**
 * Drafts never reach a public caller, whatever the request contains: not as
 * entries, not as newer versions of published entries, not as translations,
 * not through relations, not on the home page, and not as rounds to answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createEditorToken } from './harness/api';
import { createPage, docs, roundDates } from './harness/fixtures';
import { bootStrapi, type TestStrapi } from './harness/strapi';

let app: TestStrapi;
let editorToken: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await bootStrapi();
  const s = app.strapi;
  editorToken = await createEditorToken(s);
  ids.published = await createPage(s, 'group', { name: 'Gepubliceerde groep', kind: 'team' });
  // A newer, unpublished edit of a published entry.
  await docs(s, 'group').update({ documentId: ids.published, locale: 'nl', data: { name: 'Geheime nieuwe naam' } });
  ids.draft = await createPage(s, 'group', { name: 'Geheim concept', kind: 'project' }, undefined, { draft: true });
  // Published in Dutch, the English translation still a draft.
  ids.halfTranslated = await createPage(s, 'group', { name: 'Half vertaald', kind: 'team' });
  await docs(s, 'group').update({
    documentId: ids.halfTranslated,
    locale: 'en',
    data: { name: 'Secret translation', kind: 'team' },
  });
  ids.draftBehaviour = await createPage(
    s,
    'behaviour',
    {
      title: 'Geheim gedrag',
      insteadOf: 'Iets vaags',
      cadence: 'daily',
      skill: 'asking_questions',
      groups: [ids.published],
    },
    undefined,
    { draft: true },
  );
  ids.draftRound = await createPage(
    s,
    'evaluation-round',
    { title: 'Geheime ronde', ...roundDates('open') },
    undefined,
    {
      draft: true,
    },
  );
});
afterAll(async () => {
  await app?.stop();
});

const everyWayToAsk = (path: string) => [
  path,
  `${path}${path.includes('?') ? '&' : '?'}status=draft`,
  `${path}${path.includes('?') ? '&' : '?'}publicationState=preview`,
  `${path}${path.includes('?') ? '&' : '?'}filters[publishedAt][$null]=true`,
];

describe('drafts', () => {
  it('are absent from lists, for the public and for editor tokens alike', async () => {
    for (const token of [undefined, editorToken]) {
      const list = await call(app.baseUrl, 'GET', '/api/ritme/groups?pageSize=100', { token });
      expect(list.status).toBe(200);
      const text = JSON.stringify(list.body);
      expect(text).not.toContain('Geheim');
      expect(text).not.toContain(ids.draft);
      expect(list.body.data.map((g: { name: string }) => g.name).sort()).toEqual([
        'Gepubliceerde groep',
        'Half vertaald',
      ]);
    }
  });

  it('cannot be fetched by id or slug, however the request is dressed up', async () => {
    for (const path of [
      ...everyWayToAsk(`/api/ritme/groups/${ids.draft}`),
      ...everyWayToAsk('/api/ritme/groups/geheim-concept'),
      ...everyWayToAsk(`/api/ritme/groups/${ids.halfTranslated}?locale=en`),
      ...everyWayToAsk(`/api/ritme/behaviours/${ids.draftBehaviour}`),
      ...everyWayToAsk(`/api/ritme/evaluation-rounds/${ids.draftRound}`),
    ]) {
      const response = await call(app.baseUrl, 'GET', path, { token: editorToken });
      expect([400, 404], path).toContain(response.status);
      expect(JSON.stringify(response.body), path).not.toContain('Geheim');
    }
  });

  it('do not replace the published version of an entry', async () => {
    const response = await call(app.baseUrl, 'GET', `/api/ritme/groups/${ids.published}`);
    expect(response.body.data.name).toBe('Gepubliceerde groep');
  });

  it('do not show up through relations or as translations', async () => {
    const group = await call(app.baseUrl, 'GET', `/api/ritme/groups/${ids.published}`);
    expect(group.body.data.behaviours).toEqual([]);
    const half = await call(app.baseUrl, 'GET', `/api/ritme/groups/${ids.halfTranslated}`);
    expect(half.body.data.localizations).toEqual([]);
    const english = await call(app.baseUrl, 'GET', '/api/ritme/groups?locale=en');
    expect(english.body.data).toEqual([]);
  });

  it('never become the focus of the week or the open round on the home page', async () => {
    const home = await call(app.baseUrl, 'GET', '/api/ritme/home');
    expect(home.status).toBe(200);
    expect(home.body.data.focusBehaviour).toBeNull();
    expect(home.body.data.openRound).toBeNull();
    expect(JSON.stringify(home.body)).not.toContain('Geheim');
  });

  it('cannot be answered or have results', async () => {
    const answer = await call(app.baseUrl, 'POST', '/api/ritme/evaluation-responses', {
      body: { data: { round: ids.draftRound, answers: { works_well: 'Alles' } } },
    });
    expect(answer.status).toBe(400);
    expect(await app.strapi.db.query('plugin::ritme.evaluation-response' as never).count()).toBe(0);
    const results = await call(app.baseUrl, 'GET', `/api/ritme/evaluation-rounds/${ids.draftRound}/results`);
    expect(results.status).toBe(404);
  });
});
