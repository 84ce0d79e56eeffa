/**
 * The Strapi admin panel, in Chromium, shows what the intranet shows: the
 * co-design page's Live panel against a real build service in front of the
 * demo intranet, built from a seeded Strapi (SQLite) that serves its admin
 * panel from this run's production build (cms/tests/harness/admin-build.ts).
 *
 * An editor with Ritme's build permissions logs in and sees the live build;
 * asks for a rebuild that fails (Strapi answering 500 to the build) and sees
 * why, and that the intranet still shows — and still serves — the last good
 * build; asks again once Strapi answers, sees it build and go live. An editor
 * without build.rebuild (in Dutch) sees the state but no "Rebuild now", and
 * the route refuses them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, adminWith, type TestAdmin } from '../../../../cms/tests/harness/admins';
import { call } from '../../../../cms/tests/harness/api';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { launch } from './browser';
import { type BuildService, type BuildStatus, type CmsProxy, startBuildService, startCmsProxy } from './build-service';
import { freePort } from './preview-server';
import { SITE_DIR } from './site';

const SECRET = randomBytes(24).toString('hex');
/** Inside site/demo/ (git- and Biome-ignored), as live.test.ts keeps its builds. */
const WORK = mkdtempSync(path.join(SITE_DIR, '.preview-test-admin-live-'));
/** How long a build may take to show (a whole Astro build); the tests that wait for one get a minute more. */
const BUILD_WAIT = 180_000;
const BUILD_TIMEOUT = BUILD_WAIT + 60_000;
/** For the admin panel to show something that needs no build (it asks the build service each few seconds). */
const UI_TIMEOUT = 30_000;

const BUILD_ACTIONS = ['plugin::ritme.inbox.read', 'plugin::ritme.build.read', 'plugin::ritme.build.rebuild'];

let app: TestStrapi;
let proxy: CmsProxy;
let service: BuildService;
let browser: Browser;
let rebuilder: TestAdmin;
let reader: TestAdmin;

const live = () => app.strapi.plugin('ritme').service('live') as unknown as { flush(): Promise<void> };
const newestId = (status: BuildStatus) =>
  Math.max(Number(status.current?.id ?? 0), Number(status.lastFailure?.id ?? 0));

/** Polls the build service until nothing builds or waits to. */
async function settled(): Promise<BuildStatus> {
  const deadline = Date.now() + BUILD_WAIT;
  for (;;) {
    const status = await service.status();
    if (status.state !== 'building' && !status.pending) return status;
    if (Date.now() > deadline) throw new Error(`The build service did not settle: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeAll(async () => {
  // Strapi is told where the build service will listen before it does: the service builds from Strapi.
  const port = await freePort();
  app = await bootStrapi({
    seed: true,
    admin: true,
    env: {
      RITME_RATE_LIMIT_POINTS: '1000',
      RITME_BUILDER_URL: `http://127.0.0.1:${port}`,
      RITME_BUILD_SECRET: SECRET,
      RITME_BUILD_DEBOUNCE_MS: '200',
    },
  });
  proxy = await startCmsProxy(app.baseUrl);
  service = await startBuildService({ cmsUrl: proxy.url, secret: SECRET, buildsDir: path.join(WORK, 'builds'), port });
  // The first build, by itself; then what seeding published reaches the service (it could not before it
  // listened), and whatever that builds finishes: from here on, only the tests make builds.
  await service.waitForBuild(0, { deadlineMs: BUILD_WAIT });
  await live().flush();
  const status = await settled();
  if (!status.current || newestId(status) !== Number(status.current.id)) {
    throw new Error(`The first builds did not go live: ${JSON.stringify(status)}\n${service.output().slice(-3000)}`);
  }
  rebuilder = await adminWith(app.strapi, app.baseUrl, 'rebuilder@example.org', BUILD_ACTIONS, { language: 'en' });
  reader = await adminWith(
    app.strapi,
    app.baseUrl,
    'reader@example.org',
    BUILD_ACTIONS.filter((action) => action !== 'plugin::ritme.build.rebuild'),
    { language: 'nl' },
  );
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await proxy?.close();
  await app?.stop();
  rmSync(WORK, { recursive: true, force: true });
});

/** Logs in through the admin panel's own form (keyboard: type, Enter) and opens the co-design page from the menu. */
async function openCodesign(admin: TestAdmin, menuLink: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  await page.goto(`${app.baseUrl}/admin`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('link', { name: menuLink }).click();
  await page.waitForURL(/\/admin\/plugins\/ritme$/);
  return page;
}

/** The Live panel: the section labelled by its heading. */
const panel = (page: Page) => page.getByRole('region', { name: 'Live' });

/** Waits for the panel's headline to match `pattern`; returns its text. */
async function headline(page: Page, pattern: RegExp, timeout = UI_TIMEOUT): Promise<string> {
  const line: Locator = panel(page).getByText(pattern);
  await line.waitFor({ state: 'visible', timeout });
  return (await line.textContent()) ?? '';
}

describe('the Live panel in the admin', () => {
  let page: Page;
  let good: number;

  it(
    'shows the build that is live, to an editor with the build permissions',
    async () => {
      const status = await service.status();
      good = Number(status.current?.id);
      page = await openCodesign(rebuilder, 'Co-design inbox');
      await page.getByRole('heading', { name: 'Co-design', level: 1 }).waitFor();
      const text = await headline(page, new RegExp(`^Live — build ${good}, .+ changed$`));
      expect(text).toMatch(/(second|minute|now)/);
      // Nothing builds now, so the button is there and can be used.
      const rebuild = panel(page).getByRole('button', { name: 'Rebuild now' });
      expect(await rebuild.isEnabled()).toBe(true);
    },
    BUILD_TIMEOUT,
  );

  it(
    'a rebuild that fails: says why, and that the intranet still shows the last good build, which it serves',
    async () => {
      proxy.failing = true;
      try {
        await panel(page).getByRole('button', { name: 'Rebuild now' }).click();
        await page.getByText('A rebuild was requested.').waitFor();
        const text = await headline(
          page,
          new RegExp(`^Build failed: .*500.*; the intranet still shows build ${good}$`, 's'),
          BUILD_WAIT,
        );
        const status = await service.status();
        expect(status.state).toBe('failed-idle');
        expect(Number(status.lastFailure?.id)).toBeGreaterThan(good);
        expect(text).toContain(`Build failed: ${status.lastFailure?.reason.split('\n')[0]}`);
      } finally {
        proxy.failing = false;
      }
      // The intranet: still the good build, page and all.
      const home = await fetch(`${service.url}/`);
      expect(home.status).toBe(200);
      expect(home.headers.get('x-ritme-build')).toBe(String(good));
      const intranet = await browser.newPage();
      const response = await intranet.goto(`${service.url}/gedrag/`);
      expect(response?.headers()['x-ritme-build']).toBe(String(good));
      expect(await intranet.locator('main .card').count()).toBeGreaterThan(0);
      await intranet.close();
    },
    BUILD_TIMEOUT,
  );

  it(
    'a rebuild once Strapi answers again: building, then live with a newer build',
    async () => {
      const failed = Number((await service.status()).lastFailure?.id);
      const rebuild = panel(page).getByRole('button', { name: 'Rebuild now' });
      await rebuild.focus();
      await page.keyboard.press('Enter');
      // A whole Astro build takes seconds: the panel sees it running, and says what is live meanwhile.
      await headline(page, /^Building… \(build \d+, started .+\)$/);
      await panel(page).getByText(`Until it is done, the intranet shows build ${good}.`).waitFor();
      expect(await rebuild.isDisabled()).toBe(true);

      const text = await headline(page, /^Live — build \d+, .+ changed$/, BUILD_WAIT);
      const shown = Number(text.match(/build (\d+)/)?.[1]);
      expect(shown).toBeGreaterThan(failed);
      const status = await settled();
      expect(status.current?.id).toBe(String(shown));
      expect((await fetch(`${service.url}/`)).headers.get('x-ritme-build')).toBe(String(shown));
      expect(
        await panel(page)
          .getByText(/^Build failed/)
          .count(),
      ).toBe(0);
      expect(await rebuild.isEnabled()).toBe(true);
    },
    BUILD_TIMEOUT,
  );

  it('an editor without build.rebuild (in Dutch) sees the state but no rebuild button, and the route refuses them', async () => {
    const live = (await service.status()).current?.id;
    const dutch = await openCodesign(reader, 'Co-design-inbox');
    await headline(dutch, new RegExp(`^Live — build ${live}, .+ gewijzigd$`));
    expect(await panel(dutch).getByRole('button').count()).toBe(0);
    expect(await dutch.getByRole('button', { name: 'Nu opnieuw bouwen' }).count()).toBe(0);
    expect(await dutch.getByRole('button', { name: 'Rebuild now' }).count()).toBe(0);

    const before = newestId(await service.status());
    const refused = await call(app.baseUrl, 'POST', '/ritme/rebuild', { token: reader.jwt });
    expect(refused.status).toBe(403);
    // And nothing was asked of the build service.
    const after = await service.status();
    expect(after.state).not.toBe('building');
    expect(after.pending).toBe(false);
    expect(newestId(after)).toBe(before);
    await dutch.context().close();
  });
});
