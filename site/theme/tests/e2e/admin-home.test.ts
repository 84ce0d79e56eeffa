/**
 * The editors' home, in Chromium: Strapi's home page of the demo app (its
 * production admin build, cms/tests/harness/admin-build.ts) shows Ritme's
 * widgets of what needs attention, with the numbers the database holds.
 *
 * An editor logs in, lands on the home page, sees new suggestions and
 * feedback, the round closing this week, the drafts waiting, the active
 * pilots and the build state, follows "new suggestions" and arrives in the
 * inbox filtered on them; no guided tour. A Dutch-speaking editor sees it in
 * Dutch. An editor without inbox.read sees no voices widget.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, type AdminAction, adminWith, type TestAdmin } from '../../../../cms/tests/harness/admins';
import { call } from '../../../../cms/tests/harness/api';
import { createPage } from '../../../../cms/tests/harness/fixtures';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { launch } from './browser';

const UI_TIMEOUT = 30_000;
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const read = (type: string): AdminAction => ({
  action: 'plugin::content-manager.explorer.read',
  subject: `plugin::ritme.${type}`,
});
const EDITOR: AdminAction[] = [
  'plugin::ritme.inbox.read',
  'plugin::ritme.invites.manage',
  'plugin::ritme.build.read',
  read('behaviour'),
  read('evaluation-round'),
];

let app: TestStrapi;
let browser: Browser;
let editor: TestAdmin;
let dutch: TestAdmin;
let drafter: TestAdmin;

beforeAll(async () => {
  app = await bootStrapi({ admin: true, env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  const s = app.strapi;
  for (const message of ['De zoekfunctie vindt niets', 'Graag een agenda per team']) {
    const sent = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
      body: { data: { message, category: 'idea' } },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  }
  const codesign = s.plugin('ritme').service('codesign');
  await codesign.createFeedback({
    message: 'Pilotfeedback: de knop is onleesbaar',
    category: 'problem',
    pagePath: '/gedrag/',
    locale: 'nl',
    section: '',
    contentRefs: [],
    build: '3',
    invite: null,
    showName: false,
  });
  await createPage(s, 'evaluation-round', { title: 'Ronde voorjaar', opensAt: inDays(-20), closesAt: inDays(3) });
  await createPage(
    s,
    'behaviour',
    { title: 'Deel je weekdoel', insteadOf: 'Communiceer beter', cadence: 'weekly', skill: 'asking_questions' },
    undefined,
    { draft: true },
  );
  await codesign.createInvite({ name: 'Pilot Petra', expiresAt: inDays(14) });

  editor = await adminWith(s, app.baseUrl, 'home-editor@example.org', EDITOR, { language: 'en' });
  dutch = await adminWith(s, app.baseUrl, 'home-redacteur@example.org', EDITOR, { language: 'nl' });
  drafter = await adminWith(s, app.baseUrl, 'home-drafter@example.org', [read('behaviour')], { language: 'en' });
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Logs in through the admin panel's own form and waits for Strapi's home page. */
async function logIn(admin: TestAdmin): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  await page.goto(`${app.baseUrl}/admin`);
  await page.getByLabel(/^(Email|E-mail)/).fill(admin.email);
  await page.getByLabel(/^(Password|Wachtwoord)/).fill(ADMIN_PASSWORD);
  await page.getByLabel(/^(Password|Wachtwoord)/).press('Enter');
  await page.waitForURL(/\/admin\/?$/);
  return page;
}

const widget = (page: Page, title: string) => page.getByRole('region', { name: title });

describe("the editors' home", () => {
  it('shows an editor what needs attention, with the right numbers, and no guided tour', async () => {
    const page = await logIn(editor);
    const voices = widget(page, 'New from colleagues and pilots');
    await voices.getByRole('link', { name: '2 new suggestions' }).waitFor();
    await voices.getByRole('link', { name: '1 new piece of pilot feedback' }).waitFor();

    const rounds = widget(page, 'Evaluation rounds');
    await rounds.getByText('1 round closes within 7 days').waitFor();
    const round = rounds.getByRole('link', { name: 'Ronde voorjaar' });
    expect(await round.getAttribute('href')).toMatch(/^\/admin\/plugins\/ritme\/rounds\/[a-z0-9]+$/);

    const drafts = widget(page, 'Drafts waiting');
    const behaviours = drafts.getByRole('link', { name: 'Example behaviours: 1 waiting' });
    await behaviours.waitFor();
    expect(await behaviours.getAttribute('href')).toContain(
      '/admin/content-manager/collection-types/plugin::ritme.behaviour',
    );
    await drafts.getByText('1 never published, 0 with unpublished changes').waitFor();

    await widget(page, 'Pilots').getByRole('link', { name: '1 active pilot' }).waitFor();
    await widget(page, 'The intranet now').getByText('No build service configured').waitFor();

    // The demo app turned Strapi's guided tour off for this browser, before the home page rendered.
    const tour = await page.evaluate(() => window.localStorage.getItem('STRAPI_GUIDED_TOUR'));
    expect(JSON.parse(tour ?? '{}')).toMatchObject({ enabled: false });
    expect(await page.getByText(/guided tour|Discover your application/i).count()).toBe(0);
    await page.context().close();
  });

  it('follows "new suggestions" to the inbox, filtered on new suggestions', async () => {
    const page = await logIn(editor);
    await widget(page, 'New from colleagues and pilots').getByRole('link', { name: '2 new suggestions' }).click();
    await page.waitForURL(/\/admin\/plugins\/ritme\?/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ kind: 'suggestion', status: 'new' });
    await page.getByRole('heading', { name: 'Co-design', level: 1 }).waitFor();
    await page.getByText('De zoekfunctie vindt niets').waitFor();
    await page.getByText('Graag een agenda per team').waitFor();
    // Feedback is filtered out.
    expect(await page.getByText('Pilotfeedback: de knop is onleesbaar').count()).toBe(0);
    await page.context().close();
  });

  it('speaks Dutch to a Dutch-speaking editor', async () => {
    const page = await logIn(dutch);
    const voices = widget(page, "Nieuw van collega's en pilots");
    await voices.getByRole('link', { name: '2 nieuwe suggesties' }).waitFor();
    await widget(page, 'Evaluatierondes').getByText('1 ronde sluit binnen 7 dagen').waitFor();
    await widget(page, 'Concepten die wachten').getByRole('link', { name: 'Voorbeeldgedrag: 1 wachten' }).waitFor();
    await widget(page, 'Pilots').getByRole('link', { name: '1 actieve pilot' }).waitFor();
    await widget(page, 'Het intranet nu').getByText('Geen buildservice ingesteld').waitFor();
    await page.context().close();
  });

  it('shows an editor without inbox.read no voices widget, only what they may see', async () => {
    const page = await logIn(drafter);
    await widget(page, 'Drafts waiting').getByRole('link', { name: 'Example behaviours: 1 waiting' }).waitFor();
    for (const title of ['New from colleagues and pilots', 'Pilots', 'The intranet now', 'Evaluation rounds']) {
      expect(await widget(page, title).count(), title).toBe(0);
    }
    expect(await page.getByText('new suggestion').count()).toBe(0);
    await page.context().close();
  });
});
