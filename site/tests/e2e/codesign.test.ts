/**
 * The co-design loop, in Chromium: an editor's draft opens on the preview server
 * from Strapi's Preview link; a pilot with an invite sees drafts and leaves
 * feedback with the widget; the feedback sits in the inbox with its page and
 * content; the editor marks it done; after a rebuild it is on the public
 * "you asked, we changed" page. And everything that must never leak, doesn't.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPage } from '../../../cms/tests/harness/fixtures';
import { bootStrapi, type TestStrapi } from '../../../cms/tests/harness/strapi';
import { axe, launch } from './browser';
import { freePort, type PreviewServer, startPreviewServer } from './preview-server';
import { type BuiltSite, buildSite, removeBuild, serve } from './site';

const SECRET = 'test-preview-secret-0123456789';
const BUILD = 'pilot-build-7';
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../docs/screenshots');
let app: TestStrapi;
let previewToken: string;
let preview: PreviewServer;
let browser: Browser;
let draftId: string;
const DRAFT_TITLE = 'Vraag in elk overleg wie hulp kan gebruiken (concept)';

const codesign = () => app.strapi.plugin('ritme').service('codesign');
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  const port = await freePort();
  const tokenFile = path.join(mkdtempSync(path.join(tmpdir(), 'ritme-token-')), 'token');
  app = await bootStrapi({
    seed: true,
    env: {
      PREVIEW_SECRET: SECRET,
      PREVIEW_URL: `http://127.0.0.1:${port}`,
      RITME_PREVIEW_TOKEN_FILE: tokenFile,
      RITME_RATE_LIMIT_POINTS: '1000',
    },
  });
  previewToken = readFileSync(tokenFile, 'utf8').trim();
  draftId = await createPage(
    app.strapi,
    'behaviour',
    {
      title: DRAFT_TITLE,
      insteadOf: 'Help elkaar.',
      why: 'Wie vastzit, vraagt niet vanzelf om hulp.',
      cadence: 'per_meeting',
      skill: 'asking_questions',
    },
    undefined,
    { draft: true },
  );
  preview = await startPreviewServer({ cmsUrl: app.baseUrl, token: previewToken, secret: SECRET, port, build: BUILD });
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  await app?.stop();
});

async function open(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function pilotPage(name = 'Sanne Visser', days = 14): Promise<{ page: Page; token: string; invite: string }> {
  const created = await codesign().createInvite({ name, expiresAt: inFuture(days) });
  const page = await open(created.link);
  return { page, token: created.token, invite: created.documentId };
}

describe('Strapi Preview → the preview server', () => {
  it('opens a draft from the Preview handler’s link, in its locale, with the banner', async () => {
    const handler = app.strapi.config.get('admin.preview.config.handler') as (
      uid: string,
      target: object,
    ) => Promise<string | null>;
    const link = await handler('plugin::ritme.behaviour', { documentId: draftId, locale: 'nl', status: 'draft' });
    expect(link).toMatch(new RegExp(`^${preview.url}/preview-entry/\\?`));
    const page = await open(link as string);
    expect(new URL(page.url()).pathname).toMatch(/^\/gedrag\/vraag-in-elk-overleg/);
    expect(await page.locator('h1').textContent()).toBe(DRAFT_TITLE);
    expect(await page.locator('.preview-banner').textContent()).toContain(BUILD);
    const publicResponse = await fetch(`${app.baseUrl}/api/ritme/behaviours/${draftId}`);
    expect(publicResponse.status).toBe(404);
  });

  it('shows only published content when the editor previews the published version', async () => {
    const handler = app.strapi.config.get('admin.preview.config.handler') as (
      uid: string,
      target: object,
    ) => Promise<string>;
    const published = (await app.strapi
      .documents('plugin::ritme.behaviour' as never)
      .findFirst({ locale: 'en', status: 'published' } as never)) as unknown as {
      documentId: string;
      title: string;
    };
    const page = await open(
      await handler('plugin::ritme.behaviour', { documentId: published.documentId, locale: 'en', status: 'published' }),
    );
    expect(new URL(page.url()).pathname).toMatch(/^\/en\/behaviours\//);
    expect(await page.locator('h1').textContent()).toBe(published.title);
    expect(await page.locator('.preview-banner').textContent()).toContain('published only');
    await page.goto(`${preview.url}/gedrag/`);
    expect(await page.getByText(DRAFT_TITLE).count()).toBe(0);
  });

  it('reloads when Strapi announces a change, and only when the message comes from the CMS', async () => {
    const { page } = await pilotPage();
    const cms = await page.context().newPage();
    await cms.goto(`${app.baseUrl}/robots.txt`);
    const [popup] = await Promise.all([
      cms.waitForEvent('popup'),
      cms.evaluate((url) => {
        (window as unknown as { preview: Window | null }).preview = window.open(url);
      }, `${preview.url}/groepen/`),
    ]);
    await popup.waitForLoadState('load');
    let loads = 0;
    popup.on('load', () => {
      loads += 1;
    });
    // From the page itself (not the CMS): ignored.
    await popup.evaluate(() => window.postMessage({ type: 'strapiUpdate' }, '*'));
    await popup.waitForTimeout(800);
    expect(loads).toBe(0);
    // From the CMS's origin: the preview reloads.
    await cms.evaluate(() =>
      (window as unknown as { preview: Window }).preview.postMessage({ type: 'strapiUpdate' }, '*'),
    );
    await popup.waitForEvent('load', { timeout: 5000 });
    expect(loads).toBe(1);
  });

  it('refuses a tampered or expired Preview link', async () => {
    const handler = app.strapi.config.get('admin.preview.config.handler') as (
      uid: string,
      target: object,
    ) => Promise<string>;
    const link = new URL(
      await handler('plugin::ritme.behaviour', { documentId: draftId, locale: 'nl', status: 'draft' }),
    );
    link.searchParams.set('path', '/groepen/');
    expect((await fetch(link)).status).toBe(401);
    link.searchParams.set('exp', String(Date.now() - 1000));
    expect((await fetch(link)).status).toBe(401);
  });

  it('lets only the CMS frame it, and tells search engines and caches to stay away', async () => {
    const { page } = await pilotPage();
    const response = await page.goto(`${preview.url}/groepen/`);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toBe(`frame-ancestors 'self' ${new URL(app.baseUrl).origin}`);
    expect(headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(headers['cache-control']).toBe('private, no-store');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex, nofollow');

    // A page on another origin tries to frame the preview: Chromium blocks it.
    const dir = mkdtempSync(path.join(tmpdir(), 'ritme-framer-'));
    writeFileSync(
      path.join(dir, 'framer.html'),
      `<!doctype html><title>x</title><iframe src="${preview.url}/groepen/" title="x"></iframe>`,
    );
    const site = await serve(dir);
    const framer = await page.context().newPage();
    await framer.goto(`${site.url}/framer.html`, { waitUntil: 'domcontentloaded', timeout: 10_000 });
    await framer.waitForTimeout(1500);
    const frame = framer.frames().find((f) => f !== framer.mainFrame());
    expect(frame).toBeDefined();
    // A blocked frame shows Chromium's error page instead of the intranet.
    const framed = await frame?.evaluate(() => document.querySelector('main#main') !== null).catch(() => false);
    expect(framed).toBe(false);
    await site.close();
  });
});

describe('pilot access', () => {
  it('explains how to get access when there is no session (401)', async () => {
    const response = await fetch(`${preview.url}/`);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('Vraag het intranetteam om een uitnodigingslink');
  });

  it('opens with an invite link, removes the token from the address bar, and shows drafts', async () => {
    const { page, token } = await pilotPage();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(page.url()).not.toContain(token);
    const html = await page.content();
    expect(html).not.toContain(token);
    expect(html).not.toContain(previewToken);
    expect(await page.locator('.preview-banner').textContent()).toContain('Sanne Visser');
    await page.goto(`${preview.url}/gedrag/`);
    expect(await page.getByText(DRAFT_TITLE).count()).toBeGreaterThan(0);
  });

  it('refuses a wrong token, an expired invite and a revoked one, each with its own page', async () => {
    expect((await fetch(`${preview.url}/pilot/?token=${'x'.repeat(43)}`)).status).toBe(401);

    const expired = await codesign().createInvite({ name: 'Oud', expiresAt: inFuture(1) });
    await app.strapi.db.query('plugin::ritme.pilot-invite' as never).update({
      where: { documentId: expired.documentId },
      data: { expiresAt: new Date(Date.now() - 1000).toISOString() },
    });
    const expiredResponse = await fetch(`${preview.url}/pilot/?token=${expired.token}`);
    expect(expiredResponse.status).toBe(403);
    expect(await expiredResponse.text()).toContain('Je uitnodiging is verlopen');

    // Revoking locks out a pilot who is already browsing.
    const { page, invite } = await pilotPage('Piet');
    expect((await page.goto(`${preview.url}/groepen/`))?.status()).toBe(200);
    await codesign().revokeInvite(invite);
    await new Promise((resolve) => setTimeout(resolve, 16_000)); // the preview server re-checks within 15 s
    const after = await page.goto(`${preview.url}/groepen/`);
    expect(after?.status()).toBe(403);
    expect(await page.content()).toContain('Je uitnodiging is ingetrokken');
  }, 60_000);

  it('never stores the token itself', async () => {
    const created = await codesign().createInvite({ name: 'Hash', expiresAt: inFuture(3) });
    const row = await app.strapi.db
      .query('plugin::ritme.pilot-invite' as never)
      .findOne({ where: { documentId: created.documentId } });
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(created.token.length).toBeGreaterThanOrEqual(43);
  });
});

describe('feedback → inbox → "you asked, we changed"', () => {
  let feedbackId: string;

  it('sends feedback from the widget with the page, its content, the build and the pilot', async () => {
    const { page, invite } = await pilotPage('Lotte Jansen');
    await page.goto(`${preview.url}/gedrag/`);
    await page.getByRole('link', { name: DRAFT_TITLE }).click();
    await page.getByRole('button', { name: 'Wat vind je hiervan?' }).click();
    const dialog = page.getByRole('dialog', { name: 'Wat vind je hiervan?' });
    await dialog.getByLabel('Een onderdeel').check();
    await dialog.getByLabel('Onderdeel', { exact: true }).selectOption({ label: 'Waarom' });
    await dialog.getByLabel('Soort').selectOption('idea');
    await dialog.getByLabel('Je feedback').fill('Geef een voorbeeld uit een echt overleg.');
    await dialog.getByLabel(/Mijn naam mag getoond worden/).check();
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'preview-feedback.png') });
    await dialog.getByRole('button', { name: 'Verstuur feedback' }).click();
    await dialog.getByText('Dank je wel!').waitFor();

    const inbox = await codesign().inbox({ kind: 'feedback' });
    const item = inbox.items.find((i: { message: string }) => i.message === 'Geef een voorbeeld uit een echt overleg.');
    expect(item).toMatchObject({
      kind: 'feedback',
      pagePath: expect.stringMatching(/^\/gedrag\/vraag-in-elk-overleg/),
      locale: 'nl',
      section: 'why',
      contentRefs: [`behaviour:${draftId}`],
      build: BUILD,
      author: 'Lotte Jansen',
      showName: true,
      status: 'new',
    });
    const stored = await app.strapi.db
      .query('plugin::ritme.feedback' as never)
      .findOne({ where: { documentId: item.documentId } });
    expect(stored.invite).toBe(invite);
    feedbackId = item.documentId;
  });

  it('keeps the text when sending fails', async () => {
    const { page } = await pilotPage();
    await page.route('**/preview-api/feedback/', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Wat vind je hiervan?' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Je feedback').fill('Dit moet blijven staan');
    await dialog.getByRole('button', { name: 'Verstuur feedback' }).click();
    await dialog.getByText('het intranet kan de server niet bereiken').waitFor();
    expect(await dialog.getByLabel('Je feedback').inputValue()).toBe('Dit moet blijven staan');
  });

  it('accepts feedback only from a preview session on the same origin', async () => {
    const body = JSON.stringify({ data: { message: 'x', category: 'idea', pagePath: '/', locale: 'nl' } });
    const anonymous = await fetch(`${preview.url}/preview-api/feedback/`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(anonymous.status).toBe(401);
    const direct = await fetch(`${app.baseUrl}/api/ritme/feedback`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(direct.status).toBe(403);
  });

  it('shows on the public page after the editor marks it done and the site is rebuilt', async () => {
    await codesign().updateInboxItem('feedback', feedbackId, {
      reply: 'Goed idee, staat er nu in.',
      changedInBuild: BUILD,
    });
    const site: BuiltSite = await buildSite(app.baseUrl);
    const server = await serve(site.dir);
    try {
      const page = await open(`${server.url}/jij-vroeg-wij-veranderden/`);
      const card = page.locator('main li.card').filter({ hasText: 'Geef een voorbeeld uit een echt overleg.' });
      expect(await card.count()).toBe(1);
      expect(await card.textContent()).toContain('Goed idee, staat er nu in.');
      expect(await card.textContent()).toContain(`Veranderd in versie ${BUILD}`);
      expect(await card.textContent()).toContain('Lotte Jansen');
      const english = await open(`${server.url}/en/you-asked-we-changed/`);
      expect(await english.getByText('Geef een voorbeeld uit een echt overleg.').count()).toBe(1);
      expect(await axe(english)).toEqual([]);

      // The production build carries no drafts, no widget and no preview code.
      const files = listFiles(site.dir);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        expect(text, file).not.toContain(DRAFT_TITLE);
        expect(text, file).not.toContain('preview-api');
        expect(text, file).not.toContain('Wat vind je hiervan');
        expect(text, file).not.toContain(previewToken);
      }
      expect(files.some((file) => /FeedbackWidget/.test(file))).toBe(false);
      expect((await fetch(`${server.url}/pilot/?token=x`)).status).toBe(404);
    } finally {
      await server.close();
      removeBuild(site);
    }
  }, 120_000);
});

describe('accessibility on preview pages', () => {
  it('finds no violations with the widget open, in both languages', async () => {
    const report: string[] = [];
    const { page } = await pilotPage();
    for (const pathname of ['/', '/en/', '/gedrag/', '/en/trainings/']) {
      await page.goto(`${preview.url}${pathname}`);
      await page.getByRole('button', { name: /Wat vind je hiervan\?|What do you think\?/ }).click();
      for (const violation of await axe(page)) report.push(`${pathname}: ${violation}`);
    }
    expect(report).toEqual([]);
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : /\.(html|js|css|json)$/.test(name) ? [full] : [];
  });
}
