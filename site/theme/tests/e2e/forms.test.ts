/**
 * The forms when things go wrong between the browser and Strapi, in Chromium
 * against a real Strapi: a request that reached Strapi but whose answer got lost
 * is stored once when the person sends again (Idempotency-Key), also after a
 * reload; a browser that answered a round says so instead of asking again; and
 * a round that closed after the static page was built says so, in the page's
 * language, keeping what was typed.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPage, docs, roundDates } from '../../../../cms/tests/harness/fixtures';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { launch } from './browser';
import { type BuiltSite, buildSite, removeBuild, serve } from './site';

let app: TestStrapi;
let site: BuiltSite;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
/** Rounds made for these tests, open while the site is built. */
const rounds = { answered: '', closing: '', clock: '' };
const SLUGS = {
  answered: { nl: 'ronde-om-te-beantwoorden', en: 'round-to-answer' },
  closing: { nl: 'ronde-die-sluit', en: 'round-that-closes' },
  clock: { nl: 'ronde-met-klok', en: 'round-with-clock' },
};

beforeAll(async () => {
  app = await bootStrapi({ seed: true, env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  for (const name of Object.keys(rounds) as (keyof typeof rounds)[]) {
    rounds[name] = await createPage(
      app.strapi,
      'evaluation-round',
      { title: `Ronde ${name}`, slug: SLUGS[name].nl, ...roundDates('open') },
      { title: `Round ${name}`, slug: SLUGS[name].en },
    );
  }
  site = await buildSite(app.baseUrl);
  server = await serve(site.dir);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) removeBuild(site);
  await app?.stop();
});

/** A fresh browser (own localStorage) on a page; `now` fixes the browser's clock. */
async function open(pathname: string, options: { now?: Date } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (options.now) await page.clock.setFixedTime(options.now);
  await page.goto(`${server.url}${pathname}`);
  return page;
}

const suggestions = (message: string) =>
  app.strapi.db.query('plugin::ritme.suggestion' as never).count({ where: { message } });
const keyOf = (request: Request) => request.headers()['idempotency-key'];

/** The first POST reaches Strapi, but the browser gets a network error instead of the answer. */
async function loseFirstAnswer(page: Page, glob: string) {
  const keys: string[] = [];
  let lost = false;
  await page.route(glob, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    keys.push(keyOf(route.request()) ?? '(none)');
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  return keys;
}

describe('sending again after a lost answer', () => {
  it('stores the suggestion once: the retry carries the same Idempotency-Key', async () => {
    const page = await open('/suggestie/');
    const keys = await loseFirstAnswer(page, '**/api/ritme/suggestions');
    const message = `Eén keer opslaan graag ${Date.now()}`;
    await page.getByLabel('Je bericht').fill(message);
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.getByText('het intranet kan de server niet bereiken').waitFor();
    expect(await page.getByLabel('Je bericht').inputValue()).toBe(message);
    // It did reach Strapi.
    expect(await suggestions(message)).toBe(1);

    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.getByText('Dank je wel!').waitFor();
    expect(await suggestions(message)).toBe(1);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('keeps the key across a reload, with the draft', async () => {
    const page = await open('/suggestie/');
    const keys = await loseFirstAnswer(page, '**/api/ritme/suggestions');
    const message = `Na herladen nog steeds één keer ${Date.now()}`;
    await page.getByLabel('Je bericht').fill(message);
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.getByText('het intranet kan de server niet bereiken').waitFor();

    await page.reload();
    await page.waitForFunction(
      (text) => (document.querySelector('textarea') as HTMLTextAreaElement | null)?.value === text,
      message,
    );
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.getByText('Dank je wel!').waitFor();
    expect(keys[1]).toBe(keys[0]);
    expect(await suggestions(message)).toBe(1);
  });

  it('uses a new key when the text was edited after the failure (the plugin refuses a key reused for other data)', async () => {
    const page = await open('/suggestie/');
    const keys = await loseFirstAnswer(page, '**/api/ritme/suggestions');
    const message = `Eerste versie ${Date.now()}`;
    await page.getByLabel('Je bericht').fill(message);
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.getByText('het intranet kan de server niet bereiken').waitFor();

    await page.getByLabel('Je bericht').fill(`${message}, verbeterd`);
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.getByText('Dank je wel!').waitFor();
    expect(keys[1]).not.toBe(keys[0]);
    expect(await suggestions(`${message}, verbeterd`)).toBe(1);
  });

  it('uses a new key for the next suggestion after a successful one', async () => {
    const page = await open('/suggestie/');
    const keys: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') keys.push(keyOf(request) ?? '(none)');
    });
    const message = `Twee keer hetzelfde idee ${Date.now()}`;
    for (let i = 0; i < 2; i += 1) {
      await page.getByLabel('Je bericht').fill(message);
      await page.getByRole('button', { name: 'Verstuur' }).click();
      await page.getByText('Dank je wel!').waitFor();
      if (i === 0) await page.getByRole('button', { name: 'Nog een suggestie sturen' }).click();
    }
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
    expect(await suggestions(message)).toBe(2);
  });
});

describe('a round this browser answered', () => {
  it('says so instead of showing the form again, in both languages', async () => {
    const page = await open(`/evaluatie/${SLUGS.answered.nl}/`);
    await page.getByLabel('Wat werkt goed?').fill('Alles op één plek');
    await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
    await page.getByText('Dank je wel!').waitFor();

    await page.reload();
    await page.getByText('Je hebt deze ronde al beantwoord. Dank je!').waitFor();
    expect(await page.locator('main textarea').count()).toBe(0);
    await page.goto(`${server.url}/en/evaluation/${SLUGS.answered.en}/`);
    await page.getByText('You have already answered this round. Thank you!').waitFor();
    expect(await page.locator('main textarea').count()).toBe(0);
  });
});

describe('a round that closed after the page was built', () => {
  it('shows the closed message instead of the form when the browser’s clock is past the close, or before the opening', async () => {
    const closed = await open(`/evaluatie/${SLUGS.clock.nl}/`, { now: new Date(Date.now() + 60 * 86_400_000) });
    await closed.getByText('Deze ronde is gesloten.').waitFor();
    expect(await closed.locator('main textarea').count()).toBe(0);

    const early = await open(`/en/evaluation/${SLUGS.clock.en}/`, { now: new Date(Date.now() - 30 * 86_400_000) });
    await early.getByText('This round is not open yet.').waitFor();
    expect(await early.locator('main textarea').count()).toBe(0);
  });

  it('says the round has closed when Strapi refuses the answer, and keeps the text, in both languages', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    await docs(app.strapi, 'evaluation-round').update({
      documentId: rounds.closing,
      locale: 'nl',
      data: { closesAt: past },
    });
    await docs(app.strapi, 'evaluation-round').publish({ documentId: rounds.closing, locale: '*' });

    const page = await open(`/evaluatie/${SLUGS.closing.nl}/`);
    const answer = 'Dit wil ik nog kwijt';
    await page.getByLabel('Wat werkt goed?').fill(answer);
    await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
    await page.getByRole('alert').filter({ hasText: 'Deze ronde is gesloten' }).waitFor();
    expect(await page.getByLabel('Wat werkt goed?').inputValue()).toBe(answer);

    const english = await open(`/en/evaluation/${SLUGS.closing.en}/`);
    await english.getByLabel('What works well?').fill('Still want to say this');
    await english.getByRole('button', { name: 'Send my answers' }).click();
    await english.getByRole('alert').filter({ hasText: 'This round has closed' }).waitFor();
    expect(await english.getByLabel('What works well?').inputValue()).toBe('Still want to say this');
  });
});
