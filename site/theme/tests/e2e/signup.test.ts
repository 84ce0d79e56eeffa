/**
 * Signing up for a training session, in Chromium against a real Strapi that
 * mails through a real SMTP server on loopback: confirmed, and the seats left
 * go down; the waiting list once full, with the place; bad input refused next
 * to the fields with nothing stored; the confirmation mail with its calendar
 * file and cancel link, which — opened in the browser and confirmed there —
 * frees the seat for the first one waiting. When things go wrong (the CMS
 * unreachable, too many requests, the session started after the build) the
 * form says so and keeps what was typed. axe on the training page with its
 * forms and on the cancel page, at 1280 and 390 px.
 */
import { paths } from '@ritme/shared';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../cms/tests/harness/api';
import { createPage, docs } from '../../../../cms/tests/harness/fixtures';
import { type ReceivedMail, startSmtp, type TestSmtp } from '../../../../cms/tests/harness/smtp';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { axe, launch } from './browser';
import { type BuiltSite, buildSite, removeBuild, serve } from './site';

let smtp: TestSmtp;
let app: TestStrapi;
let site: BuiltSite;
let server: { url: string; close(): Promise<void> };
let browser: Browser;

const DAY = 24 * 60 * 60 * 1000;
const TRAINING = { nl: 'Feedback vragen', en: 'Asking for feedback' };
const SLUG = { nl: 'feedback-vragen', en: 'asking-for-feedback' };
/** Sessions by their room: roomy (3 seats), tiny (1 seat), later (started after the build), open-ended (no limit). */
const sessions = { roomy: '', tiny: '', later: '', unlimited: '' };
const ROOMS = { roomy: 'Zaal Boezem', tiny: 'Kamer Sluis', later: 'Zaal Gemaal', unlimited: 'Aula' };
const startsAtOf: Record<string, string> = {};

beforeAll(async () => {
  smtp = await startSmtp();
  app = await bootStrapi({
    env: {
      RITME_RATE_LIMIT_POINTS: '1000',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      SMTP_FROM: 'Intranet <intranet@example.org>',
    },
  });
  const training = await createPage(
    app.strapi,
    'training',
    { title: TRAINING.nl, slug: SLUG.nl, summary: 'Zo vraag je om feedback.', skill: 'giving_feedback' },
    { title: TRAINING.en, slug: SLUG.en, summary: 'How to ask for feedback.', skill: 'giving_feedback' },
  );
  const seats = { roomy: 3, tiny: 1, later: 5, unlimited: null };
  let day = 3;
  for (const name of Object.keys(sessions) as (keyof typeof sessions)[]) {
    // Whole minutes: the calendar file has no milliseconds.
    const startsAt = new Date(Math.floor((Date.now() + day * DAY) / 60_000) * 60_000);
    startsAtOf[name] = startsAt.toISOString();
    day += 1;
    const shared = {
      training,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000).toISOString(),
      seats: seats[name],
    };
    sessions[name] = await createPage(
      app.strapi,
      'training-session',
      { ...shared, location: ROOMS[name] },
      { ...shared, location: ROOMS[name] },
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
  await smtp?.stop();
});

async function open(pathname: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${server.url}${pathname}`);
  return page;
}

/** The card of a session, by its room; once the island has hydrated (its fields enabled). */
async function card(page: Page, room: string) {
  const found = page.locator('li.card').filter({ hasText: room });
  await found.scrollIntoViewIfNeeded();
  await found.locator('fieldset.form-fields:not([disabled])').waitFor();
  return found;
}

const availability = async (id: string) =>
  (
    (await call(app.baseUrl, 'GET', `/api/ritme/training-sessions/availability?ids=${id}`)).body.data as {
      confirmed: number;
      waiting: number;
      seatsLeft: number | null;
    }[]
  )[0];

async function signUpByApi(session: string, name: string, email: string) {
  const answer = await call(app.baseUrl, 'POST', '/api/ritme/signups', {
    body: { data: { session, name, email, locale: 'nl' } },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.data as { status: string; position: number | null };
}

const mailTo = async (email: string, count = 1) => {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mails = smtp.mails.filter((mail) => mail.rcptTo.includes(email));
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`No mail to ${email} (${smtp.mails.length} mails in all).`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/**
 * The parts of a mail of `type`, decoded, at any depth: a confirmation is
 * multipart/mixed (the calendar file) around multipart/alternative (text, HTML).
 */
function partsOf(mail: ReceivedMail, type: string): string[] {
  const found: string[] = [];
  for (const chunk of mail.raw.split(/\r?\n--[^\r\n]+/)) {
    const at = chunk.search(/\r?\n\r?\n/);
    if (at < 0) continue;
    const headers = chunk.slice(0, at);
    if (!new RegExp(`content-type:\\s*${type.replace('/', '\\/')}`, 'i').test(headers)) continue;
    const body = chunk.slice(at).replace(/^\r?\n\r?\n/, '');
    if (/content-transfer-encoding:\s*base64/i.test(headers)) {
      found.push(Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8'));
    } else if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
      const bytes = body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      found.push(Buffer.from(bytes, 'latin1').toString('utf8'));
    } else found.push(body);
  }
  return found;
}

/** The .ics attachment of a mail. */
function calendarOf(mail: ReceivedMail): string {
  const [ics] = partsOf(mail, 'text/calendar');
  if (!ics) throw new Error(`No text/calendar part in:\n${mail.raw.slice(0, 3000)}`);
  return ics;
}

/** The cancel link of a mail's text, as a path on the test's server (the mail names the configured site URL). */
function cancelLinkOf(mail: ReceivedMail): string {
  const text = partsOf(mail, 'text/plain').join('\n');
  const link = /https?:\/\/[^\s"<>]+#token=[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  if (!link) throw new Error(`No cancel link in:\n${text || mail.raw.slice(0, 3000)}`);
  const url = new URL(link);
  return `${url.pathname}${url.hash}`;
}

describe('signing up on a training page', () => {
  it('confirms, says where the mail went, and the seats left go down; the mail holds the calendar file', async () => {
    const page = await open(paths.item('nl', 'trainings', SLUG.nl));
    const roomy = await card(page, ROOMS.roomy);
    await roomy.getByText('Nog 3 van 3 plaatsen vrij').waitFor();
    await roomy.getByLabel('Naam').fill('Anna de Vries');
    await roomy.getByLabel('E-mailadres').fill('anna@example.org');
    await roomy.getByRole('button', { name: 'Aanmelden' }).click();
    const status = roomy.getByRole('status');
    await status.getByText('Je bent aangemeld').waitFor();
    expect(await status.textContent()).toContain('We hebben een bevestiging gestuurd naar anna@example.org');
    // Focus moves to the confirmation, so a screen reader hears it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await roomy.getByText('Nog 2 van 3 plaatsen vrij').waitFor();
    expect(await availability(sessions.roomy)).toMatchObject({ confirmed: 1, waiting: 0, seatsLeft: 2 });

    const [mail] = await mailTo('anna@example.org');
    const ics = new ICAL.Component(ICAL.parse(calendarOf(mail as ReceivedMail)));
    const event = new ICAL.Event(ics.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.startDate.toJSDate().toISOString()).toBe(startsAtOf.roomy);
    expect(cancelLinkOf(mail as ReceivedMail)).toMatch(new RegExp(`^${paths.cancelSignup('nl')}#token=`));
    await page.context().close();
  });

  it('puts the next one on the waiting list once the seats are taken, with the place', async () => {
    await signUpByApi(sessions.tiny, 'Bram Jansen', 'bram@example.org');
    const page = await open(paths.item('nl', 'trainings', SLUG.nl));
    const tiny = await card(page, ROOMS.tiny);
    await tiny.getByText('Vol — je kunt op de wachtlijst').waitFor();
    await tiny.getByLabel('Naam').fill('Carla Smit');
    await tiny.getByLabel('E-mailadres').fill('carla@example.org');
    await tiny.getByRole('button', { name: 'Op de wachtlijst' }).click();
    await tiny.getByRole('status').getByText('Je staat op de wachtlijst, plaats 1').waitFor();
    await tiny.getByText('Vol — wachtlijst: 1').waitFor();
    expect(await availability(sessions.tiny)).toMatchObject({ confirmed: 1, waiting: 1, seatsLeft: 0 });
    await mailTo('carla@example.org');
    await page.context().close();
  });

  it('says in English what a sign-up without a seat limit is', async () => {
    const page = await open(paths.item('en', 'trainings', SLUG.en));
    const unlimited = await card(page, ROOMS.unlimited);
    await unlimited.getByLabel('Name').fill('Dirk Bos');
    await unlimited.getByLabel('Email address').fill('dirk@example.org');
    await unlimited.getByRole('button', { name: 'Sign up' }).click();
    await unlimited.getByRole('status').getByText('You are signed up').waitFor();
    await unlimited.getByText('1 signed up').waitFor();
    await page.context().close();
  });

  it('refuses bad input next to the fields and stores nothing', async () => {
    const before = await availability(sessions.roomy);
    const page = await open(paths.item('nl', 'trainings', SLUG.nl));
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/ritme/signups')) sent.push(request.url());
    });
    const roomy = await card(page, ROOMS.roomy);
    await roomy.getByLabel('E-mailadres').fill('geen-adres');
    await roomy.getByRole('button', { name: 'Aanmelden' }).click();
    await roomy.getByText('Controleer de gemarkeerde velden.').waitFor();
    expect(await roomy.locator('[id$="-name-error"]').textContent()).toBe('Vul dit veld in.');
    expect(await roomy.locator('[id$="-email-error"]').textContent()).toBe(
      'Dit klopt niet; controleer wat je invulde.',
    );
    expect(await roomy.getByLabel('Naam').getAttribute('aria-invalid')).toBe('true');
    expect(await roomy.getByLabel('E-mailadres').inputValue()).toBe('geen-adres');
    expect(sent).toEqual([]);

    // What the plugin refuses shows next to its field too (here a body the browser did not check).
    await page.route('**/api/ritme/signups', (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const body = JSON.parse(route.request().postData() ?? '{}') as { data: Record<string, unknown> };
      return route.continue({ postData: JSON.stringify({ data: { ...body.data, email: 'nog-steeds-geen-adres' } }) });
    });
    await roomy.getByLabel('Naam').fill('Eva Mulder');
    await roomy.getByLabel('E-mailadres').fill('eva@example.org');
    await roomy.getByRole('button', { name: 'Aanmelden' }).click();
    await roomy.locator('[id$="-email-error"]').waitFor();
    expect(await roomy.locator('[id$="-email-error"]').textContent()).toBe(
      'Dit klopt niet; controleer wat je invulde.',
    );
    expect(await roomy.locator('[id$="-name-error"]').count()).toBe(0);
    expect(await roomy.getByLabel('Naam').inputValue()).toBe('Eva Mulder');
    expect(await availability(sessions.roomy)).toEqual(before);
    await page.context().close();
  });

  it('keeps what was typed when the CMS is unreachable or asks to slow down', async () => {
    const page = await open(paths.item('nl', 'trainings', SLUG.nl));
    const roomy = await card(page, ROOMS.roomy);
    await page.route('**/api/ritme/signups', (route) => route.abort('connectionrefused'));
    await roomy.getByLabel('Naam').fill('Fenna Vos');
    await roomy.getByLabel('E-mailadres').fill('fenna@example.org');
    await roomy.getByRole('button', { name: 'Aanmelden' }).click();
    await roomy.getByRole('alert').getByText('het intranet kan de server niet bereiken').waitFor();
    expect(await roomy.getByLabel('Naam').inputValue()).toBe('Fenna Vos');
    expect(await roomy.getByLabel('E-mailadres').inputValue()).toBe('fenna@example.org');

    await page.unroute('**/api/ritme/signups');
    await page.route('**/api/ritme/signups', (route) =>
      route.fulfill({
        status: 429,
        contentType: 'application/json',
        // The CMS is another origin: without this header the browser would not let the page read the answer.
        headers: { 'access-control-allow-origin': server.url },
        body: '{"error":{"status":429}}',
      }),
    );
    await roomy.getByRole('button', { name: 'Aanmelden' }).click();
    await roomy.getByRole('alert').getByText('Wacht even en probeer het opnieuw').waitFor();
    expect(await roomy.getByLabel('E-mailadres').inputValue()).toBe('fenna@example.org');
    await page.context().close();
  });

  it('says a session has started when it started after the page was built', async () => {
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const endsAt = new Date(Date.now() + 60 * 60_000).toISOString();
    await docs(app.strapi, 'training-session').update({
      documentId: sessions.later,
      locale: 'nl',
      data: { startsAt, endsAt },
    });
    await docs(app.strapi, 'training-session').publish({ documentId: sessions.later, locale: '*' });

    // Knowing it from the plugin's availability: no form.
    const page = await open(paths.item('nl', 'trainings', SLUG.nl));
    const later = page.locator('li.card').filter({ hasText: ROOMS.later });
    await later.scrollIntoViewIfNeeded();
    await later.getByText('Deze sessie is begonnen; aanmelden kan niet meer.').waitFor();
    expect(await later.locator('form').count()).toBe(0);
    await page.context().close();

    // Without it (the availability request failed), the plugin refuses the sign-up itself.
    const offline = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const second = await offline.newPage();
    await second.route('**/training-sessions/availability**', (route) => route.abort('connectionrefused'));
    await second.goto(`${server.url}${paths.item('nl', 'trainings', SLUG.nl)}`);
    const stale = await card(second, ROOMS.later);
    await stale.getByLabel('Naam').fill('Gijs de Boer');
    await stale.getByLabel('E-mailadres').fill('gijs@example.org');
    await stale.getByRole('button', { name: 'Aanmelden' }).click();
    await stale.getByRole('alert').getByText('Deze sessie is begonnen; aanmelden kan niet meer.').waitFor();
    expect(await stale.getByRole('button', { name: 'Aanmelden' }).isDisabled()).toBe(true);
    await offline.close();
  });
});

describe('the cancel link in the mail', () => {
  it('asks first, then cancels, and the first on the waiting list gets the seat', async () => {
    const [mail] = await mailTo('bram@example.org');
    const link = cancelLinkOf(mail as ReceivedMail);
    const page = await open(link);
    await page.getByText(`Wil je je aanmelding voor ${TRAINING.nl} op`).waitFor();
    await page.getByText('Aangemeld als Bram Jansen').waitFor();
    // Opening the link cancelled nothing (mail scanners open links).
    expect(await availability(sessions.tiny)).toMatchObject({ confirmed: 1, waiting: 1 });

    await page.getByRole('button', { name: 'Ja, annuleer mijn aanmelding' }).click();
    await page
      .getByRole('status')
      .getByText('Je aanmelding is geannuleerd; je plaats gaat naar de eerste op de wachtlijst.')
      .waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    expect(await availability(sessions.tiny)).toMatchObject({ confirmed: 1, waiting: 0, seatsLeft: 0 });
    // Carla, first on the waiting list, is told she is in.
    await mailTo('carla@example.org', 2);
    await page.context().close();

    // The training page shows it too.
    const training = await open(paths.item('nl', 'trainings', SLUG.nl));
    const tiny = await card(training, ROOMS.tiny);
    await tiny.getByText('Vol — je kunt op de wachtlijst').waitFor();
    await training.context().close();

    const again = await open(link);
    await again.getByRole('status').getByText('Deze aanmelding was al geannuleerd.').waitFor();
    await again.context().close();
  });

  it('says so for a link without a token, with an unknown one, and when the CMS is unreachable', async () => {
    const none = await open(paths.cancelSignup('nl'));
    await none.getByRole('status').getByText('Deze annuleerlink klopt niet of is niet compleet.').waitFor();
    await none.context().close();

    const unknown = await open(`${paths.cancelSignup('en')}#token=${'x'.repeat(43)}`);
    await unknown.getByRole('status').getByText('We find no sign-up for this link.').waitFor();
    await unknown.context().close();

    const context = await browser.newContext();
    const down = await context.newPage();
    await down.route('**/api/ritme/signups/lookup', (route) => route.abort('connectionrefused'));
    await down.goto(`${server.url}${paths.cancelSignup('nl')}#token=${'y'.repeat(43)}`);
    await down.getByRole('status').getByText('Het intranet kan de server nu niet bereiken.').waitFor();
    await down.getByRole('button', { name: 'Opnieuw proberen' }).waitFor();
    await context.close();
  });
});

describe('accessibility', () => {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 390, height: 844 },
  ]) {
    it(`finds no violations on the training page with its forms and on the cancel page at ${viewport.width} px`, async () => {
      const report: string[] = [];
      const page = await open(paths.item('nl', 'trainings', SLUG.nl), viewport);
      const roomy = await card(page, ROOMS.roomy);
      for (const violation of await axe(page)) report.push(`training page: ${violation}`);
      // With field errors showing.
      await roomy.getByRole('button', { name: 'Aanmelden' }).click();
      await roomy.getByText('Controleer de gemarkeerde velden.').waitFor();
      for (const violation of await axe(page)) report.push(`training page with errors: ${violation}`);
      await page.context().close();

      const [mail] = await mailTo('anna@example.org');
      const cancel = await open(cancelLinkOf(mail as ReceivedMail), viewport);
      await cancel.getByRole('button', { name: 'Ja, annuleer mijn aanmelding' }).waitFor();
      for (const violation of await axe(cancel)) report.push(`cancel page: ${violation}`);
      await cancel.context().close();
      const invalid = await open(paths.cancelSignup('en'), viewport);
      await invalid.getByRole('status').getByText('This cancel link is wrong').waitFor();
      for (const violation of await axe(invalid)) report.push(`cancel page, bad link: ${violation}`);
      await invalid.context().close();
      expect(report).toEqual([]);
    });
  }
});
