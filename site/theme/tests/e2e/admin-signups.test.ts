/**
 * Session sign-ups in the Strapi admin panel, in Chromium, against a seeded
 * Strapi (SQLite) serving this run's admin build: an editor with Strapi's
 * Editor role and Ritme's sign-up permission finds a session under "Session
 * sign-ups" with its counts, opens it, sees who is confirmed and who waits (in
 * order), and downloads the list as CSV; an editor without the permission has
 * no such menu item and is refused the page.
 * Sign-ups come in through the public API, as the intranet's form sends them.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, adminJwt } from '../../../../cms/tests/harness/admins';
import { call } from '../../../../cms/tests/harness/api';
import { createPage } from '../../../../cms/tests/harness/fixtures';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { launch } from './browser';

const UI_TIMEOUT = 30_000;
const TEST_TIMEOUT = 120_000;
const EDITOR = 'signups-editor@example.org';
const AUTHOR = 'signups-author@example.org';
const DAY = 86_400_000;

let app: TestStrapi;
let browser: Browser;
let sessionId: string;

/** Gives one of Strapi's roles Ritme's sign-up permission, as an admin does in Settings → Roles. */
async function grant(roleCode: string, action: string) {
  const roles = app.strapi.service('admin::role');
  const role = await roles.findOne({ code: roleCode });
  const current = (await app.strapi.db.query('admin::permission').findMany({ where: { role: role.id } })) as {
    action: string;
    subject: string | null;
    conditions: string[];
    properties: Record<string, unknown> | null;
  }[];
  await roles.assignPermissions(role.id, [
    ...current.map(({ action: held, subject, conditions, properties }) => ({
      action: held,
      subject,
      conditions,
      properties: properties ?? {},
    })),
    { action, subject: null, conditions: [], properties: {} },
  ]);
}

async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  await page.goto(`${app.baseUrl}/admin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('navigation').first().waitFor();
  return page;
}

beforeAll(async () => {
  app = await bootStrapi({ seed: true, admin: true, env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  await grant('strapi-editor', 'plugin::ritme.signups.read');
  await adminJwt(app.strapi, app.baseUrl, EDITOR, 'strapi-editor');
  await adminJwt(app.strapi, app.baseUrl, AUTHOR, 'strapi-author');
  const training = await createPage(app.strapi, 'training', { title: 'Aanmelden oefenen', skill: 'asking_questions' });
  const startsAt = new Date(Date.now() + 4 * DAY).toISOString();
  sessionId = await createPage(app.strapi, 'training-session', {
    training,
    startsAt,
    endsAt: new Date(Date.now() + 4 * DAY + 2 * 3_600_000).toISOString(),
    seats: 1,
    location: 'Zaal 1',
  });
  for (const [name, email] of [
    ['Ada Eerst', 'ada@example.org'],
    ['Bo Tweede', 'bo@example.org'],
    ['Cas Derde', 'cas@example.org'],
  ]) {
    const sent = await call(app.baseUrl, 'POST', '/api/ritme/signups', {
      body: { data: { session: sessionId, name, email, locale: 'nl' } },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  }
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('session sign-ups in the admin', () => {
  it(
    'lists the session with its counts, shows who is confirmed and who waits, and exports them as CSV',
    async () => {
      const context = await browser.newContext({
        locale: 'en-GB',
        timezoneId: 'Europe/Amsterdam',
        acceptDownloads: true,
      });
      const page = await signIn(context, EDITOR);
      await page.getByRole('link', { name: 'Session sign-ups' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Aanmelden oefenen' });
      await row.getByText('1 of 1 seats').waitFor();
      expect((await row.getByRole('gridcell').allTextContents())[3]).toBe('2');

      await row.getByRole('link', { name: 'Aanmelden oefenen' }).click();
      await page.waitForURL(new RegExp(`/admin/plugins/ritme/signups/${sessionId}$`));
      const people = page.getByRole('row').filter({ hasText: '@example.org' });
      await expect.poll(() => people.count()).toBe(3);
      const cells = async (n: number) => (await people.nth(n).getByRole('gridcell').allTextContents()).slice(0, 3);
      expect(await cells(0)).toEqual(['Ada Eerst', 'ada@example.org', 'Confirmed']);
      expect(await cells(1)).toEqual(['Bo Tweede', 'bo@example.org', 'Waiting list, place 1']);
      expect(await cells(2)).toEqual(['Cas Derde', 'cas@example.org', 'Waiting list, place 2']);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export as CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^signups-\\d{4}-\\d{2}-\\d{2}-${sessionId}\\.csv$`));
      const csv = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '');
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toBe('Name,E-mail,Status,Waiting list place,Signed up at,Confirmed at,Cancelled at,Language');
      expect(lines.slice(1).map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
        'Ada Eerst,ada@example.org,confirmed,',
        'Bo Tweede,bo@example.org,waiting,1',
        'Cas Derde,cas@example.org,waiting,2',
      ]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows no sign-ups to an editor without the permission',
    async () => {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await signIn(context, AUTHOR);
      expect(await page.getByRole('link', { name: 'Session sign-ups' }).count()).toBe(0);
      await page.goto(`${app.baseUrl}/admin/plugins/ritme/signups/${sessionId}`);
      await page.getByText(/don't have the permissions|do not have the permissions/i).waitFor();
      expect(await page.getByText('ada@example.org').count()).toBe(0);
      await context.close();
    },
    TEST_TIMEOUT,
  );
});
