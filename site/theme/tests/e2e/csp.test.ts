/**
 * The Content-Security-Policy, in Chromium, on the built intranet (a <meta> in
 * every page) and on the preview server (headers): every page template loads
 * without a single violation and its islands still work, while a script an
 * attacker manages to inject — an inline <script>, an event handler attribute,
 * a javascript: URL — does not run. And a training whose Markdown body holds
 * script links and raw HTML renders harmless text.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { paths } from '@ritme/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../cms/tests/harness/api';
import { createPage } from '../../../../cms/tests/harness/fixtures';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { cssVariablesOf } from '../../src/config/css-variables';

/** The demo's colours (site/demo/astro.config.mjs), inlined in every page's head. */
const cssVariables = cssVariablesOf({
  primary: '#0b5c7a',
  accent: '#b4461b',
  background: '#f7f5f0',
  surface: '#ffffff',
  text: '#1d2428',
});

import { launch } from './browser';
import { freePort, type PreviewServer, startPreviewServer } from './preview-server';
import { type BuiltSite, buildSite, removeBuild, serve } from './site';

const SECRET = 'test-preview-secret-0123456789';
let app: TestStrapi;
let site: BuiltSite;
let server: { url: string; close(): Promise<void> };
let preview: PreviewServer;
let browser: Browser;
let cmsOrigin: string;
const evil = { nl: 'veilig-klikken', en: 'safe-clicking' };

/** What an editor (or whoever got hold of an editor account) may have typed into a training body. */
const EVIL_BODY = [
  '## Probeer het',
  '',
  '[klik](javascript:window.__pwned=1) [ook](JaVaScRiPt:window.__pwned=2) [en][1] <javascript:window.__pwned=4>',
  '',
  '<img src=x onerror="window.__pwned=5"> <a href="javascript:window.__pwned=6">rauw</a>',
  '',
  '![plaatje](javascript:window.__pwned=7)',
  '',
  '[1]: &#106;avascript:window.__pwned=3',
].join('\n');

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
  cmsOrigin = new URL(app.baseUrl).origin;
  const training = { skill: 'giving_feedback', focus: 'attitude', format: 'workshop', body: 'Nog leeg.' };
  const documentId = await createPage(
    app.strapi,
    'training',
    { ...training, title: 'Veilig klikken', summary: 'Een training met een gevaarlijke tekst.' },
    { ...training, title: 'Safe clicking', summary: 'A training with a dangerous body.' },
  );
  // Straight into the rows, past any check the plugin makes on save: the site must not rely on one.
  await app.strapi.db
    .query('plugin::ritme.training' as never)
    .updateMany({ where: { documentId }, data: { body: EVIL_BODY } });
  site = await buildSite(app.baseUrl);
  server = await serve(site.dir);
  preview = await startPreviewServer({
    cmsUrl: app.baseUrl,
    token: readFileSync(tokenFile, 'utf8').trim(),
    secret: SECRET,
    port,
    build: 'csp-build',
  });
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await preview?.stop();
  await server?.close();
  if (site) removeBuild(site);
  await app?.stop();
});

/** Chromium's console messages about the policy, per page (a backstop to the events). */
const cspConsole = new WeakMap<Page, string[]>();

/** A page that records every CSP violation (and CSP console error) from before its first script. */
async function watched(url: string, options: { pilot?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} ${event.sample}`);
    });
  });
  const messages: string[] = [];
  cspConsole.set(page, messages);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) messages.push(message.text());
  });
  if (options.pilot) {
    const invite = await app.strapi
      .plugin('ritme')
      .service('codesign')
      .createInvite({ name: 'Pim Pilot', expiresAt: new Date(Date.now() + 86_400_000).toISOString() });
    await page.goto(invite.link);
  }
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  return page;
}

const violations = async (page: Page) => [
  ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
  ...(cspConsole.get(page) ?? []),
];
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

const first = async <T>(route: string, locale: string): Promise<T> =>
  (await call(app.baseUrl, 'GET', `/api/ritme/${route}?locale=${locale}&pageSize=100`)).body.data[0] as T;

/** One page of every template in a language (the same list the accessibility check walks). */
async function templates(locale: 'nl' | 'en'): Promise<string[]> {
  const group = await first<{ slug: string }>('groups', locale);
  const behaviour = await first<{ slug: string }>('behaviours', locale);
  const rounds = (await call(app.baseUrl, 'GET', `/api/ritme/evaluation-rounds?locale=${locale}`)).body.data as {
    slug: string;
  }[];
  return [
    paths.home(locale),
    ...(['groups', 'behaviours', 'trainings', 'people', 'rounds', 'suggestion', 'changes'] as const).map((section) =>
      paths.section(locale, section),
    ),
    paths.item(locale, 'groups', group.slug),
    paths.item(locale, 'behaviours', behaviour.slug),
    paths.item(locale, 'trainings', evil[locale]),
    ...rounds.map((round) => paths.item(locale, 'rounds', round.slug)),
  ];
}

/** The directives of a policy string, by name. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !map.has(name)) map.set(name, values);
  }
  return map;
}

/**
 * Whether a policy lets a script in that nobody hashed: 'unsafe-inline', 'unsafe-eval', a wildcard or a scheme.
 * The static intranet also allows compiling WebAssembly ('wasm-unsafe-eval', the search index) — and only it;
 * the preview server, which has no index, does not.
 */
function expectStrictScripts(policy: string, { wasm = false } = {}) {
  const scripts = directives(policy).get('script-src') ?? [];
  expect(scripts.length, policy).toBeGreaterThan(0);
  expect(scripts.includes("'wasm-unsafe-eval'"), policy).toBe(wasm);
  for (const source of scripts) {
    expect(source, policy).toMatch(/^('self'|'wasm-unsafe-eval'|'sha(256|384|512)-[A-Za-z0-9+/=]+')$/);
  }
  expect(directives(policy).has('script-src-attr')).toBe(false);
  expect(directives(policy).has('script-src-elem')).toBe(false);
}

/** Try to run script the three ways an injection would; returns what ran. */
async function inject(page: Page): Promise<number | undefined> {
  const inline = await page.addScriptTag({ content: 'window.__pwned = 101' }).then(
    () => 'ran',
    (error: Error) => error.message,
  );
  expect(inline).toMatch(/Content Security Policy/);
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__pwned = 102');
    img.src = 'data:,not-an-image';
    document.body.append(img);
    const link = document.createElement('a');
    link.href = 'javascript:window.__pwned = 103';
    link.textContent = 'x';
    document.body.append(link);
    link.click();
  });
  await page.waitForTimeout(300);
  return pwned(page);
}

describe('the built intranet', () => {
  it('puts the policy first in every page, with the directives it promises and no unsafe script source', () => {
    const pages = listHtml(site.dir);
    expect(pages.length).toBeGreaterThan(20);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html);
      expect(meta, file).not.toBeNull();
      const policy = meta?.[1] ?? '';
      // A <meta> policy governs only what comes after it: Astro puts it at the end of the layout's own
      // head (title, links, the theme's colours), before every script, stylesheet and the body.
      const at = html.indexOf(meta?.[0] ?? '');
      for (const tag of ['<script', '<link rel="stylesheet"', '<body']) {
        if (html.includes(tag)) expect(at, `${file}: ${tag}`).toBeLessThan(html.indexOf(tag));
      }
      const before = html.slice(0, at);
      expect(before).not.toMatch(/<script|<iframe|<object|<embed|<base/i);
      expect([...before.matchAll(/<style>([^<]*)<\/style>/g)].map((m) => m[1])).toEqual([cssVariables]);
      const d = directives(policy);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('img-src')).toEqual(["'self'", 'data:', cmsOrigin]);
      expect(d.get('connect-src')).toEqual(["'self'", cmsOrigin]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'self'"]);
      expect(d.get('form-action')).toEqual(["'self'"]);
      expect(policy).not.toContain('unsafe-inline');
      expectStrictScripts(policy, { wasm: true });
    }
  });

  for (const locale of ['nl', 'en'] as const) {
    it(`loads every page template in ${locale} without a CSP violation`, async () => {
      const report: string[] = [];
      for (const pathname of [...(await templates(locale)), '/404.html']) {
        const page = await watched(`${server.url}${pathname}`);
        for (const violation of await violations(page)) report.push(`${pathname}: ${violation}`);
        await page.context().close();
      }
      expect(report).toEqual([]);
    });
  }

  it('still hydrates the islands: the trainings filter filters and the forms can be used', async () => {
    const page = await watched(`${server.url}/trainingen/`);
    const cards = page.locator('main .card');
    await page.getByLabel('Vaardigheid').waitFor();
    const total = await cards.count();
    await page.getByLabel('Vaardigheid').selectOption('giving_feedback');
    expect(await cards.count()).toBeLessThan(total);
    const form = await watched(`${server.url}/en/suggestion/`);
    await form.locator('fieldset.form-fields:not([disabled])').waitFor();
    await form.getByLabel('Your message').fill('Typed after hydration');
    expect(await form.getByLabel('Your message').inputValue()).toBe('Typed after hydration');
    expect([...(await violations(page)), ...(await violations(form))]).toEqual([]);
  });

  it('runs the search — its module, the index and its WebAssembly — without a violation, in both languages', async () => {
    for (const locale of ['nl', 'en'] as const) {
      const page = await watched(`${server.url}${paths.search(locale)}?q=${evil[locale].split('-')[0]}`);
      await page.locator('main .search-hit a').first().waitFor();
      // And from the header of a normal page, where nothing of it loads until the field is used.
      const home = await watched(`${server.url}${paths.home(locale)}`);
      await home.locator('#search-header-q').fill(locale === 'nl' ? 'feedback' : 'feedback');
      await home.locator('.site-header .search-hit a').first().waitFor();
      expect([...(await violations(page)), ...(await violations(home))]).toEqual([]);
      await page.context().close();
      await home.context().close();
    }
  });

  it('does not run an injected inline script, event handler or javascript: URL', async () => {
    const page = await watched(`${server.url}/trainingen/`);
    expect(await inject(page)).toBeUndefined();
    expect((await violations(page)).length).toBeGreaterThanOrEqual(2);
  });

  it('would notice an inline script running (the check itself works)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent('<html><body><p>no policy</p></body></html>');
    await page.addScriptTag({ content: 'window.__pwned = 101' });
    expect(await pwned(page)).toBe(101);
    await context.close();
  });
});

describe('the preview server', () => {
  it('sends Astro’s policy and its own (frame-ancestors, object-src, base-uri) as headers, with no unsafe script source', async () => {
    const page = await watched(`${preview.url}/trainingen/`, { pilot: true });
    const response = await page.goto(`${preview.url}/trainingen/`);
    const header = (await response?.headerValue('content-security-policy')) ?? '';
    const policies = header.split(/,|\n/).map((policy) => policy.trim());
    const astro = policies.find((policy) => policy.includes('script-src')) ?? '';
    expectStrictScripts(astro);
    expect(directives(astro).get('connect-src')).toEqual(["'self'", cmsOrigin]);
    const ours = `frame-ancestors 'self' ${cmsOrigin}; object-src 'none'; base-uri 'self'`;
    expect(policies).toContain(ours);
    expect(header).not.toContain('unsafe-inline');
    // A page served through a rewrite (no session → the access page) passes the middleware twice: one copy.
    const refused = await fetch(`${preview.url}/groepen/`);
    expect(refused.status).toBe(401);
    const refusedHeader = refused.headers.get('content-security-policy') ?? '';
    expect(refusedHeader.split(ours)).toHaveLength(2);
    expectStrictScripts(refusedHeader.split(',').find((policy) => policy.includes('script-src')) ?? '');
  });

  for (const locale of ['nl', 'en'] as const) {
    it(`loads preview pages in ${locale} without a CSP violation, the feedback widget included`, async () => {
      const report: string[] = [];
      const pathnames = [
        paths.home(locale),
        paths.section(locale, 'trainings'),
        paths.section(locale, 'suggestion'),
        paths.item(locale, 'trainings', evil[locale]),
      ];
      for (const pathname of pathnames) {
        const page = await watched(`${preview.url}${pathname}`, { pilot: true });
        await page.getByRole('button', { name: /Wat vind je hiervan\?|What do you think\?/ }).click();
        await page.getByRole('dialog').waitFor();
        for (const violation of await violations(page)) report.push(`${pathname}: ${violation}`);
        await page.context().close();
      }
      expect(report).toEqual([]);
    });
  }

  it('has no search index: its search page says so, and no field asks for one', async () => {
    for (const locale of ['nl', 'en'] as const) {
      const page = await watched(`${preview.url}${paths.home(locale)}`, { pilot: true });
      const requested: string[] = [];
      const errors: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${preview.url}${paths.search(locale)}?q=feedback`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('main [role="status"]').textContent()).toMatch(
        locale === 'nl' ? /Zoeken werkt niet in de preview/ : /Search does not work on the preview/,
      );
      await page.locator('.site-header input[name="q"]').fill('feedback');
      await page.waitForTimeout(400);
      expect(requested.filter((pathname) => /pagefind|search-client/.test(pathname))).toEqual([]);
      expect(errors).toEqual([]);
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    }
  });

  it('does not run an injected inline script, event handler or javascript: URL', async () => {
    const page = await watched(`${preview.url}/trainingen/`, { pilot: true });
    expect(await inject(page)).toBeUndefined();
  });
});

describe('a training whose Markdown holds script links and raw HTML', () => {
  for (const [where, url] of [
    ['the intranet', () => `${server.url}${paths.item('nl', 'trainings', evil.nl)}`],
    ['the preview server', () => `${preview.url}${paths.item('nl', 'trainings', evil.nl)}`],
  ] as const) {
    it(`renders as harmless text and links on ${where}, and clicking runs nothing`, async () => {
      const page = await watched(url(), { pilot: where === 'the preview server' });
      const prose = page.locator('.prose');
      expect(await prose.locator('h2').textContent()).toBe('Probeer het');
      const hrefs = await prose
        .locator('[href], [src]')
        .evaluateAll((elements) =>
          elements.map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? ''),
        );
      for (const href of hrefs) expect(href).not.toMatch(/^\s*(javascript|data|vbscript):/i);
      expect(await prose.locator('[onerror], [onclick], img, script').count()).toBe(0);
      // The raw HTML is shown as the text it is.
      expect(await prose.textContent()).toContain('<img src=x onerror="window.__pwned=5">');
      const before = page.url();
      for (const text of ['klik', 'ook', 'en', 'rauw']) {
        const link = prose.getByText(text, { exact: true }).first();
        if (await link.count()) await link.click();
      }
      await page.waitForTimeout(300);
      expect(await pwned(page)).toBeUndefined();
      expect(page.url()).toBe(before);
      expect(await violations(page)).toEqual([]);
    });
  }
});

function listHtml(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listHtml(full) : name.endsWith('.html') ? [full] : [];
  });
}
