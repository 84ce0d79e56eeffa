/**
 * Who sees which draft on the preview server, and that no draft breaks it.
 * Strapi's Preview button signs a link only for an entry the asking admin may
 * read; the link names that one document, opens once, and the editor session
 * it starts shows that draft and otherwise published content. Pilots see only
 * the drafts editors shared with them — not through relations either. And an
 * incomplete draft (Strapi does not require fields before publishing) leaves
 * every preview read working, with the missing fields named.
 */
import {
  CONTENT_ROUTES,
  CONTENT_SCHEMAS,
  HomeSchema,
  itemResponseSchema,
  listResponseSchema,
  roundState,
  SharedDraftSchema,
} from '@ritme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminJwt, previewLink } from './harness/admins';
import { call, createPreviewToken } from './harness/api';
import { createPage, docs } from './harness/fixtures';
import { bootStrapi, type TestStrapi } from './harness/strapi';

const SECRET = 'preview-scope-test-secret-0123456789';
const BEHAVIOUR = 'plugin::ritme.behaviour';

let app: TestStrapi;
let previewToken: string;
const jwt: Record<'authorA' | 'authorB' | 'editor' | 'superAdmin', string> = {
  authorA: '',
  authorB: '',
  editor: '',
  superAdmin: '',
};
const ids: Record<string, string> = {};

/** A draft created in the Content Manager by an admin, as the admin panel does it (so it has a creator). */
async function draftInContentManager(token: string, uid: string, data: Record<string, unknown>): Promise<string> {
  const created = await call(app.baseUrl, 'POST', `/content-manager/collection-types/${uid}?locale=nl`, {
    token,
    body: data,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.data.documentId;
}

const preview = (path: string, drafts?: string) => {
  const url = new URL(`http://x/api/ritme/preview/${path}`);
  if (drafts) url.searchParams.set('drafts', drafts);
  return call(app.baseUrl, 'GET', `${url.pathname}${url.search}`, { token: previewToken });
};
const names = (body: { data: { name?: string; title?: string }[] }) =>
  body.data.map((entry) => entry.name ?? entry.title).sort();

beforeAll(async () => {
  app = await bootStrapi({ env: { PREVIEW_SECRET: SECRET, PREVIEW_URL: 'http://127.0.0.1:4999' } });
  const s = app.strapi;
  previewToken = await createPreviewToken(s);
  jwt.authorA = await adminJwt(s, app.baseUrl, 'author-a@example.org', 'strapi-author');
  jwt.authorB = await adminJwt(s, app.baseUrl, 'author-b@example.org', 'strapi-author');
  jwt.editor = await adminJwt(s, app.baseUrl, 'editor@example.org', 'strapi-editor');
  jwt.superAdmin = await adminJwt(s, app.baseUrl, 'super@example.org', 'strapi-super-admin');

  // Two authors' own drafts, made in the Content Manager.
  ids.ofAuthorA = await draftInContentManager(jwt.authorA, BEHAVIOUR, {
    title: 'Concept van auteur A',
    insteadOf: 'Iets vaags',
    cadence: 'weekly',
    skill: 'asking_questions',
  });
  ids.ofAuthorB = await draftInContentManager(jwt.authorB, BEHAVIOUR, {
    title: 'Concept van auteur B',
    insteadOf: 'Iets anders vaags',
    cadence: 'daily',
    skill: 'giving_feedback',
  });

  // A published group with an unpublished rename, and a draft group nobody shared: a reorganisation.
  ids.publishedGroup = await createPage(s, 'group', { name: 'Team Dijkonderhoud', kind: 'team' });
  await docs(s, 'group').update({
    documentId: ids.publishedGroup,
    locale: 'nl',
    data: { name: 'Geheime nieuwe naam' },
  });
  ids.secretGroup = await createPage(s, 'group', { name: 'Reorganisatie Waterbeheer', kind: 'project' }, undefined, {
    draft: true,
  });
  // Shared with pilots, and linked to both groups.
  ids.sharedBehaviour = await createPage(
    s,
    'behaviour',
    {
      title: 'Gedeeld concept',
      insteadOf: 'Wees zichtbaar',
      cadence: 'weekly',
      skill: 'making_work_visible',
      sharedWithPilots: true,
      groups: [ids.publishedGroup, ids.secretGroup],
    },
    undefined,
    { draft: true },
  );
  ids.unsharedBehaviour = await createPage(
    s,
    'behaviour',
    { title: 'Ongedeeld concept', insteadOf: 'Nog geheim', cadence: 'daily', skill: 'tool_basics' },
    undefined,
    { draft: true },
  );
  // A shared training with a session (sessions follow their training), an unshared one with its own.
  const session = (days: number) => ({
    startsAt: new Date(Date.now() + days * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + days * 86_400_000 + 3_600_000).toISOString(),
  });
  ids.sharedTraining = await createPage(
    s,
    'training',
    {
      title: 'Gedeelde training',
      skill: 'giving_feedback',
      sharedWithPilots: true,
      behaviours: [ids.sharedBehaviour, ids.unsharedBehaviour],
    },
    undefined,
    { draft: true },
  );
  ids.sharedSession = await createPage(
    s,
    'training-session',
    { ...session(3), location: 'Zaal gedeeld', training: ids.sharedTraining },
    undefined,
    { draft: true },
  );
  ids.unsharedTraining = await createPage(
    s,
    'training',
    { title: 'Ongedeelde training', skill: 'tool_basics' },
    undefined,
    {
      draft: true,
    },
  );
  await createPage(
    s,
    'training-session',
    { ...session(4), location: 'Zaal geheim', training: ids.unsharedTraining },
    undefined,
    {
      draft: true,
    },
  );

  // Incomplete drafts, shared so that pilots' pages include them: a round without dates, a behaviour without a skill.
  ids.incompleteRound = await createPage(
    s,
    'evaluation-round',
    { title: 'Ronde zonder data', sharedWithPilots: true },
    undefined,
    { draft: true },
  );
  ids.incompleteBehaviour = await createPage(
    s,
    'behaviour',
    { title: 'Gedrag zonder vaardigheid', sharedWithPilots: true },
    undefined,
    { draft: true },
  );
});
afterAll(async () => {
  await app?.stop();
});

describe("Strapi's Preview button", () => {
  it('gives an Author no link for another author’s draft, and one for their own', async () => {
    const target = (documentId: string) => ({ documentId, locale: 'nl' as const, status: 'draft' as const });
    expect(await previewLink(app.baseUrl, jwt.authorB, BEHAVIOUR, target(ids.ofAuthorA))).toBeNull();
    expect(await previewLink(app.baseUrl, jwt.authorA, BEHAVIOUR, target(ids.ofAuthorB))).toBeNull();
    expect(await previewLink(app.baseUrl, jwt.authorA, BEHAVIOUR, target(ids.ofAuthorA))).toMatch(/preview-entry/);
    expect(await previewLink(app.baseUrl, jwt.authorB, BEHAVIOUR, target(ids.ofAuthorB))).toMatch(/preview-entry/);
    // Editors may read every entry, so they may preview every entry.
    expect(await previewLink(app.baseUrl, jwt.editor, BEHAVIOUR, target(ids.ofAuthorA))).toMatch(/preview-entry/);
    // Without an admin behind the request (the handler called directly), there is no link at all.
    const handler = app.strapi.config.get('admin.preview.config.handler') as (u: string, t: object) => Promise<unknown>;
    expect(await handler(BEHAVIOUR, target(ids.ofAuthorA))).toBeNull();
  });

  it('signs the document, its locale and a one-time id into the link, which opens once', async () => {
    const link = await previewLink(app.baseUrl, jwt.authorA, BEHAVIOUR, {
      documentId: ids.ofAuthorA,
      locale: 'nl',
      status: 'draft',
    });
    const params = new URL(link ?? 'http://x/').searchParams;
    expect(params.get('document')).toBe(ids.ofAuthorA);
    expect(params.get('locale')).toBe('nl');
    expect(params.get('route')).toBe('behaviours');
    expect(params.get('id')).toMatch(/^[A-Za-z0-9_-]{16,}$/);

    // The preview server's own checks, on the link Strapi just signed.
    const { verifyPreviewLink } = await import('../../site/theme/src/preview/session');
    const { claimLink } = await import('../../site/theme/src/preview/used-links');
    const verified = verifyPreviewLink(SECRET, params);
    if (typeof verified === 'string') throw new Error(`The link did not verify: ${verified}`);
    expect(verified).toMatchObject({ documentId: ids.ofAuthorA, locale: 'nl', route: 'behaviours', status: 'draft' });
    // Claimed in Strapi, as every preview server process does before opening a session: once.
    const config = { cmsUrl: app.baseUrl, token: previewToken } as Parameters<typeof claimLink>[0];
    expect(await claimLink(config, verified.id, verified.exp)).toBe('claimed');
    expect(await claimLink(config, verified.id, verified.exp)).toBe('used');

    // Another document, another locale or a longer life in the same link: the signature no longer matches.
    for (const [key, value] of [
      ['document', ids.ofAuthorB],
      ['locale', 'en'],
      ['exp', String(Date.now() + 86_400_000)],
      ['id', 'another-one-time-id-123'],
    ] as const) {
      const forged = new URLSearchParams(params);
      forged.set(key, value);
      expect(verifyPreviewLink(SECRET, forged), key).toBe('invalid');
    }
  });

  it('opens an editor session that shows its document’s draft and no other draft', async () => {
    const link = await previewLink(app.baseUrl, jwt.authorA, BEHAVIOUR, {
      documentId: ids.ofAuthorA,
      locale: 'nl',
      status: 'draft',
    });
    const { verifyPreviewLink, editorSession, encodeSession, decodeSession } = await import(
      '../../site/theme/src/preview/session'
    );
    const verified = verifyPreviewLink(SECRET, new URL(link ?? 'http://x/').searchParams);
    if (typeof verified === 'string') throw new Error(`The link did not verify: ${verified}`);
    const { draftsFor } = await import('../../site/theme/src/preview/visibility');
    const session = editorSession(verified, Date.now() + 60_000);
    const drafts = draftsFor(session, 'nl');
    expect(drafts).toBe(ids.ofAuthorA);
    // The link was for Dutch: English pages are read as published.
    expect(draftsFor(session, 'en')).toBeUndefined();
    // A signed cookie of the old kind, an editor session for every draft, is no session any more.
    const everyDraft = encodeSession(SECRET, { kind: 'editor', status: 'draft', exp: Date.now() + 60_000 } as never);
    expect(decodeSession(SECRET, everyDraft)).toBeNull();
    expect(decodeSession(SECRET, encodeSession(SECRET, session))).toEqual(session);

    const behaviours = await preview('behaviours?pageSize=100', drafts);
    expect(behaviours.status, JSON.stringify(behaviours.body)).toBe(200);
    expect(names(behaviours.body)).toEqual(['Concept van auteur A']);
    expect(behaviours.body.data[0].preview).toEqual({ published: false, sharedWithPilots: false, missing: [] });

    const groups = await preview('groups?pageSize=100', drafts);
    expect(names(groups.body)).toEqual(['Team Dijkonderhoud']);
    const everything = JSON.stringify([
      (await preview('home', drafts)).body,
      (await preview('trainings?pageSize=100', drafts)).body,
      (await preview('evaluation-rounds?pageSize=100', drafts)).body,
      groups.body,
    ]);
    for (const other of ['auteur B', 'Gedeeld', 'Ongedeeld', 'Geheime nieuwe naam', 'Reorganisatie', 'zonder']) {
      expect(everything).not.toContain(other);
    }
    expect((await preview(`behaviours/${ids.ofAuthorB}`, drafts)).status).toBe(404);
  });
});

describe('pilots', () => {
  it('see the drafts editors shared with pilots, and everything else as published', async () => {
    const behaviours = await preview('behaviours?pageSize=100', 'shared');
    expect(behaviours.status, JSON.stringify(behaviours.body)).toBe(200);
    expect(names(behaviours.body)).toEqual(['Gedeeld concept', 'Gedrag zonder vaardigheid']);
    const shared = behaviours.body.data.find((b: { documentId: string }) => b.documentId === ids.sharedBehaviour);
    expect(shared.preview).toMatchObject({ published: false, sharedWithPilots: true });

    expect(names((await preview('groups?pageSize=100', 'shared')).body)).toEqual(['Team Dijkonderhoud']);
    const trainings = (await preview('trainings?pageSize=100', 'shared')).body;
    expect(names(trainings)).toEqual(['Gedeelde training']);
    // A shared training's sessions are shown with it.
    expect(trainings.data[0].sessions.map((s: { location: string }) => s.location)).toEqual(['Zaal gedeeld']);

    for (const path of [
      `groups/${ids.secretGroup}`,
      'groups/reorganisatie-waterbeheer',
      `behaviours/${ids.unsharedBehaviour}`,
      `trainings/${ids.unsharedTraining}`,
    ]) {
      expect((await preview(path, 'shared')).status, path).toBe(404);
    }
    const home = JSON.stringify((await preview('home', 'shared')).body);
    for (const secret of ['Ongedeeld', 'Reorganisatie', 'Geheime nieuwe naam', 'Zaal geheim', 'auteur']) {
      expect(home).not.toContain(secret);
    }
    expect(home).toContain('Zaal gedeeld');
  });

  it('see no unshared draft through a shared one’s relations', async () => {
    const behaviour = await preview(`behaviours/${ids.sharedBehaviour}`, 'shared');
    expect(behaviour.status).toBe(200);
    // The published group as published (not its unpublished rename); the unshared draft group not at all.
    expect(behaviour.body.data.groups).toEqual([
      expect.objectContaining({ documentId: ids.publishedGroup, name: 'Team Dijkonderhoud' }),
    ]);
    const text = JSON.stringify(behaviour.body);
    expect(text).not.toContain(ids.secretGroup);
    expect(text).not.toContain('Reorganisatie');
    expect(text).not.toContain('Geheime nieuwe naam');

    const training = JSON.stringify((await preview(`trainings/${ids.sharedTraining}`, 'shared')).body);
    expect(training).toContain('Gedeeld concept');
    expect(training).not.toContain('Ongedeeld concept');
    expect(training).not.toContain(ids.unsharedBehaviour);
  });

  it('see nothing of a new draft until an editor shares it', async () => {
    const documentId = await draftInContentManager(jwt.editor, 'plugin::ritme.group', { name: 'Nieuw concept' });
    const row = await app.strapi.db
      .query('plugin::ritme.group' as never)
      .findOne({ where: { documentId, publishedAt: null } });
    expect(row.sharedWithPilots).toBe(false);
    expect((await preview(`groups/${documentId}`, 'shared')).status).toBe(404);
    await docs(app.strapi, 'group').update({ documentId, locale: 'nl', data: { sharedWithPilots: true } });
    expect((await preview(`groups/${documentId}`, 'shared')).status).toBe(200);
    await docs(app.strapi, 'group').update({ documentId, locale: 'nl', data: { sharedWithPilots: false } });
    expect((await preview(`groups/${documentId}`, 'shared')).status).toBe(404);
  });
});

describe('the preview API', () => {
  it('shows no draft at all to a read that names no scope', async () => {
    const groups = await preview('groups?pageSize=100');
    expect(groups.status).toBe(200);
    expect(names(groups.body)).toEqual(['Team Dijkonderhoud']);
    expect((await preview(`behaviours/${ids.sharedBehaviour}`)).status).toBe(404);
  });

  it('refuses a scope that is not "shared" or a documentId', async () => {
    for (const scope of ['all', '*', 'SHARED', `${ids.secretGroup},${ids.unsharedBehaviour}`]) {
      expect((await preview('groups', scope)).status, scope).toBe(400);
    }
  });

  it('never puts a preview mark on the public routes', async () => {
    for (const path of ['/api/ritme/groups', `/api/ritme/groups/${ids.publishedGroup}`, '/api/ritme/home']) {
      const response = await call(app.baseUrl, 'GET', path);
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body), path).not.toContain('"preview"');
    }
  });
});

describe('incomplete drafts', () => {
  it('break no preview read, and say what they still lack', async () => {
    for (const drafts of [undefined, 'shared', ids.incompleteRound, ids.incompleteBehaviour]) {
      for (const locale of ['nl', 'en']) {
        const home = await preview(`home?locale=${locale}`, drafts);
        expect(home.status, `home ${drafts} ${JSON.stringify(home.body)}`).toBe(200);
        HomeSchema.parse(home.body.data);
        for (const route of CONTENT_ROUTES) {
          const list = await preview(`${route}?locale=${locale}&pageSize=100`, drafts);
          expect(list.status, `${route} ${drafts} ${JSON.stringify(list.body)}`).toBe(200);
          listResponseSchema(CONTENT_SCHEMAS[route]).parse(list.body);
        }
      }
    }

    const round = await preview(`evaluation-rounds/${ids.incompleteRound}`, 'shared');
    expect(round.status).toBe(200);
    const parsed = itemResponseSchema(CONTENT_SCHEMAS['evaluation-rounds']).parse(round.body).data;
    expect(parsed.preview).toMatchObject({ published: false, sharedWithPilots: true });
    expect(parsed.preview?.missing).toEqual(expect.arrayContaining(['opensAt', 'closesAt']));
    // Without dates it has not opened: no form to answer.
    expect(roundState(parsed, new Date())).toBe('upcoming');

    const behaviour = await preview(`behaviours/${ids.incompleteBehaviour}`, ids.incompleteBehaviour);
    expect(behaviour.status).toBe(200);
    const shown = itemResponseSchema(CONTENT_SCHEMAS.behaviours).parse(behaviour.body).data;
    expect(shown.preview?.missing).toEqual(expect.arrayContaining(['skill', 'insteadOf']));
  });
});

describe('the co-design inbox', () => {
  it('lists what is shared with pilots, for admins who may read the inbox', async () => {
    const list = await call(app.baseUrl, 'GET', '/ritme/shared-drafts', { token: jwt.superAdmin });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const shared = SharedDraftSchema.array().parse(list.body.data);
    expect(shared.map((entry) => entry.documentId).sort()).toEqual(
      [ids.sharedBehaviour, ids.sharedTraining, ids.incompleteRound, ids.incompleteBehaviour].sort(),
    );
    expect(shared.find((entry) => entry.documentId === ids.sharedBehaviour)).toMatchObject({
      route: 'behaviours',
      uid: BEHAVIOUR,
      title: 'Gedeeld concept',
      locales: [{ locale: 'nl', status: 'draft' }],
    });

    expect((await call(app.baseUrl, 'GET', '/ritme/shared-drafts', { token: jwt.authorA })).status).toBe(403);
    expect((await call(app.baseUrl, 'GET', '/ritme/shared-drafts')).status).toBe(401);
  });
});
