/**
 * Evaluation rounds in the Strapi admin panel, in Chromium, against a seeded
 * Strapi (SQLite) serving this run's admin build: an editor edits a round's
 * questions without JSON (adds one, labels it in both languages, moves it up,
 * saves, reloads: order and keys kept, and a later label edit keeps the key);
 * reads results — only the count below the minimum, the answers per question
 * above it, a scale question as a bar chart; and closes a round for good once
 * its follow-up is written. The editor has Strapi's Editor role, given the
 * languages and Ritme's round permissions as an admin would.
 *
 * The rounds themselves are created through the Document Service (Strapi's
 * date-time pickers are not what this tests), answers through the public API.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, adminJwt, grantToRole } from '../../../../cms/tests/harness/admins';
import { call } from '../../../../cms/tests/harness/api';
import { docs } from '../../../../cms/tests/harness/fixtures';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { launch } from './browser';

const UI_TIMEOUT = 30_000;
const TEST_TIMEOUT = 120_000;
const EMAIL = 'rounds-editor@example.org';
const ROUND = 'plugin::ritme.evaluation-round';
const MINUTE = 60_000;

let app: TestStrapi;
let browser: Browser;
let page: Page;

const rounds = () => docs(app.strapi, 'evaluation-round');

/** Gives Strapi's own Editor role Ritme's round permissions and publishing rounds, as an admin does in Settings → Roles. */
const grantRoundActions = () =>
  grantToRole(app.strapi, 'strapi-editor', [
    'plugin::ritme.rounds.read',
    'plugin::ritme.rounds.close',
    // Strapi's Editor role may not publish out of the box; the follow-up must be published.
    { action: 'plugin::content-manager.explorer.publish', subject: ROUND, properties: { locales: ['nl', 'en'] } },
  ]);
const storedQuestions = async (documentId: string) =>
  (await app.strapi.db.query(ROUND as never).findOne({ where: { documentId, locale: 'nl', publishedAt: null } }))
    .questions as {
    key: string;
    label: Record<string, string>;
  }[];

/** A published Dutch round, open now, taking `answers` through the public API, then closed. */
async function answeredRound(title: string, answers: Record<string, string>[], questions?: unknown[]): Promise<string> {
  const now = Date.now();
  const { documentId } = await rounds().create({
    locale: 'nl',
    data: {
      title,
      opensAt: new Date(now - 60 * MINUTE).toISOString(),
      closesAt: new Date(now + 60 * MINUTE).toISOString(),
      minimumResponses: 3,
      ...(questions ? { questions } : {}),
    },
  });
  await rounds().publish({ documentId, locale: 'nl' });
  for (const answer of answers) {
    const sent = await call(app.baseUrl, 'POST', '/api/ritme/evaluation-responses', {
      body: { data: { round: documentId, answers: answer } },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  }
  // Closed now: after the last answer (answers count only inside the window), and before any look at results.
  await new Promise((resolve) => setTimeout(resolve, 20));
  await rounds().update({ documentId, locale: 'nl', data: { closesAt: new Date().toISOString() } });
  await rounds().publish({ documentId, locale: 'nl' });
  return documentId;
}

beforeAll(async () => {
  app = await bootStrapi({ seed: true, admin: true, env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  // Strapi's Editor role (the demo gives it both languages), with Ritme's round permissions an admin would give it.
  await grantRoundActions();
  await adminJwt(app.strapi, app.baseUrl, EMAIL, 'strapi-editor');
  browser = await launch();
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Amsterdam' });
  page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  await page.goto(`${app.baseUrl}/admin`);
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('link', { name: 'Evaluation rounds' }).waitFor();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const question = (n: number) => page.getByRole('group', { name: `Question ${n}`, exact: true });

describe('round questions without JSON', () => {
  it(
    'prefills a new round, adds a question labelled in both languages, moves it up, saves, and keeps order and keys after a reload',
    async () => {
      const { documentId } = await rounds().create({
        locale: 'nl',
        data: {
          title: 'Vragen bewerken',
          opensAt: new Date(Date.now() + 60 * MINUTE).toISOString(),
          closesAt: new Date(Date.now() + 600 * MINUTE).toISOString(),
        },
      });
      // A new round in the Content Manager starts with the seed's three questions.
      await page.goto(`${app.baseUrl}/admin/content-manager/collection-types/${ROUND}/create?plugins[i18n][locale]=nl`);
      await expect.poll(() => question(3).getByRole('textbox').nth(1).inputValue()).toBe('What helps us move forward?');
      expect(await question(4).count()).toBe(0);

      await page.goto(
        `${app.baseUrl}/admin/content-manager/collection-types/${ROUND}/${documentId}?plugins[i18n][locale]=nl`,
      );
      // The seed's three, prefilled in both languages.
      await expect.poll(() => question(1).getByRole('textbox').nth(0).inputValue()).toBe('Wat werkt goed?');
      expect(await question(1).getByRole('textbox').nth(1).inputValue()).toBe('What works well?');

      await page.getByRole('button', { name: 'Add a question' }).click();
      await question(4).getByRole('textbox').nth(0).fill('Wat mis je nog?');
      await question(4).getByRole('textbox').nth(1).focus();
      await question(4).getByText('Key: wat_mis_je_nog').waitFor();
      await question(4).getByRole('textbox').nth(1).fill('What do you still miss?');
      // With the keyboard: focus the button, press Enter.
      await page.getByRole('button', { name: 'Move question 4 up' }).focus();
      await page.keyboard.press('Enter');
      expect(await question(3).getByRole('textbox').nth(0).inputValue()).toBe('Wat mis je nog?');

      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved').first().waitFor();
      await page.reload();
      await expect.poll(() => question(3).getByRole('textbox').nth(1).inputValue()).toBe('What do you still miss?');
      await question(3).getByText('Key: wat_mis_je_nog').waitFor();
      expect((await storedQuestions(documentId)).map((q) => q.key)).toEqual([
        'works_well',
        'obstacles',
        'wat_mis_je_nog',
        'next_steps',
      ]);

      // A later label edit keeps the key.
      await question(3).getByRole('textbox').nth(0).fill('Wat mis je nu nog?');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(async () => (await storedQuestions(documentId))[2])
        .toEqual({ key: 'wat_mis_je_nog', label: { nl: 'Wat mis je nu nog?', en: 'What do you still miss?' } });
    },
    TEST_TIMEOUT,
  );
});

describe("a round's results in the admin", () => {
  it(
    'shows only the count below the minimum',
    async () => {
      const documentId = await answeredRound('Te weinig antwoorden', [
        { works_well: 'Zoeken' },
        { works_well: 'Agenda' },
      ]);
      await page.getByRole('link', { name: 'Evaluation rounds' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Te weinig antwoorden' });
      await row.getByText('2 of the 3 answers needed').waitFor();
      await row.getByRole('link', { name: 'Te weinig antwoorden' }).click();
      await page.waitForURL(new RegExp(`/admin/plugins/ritme/rounds/${documentId}$`));
      await page.getByText('Only 2 answers came in; answers are shown from 3').waitFor();
      expect(await page.getByText('Zoeken').count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the answers per question above it, and closes the round for good once the follow-up is written',
    async () => {
      const documentId = await answeredRound('Genoeg antwoorden', [
        { works_well: 'Zoeken', obstacles: 'Wifi' },
        { works_well: 'Agenda' },
        { works_well: 'Nieuws' },
      ]);
      await page.goto(`${app.baseUrl}/admin/plugins/ritme/rounds/${documentId}`);
      const works = page.getByRole('region', { name: 'What works well?' });
      await works.waitFor();
      expect(await works.getByRole('listitem').allTextContents()).toEqual(['Agenda', 'Nieuws', 'Zoeken']);
      const close = page.getByRole('button', { name: 'Close for good' });
      expect(await close.isDisabled()).toBe(true);
      await page.getByText('Write and publish the follow-up in every language first (missing: nl).').waitFor();

      // The follow-up, written and published in the Content Manager.
      await page.getByRole('link', { name: 'Edit in the Content Manager' }).click();
      await page.waitForURL(/\/content-manager\/collection-types\//);
      await page.locator('textarea[name="followUp"]').fill('Jullie vroegen om betere zoekresultaten, daarom…');
      await page.getByRole('button', { name: 'Publish' }).click();
      await page.getByText('Published').first().waitFor();

      await page.goto(`${app.baseUrl}/admin/plugins/ritme/rounds/${documentId}`);
      await page.getByText('Jullie vroegen om betere zoekresultaten, daarom…').waitFor();
      await expect.poll(() => close.isEnabled()).toBe(true);
      await close.click();
      await page.getByText('The round is closed for good.').waitFor();
      await page.getByText(/^Closed for good on /).waitFor();
      const row = await app.strapi.db.query(ROUND as never).findOne({ where: { documentId, locale: 'nl' } });
      expect(row.closedForGoodAt).toBeTruthy();
    },
    TEST_TIMEOUT,
  );

  it(
    'draws a scale question as a bar chart, with the numbers as text',
    async () => {
      const documentId = await answeredRound(
        'Schaalvraag',
        [{ score: '4' }, { score: '4' }, { score: '2', why: 'Traag' }],
        [
          { key: 'score', label: { nl: 'Hoe tevreden ben je?', en: 'How satisfied are you?' }, kind: 'scale' },
          { key: 'why', label: { nl: 'Waarom?', en: 'Why?' } },
        ],
      );
      await page.goto(`${app.baseUrl}/admin/plugins/ritme/rounds/${documentId}`);
      const chart = page.getByRole('region', { name: 'How satisfied are you?' });
      await chart.waitFor();
      expect(await chart.getByRole('listitem').allTextContents()).toEqual([
        '10 answers gave 1',
        '21 answer gave 2',
        '30 answers gave 3',
        '42 answers gave 4',
        '50 answers gave 5',
      ]);
    },
    TEST_TIMEOUT,
  );
});
