/**
 * The admin panel's co-design routes (/ritme/inbox, /ritme/invites): a super
 * admin may read and answer the inbox and manage pilot invites; an admin role
 * without Ritme's permissions gets 403 everywhere, and no JWT gets 401.
 */
import { createHash } from 'node:crypto';
import { InboxSchema, PilotInviteCreatedSchema, PilotInviteSchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './harness/api';
import { bootStrapi, type TestStrapi } from './harness/strapi';

let app: TestStrapi;
let adminJwt: string;
let editorJwt: string;
let suggestionId: string;

const PASSWORD = 'Test-password-1';
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

async function adminLogin(strapi: Core.Strapi, email: string, roleId: number | string): Promise<string> {
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: 'Admin',
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [roleId],
  });
  const login = await call(app.baseUrl, 'POST', '/admin/login', { body: { email, password: PASSWORD } });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return login.body.data.token;
}

beforeAll(async () => {
  app = await bootStrapi({ env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  const s = app.strapi;
  const roles = s.service('admin::role');
  const superAdmin = await roles.getSuperAdmin();
  const editorRole = await roles.findOne({ code: 'strapi-editor' });
  expect(editorRole).toBeTruthy();
  adminJwt = await adminLogin(s, 'super@example.org', superAdmin.id);
  editorJwt = await adminLogin(s, 'editor@example.org', editorRole.id);

  const suggestion = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
    body: { data: { message: 'Maak de zoekfunctie beter', category: 'idea', name: 'Anna', pagePath: '/trainingen/' } },
  });
  expect(suggestion.status, JSON.stringify(suggestion.body)).toBe(201);
  suggestionId = suggestion.body.data.documentId;
  // Newest first is by createdAt: keep the two apart.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const question = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
    body: { data: { message: 'Waar vind ik de agenda?', category: 'question' } },
  });
  expect(question.status).toBe(201);
});
afterAll(async () => {
  await app?.stop();
});

describe('pilot invites', () => {
  let inviteId: string;

  it('creates an invite whose token and link are shown once, and stores only the hash', async () => {
    const created = await call(app.baseUrl, 'POST', '/ritme/invites', {
      token: adminJwt,
      body: { data: { name: 'Pilot Piet', email: 'piet@example.org', expiresAt: inDays(30) } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const invite = PilotInviteCreatedSchema.parse(created.body.data);
    expect(invite).toMatchObject({ name: 'Pilot Piet', email: 'piet@example.org', state: 'active', revoked: false });
    expect(invite.token.length).toBeGreaterThanOrEqual(40);
    expect(invite.link).toContain(`token=${invite.token}`);
    inviteId = invite.documentId;

    const row = await app.strapi.db
      .query('plugin::ritme.pilot-invite' as never)
      .findOne({ where: { documentId: inviteId } });
    expect(row.tokenHash).toBe(createHash('sha256').update(invite.token, 'utf8').digest('hex'));
    expect(row).not.toHaveProperty('token');
    expect(JSON.stringify(row)).not.toContain(invite.token);
  });

  it('lists invites without any token or hash', async () => {
    const list = await call(app.baseUrl, 'GET', '/ritme/invites', { token: adminJwt });
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    const [invite] = list.body.data;
    expect(PilotInviteSchema.strict().parse(invite).documentId).toBe(inviteId);
    expect(invite).not.toHaveProperty('token');
    expect(invite).not.toHaveProperty('tokenHash');
    expect(invite).not.toHaveProperty('link');
  });

  it('revokes an invite', async () => {
    const revoked = await call(app.baseUrl, 'POST', `/ritme/invites/${inviteId}/revoke`, { token: adminJwt });
    expect(revoked.status).toBe(200);
    expect(revoked.body.data).toMatchObject({ documentId: inviteId, revoked: true, state: 'revoked' });
    const list = await call(app.baseUrl, 'GET', '/ritme/invites', { token: adminJwt });
    expect(list.body.data[0].state).toBe('revoked');
  });

  it('answers 404 for an invite that does not exist', async () => {
    const missing = await call(app.baseUrl, 'POST', '/ritme/invites/abcdefghijklmnopqrstuvwx/revoke', {
      token: adminJwt,
    });
    expect(missing.status).toBe(404);
  });

  it.each([
    ['no envelope', { name: 'X', expiresAt: inDays(3) }, ''],
    ['no name', { data: { expiresAt: inDays(3) } }, 'name'],
    ['a bad email', { data: { name: 'X', email: 'nope', expiresAt: inDays(3) } }, 'email'],
    ['an expiry in the past', { data: { name: 'X', expiresAt: inDays(-1) } }, 'expiresAt'],
    ['an unknown field', { data: { name: 'X', expiresAt: inDays(3), token: 'mine' } }, ''],
  ])('rejects an invite with %s (400)', async (_, body, field) => {
    const response = await call(app.baseUrl, 'POST', '/ritme/invites', { token: adminJwt, body });
    expect(response.status).toBe(400);
    const errors: { path: string[] }[] = response.body.error.details.errors;
    expect(errors.length).toBeGreaterThan(0);
    if (field) expect(errors.map((error) => error.path.join('.'))).toContain(field);
  });
});

describe('co-design inbox', () => {
  it('lists suggestions newest first, with counts', async () => {
    const inbox = await call(app.baseUrl, 'GET', '/ritme/inbox', { token: adminJwt });
    expect(inbox.status).toBe(200);
    const { items, counts } = InboxSchema.parse(inbox.body.data);
    expect(items.map((item) => item.message)).toEqual(['Waar vind ik de agenda?', 'Maak de zoekfunctie beter']);
    expect(items[1]).toMatchObject({
      kind: 'suggestion',
      documentId: suggestionId,
      author: 'Anna',
      pagePath: '/trainingen/',
      status: 'new',
    });
    expect(counts).toEqual({
      total: 2,
      byStatus: { new: 2 },
      byCategory: { idea: 1, question: 1 },
      byKind: { suggestion: 2 },
    });
  });

  it('filters by status, category and kind (counts stay for all)', async () => {
    const ideas = await call(app.baseUrl, 'GET', '/ritme/inbox?category=idea&kind=suggestion&status=new', {
      token: adminJwt,
    });
    expect(ideas.status).toBe(200);
    expect(ideas.body.data.items.map((item: { documentId: string }) => item.documentId)).toEqual([suggestionId]);
    expect(ideas.body.data.counts.total).toBe(2);
    const feedback = await call(app.baseUrl, 'GET', '/ritme/inbox?kind=feedback', { token: adminJwt });
    expect(feedback.body.data.items).toEqual([]);
  });

  it('sets the status and the reply', async () => {
    const updated = await call(app.baseUrl, 'PUT', `/ritme/inbox/suggestion/${suggestionId}`, {
      token: adminJwt,
      body: { data: { status: 'planned', reply: 'Goed idee, we pakken het op.' } },
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.data).toMatchObject({ status: 'planned', reply: 'Goed idee, we pakken het op.' });
    expect(updated.body.data.changedAt).toBeNull();
  });

  it('marks an item changed in a build, which makes it done', async () => {
    const updated = await call(app.baseUrl, 'PUT', `/ritme/inbox/suggestion/${suggestionId}`, {
      token: adminJwt,
      body: { data: { changedInBuild: 'build-42' } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ status: 'done', changedInBuild: 'build-42' });
    expect(updated.body.data.changedAt).toEqual(expect.any(String));
    const inbox = await call(app.baseUrl, 'GET', '/ritme/inbox?status=done', { token: adminJwt });
    expect(inbox.body.data.items).toHaveLength(1);
    expect(inbox.body.data.counts.byStatus).toEqual({ new: 1, done: 1 });
  });

  it.each([
    ['an unknown status', 'suggestion', { data: { status: 'lost' } }],
    ['an empty update', 'suggestion', { data: {} }],
    ['an unknown field', 'suggestion', { data: { status: 'done', message: 'rewritten' } }],
    ['no envelope', 'suggestion', { status: 'done' }],
    ['an unknown kind', 'comment', { data: { status: 'done' } }],
  ])('rejects %s (400)', async (_, kind, body) => {
    const response = await call(app.baseUrl, 'PUT', `/ritme/inbox/${kind}/${suggestionId}`, { token: adminJwt, body });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors.length).toBeGreaterThan(0);
  });

  it('rejects an unknown query parameter or value (400)', async () => {
    for (const query of ['?status=lost', '?sort=createdAt', '?kind=comment']) {
      const response = await call(app.baseUrl, 'GET', `/ritme/inbox${query}`, { token: adminJwt });
      expect(response.status, query).toBe(400);
    }
  });

  it('answers 404 for an item that does not exist', async () => {
    const response = await call(app.baseUrl, 'PUT', '/ritme/inbox/feedback/abcdefghijklmnopqrstuvwx', {
      token: adminJwt,
      body: { data: { status: 'done' } },
    });
    expect(response.status).toBe(404);
  });
});

describe('access', () => {
  const routes = (): [string, string, unknown?][] => [
    ['GET', '/ritme/inbox'],
    ['PUT', `/ritme/inbox/suggestion/${suggestionId}`, { data: { status: 'declined' } }],
    ['GET', '/ritme/invites'],
    ['POST', '/ritme/invites', { data: { name: 'Sneaky', expiresAt: inDays(3) } }],
    ['POST', '/ritme/invites/abcdefghijklmnopqrstuvwx/revoke'],
  ];

  it('registers the three admin permissions', () => {
    const { actionProvider } = app.strapi.service('admin::permission') as unknown as {
      actionProvider: { has(id: string): boolean };
    };
    for (const action of ['plugin::ritme.inbox.read', 'plugin::ritme.inbox.update', 'plugin::ritme.invites.manage']) {
      expect(actionProvider.has(action), action).toBe(true);
    }
  });

  it('forbids an admin role without the Ritme permissions (403)', async () => {
    for (const [method, path, body] of routes()) {
      const response = await call(app.baseUrl, method, path, { token: editorJwt, body });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
  });

  it('asks for a login without a JWT, or with a made-up one (401)', async () => {
    for (const [method, path, body] of routes()) {
      expect((await call(app.baseUrl, method, path, { body })).status, `${method} ${path}`).toBe(401);
      const forged = await call(app.baseUrl, method, path, { body, token: 'not-a-jwt' });
      expect(forged.status, `${method} ${path} (forged)`).toBe(401);
    }
  });

  it('changed nothing on the way', async () => {
    const invites = await call(app.baseUrl, 'GET', '/ritme/invites', { token: adminJwt });
    expect(invites.body.data.map((invite: { name: string }) => invite.name)).toEqual(['Pilot Piet']);
    const inbox = await call(app.baseUrl, 'GET', '/ritme/inbox?status=declined', { token: adminJwt });
    expect(inbox.body.data.items).toEqual([]);
  });
});
