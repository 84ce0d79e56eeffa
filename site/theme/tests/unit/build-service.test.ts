/**
 * The build service's pure parts: when it builds (debounce and coalescing, on
 * fake timers), how a request path maps onto a build (and what it refuses),
 * which 404 page answers, what counts as a changed page, and when the clock
 * builds next. The service itself runs for real in tests/e2e/live.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nextWeekTurn } from '@ritme/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askClock, clockWait, DAY_MS } from '../../src/build-service/clock.mjs';
import { codeVersion } from '../../src/build-service/code-version.mjs';
import { diffPages, hashPages } from '../../src/build-service/pages.mjs';
import {
  cacheControlOf,
  contentTypeOf,
  etagMatches,
  locate,
  notFoundPageFor,
  parseRequestPath,
} from '../../src/build-service/paths.mjs';
import { createScheduler } from '../../src/build-service/scheduler.mjs';
import { describeHook, failureReason, isDebouncedHook, secretMatches } from '../../src/build-service/service.mjs';

describe('the build scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A scheduler whose builds finish when the test says so. */
  function scheduler(debounceMs = 1500, maxWaitMs?: number) {
    const builds: { reasons: string[]; finish: () => void }[] = [];
    const s = createScheduler({
      debounceMs,
      ...(maxWaitMs === undefined ? {} : { maxWaitMs }),
      run: (reasons) => new Promise<void>((resolve) => builds.push({ reasons, finish: resolve })),
    });
    return { s, builds };
  }
  const settle = () => vi.advanceTimersByTimeAsync(0);

  it('builds once for twenty notifications in a row, after the quiet time', async () => {
    const { s, builds } = scheduler();
    for (let i = 0; i < 20; i += 1) {
      s.request(`hook ${i % 2}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(builds).toHaveLength(0);
    // 1500 ms after the last one (the loop already waited 100 of them).
    await vi.advanceTimersByTimeAsync(1399);
    expect(builds).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(builds).toHaveLength(1);
    expect(builds[0]?.reasons).toEqual(['hook 0', 'hook 1']);
    builds[0]?.finish();
    await settle();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(builds).toHaveLength(1);
    expect(s.busy).toBe(false);
  });

  it('runs one more build after the running one, however many notifications came meanwhile', async () => {
    const { s, builds } = scheduler(100);
    s.request('first');
    await vi.advanceTimersByTimeAsync(100);
    expect(builds).toHaveLength(1);
    for (let i = 0; i < 20; i += 1) {
      s.request(`during ${i}`);
      await vi.advanceTimersByTimeAsync(150);
    }
    s.now('rebuild');
    expect(builds).toHaveLength(1);
    expect(s.pending).toBe(true);
    builds[0]?.finish();
    await settle();
    expect(builds).toHaveLength(2);
    expect(builds[1]?.reasons).toContain('during 19');
    expect(builds[1]?.reasons).toContain('rebuild');
    builds[1]?.finish();
    await settle();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(builds).toHaveLength(2);
    expect(s.busy).toBe(false);
  });

  it('builds at once when asked to, taking the waiting notifications along', async () => {
    const { s, builds } = scheduler();
    s.request('hook');
    s.now('rebuild');
    await settle();
    expect(builds).toHaveLength(1);
    expect(builds[0]?.reasons).toEqual(['hook', 'rebuild']);
    builds[0]?.finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(builds).toHaveLength(1);
  });

  it('still builds while notifications never stop, once the longest wait is up', async () => {
    const { s, builds } = scheduler(1000, 5000);
    for (let i = 0; i < 60; i += 1) {
      s.request('busy editor');
      await vi.advanceTimersByTimeAsync(500);
    }
    // 30 s of notifications every half second: a build every 5 s, not none.
    expect(builds.length).toBeGreaterThanOrEqual(1);
    expect(builds.length).toBeLessThanOrEqual(6);
  });

  it('carries on after a build that throws, and says when it is idle', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const s = createScheduler({
      debounceMs: 10,
      run: async () => {
        calls += 1;
        throw new Error('boom');
      },
      onError: (error) => errors.push(error),
    });
    s.request('a');
    const idle = s.whenIdle();
    await vi.advanceTimersByTimeAsync(10);
    await idle;
    expect(errors).toHaveLength(1);
    s.request('b');
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toBe(2);
  });
});

describe('request paths', () => {
  it('decodes segments and keeps the query', () => {
    expect(parseRequestPath('/gedrag/caf%C3%A9/?a=1&b')).toEqual({
      ok: true,
      segments: ['gedrag', 'café'],
      slash: true,
      search: '?a=1&b',
    });
    expect(parseRequestPath('/')).toEqual({ ok: true, segments: [], slash: true, search: '' });
    expect(parseRequestPath('//gedrag')).toMatchObject({ ok: true, segments: ['gedrag'], slash: false });
  });

  it.each([
    '/../etc/passwd',
    '/gedrag/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/%2E%2E/%2e%2e/etc/passwd',
    '/.%2e/x',
    '/./index.html',
    '/gedrag/%2e/',
    '/%2F..%2Fetc',
    '/..%2fetc%2fpasswd',
    '/..%5c..%5cetc',
    '/index.html%00.css',
    '/a\0b',
    '/%zz',
    '/%',
    'gedrag',
    'http://evil.example/',
  ])('refuses %j', (target) => {
    expect(parseRequestPath(target)).toEqual({ ok: false, status: 400 });
  });

  const build = new Map<string, 'file' | 'dir'>([
    ['index.html', 'file'],
    ['404.html', 'file'],
    ['gedrag', 'dir'],
    ['gedrag/index.html', 'file'],
    ['gedrag/leeg', 'dir'],
    ['_astro', 'dir'],
    ['_astro/app.Ab12.css', 'file'],
    ['en', 'dir'],
    ['en/index.html', 'file'],
    ['en/404', 'dir'],
    ['en/404/index.html', 'file'],
    ['logo.svg', 'file'],
  ]);
  const kind = (relative: string) => build.get(relative) ?? null;
  const at = (target: string) => {
    const parsed = parseRequestPath(target);
    if (!parsed.ok) throw new Error(`refused ${target}`);
    return locate(parsed, kind);
  };

  it('serves a directory index, and sends the slashless form to it with its query', async () => {
    expect(await at('/')).toEqual({ type: 'file', relative: 'index.html', status: 200 });
    expect(await at('/gedrag/')).toEqual({ type: 'file', relative: 'gedrag/index.html', status: 200 });
    expect(await at('/gedrag?skill=x')).toEqual({ type: 'redirect', location: '/gedrag/?skill=x' });
    expect(await at('//gedrag')).toEqual({ type: 'redirect', location: '/gedrag/' });
    expect(await at('/logo.svg')).toEqual({ type: 'file', relative: 'logo.svg', status: 200 });
    expect(await at('/_astro/app.Ab12.css')).toMatchObject({ type: 'file', status: 200 });
  });

  it('finds nothing for a file asked for as a directory, or a directory without an index', async () => {
    expect(await at('/logo.svg/')).toEqual({ type: 'missing', relative: '404.html' });
    expect(await at('/gedrag/leeg/')).toEqual({ type: 'missing', relative: '404.html' });
    expect(await at('/gedrag/leeg')).toEqual({ type: 'missing', relative: '404.html' });
  });

  it('answers with the 404 page in the language of the path', async () => {
    expect(await at('/nope/')).toEqual({ type: 'missing', relative: '404.html' });
    expect(await at('/en/nope/')).toEqual({ type: 'missing', relative: 'en/404/index.html' });
    expect(await at('/en/behaviours/gone')).toEqual({ type: 'missing', relative: 'en/404/index.html' });
    // A locale the build has no 404 page for, or no locale at all: the root one.
    expect(await notFoundPageFor(['de', 'x'], kind)).toBe('404.html');
    expect(await notFoundPageFor(['gedrag', 'x'], kind)).toBe('404.html');
    expect(await notFoundPageFor(['x'], () => null)).toBeNull();
  });

  it('serves the 404 pages with status 404 also when asked for by name', async () => {
    expect(await at('/404.html')).toEqual({ type: 'file', relative: '404.html', status: 404 });
    expect(await at('/en/404/')).toEqual({ type: 'file', relative: 'en/404/index.html', status: 404 });
  });

  it('caches hashed assets for a year and revalidates everything else', () => {
    expect(cacheControlOf('_astro/app.Ab12.css')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlOf('gedrag/index.html')).toBe('no-cache');
    expect(cacheControlOf('logo.svg')).toBe('no-cache');
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('_astro/x.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('logo.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('README')).toBe('application/octet-stream');
  });

  it('matches an ETag in If-None-Match, weak or strong, in a list, or *', () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });
});

describe('pages changed', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ritme-pages-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), text);
  };

  it('counts the pages added, removed and different, by their content only', async () => {
    write('index.html', 'home');
    write('gedrag/index.html', 'list');
    write('gedrag/a/index.html', 'a');
    write('_astro/app.css', 'body{}');
    const before = await hashPages(dir);
    expect([...before.keys()].sort()).toEqual(['gedrag/a/index.html', 'gedrag/index.html', 'index.html']);
    expect(diffPages(before, before).count).toBe(0);
    expect(diffPages(null, before)).toMatchObject({ count: 3, added: expect.arrayContaining(['index.html']) });

    rmSync(path.join(dir, 'gedrag/a'), { recursive: true });
    write('gedrag/b/index.html', 'b');
    write('gedrag/index.html', 'list, changed');
    write('index.html', 'home');
    write('_astro/app.css', 'body{color:red}');
    const diff = diffPages(before, await hashPages(dir));
    expect(diff).toEqual({
      added: ['gedrag/b/index.html'],
      changed: ['gedrag/index.html'],
      removed: ['gedrag/a/index.html'],
      count: 3,
    });
  });
});

describe('the clock', () => {
  it('turns the week on the next Monday 00:00 UTC', () => {
    expect(nextWeekTurn(new Date('2026-12-01T12:00:00Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(nextWeekTurn(new Date('2026-12-06T23:59:59.999Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(nextWeekTurn(new Date('2026-12-07T00:00:00Z')).toISOString()).toBe('2026-12-14T00:00:00.000Z');
  });

  it('waits for the moment (just after it), or a day and then asks again', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    expect(clockWait(new Date('2026-12-01T12:00:05Z'), now, { marginMs: 1000 })).toEqual({
      delayMs: 6000,
      build: true,
    });
    expect(clockWait(new Date('2026-12-01T11:00:00Z'), now)).toEqual({ delayMs: 0, build: true });
    expect(clockWait(new Date('2026-12-09T00:00:00Z'), now)).toEqual({ delayMs: DAY_MS, build: false });
  });

  const answer = (status: number, body?: unknown) =>
    (async () => new Response(body === undefined ? null : JSON.stringify(body), { status })) as unknown as typeof fetch;

  it("reads Strapi's next clock event, and falls back to the week turn without the route", async () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const next = { data: { next: '2026-12-01T12:00:08.000Z', reason: 'round-closes' } };
    expect(await askClock('http://cms/', { now, fetch: answer(200, next) })).toEqual({
      at: new Date('2026-12-01T12:00:08Z'),
      reason: 'round-closes',
    });
    expect(await askClock('http://cms', { now, fetch: answer(200, { data: { next: null, reason: null } }) })).toBe(
      null,
    );
    expect(await askClock('http://cms', { now, fetch: answer(404) })).toEqual({
      at: new Date('2026-12-07T00:00:00Z'),
      reason: 'week-turns',
    });
    await expect(askClock('http://cms', { now, fetch: answer(500) })).rejects.toThrow(/500/);
    await expect(askClock('http://cms', { now, fetch: answer(200, { data: { next: 'soon' } }) })).rejects.toThrow(
      /no valid date/,
    );
  });
});

describe('notifications and failures', () => {
  it("reads Strapi's own webhook and the plugin's events alike", () => {
    expect(
      describeHook(JSON.stringify({ event: 'entry.publish', model: 'behaviour', uid: 'plugin::ritme.behaviour' })),
    ).toBe('hook: entry.publish plugin::ritme.behaviour');
    expect(
      describeHook(
        JSON.stringify({
          events: [
            { event: 'publish', uid: 'plugin::ritme.behaviour', documentId: 'a', locale: 'nl' },
            { event: 'publish', uid: 'plugin::ritme.behaviour', documentId: 'b', locale: null },
            { event: 'unpublish', uid: 'plugin::ritme.group', documentId: 'c', locale: null },
          ],
        }),
      ),
    ).toBe('hook: publish plugin::ritme.behaviour, unpublish plugin::ritme.group');
    expect(describeHook('')).toBe('hook');
    expect(describeHook('{"events": 3}')).toBe('hook');
    expect(describeHook('not json')).toBe('hook');
  });

  it("builds at once for the plugin's notifications (already debounced), and waits for anything else", () => {
    const plugin = { events: [{ event: 'publish', uid: 'plugin::ritme.behaviour', documentId: 'a', locale: 'nl' }] };
    expect(isDebouncedHook(JSON.stringify(plugin))).toBe(true);
    expect(isDebouncedHook(JSON.stringify({ events: [] }))).toBe(false);
    expect(isDebouncedHook(JSON.stringify({ event: 'entry.publish', model: 'behaviour' }))).toBe(false);
    expect(isDebouncedHook('not json')).toBe(false);
    expect(isDebouncedHook('')).toBe(false);
  });

  it('keeps the last twenty lines of the error output, without colours', () => {
    const stderr = `${Array.from({ length: 30 }, (_, i) => `\u001b[31mline ${i}\u001b[39m  `).join('\n')}\n\n`;
    const reason = failureReason(stderr, 'ignored');
    expect(reason.split('\n')).toHaveLength(20);
    expect(reason.split('\n')[0]).toBe('line 10');
    expect(reason.split('\n').at(-1)).toBe('line 29');
    expect(failureReason('', 'only stdout\n')).toBe('only stdout');
  });

  it('leaves out stack frames and file locations, which say where and not why', () => {
    const stderr = [
      '[ERROR] Ritme could not load "groups" from http://cms. The CMS answered 500.',
      'Location:',
      '/work/node_modules/astro/dist/content/content-layer.js:187:5',
      'Stack trace:',
      '  at explain (/work/site/theme/dist/loaders/index.js:24:10)',
      '  at async file:///work/node_modules/p-queue/dist/index.js:230:36',
      'Caused by:',
      'The CMS answered 500.',
      'The CMS answered 500.',
    ].join('\n');
    expect(failureReason(stderr, '')).toBe(
      '[ERROR] Ritme could not load "groups" from http://cms. The CMS answered 500.\nCaused by:\nThe CMS answered 500.',
    );
  });

  it('checks the secret exactly', () => {
    const secret = 'a-secret-of-enough-length';
    expect(secretMatches(secret, secret)).toBe(true);
    expect(secretMatches(`${secret}x`, secret)).toBe(false);
    expect(secretMatches(secret.slice(0, -1), secret)).toBe(false);
    expect(secretMatches('', secret)).toBe(false);
    expect(secretMatches(undefined, secret)).toBe(false);
    expect(secretMatches([secret, secret], secret)).toBe(false);
  });
});

describe('the code version (one renderer bundle per version)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'ritme-code-version-'));
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'astro.config.mjs'), 'export default {};\n');
    writeFileSync(path.join(root, 'src/content.config.ts'), 'export const collections = {};\n');
    writeFileSync(path.join(root, 'package.json'), '{}\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('changes with the source and the settings the build reads, not with builds, caches or the secret', () => {
    const env = { CMS_URL: 'http://cms', RITME_BUILD_SECRET: 'a'.repeat(20), HOME: '/root' };
    const first = codeVersion(root, env);
    expect(codeVersion(root, env)).toBe(first);
    // What never changes a bundle: the builds and caches below the project, the secret, unrelated variables.
    for (const dir of ['node_modules/x', '.ritme-builds/1', 'dist', '.astro', 'elsewhere-builds/2']) {
      mkdirSync(path.join(root, dir), { recursive: true });
      writeFileSync(path.join(root, dir, 'index.html'), '<p>built</p>');
    }
    const builds = path.join(root, 'elsewhere-builds');
    expect(
      codeVersion(root, { ...env, RITME_BUILD_SECRET: 'b'.repeat(20), HOME: '/home/x' }, { exclude: [builds] }),
    ).toBe(first);
    // What does: a setting the build reads, and any source file.
    expect(codeVersion(root, { ...env, CMS_URL: 'http://other' })).not.toBe(first);
    expect(codeVersion(root, { ...env, RITME_DEMO_LOCALES: 'nl,en,de' })).not.toBe(first);
    writeFileSync(path.join(root, 'src/content.config.ts'), 'export const collections = { changed: 1 };\n');
    expect(codeVersion(root, env)).not.toBe(first);
  });
});
