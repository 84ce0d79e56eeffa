/**
 * A Strapi whose email plugin is not set up (no SMTP_HOST: Strapi keeps its
 * default "sendmail" provider): the inbox says so, and answering by e-mail
 * stores the reply and answers 503 with what to set, sending nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminWith, type TestAdmin } from './harness/admins';
import { call } from './harness/api';
import { bootStrapi, type TestStrapi } from './harness/strapi';

let app: TestStrapi;
let editor: TestAdmin;

beforeAll(async () => {
  app = await bootStrapi({ env: { RITME_RATE_LIMIT_POINTS: '1000', SMTP_HOST: '' } });
  editor = await adminWith(app.strapi, app.baseUrl, 'editor@example.org', [
    'plugin::ritme.inbox.read',
    'plugin::ritme.inbox.update',
    'plugin::ritme.inbox.email',
  ]);
});
afterAll(async () => {
  await app?.stop();
});

it('says e-mail is not set up, and keeps a reply it cannot send', async () => {
  const inbox = await call(app.baseUrl, 'GET', '/ritme/inbox', { token: editor.jwt });
  expect(inbox.body.data.mail).toEqual({ configured: false });

  const sent = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
    body: { data: { message: 'Idee', category: 'idea', email: 'mo@example.org' } },
  });
  const id = sent.body.data.documentId as string;
  const response = await call(app.baseUrl, 'POST', `/ritme/inbox/suggestion/${id}/email`, {
    token: editor.jwt,
    body: { data: { reply: 'Goed idee!' } },
  });
  expect(response.status).toBe(503);
  expect(response.body.error).toMatchObject({
    message: expect.stringMatching(/E-mail is not set up.*SMTP_HOST.*the reply was saved, not sent/),
    details: { code: 'not-configured' },
  });
  const row = await app.strapi.db.query('plugin::ritme.suggestion' as never).findOne({ where: { documentId: id } });
  expect(row).toMatchObject({ reply: 'Goed idee!', status: 'in_progress', emailedAt: null });
});
