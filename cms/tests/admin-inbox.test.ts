/**
 * The co-design inbox as an editor reads and answers it (GET /ritme/inbox,
 * POST /ritme/inbox/suggestion/:id/email), against a real SMTP server on
 * loopback that Strapi's email plugin (nodemailer) sends to: items name the
 * entry they are about by title, with links, and the section by its heading;
 * a reply arrives by e-mail in the suggestion's language and is stored, never
 * twice; without an address nothing is sent; with the mail server down the
 * reply is kept and the answer says why; 1,200 items page and count right.
 */
import { InboxSchema } from '@ritme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWith, type TestAdmin } from './harness/admins';
import { call, createPreviewToken } from './harness/api';
import { createPage, docs, newDocumentId } from './harness/fixtures';
import { startSmtp, type TestSmtp } from './harness/smtp';
import { bootStrapi, type TestStrapi } from './harness/strapi';

const SITE_URL = 'http://intranet.test:4321';
const PREVIEW_URL = 'http://preview.test:4322';
const READ = 'plugin::ritme.inbox.read';
const UPDATE = 'plugin::ritme.inbox.update';
const EMAIL = 'plugin::ritme.inbox.email';

let app: TestStrapi;
let smtp: TestSmtp;
let editor: TestAdmin;
let updater: TestAdmin;
let emailer: TestAdmin;
let previewToken: string;
let behaviourId: string;
let deletedId: string;

const inbox = async (query = '', token = editor.jwt) => {
  const response = await call(app.baseUrl, 'GET', `/ritme/inbox${query}`, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return InboxSchema.parse(response.body.data);
};
const itemOf = async (documentId: string) => {
  const { items } = await inbox('?pageSize=100');
  const item = items.find((candidate) => candidate.documentId === documentId);
  if (!item) throw new Error(`${documentId} is not on the inbox's first page.`);
  return item;
};
const suggest = async (data: Record<string, unknown>) => {
  const response = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', { body: { data } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.data.documentId as string;
};
const feedback = async (data: Record<string, unknown>) => {
  const response = await call(app.baseUrl, 'POST', '/api/ritme/feedback', {
    token: previewToken,
    body: { data: { category: 'idea', locale: 'nl', build: 'b-7', invite: null, ...data } },
  });
  return response;
};
const emailReply = (documentId: string, data: Record<string, unknown>, token = editor.jwt) =>
  call(app.baseUrl, 'POST', `/ritme/inbox/suggestion/${documentId}/email`, { token, body: { data } });
const stored = (documentId: string) =>
  app.strapi.db.query('plugin::ritme.suggestion' as never).findOne({ where: { documentId } });

beforeAll(async () => {
  smtp = await startSmtp();
  app = await bootStrapi({
    env: {
      RITME_RATE_LIMIT_POINTS: '1000',
      SITE_URL,
      PREVIEW_URL,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      SMTP_FROM: 'Intranet <intranet@example.org>',
      SMTP_REPLY_TO: 'comms@example.org',
    },
  });
  const s = app.strapi;
  editor = await adminWith(s, app.baseUrl, 'editor@example.org', [READ, UPDATE, EMAIL]);
  updater = await adminWith(s, app.baseUrl, 'updater@example.org', [READ, UPDATE]);
  emailer = await adminWith(s, app.baseUrl, 'emailer@example.org', [READ, EMAIL]);
  previewToken = await createPreviewToken(s);

  const skill = 'making_work_visible';
  behaviourId = await createPage(
    s,
    'behaviour',
    { title: 'Deel elke week een update', insteadOf: 'Deel je kennis', skill },
    { title: 'Share an update every week', insteadOf: 'Share your knowledge', skill },
  );
  deletedId = await createPage(s, 'behaviour', { title: 'Weg', insteadOf: 'Weg', skill });
  await (docs(s, 'behaviour') as unknown as { delete(params: object): Promise<unknown> }).delete({
    documentId: deletedId,
    locale: '*',
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

describe('what an item is about', () => {
  it('names each entry by its title in the item’s language, linked to the Content Manager and the intranet', async () => {
    const sent = await feedback({
      message: 'Duidelijk voorbeeld',
      pagePath: `/en/behaviours/share-an-update-every-week/`,
      locale: 'en',
      section: 'how',
      sectionHeading: 'How to do it (edited)',
      contentRefs: [`behaviour:${behaviourId}`, `behaviour:${deletedId}`, `gadget:${newDocumentId()}`],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const item = await itemOf(sent.body.data.documentId);
    expect(item.entries[0]).toEqual({
      ref: `behaviour:${behaviourId}`,
      type: 'behaviour',
      documentId: behaviourId,
      title: 'Share an update every week',
      locale: 'en',
      deleted: false,
      adminPath: `/admin/content-manager/collection-types/plugin::ritme.behaviour/${behaviourId}?plugins[i18n][locale]=en`,
      pageUrl: `${SITE_URL}/en/behaviours/share-an-update-every-week/`,
    });
    // A deleted entry says so and links nowhere; an unknown type is shown as it came.
    expect(item.entries[1]).toMatchObject({ deleted: true, title: null, adminPath: null, pageUrl: null });
    expect(item.entries[2]).toMatchObject({ deleted: false, title: null, adminPath: null, pageUrl: null });
    // Feedback is seen on the preview server: its page links there.
    expect(item.pageUrl).toBe(`${PREVIEW_URL}/en/behaviours/share-an-update-every-week/`);
    expect(item.sectionHeading).toBe('How to do it (edited)');
    expect(item.build).toBe('b-7');
  });

  it('falls back to another language’s title, and links a suggestion’s page on the intranet', async () => {
    const id = await suggest({
      message: 'Meer voorbeelden graag',
      category: 'idea',
      pagePath: '/de/behaviours/x/',
      contentRef: `behaviour:${behaviourId}`,
    });
    const item = await itemOf(id);
    // No German entry: the title is another language's; the page link to a published one.
    expect(item.entries[0]?.title).toMatch(/^(Share an update every week|Deel elke week een update)$/);
    expect(item.entries[0]?.pageUrl).toMatch(new RegExp(`^${SITE_URL}/(en/behaviours|gedrag)/`));
    expect(item.pageUrl).toBe(`${SITE_URL}/de/behaviours/x/`);
  });

  it('keeps a page link on its own origin, whatever the path', async () => {
    const id = await suggest({ message: 'Rare link', category: 'problem', pagePath: '//evil.example/phish' });
    const item = await itemOf(id);
    expect(new URL(item.pageUrl ?? 'http://x').origin).toBe(SITE_URL);
  });

  it('names the section of older feedback (an id only) by the theme’s heading, Dutch or English', async () => {
    const rows = [
      { section: 'how', locale: 'nl', pagePath: '/gedrag/x/' },
      { section: 'how', locale: 'en', pagePath: '/en/behaviours/x/' },
      { section: 'sessions', locale: 'nl', pagePath: '/' },
      { section: 'sessions', locale: 'nl', pagePath: '/trainingen/x/' },
      { section: 'made-up', locale: 'nl', pagePath: '/gedrag/x/' },
    ].map((row) => ({
      ...row,
      documentId: newDocumentId(),
      message: 'Oud',
      category: 'idea',
      build: 'b-1',
      status: 'new',
      contentRefs: [],
      publishedAt: new Date().toISOString(),
    }));
    await app.strapi.db.query('plugin::ritme.feedback' as never).createMany({ data: rows });
    const headings = await Promise.all(rows.map(async (row) => (await itemOf(row.documentId)).sectionHeading));
    expect(headings).toEqual(['Zo doe je het', 'How to do it', 'Binnenkort', 'Data', null]);
  });

  it('refuses a section heading with control characters (400)', async () => {
    const response = await feedback({
      message: 'x',
      pagePath: '/',
      section: 'focus',
      sectionHeading: 'Focus\u0000<script>',
    });
    expect(response.status).toBe(400);
  });
});

describe('answering a suggestion by e-mail', () => {
  let englishId: string;

  beforeAll(async () => {
    englishId = await suggest({
      message: 'Can the search\nfind trainings too?',
      category: 'idea',
      name: 'Sam',
      email: 'sam@example.org',
      pagePath: '/en/trainings/',
    });
  });

  it('says e-mail is set up', async () => {
    expect((await inbox()).mail).toEqual({ configured: true });
  });

  it('e-mails the reply in the suggestion’s language, quoting it, and stores who sent what when', async () => {
    const before = smtp.mails.length;
    const response = await emailReply(englishId, { reply: 'Yes — from next month.\n<b>Thanks</b>' });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail?.rcptTo).toEqual(['sam@example.org']);
    expect(mail?.subject).toBe('Reply to your suggestion');
    expect(mail?.headers['reply-to']?.[0]).toContain('comms@example.org');
    expect(mail?.text).toContain('Hello Sam,');
    expect(mail?.text).toContain('Yes — from next month.\n<b>Thanks</b>');
    expect(mail?.text).toContain('> Can the search\n> find trainings too?');
    // The HTML part shows what they typed as text, never as markup.
    expect(mail?.html).toContain('&lt;b&gt;Thanks&lt;/b&gt;');
    expect(mail?.html).not.toContain('<b>');
    expect(mail?.html).toContain('<blockquote>Can the search<br>');

    expect(response.body.data).toMatchObject({
      reply: 'Yes — from next month.\n<b>Thanks</b>',
      status: 'in_progress',
      emailed: { to: 'sam@example.org', by: 'Test editor <editor@example.org>' },
    });
    const row = await stored(englishId);
    expect(row).toMatchObject({ emailedTo: 'sam@example.org', status: 'in_progress', emailSendingAt: null });
    expect(row.emailedAt).toBeTruthy();
  });

  it('does not send the same reply twice', async () => {
    const before = smtp.mails.length;
    const again = await emailReply(englishId, { reply: 'Yes — from next month.\n<b>Thanks</b>' });
    expect(again.status).toBe(409);
    expect(again.body.error.details.code).toBe('already-sent');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.length).toBe(before);
  });

  it('sends once when the button is pressed twice at the same moment', async () => {
    const before = smtp.mails.length;
    const answers = await Promise.all([
      emailReply(englishId, { reply: 'A follow-up.', status: 'planned' }),
      emailReply(englishId, { reply: 'A follow-up.', status: 'planned' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    await smtp.waitFor(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.length).toBe(before + 1);
    expect((await stored(englishId)).status).toBe('planned');
  });

  it('writes Dutch to a Dutch suggestion', async () => {
    const id = await suggest({ message: 'Agenda?', category: 'question', email: 'an@example.org', pagePath: '/' });
    const before = smtp.mails.length;
    expect((await emailReply(id, { reply: 'Staat onder Trainingen.' })).status).toBe(200);
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail?.subject).toBe('Antwoord op je suggestie');
    expect(mail?.text).toContain('Hallo,');
    expect(mail?.text).toContain('> Agenda?');
  });

  it('sends nothing when the sender left no address, and keeps the reply', async () => {
    const id = await suggest({ message: 'Anoniem idee', category: 'idea' });
    const before = smtp.mails.length;
    const response = await emailReply(id, { reply: 'Dank je!' });
    expect(response.status).toBe(409);
    expect(response.body.error.details.code).toBe('no-address');
    expect((await stored(id)).reply).toBe('Dank je!');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.length).toBe(before);
  });

  it('never lets a stored address or name inject headers', async () => {
    const documentId = newDocumentId();
    await app.strapi.db.query('plugin::ritme.suggestion' as never).create({
      data: {
        documentId,
        message: 'x',
        category: 'idea',
        status: 'new',
        email: 'victim@example.org\r\nBcc: evil@example.org',
        publishedAt: new Date().toISOString(),
      },
    });
    const before = smtp.mails.length;
    const response = await emailReply(documentId, { reply: 'Hi' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.code).toBe('bad-address');

    const named = await suggest({ message: 'y', category: 'idea', email: 'ok@example.org' });
    await app.strapi.db
      .query('plugin::ritme.suggestion' as never)
      .update({ where: { documentId: named }, data: { name: 'Eve\r\nBcc: evil@example.org' } });
    expect((await emailReply(named, { reply: 'Subject: fake\r\nBcc: evil@example.org' })).status).toBe(200);
    const mails = (await smtp.waitFor(before + 1)).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.rcptTo).toEqual(['ok@example.org']);
    expect(mails[0]?.headers.bcc).toBeUndefined();
    expect(mails[0]?.subject).toBe('Antwoord op je suggestie');
  });

  it('rejects an empty reply or unknown fields (400) and an unknown suggestion (404)', async () => {
    expect((await emailReply(englishId, { reply: '   ' })).status).toBe(400);
    expect((await emailReply(englishId, { reply: 'x', to: 'evil@example.org' })).status).toBe(400);
    expect((await emailReply('abcdefghijklmnopqrstuvwx', { reply: 'x' })).status).toBe(404);
  });

  it('needs the e-mail and the update permission (403), and a login (401)', async () => {
    const before = smtp.mails.length;
    expect((await emailReply(englishId, { reply: 'Sneaky' }, updater.jwt)).status).toBe(403);
    // It stores the reply and status too, so it needs inbox.update as well.
    expect((await emailReply(englishId, { reply: 'Sneaky' }, emailer.jwt)).status).toBe(403);
    expect(
      (
        await call(app.baseUrl, 'POST', `/ritme/inbox/suggestion/${englishId}/email`, {
          body: { data: { reply: 'x' } },
        })
      ).status,
    ).toBe(401);
    expect((await stored(englishId)).reply).toBe('A follow-up.');
    expect(smtp.mails.length).toBe(before);
  });

  it('with the mail server down, keeps the reply and says what failed', async () => {
    const id = await suggest({ message: 'Kapot', category: 'problem', email: 'kim@example.org', pagePath: '/' });
    await smtp.stop();
    try {
      const response = await emailReply(id, { reply: 'We kijken ernaar.' });
      expect(response.status).toBe(502);
      expect(response.body.error.message).toMatch(
        /saved but could not be e-mailed to kim@example\.org: .*(ECONNREFUSED|connect)/i,
      );
      const row = await stored(id);
      expect(row).toMatchObject({ reply: 'We kijken ernaar.', emailedAt: null, emailSendingAt: null });
    } finally {
      await smtp.restart();
    }
    // Once it is back, the same reply can go out.
    const before = smtp.mails.length;
    expect((await emailReply(id, { reply: 'We kijken ernaar.' })).status).toBe(200);
    await smtp.waitFor(before + 1);
  });
});

describe('1,200 items: pages and counts from the database', () => {
  let all: number;

  beforeAll(async () => {
    const start = Date.parse('2020-01-01T00:00:00Z');
    const statuses = ['new', 'planned', 'in_progress', 'done', 'declined'] as const;
    const at = (i: number) => new Date(start + i * 60_000).toISOString();
    const suggestions = Array.from({ length: 700 }, (_, i) => ({
      documentId: newDocumentId(),
      message: `Bulk suggestion ${i}`,
      category: 'praise',
      status: statuses[i % 5],
      createdAt: at(i * 2),
      updatedAt: at(i * 2),
      publishedAt: at(i * 2),
    }));
    const feedbacks = Array.from({ length: 500 }, (_, i) => ({
      documentId: newDocumentId(),
      message: `Bulk feedback ${i}`,
      category: 'praise',
      status: statuses[i % 5],
      pagePath: '/',
      locale: 'nl',
      build: 'bulk',
      contentRefs: [],
      createdAt: at(i * 2 + 1),
      updatedAt: at(i * 2 + 1),
      publishedAt: at(i * 2 + 1),
    }));
    await app.strapi.db.query('plugin::ritme.suggestion' as never).createMany({ data: suggestions });
    await app.strapi.db.query('plugin::ritme.feedback' as never).createMany({ data: feedbacks });
    const count = (uid: string) => app.strapi.db.query(uid as never).count({});
    all = (await count('plugin::ritme.suggestion')) + (await count('plugin::ritme.feedback'));
  }, 120_000);

  it('counts every item, per status, category and kind', async () => {
    const { counts, pagination } = await inbox();
    expect(all).toBeGreaterThan(1200);
    expect(counts.total).toBe(all);
    expect(pagination).toEqual({ page: 1, pageSize: 25, pageCount: Math.ceil(all / 25), total: all });
    expect(counts.byCategory.praise).toBe(1200);
    expect(counts.byKind.suggestion).toBeGreaterThan(700);
    expect(counts.byKind.feedback).toBeGreaterThan(500);
    expect(Object.values(counts.byStatus).reduce((sum, n) => sum + n, 0)).toBe(all);
  });

  it('pages through all of them, newest first, each once', async () => {
    const seen: string[] = [];
    const created: string[] = [];
    const { pagination } = await inbox('?pageSize=100');
    for (let page = 1; page <= pagination.pageCount; page++) {
      const result = await inbox(`?pageSize=100&page=${page}`);
      expect(result.items.length).toBe(page < pagination.pageCount ? 100 : all - 100 * (pagination.pageCount - 1));
      seen.push(...result.items.map((item) => `${item.kind}:${item.documentId}`));
      created.push(...result.items.map((item) => item.createdAt));
    }
    expect(seen).toHaveLength(all);
    expect(new Set(seen).size).toBe(all);
    expect([...created].sort().reverse()).toEqual(created);
    expect((await inbox(`?pageSize=100&page=${pagination.pageCount + 1}`)).items).toEqual([]);
  });

  it('pages a filter: its total is what matches, the counts stay for all', async () => {
    const result = await inbox('?kind=feedback&status=done&category=praise&pageSize=30&page=4');
    expect(result.pagination).toEqual({ page: 4, pageSize: 30, pageCount: 4, total: 100 });
    expect(result.items).toHaveLength(10);
    expect(result.items.every((item) => item.kind === 'feedback' && item.status === 'done')).toBe(true);
    expect(result.counts.total).toBe(all);
  });

  it('rejects a page size above 100 or a page below 1 (400)', async () => {
    for (const query of ['?pageSize=101', '?page=0', '?page=x', '?pageSize=-1']) {
      const response = await call(app.baseUrl, 'GET', `/ritme/inbox${query}`, { token: editor.jwt });
      expect(response.status, query).toBe(400);
    }
  });
});
