/**
 * Live by itself: the build service (`ritme-build-service`) in front of the
 * demo intranet, built from a seeded Strapi, checked in Chromium and over raw
 * HTTP. Publishing, unpublishing and editing show on the intranet after a
 * notification, without anyone building; a build that fails (Strapi answering
 * 500) leaves the last good site served and says why; a round that closes is
 * rebuilt at that moment by the clock alone; the site is served like a real web
 * server (redirects, 404 pages per language, caching, no way out of the build
 * folder); and build ids keep counting across a restart.
 *
 * Strapi is notified here directly with the secret; the plugin's own
 * notifications have their test on the plugin side (cms/tests/live.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPage, docs } from '../../../../cms/tests/harness/fixtures';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { launch } from './browser';
import { type BuildService, type CmsProxy, rawGet, startBuildService, startCmsProxy } from './build-service';
import { SITE_DIR } from './site';

const SECRET = randomBytes(24).toString('hex');
/** Inside site/demo/ (git- and Biome-ignored), so Astro keeps each build's own chunks beside it. */
const WORK = mkdtempSync(path.join(SITE_DIR, '.preview-test-live-'));
const BUILDS = path.join(WORK, 'builds');

let app: TestStrapi;
let proxy: CmsProxy;
let service: BuildService;
let browser: Browser;
/** For the tests that wait for builds (Vitest's default here is a minute). */
const BUILD_TIMEOUT = 300_000;
/** How long builds took so far: a round closing "soon" must still be open while its page builds. */
const durations: number[] = [];

const start = () => startBuildService({ cmsUrl: proxy.url, secret: SECRET, buildsDir: BUILDS });
const currentId = async () => Number((await service.status()).current?.id ?? 0);
const built = async (afterId: number, options?: { failure?: boolean }) => {
  const status = await service.waitForBuild(afterId, options);
  if (status.current && !options?.failure) durations.push(status.current.durationMs);
  return status;
};

beforeAll(async () => {
  app = await bootStrapi({ seed: true, env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  proxy = await startCmsProxy(app.baseUrl);
  service = await start();
  // No build yet: the service builds once by itself.
  await built(0);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await service?.stop();
  await proxy?.close();
  await app?.stop();
  rmSync(WORK, { recursive: true, force: true });
});

async function open(pathname: string, options: { javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true });
  const page = await context.newPage();
  await page.goto(`${service.url}${pathname}`);
  return page;
}

const hook = (body: unknown) => service.call('POST', '/_ritme/hooks/build', { body: JSON.stringify(body) });
const pluginHook = (event: string, documentId: string) =>
  hook({ events: [{ event, uid: 'plugin::ritme.behaviour', documentId, locale: null }] });

const BEHAVIOUR = {
  slug: 'deel-je-planning-op-maandag',
  title: 'Deel op maandag je planning in de groep',
  edited: 'Deel op maandag je weekplanning in de teamgroep',
};

describe('publishing in Strapi shows on the intranet', () => {
  let documentId = '';

  it(
    'publishes a new behaviour: one build for a burst of notifications, then its page and the list show it',
    async () => {
      const before = await currentId();
      documentId = await createPage(app.strapi, 'behaviour', {
        title: BEHAVIOUR.title,
        slug: BEHAVIOUR.slug,
        insteadOf: 'Houd elkaar op de hoogte.',
        why: 'Wie weet waar de ander aan werkt, vraagt eerder om hulp.',
        cadence: 'weekly',
        skill: 'making_work_visible',
      });
      // Twenty notifications in a row, in both shapes the service accepts: Strapi's own webhook and the plugin's.
      for (let i = 0; i < 20; i += 1) {
        const response =
          i % 2 === 0
            ? await hook({
                event: 'entry.publish',
                model: 'behaviour',
                uid: 'plugin::ritme.behaviour',
                entry: { documentId },
              })
            : await pluginHook('publish', documentId);
        expect(response.status).toBe(202);
      }
      const status = await built(before);
      const builds = Number(status.current?.id) - before;
      expect(builds).toBeGreaterThanOrEqual(1);
      expect(builds).toBeLessThanOrEqual(2);
      expect(status.state).toBe('idle');
      // The plugin's notifications build at once; the second build (if any) found nothing more to change.
      const since = status.history.filter((entry) => Number(entry.id) > before);
      expect(since.some((entry) => entry.pagesChanged > 0)).toBe(true);
      expect(status.history[0]).toMatchObject({ id: status.current?.id, ok: true });

      const page = await open(`/gedrag/${BEHAVIOUR.slug}/`);
      expect(await page.locator('h1').textContent()).toBe(BEHAVIOUR.title);
      const list = await open('/gedrag/');
      expect(await list.getByRole('link', { name: BEHAVIOUR.title }).count()).toBe(1);
      const response = await fetch(`${service.url}/gedrag/${BEHAVIOUR.slug}/`);
      expect(response.headers.get('x-ritme-build')).toBe(status.current?.id);
    },
    BUILD_TIMEOUT,
  );

  it(
    'edits it: the new text is served',
    async () => {
      const before = await currentId();
      await docs(app.strapi, 'behaviour').update({ documentId, locale: 'nl', data: { title: BEHAVIOUR.edited } });
      await docs(app.strapi, 'behaviour').publish({ documentId, locale: '*' });
      expect((await pluginHook('publish', documentId)).status).toBe(202);
      await built(before);

      const page = await open(`/gedrag/${BEHAVIOUR.slug}/`);
      expect(await page.locator('h1').textContent()).toBe(BEHAVIOUR.edited);
      const list = await open('/gedrag/');
      expect(await list.getByRole('link', { name: BEHAVIOUR.edited }).count()).toBe(1);
      expect(await list.getByRole('link', { name: BEHAVIOUR.title }).count()).toBe(0);
    },
    BUILD_TIMEOUT,
  );

  it(
    'unpublishes it: its page is gone (404) and so is its card in the list',
    async () => {
      const before = await currentId();
      await (
        app.strapi.documents('plugin::ritme.behaviour' as never) as unknown as {
          unpublish(params: object): Promise<unknown>;
        }
      ).unpublish({ documentId, locale: '*' });
      expect((await pluginHook('unpublish', documentId)).status).toBe(202);
      await built(before);

      const page = await browser.newPage();
      const response = await page.goto(`${service.url}/gedrag/${BEHAVIOUR.slug}/`);
      expect(response?.status()).toBe(404);
      expect(await page.locator('h1').first().textContent()).toBe('Pagina niet gevonden');
      const list = await open('/gedrag/');
      expect(await list.locator('main').textContent()).not.toContain(BEHAVIOUR.edited);
      expect(await list.locator('main .card').count()).toBeGreaterThan(0);
    },
    BUILD_TIMEOUT,
  );
});

describe('a build that fails', () => {
  it(
    'keeps the last good site served, and says why in the status',
    async () => {
      const good = await service.status();
      const goodId = Number(good.current?.id);
      proxy.failing = true;
      try {
        expect((await service.call('POST', '/_ritme/rebuild')).status).toBe(202);
        const status = await built(goodId, { failure: true });
        expect(status.state).toBe('failed-idle');
        expect(status.current?.id).toBe(String(goodId));
        expect(Number(status.lastFailure?.id)).toBeGreaterThan(goodId);
        expect(status.lastFailure?.reason).toMatch(/500/);
        expect(status.lastFailure?.reason.split('\n').length).toBeLessThanOrEqual(20);
        expect(status.history[0]).toMatchObject({ id: status.lastFailure?.id, ok: false });
        // The failed build's folder is gone; the good one still answers every page.
        expect(existsSync(path.join(BUILDS, String(status.lastFailure?.id)))).toBe(false);
        const home = await fetch(`${service.url}/`);
        expect(home.status).toBe(200);
        expect(home.headers.get('x-ritme-build')).toBe(String(goodId));
        const page = await open('/gedrag/');
        expect(await page.locator('main .card').count()).toBeGreaterThan(0);
      } finally {
        proxy.failing = false;
      }
    },
    BUILD_TIMEOUT,
  );

  it(
    'fails, and does not hang, when something breaks after the pages are written',
    async () => {
      const goodId = await currentId();
      // Where the service keeps each build's plan becomes a file: writing this build's plan throws.
      const plans = path.join(BUILDS, 'plans');
      rmSync(plans, { recursive: true, force: true });
      writeFileSync(plans, 'not a folder');
      try {
        expect((await service.call('POST', '/_ritme/rebuild')).status).toBe(202);
        const status = await built(goodId, { failure: true });
        expect(status.state).toBe('failed-idle');
        expect(status.building).toBeNull();
        expect(status.current?.id).toBe(String(goodId));
        expect(status.lastFailure?.reason).toMatch(/EEXIST|ENOTDIR/);
        expect((await fetch(`${service.url}/`)).headers.get('x-ritme-build')).toBe(String(goodId));
      } finally {
        rmSync(plans, { force: true });
        mkdirSync(plans);
      }
    },
    BUILD_TIMEOUT,
  );

  it(
    'recovers on the next build; nothing changed, so no page changed',
    async () => {
      const failed = Number((await service.status()).lastFailure?.id);
      expect((await service.call('POST', '/_ritme/rebuild')).status).toBe(202);
      const status = await built(failed);
      expect(status.state).toBe('idle');
      expect(Number(status.current?.id)).toBe(failed + 1);
      expect(status.current?.pagesChanged).toBe(0);
      expect((await fetch(`${service.url}/`)).headers.get('x-ritme-build')).toBe(status.current?.id);
    },
    BUILD_TIMEOUT,
  );
});

describe('time is an event', () => {
  it(
    'rebuilds by itself when a round closes, and the page stops offering the form',
    async () => {
      const slug = 'ronde-die-vanzelf-sluit';
      // Closing soon, but surely after its page is built (at least twice the slowest build so far).
      const closesAt = new Date(Date.now() + Math.max(8000, 2 * Math.max(...durations) + 5000));
      const documentId = await createPage(app.strapi, 'evaluation-round', {
        title: 'Ronde die vanzelf sluit',
        slug,
        opensAt: new Date(Date.now() - 86_400_000).toISOString(),
        closesAt: closesAt.toISOString(),
      });
      const before = await currentId();
      expect(
        (
          await hook({
            events: [{ event: 'publish', uid: 'plugin::ritme.evaluation-round', documentId, locale: null }],
          })
        ).status,
      ).toBe(202);
      const open1 = await built(before);
      expect(Date.now()).toBeLessThan(closesAt.getTime());
      // The page of the open round, as built (no JavaScript: not the island's own clock).
      const form = await open(`/evaluatie/${slug}/`, { javaScript: false });
      expect(await form.locator('main textarea').count()).toBeGreaterThan(0);
      // Strapi's clock names the closing; the service waits for it.
      expect(open1.nextClockBuild?.reason).toBe('round-closes');
      expect(Date.parse(open1.nextClockBuild?.at ?? '')).toBe(closesAt.getTime());

      // No publish, no notification: the clock alone builds again.
      const after = await built(Number(open1.current?.id));
      expect(after.history[0]?.trigger).toMatch(/^clock/);
      const closed = await open(`/evaluatie/${slug}/`, { javaScript: false });
      expect(await closed.locator('main textarea').count()).toBe(0);
      expect(await closed.getByRole('heading', { name: 'Wat er veranderd is' }).count()).toBe(1);
    },
    BUILD_TIMEOUT,
  );
});

describe('serving the site like a web server', () => {
  it('sends a directory without its slash to the slash form, keeping the query', async () => {
    const response = await fetch(`${service.url}/gedrag?vaardigheid=x`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/gedrag/?vaardigheid=x');
    expect(response.headers.get('x-ritme-build')).toMatch(/^\d+$/);
    const page = await open('/gedrag');
    expect(page.url()).toBe(`${service.url}/gedrag/`);
  });

  it("answers unknown paths with the site's 404 page, in the language of the path", async () => {
    const dutch = await browser.newPage();
    expect((await dutch.goto(`${service.url}/bestaat-niet/`))?.status()).toBe(404);
    expect(await dutch.locator('html').getAttribute('lang')).toBe('nl');
    expect(await dutch.locator('h1').first().textContent()).toBe('Pagina niet gevonden');

    const english = await browser.newPage();
    const response = await english.goto(`${service.url}/en/nope/`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()['x-ritme-build']).toMatch(/^\d+$/);
    expect(await english.locator('html').getAttribute('lang')).toBe('en');
    expect(await english.locator('h1').textContent()).toBe('Page not found');
    expect(await english.locator('main').textContent()).not.toContain('Pagina niet gevonden');
    await english.getByRole('link', { name: 'Go to the home page' }).click();
    expect(english.url()).toBe(`${service.url}/en/`);
  });

  it('caches hashed assets for good, and revalidates pages by their ETag', async () => {
    const home = await fetch(`${service.url}/`);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    const etag = home.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    const css = (await home.text()).match(/href="(\/_astro\/[^"]+\.css)"/)?.[1];
    expect(css).toBeDefined();

    const asset = await fetch(`${service.url}${css}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const again = await fetch(`${service.url}/`, { headers: { 'if-none-match': etag as string } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await fetch(`${service.url}/`, { headers: { 'if-none-match': '"something-else"' } });
    expect(other.status).toBe(200);
  });

  it('answers HEAD without a body, and refuses other methods on the site', async () => {
    const head = await fetch(`${service.url}/gedrag/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await fetch(`${service.url}/gedrag/`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it.each([
    '/../state.json',
    '/../../../../etc/passwd',
    '/%2e%2e/state.json',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    '/_astro/..%2f..%2fstate.json',
    '/..%5cstate.json',
    '/index.html%00.css',
    '/%00',
    '/%c0%ae%c0%ae/state.json',
  ])('never leaves the build folder: %s', async (target) => {
    const response = await rawGet(service.url, target);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain('"lastId"');
    expect(response.body).not.toContain('root:');
  });

  it('only lets the secret in to the build routes', async () => {
    for (const [method, pathname] of [
      ['POST', '/_ritme/hooks/build'],
      ['POST', '/_ritme/rebuild'],
      ['GET', '/_ritme/status'],
    ] as const) {
      expect((await service.call(method, pathname, { secret: null })).status).toBe(401);
      expect((await service.call(method, pathname, { secret: `${SECRET.slice(0, -1)}x` })).status).toBe(401);
    }
    expect((await service.call('GET', '/_ritme/hooks/build')).status).toBe(405);
    expect((await service.call('GET', '/_ritme/nothing')).status).toBe(404);
  });
});

describe('across a restart', () => {
  it(
    'serves the last good build at once, catches up on what was published while it was down, keeps counting build ids; old build folders go',
    async () => {
      const before = await service.status();
      const id = Number(before.current?.id);
      await service.stop();
      // Published while the service is down: nobody is told.
      const title = 'Gepubliceerd terwijl de bouwdienst uit stond';
      await createPage(app.strapi, 'behaviour', {
        title,
        slug: 'gepubliceerd-terwijl-de-bouwdienst-uit-stond',
        insteadOf: 'Wacht niet.',
        why: 'Het intranet haalt het in.',
        cadence: 'weekly',
        skill: 'making_work_visible',
      });
      service = await start();
      const restarted = await service.status();
      expect(restarted.current?.id).toBe(String(id));
      expect((await fetch(`${service.url}/`)).headers.get('x-ritme-build')).toBe(String(id));
      const caughtUp = await built(id);
      expect(caughtUp.current?.id).toBe(String(id + 1));
      expect(caughtUp.history[0]).toMatchObject({ ok: true, trigger: 'start' });
      const page = await open('/gedrag/gepubliceerd-terwijl-de-bouwdienst-uit-stond/');
      expect(await page.locator('h1').textContent()).toBe(title);

      // A notification with a body far beyond what the service reads still counts.
      expect((await hook({ event: 'entry.update', padding: 'x'.repeat(200_000) })).status).toBe(202);
      const next = await built(id + 1);
      expect(next.current?.id).toBe(String(id + 2));
      expect(readFileSync(path.join(BUILDS, 'state.json'), 'utf8')).toContain(`"lastId": ${id + 2}`);
      expect(readdirSync(BUILDS)).toContain('current');
      expect(readFileSync(path.join(BUILDS, 'current/index.html'), 'utf8')).toContain('<html');
      // The restart cleaned up: the last three builds stay, and the two made since, whose predecessors
      // may still be read for a minute (the grace period) before they go.
      const folders = readdirSync(BUILDS).filter((name) => /^\d+$/.test(name));
      expect(folders.length).toBeLessThanOrEqual(5);
      expect(folders).toContain(String(id + 2));
    },
    BUILD_TIMEOUT,
  );
});

describe('only building (--no-serve)', () => {
  it(
    'builds into its own folder, points <builds>/current at the build, and serves no site',
    async () => {
      const builds = path.join(WORK, 'builds-no-serve');
      const builder = await startBuildService({
        cmsUrl: proxy.url,
        secret: SECRET,
        buildsDir: builds,
        args: ['--no-serve'],
      });
      try {
        const status = await builder.waitForBuild(0);
        expect(status.current?.id).toBe('1');
        expect(readFileSync(path.join(builds, 'current/index.html'), 'utf8')).toContain('<html');
        const home = await fetch(`${builder.url}/`);
        expect(home.status).toBe(404);
        expect(home.headers.get('x-ritme-build')).toBeNull();
      } finally {
        await builder.stop();
      }
    },
    BUILD_TIMEOUT,
  );
});
