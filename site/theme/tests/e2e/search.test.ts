/**
 * Search on the static intranet, in Debian's Chromium: the demo built from a
 * seeded Strapi (plus a behaviour and a training that share a rare word, and a
 * draft with another), searched from the header in Dutch and in English —
 * results grouped by type, opened with the keyboard, Dutch pages finding
 * Dutch pages only — no search code loaded before the field is used, a plain
 * form without JavaScript, axe on the search page at 1280 and 390 px. Then the
 * build service: after an incremental build an entry published meanwhile is
 * found, from an index written afresh into the new build's folder.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { paths } from '@ritme/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPage } from '../../../../cms/tests/harness/fixtures';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { axe, launch } from './browser';
import { type BuildService, startBuildService } from './build-service';
import { type BuiltSite, buildSite, removeBuild, SITE_DIR, serve } from './site';

/** Words no demo text has: one per language for published entries, one for a draft, one published later. */
const WORD = { nl: 'kwartelkoning', en: 'corncrake' };
const DRAFT_WORD = 'grutto';
const LATER_WORD = { nl: 'roerdomp', en: 'bittern' };

let app: TestStrapi;
let site: BuiltSite;
let server: { url: string; close(): Promise<void> };
let browser: Browser;

const LAPTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const behaviour = (title: string, why: string, insteadOf: string) => ({
  title,
  why,
  insteadOf,
  cadence: 'weekly',
  skill: 'making_work_visible',
});
const training = (title: string, summary: string) => ({
  title,
  summary,
  body: summary,
  skill: 'giving_feedback',
  focus: 'attitude',
  format: 'workshop',
});

beforeAll(async () => {
  app = await bootStrapi({ seed: true, env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  await createPage(
    app.strapi,
    'behaviour',
    behaviour('Deel je vogeltelling', `Zo weet iedereen waar de ${WORD.nl} zit.`, 'Niet: hou het voor je.'),
    behaviour('Share your bird count', `So everyone knows where the ${WORD.en} is.`, 'Not: keep it to yourself.'),
  );
  await createPage(
    app.strapi,
    'training',
    training('Vogels tellen met je team', `Wat de ${WORD.nl} ons leert over samenwerken.`),
    training('Counting birds with your team', `What the ${WORD.en} teaches us about working together.`),
  );
  await createPage(
    app.strapi,
    'behaviour',
    behaviour('Nog niet klaar', `Een concept over de ${DRAFT_WORD}.`, 'Niet: iets vaags.'),
    undefined,
    { draft: true },
  );
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

async function open(
  url: string,
  options: { javaScript?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: options.viewport ?? LAPTOP,
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** The groups a results area shows: heading text and the titles of its links. */
const groupsIn = (page: Page, scope: string) =>
  page.locator(`${scope} .search-group`).evaluateAll((sections) =>
    sections.map((section) => ({
      heading: section.querySelector('h2, h3')?.textContent ?? '',
      titles: [...section.querySelectorAll('.search-hit > a')].map((link) => link.textContent ?? ''),
    })),
  );

const header = '.site-header form[role="search"]';

describe('search from the header', () => {
  for (const [locale, heads] of [
    ['nl', ['Voorbeeldgedrag (1)', 'Trainingen (1)']],
    ['en', ['Example behaviours (1)', 'Trainings (1)']],
  ] as const) {
    it(`finds what matches in ${locale}, grouped by type, and opens a result with the keyboard`, async () => {
      const page = await open(`${server.url}${paths.home(locale)}`);
      const field = page.locator(`${header} input[name="q"]`);
      await field.focus();
      await page.keyboard.type(WORD[locale]);
      // The results of the whole word: what the first letters found may show first (and look the same).
      const said = locale === 'nl' ? `2 resultaten voor “${WORD.nl}”.` : `2 results for “${WORD.en}”.`;
      await page.locator(`${header} [role="status"]`, { hasText: said }).waitFor();
      const groups = await groupsIn(page, header);
      expect(groups.map((group) => group.heading)).toEqual(heads);
      expect(groups[0]?.titles).toEqual([locale === 'nl' ? 'Deel je vogeltelling' : 'Share your bird count']);
      // The matched word is marked in the excerpt, and the live region says how many.
      expect(await page.locator(`${header} .search-excerpt mark`).first().textContent()).toMatch(
        new RegExp(WORD[locale], 'i'),
      );
      expect(await page.locator(`${header} [role="status"]`).textContent()).toBe(said);
      // Tab: the search button, then the first result; Enter opens it.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent);
      expect(focused).toBe(groups[0]?.titles[0]);
      await Promise.all([page.waitForURL(/\/(gedrag|behaviours)\/[a-z0-9-]+\/$/), page.keyboard.press('Enter')]);
      expect(await page.locator('h1').textContent()).toBe(groups[0]?.titles[0]);
      await page.context().close();
    });
  }

  it('keeps the languages apart: a Dutch page finds no English page, and the other way round', async () => {
    for (const [locale, word, none] of [
      ['nl', WORD.en, `Geen resultaten voor “${WORD.en}”.`],
      ['en', WORD.nl, `No results for “${WORD.nl}”.`],
    ] as const) {
      const page = await open(`${server.url}${paths.search(locale)}?q=${word}`);
      await page.locator('main [role="status"]', { hasText: none }).waitFor();
      expect(await page.locator('main .search-hit').count()).toBe(0);
      await page.context().close();
    }
  });

  it('does not find a draft, the header or the navigation', async () => {
    for (const [query, none] of [
      [DRAFT_WORD, `Geen resultaten voor “${DRAFT_WORD}”.`],
      // "Hoofdmenu" and "Naar de inhoud" are on every page, but outside its content.
      ['Hoofdmenu', 'Geen resultaten voor “Hoofdmenu”.'],
    ] as const) {
      const page = await open(`${server.url}${paths.search('nl')}?q=${encodeURIComponent(query)}`);
      await page.locator('main [role="status"]', { hasText: none }).waitFor();
      expect(await page.locator('main .search-hit').count()).toBe(0);
      await page.context().close();
    }
  });

  it('loads no search code until the field is used', async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/groepen/`);
    await page.waitForLoadState('networkidle');
    expect(requested.filter((url) => /pagefind|search-client/.test(url))).toEqual([]);
    await Promise.all([
      page.waitForRequest((request) => request.url().endsWith('/pagefind/pagefind.js')),
      page.locator(`${header} input[name="q"]`).focus(),
    ]);
    await context.close();
  });

  it('is a plain form to the search page without JavaScript, which says it needs it', async () => {
    const page = await open(`${server.url}/en/groups/`, { javaScript: false });
    await page.locator(`${header} input[name="q"]`).fill(WORD.en);
    await Promise.all([page.waitForURL(/\/en\/search\/\?q=corncrake$/), page.keyboard.press('Enter')]);
    expect(await page.locator('main').textContent()).toContain('Search results need JavaScript.');
    expect((await page.locator('meta[name="description"]').getAttribute('content'))?.length).toBeGreaterThan(20);
    await page.context().close();
  });
});

describe('the search page', () => {
  it('shows every result in the page, keeps the address in step and says when nothing matched', async () => {
    const page = await open(`${server.url}${paths.search('nl')}?q=${WORD.nl}`);
    await page.locator('main .search-hit a').first().waitFor();
    expect((await groupsIn(page, 'main')).map((group) => group.heading)).toEqual([
      'Voorbeeldgedrag (1)',
      'Trainingen (1)',
    ]);
    expect(await page.locator('main input[name="q"]').inputValue()).toBe(WORD.nl);
    await page.locator('main input[name="q"]').fill('xyzzyq');
    await page.locator('main [role="status"]', { hasText: 'Geen resultaten voor “xyzzyq”.' }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('xyzzyq');
    expect(await page.locator('main .search-hit').count()).toBe(0);
    await page.context().close();
  });

  it('says so when the index cannot be loaded', async () => {
    const context = await browser.newContext({ viewport: LAPTOP });
    await context.route('**/pagefind/**', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${server.url}${paths.search('en')}?q=${WORD.en}`);
    await page.locator('main [role="status"]', { hasText: 'the search index could not be loaded' }).waitFor();
    await context.close();
  });

  for (const locale of ['nl', 'en'] as const) {
    it(`has no axe violations in ${locale} at 1280 and 390 px, with results and with the header's panel open`, async () => {
      const report: string[] = [];
      for (const viewport of [LAPTOP, PHONE]) {
        const page = await open(`${server.url}${paths.search(locale)}?q=${WORD[locale]}`, { viewport });
        await page.locator('main .search-hit a').first().waitFor();
        for (const violation of await axe(page)) report.push(`search page at ${viewport.width} px: ${violation}`);
        await page.context().close();
      }
      const page = await open(`${server.url}${paths.home(locale)}`);
      await page.locator(`${header} input[name="q"]`).fill(WORD[locale]);
      await page.locator(`${header} .search-hit a`).first().waitFor();
      for (const violation of await axe(page)) report.push(`header panel: ${violation}`);
      await page.context().close();
      expect(report).toEqual([]);
    });
  }
});

describe('the build service', () => {
  const work = mkdtempSync(path.join(SITE_DIR, '.preview-test-search-'));
  const builds = path.join(work, 'builds');
  let service: BuildService;

  afterAll(async () => {
    await service?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('finds an entry published after the last build, from an index of its own in the new build', async () => {
    service = await startBuildService({
      cmsUrl: app.baseUrl,
      secret: randomBytes(24).toString('hex'),
      buildsDir: builds,
    });
    const first = await service.waitForBuild(0, { deadlineMs: 300_000 });
    const firstId = Number(first.current?.id);
    await createPage(
      app.strapi,
      'training',
      training('Luisteren naar het riet', `Wie hoort de ${LATER_WORD.nl}?`),
      training('Listening to the reeds', `Who hears the ${LATER_WORD.en}?`),
    );
    expect((await service.call('POST', '/_ritme/hooks/build', { body: '{}' })).status).toBe(202);
    const next = await service.waitForBuild(firstId);
    const nextId = Number(next.current?.id);
    // The first build was indexed before it was served; the next went live with the first one's index and
    // was indexed once live, into a folder of its own, then installed.
    expect(service.output()).toMatch(new RegExp(`build ${firstId} is live .*search index \\d+ page\\(s\\) in \\d+ ms`));
    expect(service.output()).toMatch(
      new RegExp(`build ${nextId} is live .*the live build's search index carried \\(\\d+ file\\(s\\)\\)`),
    );
    expect(service.output()).toMatch(
      new RegExp(`build ${nextId}: search index \\d+ page\\(s\\) in \\d+ ms, installed into build ${nextId}`),
    );
    expect(next.search).toEqual({ build: String(nextId), indexing: false });
    expect(readdirSync(builds).filter((name) => name.startsWith('.search-'))).toEqual([]);

    // The new build's index is its own files, not links to the last build's.
    const entry = (id: number) => path.join(builds, String(id), 'pagefind/pagefind-entry.json');
    expect(existsSync(entry(firstId)) && existsSync(entry(nextId))).toBe(true);
    expect(statSync(entry(nextId)).ino).not.toBe(statSync(entry(firstId)).ino);

    for (const locale of ['nl', 'en'] as const) {
      const page = await open(`${service.url}${paths.home(locale)}`);
      await page.locator(`${header} input[name="q"]`).fill(LATER_WORD[locale]);
      await page.locator(`${header} .search-hit a`).first().waitFor();
      const groups = await groupsIn(page, header);
      expect(groups).toEqual([
        {
          heading: locale === 'nl' ? 'Trainingen (1)' : 'Trainings (1)',
          titles: [locale === 'nl' ? 'Luisteren naar het riet' : 'Listening to the reeds'],
        },
      ]);
      // And still not the draft.
      await page.locator(`${header} input[name="q"]`).fill(DRAFT_WORD);
      await page.locator(`${header} [role="status"]`, { hasText: DRAFT_WORD }).waitFor();
      expect(await page.locator(`${header} .search-hit`).count()).toBe(0);
      await page.context().close();
    }
  }, 600_000);
});
