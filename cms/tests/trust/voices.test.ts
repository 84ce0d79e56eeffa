/**
 * The voices that come back are not content: no admin role — not an Editor,
 * not even a Super Admin — reaches suggestions, answers, feedback, invites or
 * frozen results through the Content Manager (UI or API, however the type is
 * spelled); the plugin's own admin routes, behind their own permissions, are
 * the only way in. Ordinary content stays editable for editors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminJwt } from '../harness/admins';
import { call, countRows } from '../harness/api';
import { bootStrapi, type TestStrapi } from '../harness/strapi';

let app: TestStrapi;
let superJwt: string;
let editorJwt: string;
const VOICES = ['suggestion', 'evaluation-response', 'feedback', 'pilot-invite', 'round-result'];

beforeAll(async () => {
  app = await bootStrapi({ env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  superJwt = await adminJwt(app.strapi, app.baseUrl, 'super@voices.test', 'strapi-super-admin');
  editorJwt = await adminJwt(app.strapi, app.baseUrl, 'editor@voices.test', 'strapi-editor');
  const sent = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
    body: { data: { message: 'Geheim voorstel', category: 'idea', name: 'Anna', email: 'anna@example.org' } },
  });
  expect(sent.status).toBe(201);
});
afterAll(async () => {
  await app?.stop();
});

const cm = (jwt: string, method: string, path: string, body?: unknown) =>
  call(app.baseUrl, method, `/content-manager${path}`, { token: jwt, ...(body ? { body } : {}) });

describe('the Content Manager', () => {
  it('does not list, read, create or change any voice, for any role', async () => {
    for (const jwt of [superJwt, editorJwt]) {
      for (const name of VOICES) {
        const uid = `plugin::ritme.${name}`;
        const list = await cm(jwt, 'GET', `/collection-types/${uid}`);
        expect(list.status, `${name} list`).toBe(403);
        expect(JSON.stringify(list.body)).not.toContain('anna@example.org');
        expect((await cm(jwt, 'POST', `/collection-types/${uid}`, { message: 'x', category: 'idea' })).status).toBe(
          403,
        );
        expect((await cm(jwt, 'GET', `/content-types/${uid}/configuration`)).status).toBe(403);
        expect((await cm(jwt, 'GET', `/history-versions?contentType=${uid}`)).status).toBe(403);
      }
    }
  });

  it('refuses every spelling of the type name', async () => {
    const before = await countRows(app.strapi, 'feedback');
    const spellings = [
      'plugin%3A%3Aritme.feedback',
      'plugin%253A%253Aritme.feedback',
      'PLUGIN::RITME.FEEDBACK',
      'plugin::ritme.Feedback',
    ];
    for (const spelled of spellings) {
      const forged = { message: 'Namens een collega', category: 'praise', pagePath: '/', locale: 'nl', build: 'x' };
      for (const path of [`/collection-types/${spelled}`, `//collection-types/${spelled}`]) {
        const response = await cm(editorJwt, 'POST', path, forged);
        expect(response.status, path).toBeGreaterThanOrEqual(400);
      }
      const list = await call(app.baseUrl, 'GET', `/Content-Manager/collection-types/${spelled}`, { token: superJwt });
      expect(list.status, spelled).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(list.body)).not.toContain('Geheim voorstel');
    }
    expect(await countRows(app.strapi, 'feedback')).toBe(before);
  });

  it('keeps no Content Manager permission on a voice in any role', async () => {
    const rows = await app.strapi.db.query('admin::permission' as never).findMany({
      where: { subject: { $in: VOICES.map((name) => `plugin::ritme.${name}`) } },
    });
    expect(rows.filter((row: { action: string }) => row.action.startsWith('plugin::content-manager.'))).toEqual([]);
  });

  it("drops such a permission left from before, with Strapi's own clean-up at start", async () => {
    const editorRole = await app.strapi.service('admin::role').findOne({ code: 'strapi-editor' });
    const permissions = app.strapi.db.query('admin::permission' as never);
    await permissions.create({
      data: {
        action: 'plugin::content-manager.explorer.read',
        subject: 'plugin::ritme.suggestion',
        properties: {},
        conditions: [],
        role: editorRole.id,
      },
    });
    await app.strapi.service('admin::permission').cleanPermissionsInDatabase();
    expect(await permissions.count({ where: { subject: 'plugin::ritme.suggestion' } })).toBe(0);
  });

  it('still lets an editor work on content', async () => {
    const list = await cm(editorJwt, 'GET', '/collection-types/plugin::ritme.behaviour?locale=nl');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
  });

  it("leaves the plugin's own inbox to its permissions: a super admin reads it, an editor does not", async () => {
    const inbox = await call(app.baseUrl, 'GET', '/ritme/inbox', { token: superJwt });
    expect(inbox.status).toBe(200);
    expect(JSON.stringify(inbox.body)).toContain('Geheim voorstel');
    expect((await call(app.baseUrl, 'GET', '/ritme/inbox', { token: editorJwt })).status).toBe(403);
  });
});
