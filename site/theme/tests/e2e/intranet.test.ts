/**
 * The intranet as an employee uses it, in Debian's Chromium: built from a
 * seeded Strapi, browsed, filtered, switched to English, and used to send a
 * suggestion and an evaluation answer that then sit in Strapi. Every page
 * template is checked with axe (WCAG 2.2 AA) in both languages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LIST_PAGE_SIZE, paths } from '@ritme/shared';
import { parseFeed } from '@rowanmanning/feed-parser';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../cms/tests/harness/api';
import { createPage } from '../../../../cms/tests/harness/fixtures';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { axe, launch } from './browser';
import { type BuiltSite, buildSite, removeBuild, serve } from './site';

let app: TestStrapi;
let site: BuiltSite;
let server: { url: string; close(): Promise<void> };
let browser: Browser;
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../../docs/screenshots');
/** Behaviours added to the demo's, so that their list has a second page in both languages. */
const EXTRA_BEHAVIOURS = LIST_PAGE_SIZE;

beforeAll(async () => {
  app = await bootStrapi({ seed: true, env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  for (let i = 1; i <= EXTRA_BEHAVIOURS; i += 1) {
    const fields = { insteadOf: 'Iets vaags', why: 'Omdat het helpt.', cadence: 'weekly', skill: 'asking_questions' };
    await createPage(
      app.strapi,
      'behaviour',
      { ...fields, title: `Oefengedrag ${String(i).padStart(2, '0')}` },
      { ...fields, title: `Practice behaviour ${String(i).padStart(2, '0')}`, insteadOf: 'Something vague' },
    );
  }
  site = await buildSite(app.baseUrl);
  server = await serve(site.dir);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) removeBuild(site);
  await app?.stop();
});

/** A laptop's window, and a phone's. */
const LAPTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function open(
  path: string,
  options: { javaScript?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: options.viewport ?? LAPTOP,
  });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  return page;
}

const first = async <T>(route: string, locale = 'nl'): Promise<T> =>
  (await call(app.baseUrl, 'GET', `/api/ritme/${route}?locale=${locale}&pageSize=100`)).body.data[0] as T;

describe('browsing', () => {
  it('goes from home to a group, a behaviour and a training', async () => {
    const page = await open('/');
    expect(await page.locator('h1').textContent()).toBe('Samen werken aan het nieuwe intranet');
    expect(await page.locator('#focus + .focus').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'home.png') });

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Groepen' }).click();
    await page.locator('main .card h2 a').first().click();
    expect(page.url()).toMatch(/\/groepen\/[a-z0-9-]+\/$/);
    expect(await page.getByRole('heading', { name: 'Wat we van elkaar verwachten' }).count()).toBe(1);
    expect(await page.locator('.do-instead .label').first().textContent()).toBe('Doe dit');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'group.png') });

    await page.locator('.do-instead h3 a').first().click();
    expect(page.url()).toMatch(/\/gedrag\/[a-z0-9-]+\/$/);
    expect(await page.getByRole('heading', { name: 'Waarom' }).count()).toBe(1);

    const trainingLink = page.locator('#trainings ~ ul a').first();
    if ((await trainingLink.count()) === 0) {
      await page.goto(`${server.url}/trainingen/`);
      await page.locator('main .card h2 a').first().click();
    } else {
      await trainingLink.click();
    }
    expect(page.url()).toMatch(/\/trainingen\/[a-z0-9-]+\/$/);
    expect(await page.getByRole('heading', { name: 'Data' }).count()).toBe(1);
  });

  it('filters trainings by skill, format and focus', async () => {
    const page = await open('/trainingen/');
    const cards = page.locator('main .card');
    await page.getByLabel('Vaardigheid').waitFor();
    const total = await cards.count();
    expect(total).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trainings.png') });

    await page.getByLabel('Vaardigheid').selectOption('giving_feedback');
    const filtered = await cards.count();
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(total);
    for (const skill of await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-skill')))) {
      expect(skill).toBe('giving_feedback');
    }
    await page.getByLabel('Focus').selectOption('buttons');
    expect(await page.getByText('Geen training past bij deze filters.').count()).toBe(1);
    await page.getByRole('button', { name: 'Wis filters' }).click();
    expect(await cards.count()).toBe(total);
  });

  it('is a complete list of trainings without JavaScript', async () => {
    const page = await open('/trainingen/', { javaScript: false });
    const api = await call(app.baseUrl, 'GET', '/api/ritme/trainings?locale=nl&pageSize=100');
    // One page of them: the demo's trainings fit on it.
    expect(api.body.meta.pagination.total).toBeLessThanOrEqual(LIST_PAGE_SIZE);
    expect(await page.locator('main .card').count()).toBe(api.body.meta.pagination.total);
    expect(await page.locator('select').count()).toBe(0);
  });

  it('switches language to the translated page', async () => {
    const group = await first<{ documentId: string; slug: string; localizations: { slug: string }[] }>('groups');
    const english = (await call(app.baseUrl, 'GET', `/api/ritme/groups/${group.documentId}?locale=en`)).body.data;
    const page = await open(`/groepen/${group.slug}/`);
    await page.getByRole('link', { name: 'English' }).click();
    expect(new URL(page.url()).pathname).toBe(`/en/groups/${english.slug}/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe(english.name);
    await page.getByRole('link', { name: 'Nederlands' }).click();
    expect(new URL(page.url()).pathname).toBe(`/groepen/${group.slug}/`);
  });

  it('pages a long list: page 2 exists, and its nav works from the keyboard', async () => {
    const api = await call(app.baseUrl, 'GET', '/api/ritme/behaviours?locale=nl&pageSize=1');
    const total = api.body.meta.pagination.total as number;
    expect(total).toBeGreaterThan(LIST_PAGE_SIZE);
    const page = await open('/gedrag/');
    expect(await page.locator('main li.card').count()).toBe(LIST_PAGE_SIZE);
    expect(await page.locator('.list-status').textContent()).toBe(`${total} in totaal · Pagina 1 van 2`);
    const nav = page.getByRole('navigation', { name: 'Pagina’s van deze lijst' });
    expect(await nav.getByRole('link', { name: 'Pagina 1' }).getAttribute('aria-current')).toBe('page');

    /** Tab until the focus is on a link named `name`; how many presses that took (at most 200). */
    const tabTo = async (name: string) => {
      for (let presses = 1; presses <= 200; presses += 1) {
        await page.keyboard.press('Tab');
        // Only a focused link counts: while a page loads, the focus can sit on <body>, whose text holds every name.
        const focused = await page.evaluate(() => {
          const element = document.activeElement;
          return element?.tagName === 'A' ? element.textContent?.replace(/\s+/g, ' ').trim() : null;
        });
        if (focused?.includes(name)) return presses;
      }
      throw new Error(`Tab never reached "${name}"`);
    };
    await tabTo('Volgende');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/gedrag\/pagina\/2\/$/);
    expect(await page.title()).toMatch(/^Voorbeeldgedrag – pagina 2 van 2 · /);
    expect(await page.locator('main li.card').count()).toBe(total - LIST_PAGE_SIZE);
    expect(await nav.getByRole('link', { name: 'Pagina 2' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: /Volgende/ }).count()).toBe(0);
    expect(await page.locator('link[rel="prev"]').getAttribute('href')).toMatch(/\/gedrag\/$/);

    // The language switcher leads to page 2 of the English list.
    await page.getByRole('link', { name: 'English' }).click();
    expect(new URL(page.url()).pathname).toBe('/en/behaviours/page/2/');
    await page.getByRole('link', { name: 'Nederlands' }).click();
    await page.waitForURL(/\/gedrag\/pagina\/2\/$/);

    await tabTo('Vorige');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/gedrag\/$/);
    // No page 3, and no page 1 under a second address.
    expect((await fetch(`${server.url}/gedrag/pagina/3/`)).status).toBe(404);
    expect((await fetch(`${server.url}/gedrag/pagina/1/`)).status).toBe(404);
  });

  it("ships no island on content pages, only the header's menu and search starter script (under 1.5 kB) and on the home page What's new's (under 1 kB)", async () => {
    for (const pathname of ['/', '/groepen/', '/gedrag/', '/gedrag/pagina/2/', '/mensen/', '/en/']) {
      const html = await (await fetch(`${server.url}${pathname}`)).text();
      expect(html, pathname).not.toMatch(/astro-island|<script[^>]*\ssrc=/);
      const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '');
      const home = pathname === '/' || pathname === '/en/';
      expect(scripts, pathname).toHaveLength(home ? 2 : 1);
      expect(scripts[0], pathname).toContain('menu-button');
      // The search's own code is fetched only when its field is used (search.test.ts).
      expect(scripts[0], pathname).toContain('data-search-client');
      expect(Buffer.byteLength(scripts[0] ?? ''), pathname).toBeLessThan(1500);
      if (home) {
        expect(scripts[1], pathname).toContain('ritme:last-visit');
        expect(Buffer.byteLength(scripts[1] ?? ''), pathname).toBeLessThan(1000);
      }
    }
  });

  it('can be used from the keyboard: the skip link comes first and moves focus to the content', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('answers unknown pages with a 404 in both languages', async () => {
    const response = await fetch(`${server.url}/bestaat-niet/`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('Pagina niet gevonden');
    expect(html).toContain('Page not found');
  });
});

describe('layout that fits', () => {
  /** The header's visible parts: brand, each navigation item, each language link, the menu button. */
  const headerParts = (page: Page) =>
    page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLElement>(
          '.site-header .brand, .site-header .nav li, .site-header .lang a, .menu-button',
        ),
      ]
        .filter((element) => element.offsetParent !== null)
        .map((element) => {
          const { top, bottom } = element.getBoundingClientRect();
          return { text: element.textContent?.trim() ?? '', top, bottom };
        }),
    );
  const headerHeight = (page: Page) =>
    page.evaluate(() => document.querySelector('.site-header')?.getBoundingClientRect().height ?? 0);

  for (const [locale, pathname] of [
    ['nl', '/groepen/'],
    ['en', '/en/groups/'],
  ] as const) {
    for (const width of [1024, 1280]) {
      it(`has a one-row header at ${width} px in ${locale}`, async () => {
        const page = await open(pathname, { viewport: { width, height: 800 } });
        const parts = await headerParts(page);
        expect(parts.map((part) => part.text)).toContain(locale === 'nl' ? 'English' : 'Nederlands');
        expect(parts.length).toBeGreaterThanOrEqual(10);
        // One row: every part overlaps the brand vertically.
        const brand = parts[0] as (typeof parts)[number];
        for (const part of parts) expect(part.top < brand.bottom && part.bottom > brand.top, part.text).toBe(true);
        expect(await headerHeight(page)).toBeLessThan(80);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.context().close();
      });
    }
  }

  it('folds the menu behind a button on a phone, usable from the keyboard', async () => {
    const page = await open('/groepen/', { viewport: PHONE });
    expect(await headerHeight(page)).toBeLessThanOrEqual(120);
    const button = page.getByRole('button', { name: 'Menu' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    const trainings = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Trainingen' });
    expect(await trainings.isVisible()).toBe(false);
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await trainings.isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('menu-button'))).toBe(true);
    await button.click();
    await trainings.click();
    await page.waitForURL('**/trainingen/');
    await page.context().close();
  });

  it('opens the menu through a link without JavaScript, on a phone', async () => {
    const page = await open('/groepen/', { viewport: PHONE, javaScript: false });
    expect(await page.getByRole('button', { name: 'Menu' }).count()).toBe(0);
    const trainings = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Trainingen' });
    expect(await trainings.isVisible()).toBe(false);
    await page.getByRole('link', { name: 'Menu' }).click();
    expect(await trainings.isVisible()).toBe(true);
    await page.context().close();
  });

  it("downloads a session as a calendar file that a calendar reads: its start, end and the organisation's time zone", async () => {
    const trainings = (await call(app.baseUrl, 'GET', '/api/ritme/trainings?locale=nl&pageSize=100')).body.data as {
      slug: string;
      title: string;
      sessions: { documentId: string; startsAt: string; endsAt: string }[];
    }[];
    const training = trainings.find((candidate) => candidate.sessions.length > 0);
    if (!training) throw new Error('The demo seed has no training with a session.');
    const session = training.sessions[0] as (typeof training.sessions)[number];
    const page = await open(paths.item('nl', 'trainings', training.slug));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Zet in je agenda' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${training.slug}-${session.startsAt.slice(0, 10)}.ics`);
    const file = await download.path();
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe(training.title);
    expect(event.uid).toBe(`${session.documentId}@localhost`);
    expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(session.startsAt).toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(new Date(session.endsAt).toISOString());
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toMatch(/Z$/);
    await page.context().close();
  });

  it('offers a training’s and a group’s calendar to subscribe to, a download a calendar reads (the sessions’ own UIDs)', async () => {
    type Api = { documentId: string; slug: string; sessions?: { documentId: string }[] };
    const list = async (route: string, locale: string) =>
      (await call(app.baseUrl, 'GET', `/api/ritme/${route}?locale=${locale}&pageSize=100`)).body.data as (Api & {
        behaviours?: { documentId: string }[];
        trainings?: { documentId: string }[];
      })[];
    const download = async (pathname: string, name: string) => {
      const page = await open(pathname);
      const link = page.getByRole('link', { name });
      const href = (await link.getAttribute('href')) ?? '';
      const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const text = readFileSync(await file.path(), 'utf8');
      await page.context().close();
      const calendar = new ICAL.Component(ICAL.parse(text));
      for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
      const uids = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent).uid);
      return { href, calendar, uids };
    };
    for (const [locale, label] of [
      ['nl', 'Abonneren op de agenda'],
      ['en', 'Subscribe to the calendar'],
    ] as const) {
      const trainings = await list('trainings', locale);
      const training = trainings.find((candidate) => (candidate.sessions ?? []).length > 0);
      if (!training) throw new Error('The demo seed has no training with a session.');
      const own = await download(paths.item(locale, 'trainings', training.slug), label);
      expect(own.href).toBe(paths.calendar(locale, 'trainings', training.slug));
      expect(own.uids).toEqual((training.sessions ?? []).map((session) => `${session.documentId}@localhost`));
      const response = await fetch(`${server.url}${own.href}`);
      expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);

      // A group's: the sessions of the trainings its behaviours link to.
      const behaviours = await list('behaviours', locale);
      const groups = await list('groups', locale);
      const trainingIdsOf = (group: (typeof groups)[number]) =>
        new Set(
          (group.behaviours ?? []).flatMap(
            (ref) => behaviours.find((b) => b.documentId === ref.documentId)?.trainings?.map((t) => t.documentId) ?? [],
          ),
        );
      const group = groups.find((candidate) =>
        trainings.some((t) => trainingIdsOf(candidate).has(t.documentId) && (t.sessions ?? []).length > 0),
      );
      if (!group) throw new Error('The demo seed has no group whose behaviours link a training with sessions.');
      const expected = trainings
        .filter((t) => trainingIdsOf(group).has(t.documentId))
        .flatMap((t) => (t.sessions ?? []).map((session) => `${session.documentId}@localhost`));
      const ofGroup = await download(paths.item(locale, 'groups', group.slug), label);
      expect(ofGroup.href).toBe(paths.calendar(locale, 'groups', group.slug));
      expect([...ofGroup.uids].sort()).toEqual([...expected].sort());
      expect(String(ofGroup.calendar.getFirstPropertyValue('x-wr-calname'))).toContain(' · Waterschap Veenstromen');
    }
  });

  it('has an Atom feed per language, linked from every page’s head, that a feed reader and a strict XML parser read', async () => {
    for (const locale of ['nl', 'en'] as const) {
      const page = await open(paths.section(locale, 'groups'));
      const link = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
      expect(await link.count()).toBe(1);
      const href = new URL((await link.getAttribute('href')) ?? '');
      expect(href.pathname).toBe(paths.feed(locale));
      const response = await fetch(`${server.url}${href.pathname}`);
      expect(response.status).toBe(200);
      const xml = await response.text();
      // Chromium's XML parser is strict: any escaping mistake is a <parsererror>.
      const strict = await page.evaluate(
        (text) => new DOMParser().parseFromString(text, 'application/xml').getElementsByTagName('parsererror').length,
        xml,
      );
      expect(strict).toBe(0);
      await page.context().close();
      const feed = parseFeed(xml);
      expect(feed.language).toBe(locale);
      expect(feed.items.length).toBeGreaterThan(EXTRA_BEHAVIOURS);
      const dates = feed.items.map((item) => item.updated?.getTime() ?? 0);
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      // The newest are the behaviours this test added; every entry leads to a page of the site.
      expect(feed.items[0]?.title).toMatch(locale === 'nl' ? /^Oefengedrag \d+$/ : /^Practice behaviour \d+$/);
      for (const item of feed.items.slice(0, 3)) {
        expect((await fetch(`${server.url}${new URL(item.url ?? '').pathname}`)).status).toBe(200);
      }
      const spotlights = feed.items.filter((item) => item.categories.some((category) => category.term === 'spotlight'));
      expect(spotlights.length).toBeGreaterThan(0);
    }
  });

  it('shows on the home page what is new since the last visit, remembered in the browser only', async () => {
    for (const [locale, text] of [
      ['nl', { first: 'Bij je volgende bezoek', none: 'Niets nieuws sinds je vorige bezoek.' }],
      ['en', { first: 'Next time you visit', none: 'Nothing new since your last visit.' }],
    ] as const) {
      const page = await open(paths.home(locale));
      const section = page.locator('section[aria-labelledby="whats-new"]');
      const shown = section.locator('li:not([hidden])');
      // A first visit: a neutral line, nothing is "new".
      expect(await section.getByText(text.first).isVisible()).toBe(true);
      expect(await shown.count()).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem('ritme:last-visit'))).toMatch(/^\d{4}-/);

      // A visit between the entries' dates: exactly the newer ones show, with their dates.
      const times = (
        await section.locator('li time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')))
      )
        .map((time) => String(time))
        .sort();
      expect(times.length).toBeGreaterThan(2);
      const cut = times[Math.floor(times.length / 2)] as string;
      await page.evaluate((time) => localStorage.setItem('ritme:last-visit', time), cut);
      await page.reload();
      const newer = times.filter((time) => Date.parse(time) > Date.parse(cut));
      expect(newer.length).toBeGreaterThan(0);
      expect(await shown.count()).toBe(newer.length);
      expect(
        (await shown.locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')))).sort(),
      ).toEqual(newer);
      expect(await section.getByText(text.first).isVisible()).toBe(false);
      // Each leads to its page.
      const href = (await shown.first().locator('a').getAttribute('href')) ?? '';
      expect((await fetch(`${server.url}${href}`)).status).toBe(200);

      // Again: nothing is new since the visit just now.
      await page.reload();
      expect(await shown.count()).toBe(0);
      expect(await section.getByText(text.none).isVisible()).toBe(true);
      await page.context().close();
    }
  });

  it('gives a spotlight a page of its own, linked from the home page, in both languages', async () => {
    const spotlight = await first<{
      slug: string;
      title: string;
      story: string;
      localizations: { locale: string; slug: string }[];
    }>('spotlights');
    const page = await open('/');
    await page.getByRole('link', { name: spotlight.title }).first().click();
    await page.waitForURL(`**${paths.item('nl', 'spotlights', spotlight.slug)}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(spotlight.title);
    expect(await page.getByText(spotlight.story.slice(0, 40)).count()).toBeGreaterThan(0);
    const english = spotlight.localizations.find((l) => l.locale === 'en');
    if (english) {
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(`**${paths.item('en', 'spotlights', english.slug)}`);
    }
    await page.context().close();
  });

  it('keeps the trainings filters in the address', async () => {
    const training = await first<{ skill: string }>('trainings');
    const page = await open(`${paths.section('nl', 'trainings')}?skill=${training.skill}`);
    const skill = page.getByLabel('Vaardigheid');
    await skill.waitFor();
    expect(await skill.inputValue()).toBe(training.skill);
    await page.getByLabel('Vorm').selectOption({ index: 1 });
    const format = await page.getByLabel('Vorm').inputValue();
    expect(new URL(page.url()).searchParams.get('format')).toBe(format);
    await page.reload();
    await page.getByLabel('Vorm').waitFor();
    expect(await page.getByLabel('Vorm').inputValue()).toBe(format);
    await page.getByRole('button', { name: 'Wis filters' }).click();
    expect(new URL(page.url()).search).toBe('');
    await page.context().close();
  });
});

describe('building', () => {
  it('fails with a message that says what to do when the CMS is unreachable', async () => {
    const error = (await buildSite('http://127.0.0.1:9').catch((e: unknown) => e)) as Error & { output?: string };
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toMatch(/exited with [1-9]/);
    expect(error.output).toContain('Ritme could not load');
    expect(error.output).toContain('Cannot reach the CMS at http://127.0.0.1:9');
    expect(error.output).toMatch(/npm start/);
  });
});

describe('forms', () => {
  it('sends a suggestion that lands in Strapi', async () => {
    const page = await open('/suggestie/');
    const message = `Kunnen de groepen een vaste plek op de startpagina krijgen? ${Date.now()}`;
    await page.getByLabel('Soort').selectOption('idea');
    await page.getByLabel('Je bericht').fill(message);
    await page.getByLabel('Naam (niet verplicht)').fill('Sanne');
    // The confirmation's status region is in the page, empty, before anything is sent.
    const status = page.locator('[role="status"]:has(+ form)');
    expect(await status.count()).toBe(1);
    expect((await status.textContent())?.trim()).toBe('');
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.getByText('Dank je wel!').waitFor();
    // Focus moves to it, so a screen reader hears the thank-you.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Dank je wel!');
    const stored = await app.strapi.db.query('plugin::ritme.suggestion' as never).findOne({ where: { message } });
    expect(stored).toMatchObject({ category: 'idea', name: 'Sanne', pagePath: '/suggestie/', status: 'new' });
  });

  it('shows field errors next to the field and keeps what was typed', async () => {
    const page = await open('/en/suggestion/');
    const message = 'A message that must survive the error';
    await page.getByLabel('Your message').fill(message);
    await page.getByLabel('Email address (optional, if you would like a reply)').fill('not-an-email');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('alert').filter({ hasText: 'Please check the marked fields.' }).waitFor();
    const email = page.getByLabel('Email address (optional, if you would like a reply)');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await email.getAttribute('aria-describedby')) ?? '';
    const errorElement = errorId.split(' ').find((id) => id.endsWith('-error')) ?? '';
    expect(await page.locator(`[id="${errorElement}"]`).textContent()).toBe(
      'This does not look right; please check it.',
    );
    expect(await page.getByLabel('Your message').inputValue()).toBe(message);
    expect(await app.strapi.db.query('plugin::ritme.suggestion' as never).count({ where: { message } })).toBe(0);
  });

  it('keeps the text and says so when the CMS cannot be reached', async () => {
    const page = await open('/suggestie/');
    await page.route('**/api/ritme/suggestions', (route) => route.abort('connectionrefused'));
    await page.getByLabel('Je bericht').fill('Dit mag niet verloren gaan');
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.getByText('het intranet kan de server niet bereiken').waitFor();
    expect(await page.getByLabel('Je bericht').inputValue()).toBe('Dit mag niet verloren gaan');
    // A reload keeps the draft too.
    await page.reload();
    await page.getByLabel('Je bericht').waitFor();
    await page.waitForFunction(() => (document.querySelector('textarea') as HTMLTextAreaElement | null)?.value !== '');
    expect(await page.getByLabel('Je bericht').inputValue()).toBe('Dit mag niet verloren gaan');
  });

  it('sends an anonymous evaluation answer from the open round', async () => {
    const page = await open('/');
    await page.getByRole('link', { name: 'Geef je antwoord' }).click();
    const answer = `De zoekfunctie werkt goed ${Date.now()}`;
    await page.getByLabel('Wat werkt goed?').fill(answer);
    await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).click();
    await page.getByText('Dank je wel!').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Dank je wel!');
    const rows = await app.strapi.db.query('plugin::ritme.evaluation-response' as never).findMany({});
    const stored = rows.find((row: { answers: Record<string, string> }) => row.answers.works_well === answer);
    expect(stored).toBeDefined();
    expect(Object.keys(stored.answers).sort()).toEqual(['next_steps', 'obstacles', 'works_well']);
  });
});

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  const templates = async (locale: 'nl' | 'en') => {
    const group = await first<{ slug: string }>('groups', locale);
    const behaviour = await first<{ slug: string }>('behaviours', locale);
    const training = await first<{ slug: string }>('trainings', locale);
    const spotlight = await first<{ slug: string }>('spotlights', locale);
    const rounds = (await call(app.baseUrl, 'GET', `/api/ritme/evaluation-rounds?locale=${locale}`)).body.data as {
      slug: string;
    }[];
    return [
      paths.home(locale),
      ...(['groups', 'behaviours', 'trainings', 'people', 'rounds', 'suggestion'] as const).map((section) =>
        paths.section(locale, section),
      ),
      paths.list(locale, 'behaviours', 2),
      paths.item(locale, 'groups', group.slug),
      paths.item(locale, 'behaviours', behaviour.slug),
      paths.item(locale, 'trainings', training.slug),
      paths.item(locale, 'spotlights', spotlight.slug),
      ...rounds.map((round) => paths.item(locale, 'rounds', round.slug)),
      paths.cancelSignup(locale),
      '/404.html',
    ];
  };

  it('would notice a violation (the check itself works)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent('<html><body><main><img src="x.png"><a href="#"></a></main></body></html>');
    const found = await axe(page);
    await context.close();
    expect(found.some((line) => line.startsWith('image-alt'))).toBe(true);
    expect(found.some((line) => line.startsWith('html-has-lang'))).toBe(true);
  });

  for (const locale of ['nl', 'en'] as const) {
    it(`finds no violations on any page template in ${locale}, at 1280 and at 390 px`, async () => {
      const report: string[] = [];
      for (const pathname of await templates(locale)) {
        for (const viewport of [LAPTOP, PHONE]) {
          const page = await open(pathname, { viewport });
          await page.waitForLoadState('networkidle');
          for (const violation of await axe(page)) report.push(`${pathname} at ${viewport.width} px: ${violation}`);
          await page.context().close();
        }
      }
      expect(report).toEqual([]);
      // Some 30 page loads in Chromium, each until the network is idle: more than one test's usual minute
      // on a busy machine.
    }, 180_000);
  }
});
