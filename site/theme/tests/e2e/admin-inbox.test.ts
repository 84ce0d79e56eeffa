/**
 * The co-design inbox in Strapi's admin panel, in Chromium, against a seeded
 * Strapi (SQLite) whose email plugin sends to a real SMTP server on loopback
 * that this test starts. An editor logs in, opens the inbox, sees what an item
 * is about — the entry's title linked to the Content Manager, the section by
 * its heading — answers a suggestion by e-mail, the mail arrives, and the item
 * says it was e-mailed. With more items than fit one page, the inbox pages.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, adminWith, type TestAdmin } from '../../../../cms/tests/harness/admins';
import { call, createPreviewToken } from '../../../../cms/tests/harness/api';
import { newDocumentId } from '../../../../cms/tests/harness/fixtures';
import { startSmtp, type TestSmtp } from '../../../../cms/tests/harness/smtp';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { launch } from './browser';

const UI_TIMEOUT = 30_000;
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../../docs/screenshots');
const QUESTION = 'Kunnen de trainingen ook in de agenda komen?';
const OTHER = 'Is er een training over feedback geven?';
const ANSWER = 'Ja, vanaf volgende maand staan ze in de agenda.';

let app: TestStrapi;
let smtp: TestSmtp;
let browser: Browser;
let editor: TestAdmin;
let page: Page;
let behaviour: { documentId: string; title: string };

beforeAll(async () => {
  smtp = await startSmtp();
  app = await bootStrapi({
    seed: true,
    admin: true,
    env: {
      RITME_RATE_LIMIT_POINTS: '1000',
      SITE_URL: 'http://intranet.test',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_FROM: 'Intranet <intranet@example.org>',
    },
  });
  editor = await adminWith(
    app.strapi,
    app.baseUrl,
    'inbox-editor@example.org',
    ['plugin::ritme.inbox.read', 'plugin::ritme.inbox.update', 'plugin::ritme.inbox.email'],
    { language: 'en' },
  );
  // A published behaviour of the seed, and feedback on its "how" section from the preview server.
  const [found] = (await app.strapi.db.query('plugin::ritme.behaviour' as never).findMany({
    where: { locale: 'nl', publishedAt: { $notNull: true } },
    limit: 1,
  })) as { documentId: string; title: string }[];
  if (!found) throw new Error('The seed has no published behaviour.');
  behaviour = found;
  const previewToken = await createPreviewToken(app.strapi);
  const feedback = await call(app.baseUrl, 'POST', '/api/ritme/feedback', {
    token: previewToken,
    body: {
      data: {
        message: 'Het stappenplan is helder.',
        category: 'praise',
        pagePath: '/gedrag/x/',
        locale: 'nl',
        section: 'how',
        sectionHeading: 'Zo doe je het',
        contentRefs: [`behaviour:${behaviour.documentId}`],
        build: 'build-12',
        invite: null,
      },
    },
  });
  if (feedback.status !== 201) throw new Error(`Feedback was refused: ${JSON.stringify(feedback.body)}`);
  // More items than one page holds (25), all older than what the test looks at.
  await app.strapi.db.query('plugin::ritme.suggestion' as never).createMany({
    data: Array.from({ length: 30 }, (_, i) => ({
      documentId: newDocumentId(),
      message: `Ouder idee ${i}`,
      category: 'idea',
      status: 'new',
      createdAt: new Date(Date.parse('2020-01-01') + i * 1000).toISOString(),
      publishedAt: new Date().toISOString(),
    })),
  });
  const suggestion = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
    body: { data: { message: QUESTION, category: 'question', name: 'Noor', email: 'noor@example.org', pagePath: '/' } },
  });
  if (suggestion.status !== 201) throw new Error(`Suggestion was refused: ${JSON.stringify(suggestion.body)}`);
  const other = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
    body: { data: { message: OTHER, category: 'question', email: 'jip@example.org', pagePath: '/en/' } },
  });
  if (other.status !== 201) throw new Error(`Suggestion was refused: ${JSON.stringify(other.body)}`);
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.stop();
});

const card = (text: string) => page.getByRole('article').filter({ hasText: text });

describe('the co-design inbox in the admin', () => {
  it('shows what an item is about: the entry by its title, linked, and the section by its heading', async () => {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.goto(`${app.baseUrl}/admin`);
    await page.getByLabel('Email').fill(editor.email);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('link', { name: 'Co-design inbox' }).click();
    await page.waitForURL(/\/admin\/plugins\/ritme$/);

    const item = card('Het stappenplan is helder.');
    const entry = item.getByRole('link', { name: `${behaviour.title} — edit in the Content Manager` });
    expect(await entry.getAttribute('href')).toBe(
      `/admin/content-manager/collection-types/plugin::ritme.behaviour/${behaviour.documentId}?plugins[i18n][locale]=nl`,
    );
    await item.getByText('Zo doe je het').waitFor();
    await item.getByText('build-12').waitFor();
    expect(await item.getByText('#how').count()).toBe(0);
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-inbox.png') });
  });

  it('answers a suggestion by e-mail: the mail arrives, and the item says it was e-mailed', async () => {
    const item = card(QUESTION);
    await item.getByRole('button', { name: 'Answer' }).click();
    await item.getByLabel('Reply').fill(ANSWER);
    const send = item.getByRole('button', { name: 'Send by e-mail to noor@example.org' });
    // A double click sends one mail.
    await send.dblclick();
    const [mail] = await smtp.waitFor(1);
    expect(mail?.rcptTo).toEqual(['noor@example.org']);
    expect(mail?.subject).toBe('Antwoord op je suggestie');
    expect(mail?.text).toContain(ANSWER);
    expect(mail?.text).toContain(`> ${QUESTION}`);
    await card(QUESTION)
      .getByText(/^E-mailed to noor@example\.org on .+ by Test inbox-editor/)
      .waitFor();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.mails).toHaveLength(1);
  });

  it('with the mail server down, says the e-mail was not sent and keeps the reply as typed', async () => {
    const item = card(OTHER);
    await item.getByRole('button', { name: 'Answer' }).click();
    await item.getByLabel('Reply').fill('Yes, in March.');
    await smtp.stop();
    try {
      await item.getByRole('button', { name: 'Send by e-mail to jip@example.org' }).click();
      await page.getByText('The e-mail was not sent').waitFor();
      await page
        .getByText(/could not be e-mailed to jip@example\.org/)
        .first()
        .waitFor();
      expect(await item.getByLabel('Reply').inputValue()).toBe('Yes, in March.');
    } finally {
      await smtp.restart();
    }
    const before = smtp.mails.length;
    await item.getByRole('button', { name: 'Send by e-mail to jip@example.org' }).click();
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail?.subject).toBe('Reply to your suggestion');
    await card(OTHER)
      .getByText(/^E-mailed to jip@example\.org on /)
      .waitFor();
  });

  it('pages through more items than fit one page', async () => {
    const pages = page.getByRole('navigation', { name: 'Inbox pages' });
    expect(await pages.getByRole('button', { name: 'Page 1' }).getAttribute('aria-current')).toBe('page');
    await pages.getByRole('button', { name: 'Next page' }).click();
    await card('Ouder idee 0').waitFor();
    expect(await pages.getByRole('button', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page');
    // The new page's list has the focus, so the keyboard goes on from its first item.
    expect(await page.evaluate(() => document.activeElement?.textContent?.includes('Ouder idee'))).toBe(true);
    expect(await card(QUESTION).count()).toBe(0);
  });
});
