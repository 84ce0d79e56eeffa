/**
 * The co-design loop, in Chromium: an editor's draft opens on the preview server
 * from Strapi's Preview link (once, and showing that draft only); a pilot with
 * an invite sees the drafts editors shared with pilots — nothing else, and no
 * incomplete draft breaks a page — and leaves feedback with the widget; the feedback sits in the inbox with its page and
 * content; the editor marks it done; after a rebuild it is on the public
 * "you asked, we changed" page. And everything that must never leak, doesn't.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminJwt, previewLink } from '../../../../cms/tests/harness/admins';
import { createPage } from '../../../../cms/tests/harness/fixtures';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { axe, launch } from './browser';
import { freePort, type PreviewServer, startPreviewServer } from './preview-server';
import { type BuiltSite, buildSite, removeBuild, serve } from './site';

const SECRET = 'test-preview-secret-0123456789';
const BUILD = 'pilot-build-7';
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../../../docs/screenshots');
let app: TestStrapi;
let previewToken: string;
let preview: PreviewServer;
let browser: Browser;
let draftId: string;
let editorJwt: string;
const DRAFT_TITLE = 'Vraag in elk overleg wie hulp kan gebruiken (concept)';
// Never shared with pilots, and linked from the shared draft above: a reorganisation nobody may see yet.
const SECRET_GROUP = 'Reorganisatie Team Vergunningen';
// Shared, but incomplete (Strapi requires nothing of a draft): a round without dates, a behaviour without a skill.
const INCOMPLETE_ROUND = 'Ronde zonder datums';
const INCOMPLETE_BEHAVIOUR = 'Gedrag zonder vaardigheid';
const ids = { secretGroup: '', incompleteRound: '', incompleteBehaviour: '' };
const BEHAVIOUR = 'plugin::ritme.behaviour';
const linkFor = async (documentId: string, locale: 'nl' | 'en' = 'nl', status: 'draft' | 'published' = 'draft') => {
  const link = await previewLink(app.baseUrl, editorJwt, BEHAVIOUR, { documentId, locale, status });
  if (!link) throw new Error(`Strapi gave no Preview link for ${documentId}.`);
  return link;
};

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
  editorJwt = await adminJwt(app.strapi, app.baseUrl, 'editor@example.org', 'strapi-editor');
  ids.secretGroup = await createPage(app.strapi, 'group', { name: SECRET_GROUP, kind: 'project' }, undefined, {
    draft: true,
  });
  draftId = await createPage(
    app.strapi,
    'behaviour',
    {
      title: DRAFT_TITLE,
      insteadOf: 'Help elkaar.',
      why: 'Wie vastzit, vraagt niet vanzelf om hulp.',
      cadence: 'per_meeting',
      skill: 'asking_questions',
      sharedWithPilots: true,
      groups: [ids.secretGroup],
    },
    undefined,
    { draft: true },
  );
  ids.incompleteRound = await createPage(
    app.strapi,
    'evaluation-round',
    { title: INCOMPLETE_ROUND, sharedWithPilots: true },
    undefined,
    { draft: true },
  );
  ids.incompleteBehaviour = await createPage(
    app.strapi,
    'behaviour',
    { title: INCOMPLETE_BEHAVIOUR, insteadOf: 'Iets vaags.', sharedWithPilots: true },
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

const LAPTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

async function open(url: string, viewport = LAPTOP): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function pilotPage(
  name = 'Sanne Visser',
  days = 14,
  viewport = LAPTOP,
): Promise<{ page: Page; token: string; invite: string }> {
  const created = await codesign().createInvite({ name, expiresAt: inFuture(days) });
  const page = await open(created.link, viewport);
  return { page, token: created.token, invite: created.documentId };
}

describe('Strapi Preview → the preview server', () => {
  it('opens a draft from the Preview button’s link, in its locale, with the banner and the draft marker', async () => {
    const link = await linkFor(draftId);
    expect(link).toMatch(new RegExp(`^${preview.url}/preview-entry/\\?`));
    const page = await open(link);
    expect(new URL(page.url()).pathname).toMatch(/^\/gedrag\/vraag-in-elk-overleg/);
    expect(await page.locator('h1').textContent()).toBe(DRAFT_TITLE);
    const banner = await page.locator('.preview-banner').textContent();
    expect(banner).toContain(BUILD);
    expect(banner).toContain('Concept van deze pagina');
    expect(banner).toContain('Deze pagina is een concept dat met pilots gedeeld is.');
    expect(await page.locator('main .draft-mark').textContent()).toContain('Concept');
    const publicResponse = await fetch(`${app.baseUrl}/api/ritme/behaviours/${draftId}`);
    expect(publicResponse.status).toBe(404);
  });

  it('opens a Preview link once, and says so in both languages the second time', async () => {
    const link = await linkFor(draftId);
    expect((await fetch(link, { redirect: 'manual' })).status).toBe(303);
    const again = await fetch(link, { redirect: 'manual' });
    expect(again.status).toBe(410);
    const text = await again.text();
    expect(text).toContain('Deze voorbeeldlink is al gebruikt');
    expect(text).toContain('This preview link has already been used');
    expect(again.headers.get('set-cookie')).toBeNull();
  });

  it('shows the editor the draft of their link and no other draft', async () => {
    const page = await open(await linkFor(ids.incompleteBehaviour));
    expect(await page.locator('h1').textContent()).toBe(INCOMPLETE_BEHAVIOUR);
    expect(await page.locator('.preview-banner').textContent()).toContain(
      'Deze pagina is een concept dat met pilots gedeeld is.',
    );
    await page.goto(`${preview.url}/gedrag/`);
    expect(await page.getByText(INCOMPLETE_BEHAVIOUR).count()).toBeGreaterThan(0);
    expect(await page.getByText(DRAFT_TITLE).count()).toBe(0);
    await page.goto(`${preview.url}/evaluatie/`);
    expect(await page.getByText(INCOMPLETE_ROUND).count()).toBe(0);
    // In English, the link's draft is not shown either: the link was for Dutch.
    await page.goto(`${preview.url}/en/behaviours/`);
    expect(await page.getByText(INCOMPLETE_BEHAVIOUR).count()).toBe(0);
  });

  it('shows only published content when the editor previews the published version', async () => {
    const published = (await app.strapi
      .documents('plugin::ritme.behaviour' as never)
      .findFirst({ locale: 'en', status: 'published' } as never)) as unknown as {
      documentId: string;
      title: string;
    };
    const page = await open(await linkFor(published.documentId, 'en', 'published'));
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
    const signed = await linkFor(draftId);
    for (const [key, value] of [
      ['path', '/groepen/'],
      ['document', ids.secretGroup],
      ['status', 'published'],
      ['exp', String(Date.now() - 1000)],
    ]) {
      const link = new URL(signed);
      link.searchParams.set(key as string, value as string);
      expect((await fetch(link, { redirect: 'manual' })).status, key).toBe(401);
    }
    // The untouched link still works: the refusals above did not use it up.
    expect((await fetch(signed, { redirect: 'manual' })).status).toBe(303);
  });

  it('lets only the CMS frame it, and tells search engines and caches to stay away', async () => {
    const { page } = await pilotPage();
    const response = await page.goto(`${preview.url}/groepen/`);
    const headers = response?.headers() ?? {};
    // Next to Astro's own policy (script and style hashes; see csp.test.ts).
    expect(headers['content-security-policy']).toContain(
      `frame-ancestors 'self' ${new URL(app.baseUrl).origin}; object-src 'none'; base-uri 'self'`,
    );
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

  it('opens with an invite link, removes the token from the address bar, and shows the drafts shared with pilots', async () => {
    const { page, token } = await pilotPage();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(page.url()).not.toContain(token);
    const html = await page.content();
    expect(html).not.toContain(token);
    expect(html).not.toContain(previewToken);
    const banner = await page.locator('.preview-banner').textContent();
    expect(banner).toContain('Sanne Visser');
    expect(banner).toContain('Concept gedeeld met pilots');
    await page.goto(`${preview.url}/gedrag/`);
    const card = page.locator('main li.card').filter({ hasText: DRAFT_TITLE });
    expect(await card.count()).toBe(1);
    expect(await card.locator('.draft-mark').textContent()).toContain('Concept');
    // The list is read a page at a time from the preview API: its count is the published ones and the shared drafts.
    const published = (await (await fetch(`${app.baseUrl}/api/ritme/behaviours?locale=nl&pageSize=1`)).json()).meta
      .pagination.total as number;
    const drafts = await page.locator('main li.card .draft-mark').count();
    expect(drafts).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.list-status').textContent()).toBe(`${published + drafts} in totaal`);
    expect((await page.goto(`${preview.url}/gedrag/pagina/2/`))?.status()).toBe(404);
  });

  it('does not show a pilot an unshared draft, not even through a shared one', async () => {
    const { page } = await pilotPage();
    await page.goto(`${preview.url}/groepen/`);
    expect(await page.getByText(SECRET_GROUP).count()).toBe(0);
    expect((await page.goto(`${preview.url}/groepen/reorganisatie-team-vergunningen/`))?.status()).toBe(404);
    await page.goto(`${preview.url}/gedrag/`);
    await page.getByRole('link', { name: DRAFT_TITLE }).click();
    expect(await page.locator('h1').textContent()).toBe(DRAFT_TITLE);
    expect(await page.content()).not.toContain(SECRET_GROUP);
    expect(await page.content()).not.toContain(ids.secretGroup);
    expect(await page.locator('.preview-banner').textContent()).toContain(
      'Deze pagina is een concept dat met pilots gedeeld is.',
    );
  });

  it('still renders every page while an incomplete draft exists, and says what it lacks', async () => {
    const { page } = await pilotPage();
    for (const pathname of ['/', '/gedrag/', '/evaluatie/', '/en/', '/en/evaluation/']) {
      expect((await page.goto(`${preview.url}${pathname}`))?.status(), pathname).toBe(200);
    }
    await page.goto(`${preview.url}/evaluatie/`);
    await page.getByRole('link', { name: INCOMPLETE_ROUND }).click();
    expect(await page.locator('h1').textContent()).toBe(INCOMPLETE_ROUND);
    expect(await page.locator('main .draft-mark').textContent()).toContain('Nog in te vullen: opent op, sluit op');
    // Without dates the round has not opened: no form takes answers.
    expect(await page.getByText('Deze ronde is nog niet geopend.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Verstuur mijn antwoorden' }).count()).toBe(0);
    await page.goto(`${preview.url}/gedrag/`);
    await page.getByRole('link', { name: INCOMPLETE_BEHAVIOUR }).click();
    expect(await page.locator('main .draft-mark').textContent()).toContain('vaardigheid');
    expect(await axe(page)).toEqual([]);
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
      // The heading as the pilot saw it, so the inbox names the section instead of its anchor.
      sectionHeading: 'Waarom',
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

  it('fits a phone: radios beside their labels, and the floating button covers no control', async () => {
    const { page } = await pilotPage('Noor de Vries', 14, PHONE);
    await page.goto(`${preview.url}/trainingen/`);
    const open = page.getByRole('button', { name: 'Wat vind je hiervan?' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Wat vind je hiervan?' });
    const radio = dialog.getByLabel('De hele pagina');
    const beside = await radio.evaluate((input) => {
      const box = input.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(input.parentElement as HTMLElement);
      range.setStartAfter(input);
      const text = range.getBoundingClientRect();
      return { sameRow: box.top < text.bottom && box.bottom > text.top, before: box.right <= text.left };
    });
    expect(beside).toEqual({ sameRow: true, before: true });
    await dialog.getByRole('button', { name: 'Sluiten' }).click();
    // Every control of the page, scrolled to the bottom edge of the screen (the worst case): no point of
    // it — left end, middle, right end — is under the floating button. The page keeps room for it.
    await page.getByRole('button', { name: 'Wis filters' }).waitFor();
    const covered = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main a, main button, main select, footer a')]
        .filter((element) => element.offsetParent !== null)
        .flatMap((element) => {
          element.scrollIntoView({ block: 'end', behavior: 'instant' });
          const box = element.getClientRects()[0];
          if (!box) return [];
          const y = box.top + box.height / 2;
          const underButton = [box.left + 2, box.left + box.width / 2, box.right - 2].some((x) =>
            document.elementFromPoint(x, y)?.closest('.feedback-open'),
          );
          return underButton ? [element.textContent?.trim() ?? element.tagName] : [];
        }),
    );
    expect(covered).toEqual([]);
    await page.context().close();
  });

  it('keeps the text when sending fails', async () => {
    const { page } = await pilotPage();
    await page.route('**/preview-api/feedback/', (route) => route.abort('connectionrefused'));
    // The widget's code arrives late, as on a slow machine: a click before hydration must wait for it
    // (the button is disabled until then) instead of landing on a button that does nothing.
    await page.route('**/_astro/FeedbackWidget*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.reload({ waitUntil: 'domcontentloaded' });
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
      publicSummary: {
        nl: 'Elke pagina over gedrag heeft nu een voorbeeld uit een echt overleg.',
        en: 'Every behaviour page now has an example from a real meeting.',
      },
    });
    const site: BuiltSite = await buildSite(app.baseUrl);
    const server = await serve(site.dir);
    try {
      const page = await open(`${server.url}/jij-vroeg-wij-veranderden/`);
      const card = page.locator('main li.card').filter({ hasText: 'een voorbeeld uit een echt overleg' });
      expect(await card.count()).toBe(1);
      expect(await card.textContent()).toContain(`Veranderd in versie ${BUILD}`);
      expect(await card.textContent()).toContain('Lotte Jansen');
      // Only what the editor approved: not the pilot's own words, not the private reply.
      const board = (await page.locator('main').textContent()) ?? '';
      expect(board).not.toContain('Geef een voorbeeld uit een echt overleg.');
      expect(board).not.toContain('Goed idee, staat er nu in.');
      const english = await open(`${server.url}/en/you-asked-we-changed/`);
      expect(await english.getByText('Every behaviour page now has an example from a real meeting.').count()).toBe(1);
      expect(await axe(english)).toEqual([]);

      // The production build carries no drafts, no widget and no preview code.
      const files = listFiles(site.dir);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        expect(text, file).not.toContain(DRAFT_TITLE);
        expect(text, file).not.toContain(SECRET_GROUP);
        expect(text, file).not.toContain('draft-mark');
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
