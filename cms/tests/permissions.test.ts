/**
 * The permission matrix: every route of /api/ritme, asked anonymously, with an
 * editor token, with a read-only token, with a registered user's JWT and with
 * a made-up token. The public reads and submits; only editors see the voices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createEditorToken, createPreviewToken } from './harness/api';
import { createPage, roundDates } from './harness/fixtures';
import { bootStrapi, type TestStrapi } from './harness/strapi';

let app: TestStrapi;
let editorToken: string;
let readOnlyToken: string;
let userJwt: string;
let previewToken: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // High limit: this file sends many submissions from one address on purpose.
  app = await bootStrapi({ env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  const s = app.strapi;
  editorToken = await createEditorToken(s);
  const readOnly = await s.service('admin::api-token').create({
    name: 'read-only',
    type: 'read-only',
    kind: 'content-api',
    lifespan: null,
  });
  readOnlyToken = readOnly.accessKey;
  previewToken = await createPreviewToken(s);

  ids.group = await createPage(s, 'group', { name: 'Groep', kind: 'team' });
  ids.behaviour = await createPage(s, 'behaviour', {
    title: 'Doe iets',
    insteadOf: 'Vaag',
    cadence: 'weekly',
    skill: 'giving_feedback',
  });
  ids.training = await createPage(s, 'training', {
    title: 'Training',
    skill: 'giving_feedback',
    focus: 'attitude',
    format: 'workshop',
  });
  ids.person = await createPage(s, 'person', { name: 'Piet', kind: 'ambassador' });
  ids.spotlight = await createPage(s, 'spotlight', { title: 'Goed zo', date: '2026-11-01' });
  ids.round = await createPage(s, 'evaluation-round', { title: 'Ronde', ...roundDates('open') });

  const suggestion = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
    body: { data: { message: 'Een idee', category: 'idea' } },
  });
  ids.suggestion = suggestion.body.data.documentId;
  const response = await call(app.baseUrl, 'POST', '/api/ritme/evaluation-responses', {
    body: { data: { round: ids.round, answers: { works_well: 'Veel' } } },
  });
  ids.response = response.body.data.documentId;

  const registered = await call(app.baseUrl, 'POST', '/api/auth/local/register', {
    body: { username: 'mallory', email: 'mallory@example.org', password: 'Str0ng-enough-password' },
  });
  userJwt = registered.body.jwt;
});
afterAll(async () => {
  await app?.stop();
});

type Route = { method: string; path: () => string; body?: () => unknown; public: number; editor: number };

const ok = (method: string, path: () => string, body?: () => unknown): Route => ({
  method,
  path,
  body,
  public: method === 'POST' ? 201 : 200,
  editor: method === 'POST' ? 201 : 200,
});
const editorsOnly = (method: string, path: () => string, body?: () => unknown): Route => ({
  method,
  path,
  body,
  public: 403,
  editor: 200,
});

const ROUTES: Route[] = [
  ok('GET', () => '/api/ritme/home'),
  ok('GET', () => '/api/ritme/groups'),
  ok('GET', () => `/api/ritme/groups/${ids.group}`),
  ok('GET', () => '/api/ritme/behaviours'),
  ok('GET', () => `/api/ritme/behaviours/${ids.behaviour}`),
  ok('GET', () => '/api/ritme/trainings'),
  ok('GET', () => `/api/ritme/trainings/${ids.training}`),
  ok('GET', () => '/api/ritme/people'),
  ok('GET', () => `/api/ritme/people/${ids.person}`),
  ok('GET', () => '/api/ritme/spotlights'),
  ok('GET', () => `/api/ritme/spotlights/${ids.spotlight}`),
  ok('GET', () => '/api/ritme/evaluation-rounds'),
  ok('GET', () => `/api/ritme/evaluation-rounds/${ids.round}`),
  ok('GET', () => `/api/ritme/evaluation-rounds/${ids.round}/results`),
  ok(
    'POST',
    () => '/api/ritme/suggestions',
    () => ({ data: { message: 'Nog een idee', category: 'idea' } }),
  ),
  ok(
    'POST',
    () => '/api/ritme/evaluation-responses',
    () => ({ data: { round: ids.round, answers: { obstacles: 'Tijd' } } }),
  ),
  editorsOnly('GET', () => '/api/ritme/suggestions'),
  editorsOnly('GET', () => `/api/ritme/suggestions/${ids.suggestion}`),
  editorsOnly(
    'PUT',
    () => `/api/ritme/suggestions/${ids.suggestion}`,
    () => ({ data: { status: 'planned', reply: 'Goed idee!' } }),
  ),
  ok('GET', () => '/api/ritme/changes'),
  ok('GET', () => '/api/ritme/sync/groups?locale=nl'),
  ok('GET', () => `/api/ritme/sync/behaviours?locale=nl&ids=${ids.behaviour}`),
];

/** The preview server's routes: its own token only — not the public, not editors. */
const PREVIEW_ROUTES: [string, () => string, (() => unknown)?, number?][] = [
  ['GET', () => '/api/ritme/preview/home'],
  ['GET', () => '/api/ritme/preview/groups'],
  ['GET', () => `/api/ritme/preview/groups/${ids.group}`],
  ['GET', () => `/api/ritme/preview/evaluation-rounds/${ids.round}`],
  ['POST', () => '/api/ritme/pilot-sessions', () => ({ data: { token: 'x'.repeat(43) } }), 404],
  ['GET', () => '/api/ritme/pilot-sessions/abcdefghijklmnopqrstuvwx', undefined, 404],
  [
    'POST',
    () => '/api/ritme/feedback',
    () => ({
      data: { message: 'Mooi', category: 'praise', pagePath: '/', locale: 'nl', build: 'b1', invite: null },
    }),
    201,
  ],
];

describe('the permission matrix', () => {
  for (const route of ROUTES) {
    const label = `${route.method} ${route.path.toString().replace(/^\(\) => /, '')}`;

    it(`${label}: anonymous → ${route.public}, editor → ${route.editor}`, async () => {
      const anonymous = await call(app.baseUrl, route.method, route.path(), { body: route.body?.() });
      expect(anonymous.status).toBe(route.public);
      const editor = await call(app.baseUrl, route.method, route.path(), { body: route.body?.(), token: editorToken });
      expect(editor.status).toBe(route.editor);
    });

    if (route.public === 403) {
      it(`${label}: refused to a registered user, a read-only token and a made-up token`, async () => {
        const asUser = await call(app.baseUrl, route.method, route.path(), { body: route.body?.(), token: userJwt });
        expect(asUser.status).toBe(403);
        const readOnly = await call(app.baseUrl, route.method, route.path(), {
          body: route.body?.(),
          token: readOnlyToken,
        });
        expect(readOnly.status).toBe(403);
        const madeUp = await call(app.baseUrl, route.method, route.path(), {
          body: route.body?.(),
          token: 'not-a-real-token',
        });
        expect(madeUp.status).toBe(401);
      });
    }
  }

  for (const [method, path, body, expected = 200] of PREVIEW_ROUTES) {
    it(`${method} ${path()}: only the preview token → ${expected}`, async () => {
      for (const token of [undefined, editorToken, readOnlyToken, userJwt]) {
        const refused = await call(app.baseUrl, method, path(), { body: body?.(), token });
        expect(refused.status, String(token).slice(0, 8)).toBe(403);
      }
      const allowed = await call(app.baseUrl, method, path(), { body: body?.(), token: previewToken });
      expect(allowed.status).toBe(expected);
    });
  }

  it('serves drafts only through the preview routes', async () => {
    const draft = await createPage(app.strapi, 'group', { name: 'Conceptgroep', kind: 'team' }, undefined, {
      draft: true,
    });
    expect((await call(app.baseUrl, 'GET', `/api/ritme/groups/${draft}`)).status).toBe(404);
    // The preview routes show a draft only when asked for it by name (an editor's link) or when shared with pilots.
    const viaPreview = await call(app.baseUrl, 'GET', `/api/ritme/preview/groups/${draft}?drafts=${draft}`, {
      token: previewToken,
    });
    expect(viaPreview.status).toBe(200);
    expect(viaPreview.body.data.name).toBe('Conceptgroep');
  });

  it('has no other way in to the submissions (no generic REST routes, no DELETE)', async () => {
    for (const [method, path] of [
      ['GET', '/api/suggestions'],
      ['GET', '/api/ritme/suggestion'],
      ['DELETE', `/api/ritme/suggestions/${ids.suggestion}`],
      // One response is one person's complete answers: no route reads them one by one, not even for editors.
      ['GET', '/api/ritme/evaluation-responses'],
      ['GET', `/api/ritme/evaluation-responses/${ids.response}`],
      ['PUT', `/api/ritme/evaluation-responses/${ids.response}`],
      ['DELETE', `/api/ritme/evaluation-responses/${ids.response}`],
      ['POST', '/api/ritme/groups'],
      ['PUT', `/api/ritme/groups/${ids.group}`],
    ] as const) {
      const response = await call(app.baseUrl, method, path, { token: editorToken, body: { data: {} } });
      expect([404, 405], `${method} ${path}`).toContain(response.status);
    }
  });

  it('gives editors the suggestion with its reply, and lets them change only status and reply', async () => {
    const updated = await call(app.baseUrl, 'PUT', `/api/ritme/suggestions/${ids.suggestion}`, {
      token: editorToken,
      body: { data: { status: 'done', reply: 'Gedaan in build 42.' } },
    });
    expect(updated.body.data).toMatchObject({ status: 'done', reply: 'Gedaan in build 42.', message: 'Een idee' });
    const sneaky = await call(app.baseUrl, 'PUT', `/api/ritme/suggestions/${ids.suggestion}`, {
      token: editorToken,
      body: { data: { message: 'Herschreven', status: 'done' } },
    });
    expect(sneaky.status).toBe(400);
    const after = await call(app.baseUrl, 'GET', `/api/ritme/suggestions/${ids.suggestion}`, { token: editorToken });
    expect(after.body.data.message).toBe('Een idee');
  });

  it('keeps the public role to exactly the public actions after a restart of the bootstrap', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    await app.strapi.db.query('plugin::users-permissions.permission').create({
      data: { action: 'plugin::ritme.suggestion.list', role: role.id },
    });
    // What the plugin's bootstrap does at every start (option publicAccess, on by default).
    await app.strapi.plugin('ritme').service('public-access').sync();
    // users-permissions caches nothing per request: the next call is checked against the database.
    const anonymous = await call(app.baseUrl, 'GET', '/api/ritme/suggestions');
    expect(anonymous.status).toBe(403);
  });
});
