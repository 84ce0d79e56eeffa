#!/usr/bin/env node
/**
 * Live benchmark: how fast a publish in Strapi reaches the intranet kept live by
 * the build service (the theme's `ritme-build-service`), what it fetches and how
 * much memory it holds, side by side with a clean full `astro build` of the same
 * content, and how fast the preview server answers a pilot.
 *
 *   node bench/live-bench.mjs [--sizes 1000,10000] [--method auto|ds|bulk] [--budget 300]
 *                             [--publishes 20] [--burst 20] [--duration 10] [--connections 10]
 *                             [--debounce-ms <plugin builder.debounceMs>] [--no-preview]
 *                             [--no-prepare] [--no-update]
 *   node bench/live-bench.mjs --update-only   put the newest bench/results/live-*.md back into BENCHMARKS.md
 *
 * For each size N (entries per locale):
 *  1. A fresh Strapi (bench/strapi-server.mjs in a child process, SQLite in a temp
 *     dir) with the plugin's `builder` option pointing at a loopback port where the
 *     build service will listen (RITME_BUILDER_URL, RITME_BUILD_SECRET), filled with
 *     N published entries per locale. Meanwhile a sink on that port takes the
 *     notifications the fill causes; the plugin is flushed and the sink closed before
 *     the build service starts there, so nothing of the fill triggers a build.
 *  2. A counting proxy in front of Strapi; everything below reads Strapi through it.
 *  3. A clean full `astro build` (its own out and cache folders): wall, phases, peak RSS.
 *  4. The build service on that port, builds in a temp folder: its first (cold) build
 *     bundles the renderer and renders everything; then `POST /_ritme/rebuild` with
 *     nothing changed (bytes fetched, as a share of the cold build's).
 *  5. --publishes single-behaviour publishes through the Document Service, one after
 *     the other, each timed from just before the publish until the page is served
 *     with the new title (polled every 25 ms); the plugin's own notification triggers
 *     the build. Then a burst of --burst publishes as fast as IPC allows: the builds it
 *     caused and the time until all are served. The behaviour list pages must show
 *     every new title at the end.
 *  6. The preview server (RITME_MODE=preview build + dist/preview/server.mjs) with a
 *     pilot session from an invite: autocannon on a behaviour page and the behaviour list.
 * RSS of the build service's process tree (service, renderer, bundling astro build) is
 * polled every 200 ms throughout.
 *
 * Prints a markdown report, writes it to bench/results/live-<date>.md, and replaces the
 * "## Live" section of BENCHMARKS.md (unless --no-update). Every temp folder and child
 * process goes at the end, also on failure and Ctrl+C. See bench/README.md.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ASTRO_BIN, astroBuild, SITE, TIME_BIN } from './lib/astro-build.mjs';
import { writeSection } from './lib/benchmarks-md.mjs';
import { fillStrapi } from './lib/fill.mjs';
import { int, log, mib, sec, size, stripAnsi } from './lib/format.mjs';
import { cleanUpOnExit, killTree, treeMemory } from './lib/proc.mjs';
import { freePort, startProxy } from './lib/proxy.mjs';
import { machineBasics, packageVersion, table } from './report.mjs';
import { logTail, startStrapi } from './strapi-child.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const THEME = path.join(ROOT, 'site/theme');
const SERVICE_CLI = path.join(THEME, 'dist/build-service/cli.mjs');
const PREVIEW_SERVER = path.join(THEME, 'dist/preview/server.mjs');
const RESULTS = path.join(import.meta.dirname, 'results');
const SECRET_HEADER = 'x-ritme-build-secret';
const rootRequire = createRequire(path.join(ROOT, 'package.json'));

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    method: { type: 'string', default: 'auto' },
    budget: { type: 'string', default: '300' },
    publishes: { type: 'string', default: '20' },
    burst: { type: 'string', default: '20' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    'debounce-ms': { type: 'string' },
    'poll-ms': { type: 'string', default: '25' },
    'live-timeout': { type: 'string', default: '300' },
    'build-timeout': { type: 'string', default: '2400' },
    'no-preview': { type: 'boolean', default: false },
    'no-prepare': { type: 'boolean', default: false },
    'no-update': { type: 'boolean', default: false },
    'update-only': { type: 'boolean', default: false },
  },
});
const SIZES = args.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
const whole = (name, min, max) => {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} wants a whole number between ${min} and ${max}`);
    process.exit(2);
  }
  return value;
};
if (SIZES.some((n) => !Number.isInteger(n) || n < 10 || n > 200_000)) {
  console.error('--sizes wants whole numbers between 10 and 200000, e.g. --sizes 1000,10000');
  process.exit(2);
}
if (!['auto', 'ds', 'bulk'].includes(args.method)) {
  console.error('--method is auto, ds or bulk');
  process.exit(2);
}
const PUBLISHES = whole('publishes', 1, 200);
const BURST = whole('burst', 0, 200);
const DURATION = whole('duration', 1, 600);
const CONNECTIONS = whole('connections', 1, 1000);
const POLL_MS = whole('poll-ms', 5, 5000);
const LIVE_TIMEOUT_MS = whole('live-timeout', 5, 7200) * 1000;
const BUILD_TIMEOUT_MS = whole('build-timeout', 30, 4 * 3600) * 1000;
const DEBOUNCE_MS = args['debounce-ms'] === undefined ? null : whole('debounce-ms', 0, 600_000);
/** However things go, the whole run stops by itself after this. */
const RUN_TIMEOUT_MS = 4 * 60 * 60 * 1000;

const TARGETS = {
  publishP95: (n) => (n >= 10_000 ? 5000 : n >= 1000 ? 3000 : null),
  resyncShare: 0.01,
  previewP95: (n) => (n >= 10_000 ? 300 : null),
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The search index's time in a build's detail line ("… search index 123 page(s) in 456 ms"), or null. */
const indexMsOf = (detail) => {
  const found = detail.match(/search index \d+ page\(s\) in (\d+) ms/);
  return found ? Number(found[1]) : null;
};
const ms = (value) => (value === null || value === undefined ? '–' : `${int(value)} ms`);
const pct = (share) => (share === null || share === undefined ? '–' : `${(share * 100).toFixed(2)} %`);
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? null,
    min: sorted[0] ?? null,
  };
};

// ---------------------------------------------------------------------------
// Bookkeeping: what is running, what to clean up
// ---------------------------------------------------------------------------
const current = {
  build: null,
  strapi: null,
  proxy: null,
  sink: null,
  service: null,
  preview: null,
  sampler: null,
  dirs: new Set(),
};

function stopChild(child, waitMs = 10_000) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const gone = new Promise((resolve) => child.once('exit', resolve));
  try {
    child.kill('SIGTERM');
  } catch {
    // gone already
  }
  return Promise.race([gone, sleep(waitMs)]).then(() => killTree(child.pid));
}

let cleanedUp = false;
async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (current.sampler) clearInterval(current.sampler);
  if (current.build?.pid) killTree(current.build.pid);
  await stopChild(current.service);
  await stopChild(current.preview);
  await new Promise((resolve) => (current.sink ? current.sink.close(resolve) : resolve()));
  await current.proxy?.close().catch(() => {});
  await current.strapi?.stop().catch(() => {});
  for (const dir of current.dirs) rmSync(dir, { recursive: true, force: true });
}
const watchdog = cleanUpOnExit(cleanup, RUN_TIMEOUT_MS, log);

// ---------------------------------------------------------------------------
// The notification sink: takes the plugin's calls while Strapi is filled
// ---------------------------------------------------------------------------
function startSink(port) {
  const stats = { calls: 0, events: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      if (body.length < 1_000_000) body += chunk;
    });
    req.on('end', () => {
      stats.calls += 1;
      try {
        stats.events += JSON.parse(body)?.events?.length ?? 0;
      } catch {
        // not JSON: counted as a call
      }
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end('{"accepted":true}');
    });
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        stats,
        close: (done) => {
          server.closeAllConnections?.();
          server.close(() => done?.());
        },
      }),
    );
  });
}

// ---------------------------------------------------------------------------
// The build service, as its CLI runs it
// ---------------------------------------------------------------------------
function startService({ port, cmsUrl, secret, buildsDir, logFile }) {
  const env = { ...process.env, CMS_URL: cmsUrl, RITME_BUILD_SECRET: secret, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of ['RITME_SITE_OUT', 'RITME_SITE_CACHE', 'RITME_MODE', 'PUBLIC_CMS_URL', 'RITME_BUILDS_DIR'])
    delete env[key];
  const child = spawn(
    process.execPath,
    [SERVICE_CLI, '--root', SITE, '--host', '127.0.0.1', '--port', String(port), '--builds', buildsDir],
    { cwd: SITE, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  current.service = child;
  const started = performance.now();
  const lines = [];
  const builds = new Map();
  let pending = '';
  let out = '';
  // Builds that bundled a renderer first: the code version changed (the site or the theme's dist).
  const bundledIn = new Set();
  let startedId = null;
  const onLine = (raw) => {
    const line = stripAnsi(raw);
    const at = performance.now() - started;
    lines.push([at, line]);
    out += `${(at / 1000).toFixed(2).padStart(8)} ${line}\n`;
    const begun = line.match(/build (\d+) started/);
    if (begun) startedId = Number(begun[1]);
    if (/bundling the renderer/.test(line) && startedId !== null) bundledIn.add(startedId);
    const live = line.match(/build (\d+) is live after ([\d.]+) s, (\d+) page\(s\) changed \((.*)\)/);
    if (live) {
      const detail = live[4].match(/(\d+) of (\d+) page\(s\) rendered; sync (\d+) ms, plan (\d+) ms, render (\d+) ms/);
      builds.set(Number(live[1]), {
        id: Number(live[1]),
        seconds: Number(live[2]),
        pagesChanged: Number(live[3]),
        rendered: detail ? Number(detail[1]) : null,
        pages: detail ? Number(detail[2]) : null,
        syncMs: detail ? Number(detail[3]) : null,
        planMs: detail ? Number(detail[4]) : null,
        renderMs: detail ? Number(detail[5]) : null,
        // The search index of the whole build, written before it is switched in.
        indexMs: indexMsOf(live[4]),
        detail: live[4],
        bundled: bundledIn.has(Number(live[1])),
      });
    }
  };
  const onData = (chunk) => {
    pending += chunk;
    const split = pending.split(/\r?\n/);
    pending = split.pop() ?? '';
    for (const line of split) onLine(line);
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);
  child.on('exit', () => {
    if (pending) onLine(pending);
    writeFileSync(logFile, out);
  });
  const base = `http://127.0.0.1:${port}`;
  const status = async () => {
    const response = await fetch(`${base}/_ritme/status`, {
      headers: { [SECRET_HEADER]: secret },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`GET /_ritme/status: ${response.status}`);
    return response.json();
  };
  /** Until a build with an id ≥ `id` is live and nothing runs or waits; throws if one failed. */
  const settled = async (id, timeoutMs, what) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(`The build service exited (${child.exitCode}):\n${out.slice(-3000)}`);
      const s = await status().catch(() => null);
      if (s) {
        const failed = s.lastFailure && Number(s.lastFailure.id) >= id;
        if (failed) throw new Error(`Build ${s.lastFailure.id} failed (${what}): ${s.lastFailure.reason}`);
        if (s.state !== 'building' && !s.pending && s.current && Number(s.current.id) >= id) return s;
      }
      await sleep(100);
    }
    throw new Error(`The build service did not finish ${what} within ${timeoutMs / 1000} s:\n${out.slice(-3000)}`);
  };
  return {
    child,
    base,
    builds,
    lines,
    started,
    status,
    settled,
    output: () => out,
    rebuild: () =>
      fetch(`${base}/_ritme/rebuild`, { method: 'POST', headers: { [SECRET_HEADER]: secret } }).then((r) => {
        if (r.status !== 202) throw new Error(`POST /_ritme/rebuild: ${r.status}`);
      }),
  };
}

/** Memory of a process tree, polled every 200 ms, kept per phase (the caller says which phase it is). */
function startSampler(pid) {
  const peaks = {};
  let phase = 'start';
  const sample = () => {
    const { rss, hwm } = treeMemory(pid);
    const peak = peaks[phase] ?? { tree: 0, process: 0, samples: 0 };
    peak.tree = Math.max(peak.tree, rss);
    peak.process = Math.max(peak.process, hwm);
    peak.samples += 1;
    peaks[phase] = peak;
  };
  current.sampler = setInterval(sample, 200);
  return {
    peaks,
    phase: (name) => {
      sample();
      phase = name;
    },
    stop: () => {
      sample();
      clearInterval(current.sampler);
      current.sampler = null;
    },
  };
}

// ---------------------------------------------------------------------------
// Pages: served with the new text yet?
// ---------------------------------------------------------------------------
async function getPage(url, headers = {}) {
  try {
    const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    return { status: response.status, text: await response.text(), build: response.headers.get('x-ritme-build') };
  } catch (error) {
    return { status: 0, text: '', build: null, error };
  }
}

/** Polls every `pageOf(i)` until its text includes `markers[i]`; the ms after `t0` each was first seen. */
async function waitServed(base, items, t0, timeoutMs) {
  const seen = new Array(items.length).fill(null);
  const builds = new Array(items.length).fill(null);
  const deadline = performance.now() + timeoutMs;
  while (seen.some((value) => value === null)) {
    if (performance.now() > deadline) {
      const missing = items.filter((_, i) => seen[i] === null).map((item) => item.path);
      throw new Error(`Not served with the new title within ${timeoutMs / 1000} s: ${missing.slice(0, 5).join(', ')}`);
    }
    const round = performance.now();
    await Promise.all(
      items.map(async (item, i) => {
        if (seen[i] !== null) return;
        const page = await getPage(`${base}${item.path}`);
        if (page.status === 200 && page.text.includes(item.marker)) {
          seen[i] = performance.now() - t0;
          builds[i] = page.build;
        }
      }),
    );
    const wait = POLL_MS - (performance.now() - round);
    if (wait > 0) await sleep(wait);
  }
  return { seen, builds };
}

/** Follows rel="next" from `start` over the list's pages; which markers appear, and on how many pages. */
async function findOnList(base, start, markers, headers = {}) {
  const found = new Set();
  let next = start;
  let pages = 0;
  while (next && pages < 2000) {
    // Links may carry the site's public origin (SITE_URL); the path is what the build service serves.
    const target = new URL(next, base);
    const page = await getPage(`${base}${target.pathname}${target.search}`, headers);
    if (page.status !== 200) throw new Error(`GET ${next}: ${page.status}`);
    pages += 1;
    for (const marker of markers) if (page.text.includes(marker)) found.add(marker);
    if (found.size === markers.length) break;
    const link =
      page.text.match(/<a\b[^>]*\bhref="([^"]+)"[^>]*\brel="next"/) ??
      page.text.match(/<a\b[^>]*\brel="next"[^>]*\bhref="([^"]+)"/) ??
      page.text.match(/<link\b[^>]*\brel="next"[^>]*\bhref="([^"]+)"/);
    next = link ? link[1].replace(/&amp;/g, '&') : null;
  }
  return { found: found.size, pages };
}

// ---------------------------------------------------------------------------
// The preview server, with a pilot's session
// ---------------------------------------------------------------------------
async function previewLoad(url, cookie, connections) {
  const autocannon = rootRequire('autocannon');
  const run = (seconds, record) =>
    new Promise((resolve, reject) => {
      const latencies = [];
      const statuses = {};
      const instance = autocannon(
        { url, connections, duration: seconds, timeout: 30, headers: { cookie } },
        (error, result) => {
          if (error) return reject(error);
          const sorted = latencies.sort((a, b) => a - b);
          resolve({
            requests: sorted.length,
            rate: sorted.length / seconds,
            p50: percentile(sorted, 50),
            p95: percentile(sorted, 95),
            p99: percentile(sorted, 99),
            max: sorted.at(-1) ?? null,
            non2xx: result.non2xx,
            errors: result.errors + result.timeouts,
            statuses,
          });
        },
      );
      if (record) {
        instance.on('response', (_client, statusCode, _bytes, responseTime) => {
          latencies.push(responseTime);
          statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
        });
      }
    });
  await run(2, false); // warm-up, not counted
  return run(DURATION, true);
}

async function benchPreview({ strapi, strapiUrl, port, secret, siteWork, tmp, n, detailPath, marker }) {
  const outDir = path.join(siteWork, 'preview');
  log(`N=${int(n)}: preview build (RITME_MODE=preview)…`);
  const built = await astroBuild({
    label: 'preview',
    cmsUrl: strapiUrl,
    workDir: tmp,
    timeoutMs: BUILD_TIMEOUT_MS,
    env: { RITME_MODE: 'preview', RITME_SITE_OUT: outDir, RITME_SITE_CACHE: path.join(siteWork, 'preview-cache') },
    onSpawn: (child) => (current.build = child),
  });
  const logFile = path.join(tmp, 'preview-server.log');
  let out = '';
  const child = spawn(process.execPath, [PREVIEW_SERVER, outDir], {
    cwd: SITE,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      CMS_URL: strapiUrl,
      RITME_PREVIEW_TOKEN: (await strapi.call('preview-token')).accessKey,
      PREVIEW_SECRET: secret,
      RITME_BUILD: 'live-bench',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  current.preview = child;
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  child.on('exit', () => writeFileSync(logFile, out));
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i += 1) {
      if (child.exitCode !== null) throw new Error(`The preview server exited:\n${out.slice(-3000)}`);
      const up = await fetch(`${base}/preview-access/no-session/`).then(
        () => true,
        () => false,
      );
      if (up) break;
      if (i === 150) throw new Error(`The preview server did not answer within 30 s:\n${out.slice(-3000)}`);
      await sleep(200);
    }
    const invite = await strapi.call('pilot-invite', { name: 'Live benchmark', days: 1 });
    const login = await fetch(`${base}/pilot/?token=${invite.token}`, { redirect: 'manual' });
    const cookie = login.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    if (login.status >= 400 || !cookie) throw new Error(`The pilot log-in answered ${login.status} without a cookie`);
    const pages = [
      ['behaviour page', detailPath, marker],
      ['behaviour list', '/gedrag/', null],
    ];
    const results = [];
    for (const [name, pagePath, expect] of pages) {
      const check = await getPage(`${base}${pagePath}`, { cookie });
      if (check.status !== 200) throw new Error(`Preview ${pagePath} with the pilot's session: ${check.status}`);
      if (expect && !check.text.includes(expect)) throw new Error(`Preview ${pagePath} does not show "${expect}"`);
      if (/preview-access|no-session/.test(check.text) && !check.text.includes('<main'))
        throw new Error(`Preview ${pagePath} answered the access page`);
      // One pilot browsing (the page's latency), then CONNECTIONS at once (the server under load).
      for (const connections of [...new Set([1, CONNECTIONS])]) {
        log(`N=${int(n)}: preview ${name} ${pagePath}: autocannon ${connections} connection(s), ${DURATION} s…`);
        const loadBefore = os.loadavg()[0];
        const load = await previewLoad(`${base}${pagePath}`, cookie, connections);
        results.push({ name, path: pagePath, connections, bytes: Buffer.byteLength(check.text), loadBefore, ...load });
        log(
          `N=${int(n)}: preview ${name}, ${connections} connection(s): p95 ${ms(load.p95)}, ${load.rate.toFixed(1)} req/s`,
        );
      }
    }
    return { build: built, results, session: 'pilot (invite link)' };
  } finally {
    await stopChild(child);
    current.preview = null;
  }
}

// ---------------------------------------------------------------------------
// One size
// ---------------------------------------------------------------------------
async function benchSize(n) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ritme-live-bench-'));
  current.dirs.add(tmp);
  // Inside site/demo, as the build service's own default (.ritme-builds) and the preview tests are: the
  // renderer and the preview server resolve their packages from there. Dot folders are no source to it.
  const siteWork = mkdtempSync(path.join(SITE, '.bench-live-'));
  current.dirs.add(siteWork);
  const secret = randomBytes(24).toString('base64url');
  const previewSecret = randomBytes(24).toString('base64url');
  const [servicePort, previewPort] = [await freePort(), await freePort()];

  current.sink = await startSink(servicePort);
  log(`N=${int(n)}: starting Strapi (temp dir ${tmp}; build service to come on port ${servicePort})`);
  const strapi = startStrapi({
    databaseFile: path.join(tmp, 'data.db'),
    logFile: path.join(tmp, 'strapi.log'),
    env: {
      RITME_BUILDER_URL: `http://127.0.0.1:${servicePort}`,
      RITME_BUILD_SECRET: secret,
      ...(DEBOUNCE_MS === null ? {} : { RITME_BUILD_DEBOUNCE_MS: String(DEBOUNCE_MS) }),
      PREVIEW_URL: `http://127.0.0.1:${previewPort}`,
      PREVIEW_SECRET: previewSecret,
    },
  });
  current.strapi = strapi;
  const { url: strapiUrl, bootMs } = await strapi.ready;
  const { populated, totals } = await fillStrapi({
    strapi,
    strapiUrl,
    n,
    method: args.method,
    budgetSeconds: Number(args.budget),
  });
  const flushed = await strapi.call('live-flush');
  if (!flushed.enabled) throw new Error('The plugin has no builder: RITME_BUILDER_URL did not reach Strapi');
  await sleep(300);
  const sinkStats = { ...current.sink.stats };
  await new Promise((resolve) => current.sink.close(resolve));
  current.sink = null;
  log(
    `N=${int(n)}: the fill caused ${sinkStats.calls} notification(s) (${sinkStats.events} events), taken by the sink`,
  );
  const strapiAfterFill = await strapi.call('memory');

  const proxy = await startProxy(strapiUrl);
  current.proxy = proxy;

  // The full clean astro build, for comparison; its own folders, deleted afterwards.
  log(`N=${int(n)}: full clean astro build…`);
  const fullOut = path.join(tmp, 'full-dist');
  const loadBeforeFull = os.loadavg()[0];
  const full = await astroBuild({
    label: 'full',
    cmsUrl: proxy.url,
    workDir: tmp,
    strapiPid: strapi.pid,
    timeoutMs: BUILD_TIMEOUT_MS,
    env: { RITME_SITE_OUT: fullOut, RITME_SITE_CACHE: path.join(tmp, 'full-cache') },
    onSpawn: (child) => (current.build = child),
  });
  full.loadBefore = loadBeforeFull;
  full.fetched = proxy.take();
  rmSync(fullOut, { recursive: true, force: true });
  rmSync(path.join(tmp, 'full-cache'), { recursive: true, force: true });
  log(
    `N=${int(n)}: full build ${sec(full.wallMs)}, ${size(full.fetched.bytes)} fetched, peak tree ${mib(full.peakTreeKb)}`,
  );

  // The build service: cold start.
  log(`N=${int(n)}: build service cold start (bundles the renderer, renders everything)…`);
  const loadBeforeCold = os.loadavg()[0];
  const service = startService({
    port: servicePort,
    cmsUrl: proxy.url,
    secret,
    buildsDir: path.join(siteWork, 'builds'),
    logFile: path.join(tmp, 'build-service.log'),
  });
  const memory = startSampler(service.child.pid);
  memory.phase('cold');
  let coldServedMs = null;
  const coldDeadline = performance.now() + BUILD_TIMEOUT_MS;
  while (coldServedMs === null) {
    if (performance.now() > coldDeadline) throw new Error('The cold build did not finish in time');
    if (service.child.exitCode !== null) throw new Error(`The build service exited:\n${service.output().slice(-3000)}`);
    const page = await getPage(`${service.base}/`);
    if (page.status === 200) coldServedMs = performance.now() - service.started;
    else await sleep(200);
  }
  const afterCold = await service.settled(1, BUILD_TIMEOUT_MS, 'the cold build');
  const coldId = Number(afterCold.current.id);
  const cold = {
    servedMs: coldServedMs,
    durationMs: afterCold.current.durationMs,
    build: service.builds.get(coldId) ?? null,
    bundleMs: null,
    loadBefore: loadBeforeCold,
    fetched: proxy.take(),
  };
  const bundleLine = service.lines.find(([, line]) => /bundling the renderer/.test(line));
  const startLine = service.lines.find(([, line]) => new RegExp(`build ${coldId} started`).test(line));
  if (cold.build?.syncMs !== null && cold.build) {
    cold.bundleMs = cold.durationMs - cold.build.syncMs - cold.build.planMs - cold.build.renderMs;
  }
  cold.startupMs = startLine ? startLine[0] : null;
  cold.bundled = Boolean(bundleLine);
  log(
    `N=${int(n)}: cold build ${coldId} live after ${sec(cold.durationMs)} (${cold.build?.detail ?? '?'}), ${size(cold.fetched.bytes)} fetched`,
  );

  // A rebuild with nothing changed.
  memory.phase('unchanged');
  await service.rebuild();
  const afterUnchanged = await service.settled(coldId + 1, BUILD_TIMEOUT_MS, 'the unchanged rebuild');
  const unchangedId = Number(afterUnchanged.current.id);
  const unchanged = {
    durationMs: afterUnchanged.current.durationMs,
    pagesChanged: afterUnchanged.current.pagesChanged,
    build: service.builds.get(unchangedId) ?? null,
    fetched: proxy.take(),
  };
  unchanged.share = cold.fetched.bytes ? unchanged.fetched.bytes / cold.fetched.bytes : null;
  log(
    `N=${int(n)}: unchanged rebuild ${sec(unchanged.durationMs)}, ${size(unchanged.fetched.bytes)} fetched (${pct(unchanged.share)} of cold)`,
  );

  // Single publishes, one after the other.
  const behaviours = populated.counts.behaviour;
  const spread = Math.max(1, Math.floor(behaviours / (PUBLISHES + BURST + 1)));
  const run = randomBytes(3).toString('hex');
  const publishes = [];
  memory.phase('publishes');
  const loadBeforePublishes = os.loadavg()[0];
  let lastId = unchangedId;
  // The newest title per behaviour: with fewer behaviours than publishes, one is published again.
  const latest = new Map();
  for (let k = 0; k < PUBLISHES; k += 1) {
    const marker = `livebench${run}p${k}`;
    const t0 = performance.now();
    const change = await strapi.call('publish-behaviour', { index: k * spread + Math.floor(spread / 2), marker });
    const ipcMs = performance.now() - t0;
    const pagePath = `/gedrag/${change.slug}/`;
    latest.set(change.documentId, marker);
    const { seen, builds } = await waitServed(service.base, [{ path: pagePath, marker }], t0, LIVE_TIMEOUT_MS);
    const after = await service.settled(lastId + 1, LIVE_TIMEOUT_MS, `publish ${k + 1}`);
    const buildsCaused = Number(after.current.id) - lastId;
    lastId = Number(after.current.id);
    const servedBy = Number(builds[0]);
    publishes.push({
      marker,
      path: pagePath,
      slugChanged: change.slug !== change.oldSlug,
      publishMs: change.ms,
      ipcMs,
      liveMs: seen[0],
      build: service.builds.get(servedBy) ?? null,
      buildsCaused,
      fetched: proxy.take(),
    });
    log(
      `N=${int(n)}: publish ${k + 1}/${PUBLISHES}: live after ${ms(seen[0])} (build ${servedBy}, ${service.builds.get(servedBy)?.detail ?? '?'})`,
    );
  }

  // A burst.
  let burst = null;
  if (BURST > 0) {
    memory.phase('burst');
    const before = Number((await service.status()).current.id);
    const items = new Map();
    const t0 = performance.now();
    for (let k = 0; k < BURST; k += 1) {
      const marker = `livebench${run}b${k}`;
      const change = await strapi.call('publish-behaviour', {
        index: (PUBLISHES + k) * spread + Math.floor(spread / 2),
        marker,
      });
      // A behaviour published twice in the burst shows its second title only.
      items.set(change.documentId, { path: `/gedrag/${change.slug}/`, marker });
      latest.set(change.documentId, marker);
    }
    const publishedMs = performance.now() - t0;
    const { seen } = await waitServed(service.base, [...items.values()], t0, LIVE_TIMEOUT_MS * 2);
    const allServedMs = Math.max(...seen);
    const after = await service.settled(before + 1, LIVE_TIMEOUT_MS, 'the burst');
    const history = after.history.filter((entry) => Number(entry.id) > before);
    burst = {
      publishes: BURST,
      pages: items.size,
      publishedMs,
      allServedMs,
      firstServedMs: Math.min(...seen),
      builds: history.length,
      failed: history.filter((entry) => !entry.ok).length,
      details: history
        .map((entry) => service.builds.get(Number(entry.id)))
        .filter(Boolean)
        .sort((a, b) => a.id - b.id),
      fetched: proxy.take(),
    };
    log(`N=${int(n)}: burst of ${BURST}: all served after ${sec(allServedMs)}, ${burst.builds} build(s)`);
  }
  memory.phase('idle');

  // Every new title on the behaviour list pages.
  const markers = [...latest.values()];
  const list = await findOnList(service.base, '/gedrag/', markers).catch((error) => ({
    found: null,
    pages: null,
    error: String(error?.message ?? error).split('\n')[0],
  }));
  log(
    list.error
      ? `N=${int(n)}: list pages could not be read: ${list.error}`
      : `N=${int(n)}: list pages: ${list.found} of ${markers.length} new titles found over ${list.pages} page(s)`,
  );
  memory.stop();
  const serviceFinal = await service.status();
  await stopChild(service.child);
  current.service = null;

  // The preview server.
  let preview = null;
  if (!args['no-preview']) {
    try {
      const last = publishes.at(-1);
      preview = await benchPreview({
        strapi,
        strapiUrl,
        port: previewPort,
        secret: previewSecret,
        siteWork,
        tmp,
        n,
        detailPath: last.path,
        marker: last.marker,
      });
    } catch (error) {
      log(`N=${int(n)}: preview measurement failed: ${error.message}`);
      preview = { error: String(error?.message ?? error).split('\n')[0] };
    }
  }
  const strapiEnd = await strapi.call('memory');

  await proxy.close();
  current.proxy = null;
  await strapi.stop();
  current.strapi = null;
  for (const dir of [tmp, siteWork]) {
    rmSync(dir, { recursive: true, force: true });
    current.dirs.delete(dir);
  }
  return {
    n,
    bootMs,
    populated,
    totals,
    sinkStats,
    strapiAfterFill,
    strapiEnd,
    full,
    cold,
    unchanged,
    publishes,
    burst,
    list,
    markers: markers.length,
    memory: memory.peaks,
    serviceFinal,
    preview,
    loadBeforePublishes,
  };
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------
function machine() {
  return {
    ...machineBasics(),
    astro: packageVersion('astro', path.join(SITE, 'package.json')),
    strapi: packageVersion('@strapi/strapi', path.join(ROOT, 'cms/package.json')),
    autocannon: packageVersion('autocannon', path.join(ROOT, 'package.json')),
  };
}

function publishStats(r) {
  return summary(r.publishes.map((p) => p.liveMs));
}

function reportSize(r) {
  const c = r.populated.counts;
  const p = r.populated;
  const lines = [];
  lines.push(`### N = ${int(r.n)} entries per locale`);
  lines.push('');
  lines.push(
    `Content, per locale (nl and en), all published: ${int(c.group)} groups, ${int(c.behaviour)} behaviours, ${int(c.training)} trainings, ${int(c.person)} people, ${int(c.spotlight)} spotlights, plus ${int(c['training-session'])} training sessions and ${c['evaluation-round']} evaluation rounds. Filled in ${p.seconds} s (${p.method}: ${int(p.documentService.documents)} documents through the Document Service, ${int(p.bulk.documents)} in bulk); \`/api/ritme/behaviours?locale=en\` total ${int(r.totals['behaviours en'])}. Strapi (SQLite) booted in ${sec(r.bootMs)}, RSS ${mib(r.strapiAfterFill.rssKb)} after filling, ${mib(r.strapiEnd.rssKb)} at the end. The fill's own ${int(r.sinkStats.events)} notification event(s) went to a sink before the build service started.`,
  );
  lines.push('');
  const f = r.full;
  const cold = r.cold;
  const un = r.unchanged;
  const stats = publishStats(r);
  const m = r.memory;
  lines.push(
    table(
      ['Build', 'Wall', 'Detail', 'Fetched (requests)', 'Peak RSS tree', 'Largest process', 'Load before'],
      [
        [
          'full clean `astro build`',
          sec(f.wallMs),
          `sync ${sec(f.phases.sync)}, bundle ${sec(f.phases.bundle)}, render ${sec(f.phases.render)}; CPU ${f.cpuS === null ? '–' : `${f.cpuS.toFixed(0)} s`}`,
          `${size(f.fetched.bytes)} (${int(f.fetched.requests)})`,
          mib(f.peakTreeKb),
          mib(f.peakProcessKb),
          f.loadBefore.toFixed(2),
        ],
        [
          'build service, cold start',
          sec(cold.durationMs),
          cold.build
            ? `bundle renderer ≈ ${sec(cold.bundleMs)}, sync ${ms(cold.build.syncMs)}, plan ${ms(cold.build.planMs)}, render ${ms(cold.build.renderMs)}, search index ${ms(cold.build.indexMs)}; ${int(cold.build.rendered)} of ${int(cold.build.pages)} pages; first page served ${sec(cold.servedMs)} after the service started`
            : '–',
          `${size(cold.fetched.bytes)} (${int(cold.fetched.requests)})`,
          mib(m.cold?.tree),
          mib(m.cold?.process),
          cold.loadBefore.toFixed(2),
        ],
        [
          'build service, nothing changed (`POST /_ritme/rebuild`)',
          sec(un.durationMs),
          un.build
            ? `sync ${ms(un.build.syncMs)}, plan ${ms(un.build.planMs)}, render ${ms(un.build.renderMs)}, search index ${ms(un.build.indexMs)}; ${int(un.build.rendered)} of ${int(un.build.pages)} pages rendered, ${un.pagesChanged} changed`
            : '–',
          `${size(un.fetched.bytes)} (${int(un.fetched.requests)}) = ${pct(un.share)} of cold`,
          mib(m.unchanged?.tree),
          mib(m.unchanged?.process),
          '',
        ],
      ],
    ),
  );
  lines.push('');
  const routes = (fetched) =>
    Object.entries(fetched.byRoute)
      .sort((a, b) => (fetched.bytesByRoute[b[0]] ?? 0) - (fetched.bytesByRoute[a[0]] ?? 0))
      .map(([route, count]) => `${route} ${count} (${size(fetched.bytesByRoute[route] ?? 0)})`)
      .join(', ');
  const first = r.publishes[0];
  const last = r.publishes.at(-1);
  lines.push(
    `Requests (bytes) per route: cold start ${routes(cold.fetched)}; nothing changed ${routes(un.fetched)}${first ? `; first publish ${routes(first.fetched)}` : ''}${last && last !== first ? `; last publish ${routes(last.fetched)}` : ''}.`,
  );
  lines.push('');
  const one = summary(r.publishes.map((x) => x.fetched.bytes));
  const rendered = summary(r.publishes.map((x) => x.build?.rendered ?? 0));
  const buildSeconds = summary(r.publishes.map((x) => (x.build?.seconds ?? 0) * 1000));
  const ipc = summary(r.publishes.map((x) => x.publishMs));
  lines.push(
    `**Publish → live**, ${stats.count} single-behaviour publishes one after the other (a different behaviour each time; from just before the Document Service update + publish until \`/gedrag/<slug>/\` is served with the new title, polled every ${POLL_MS} ms; the plugin's debounce ${DEBOUNCE_MS ?? 'default (500)'} ms is part of it): **p50 ${ms(stats.p50)}, p95 ${ms(stats.p95)}, max ${ms(stats.max)}** (min ${ms(stats.min)}). The update + publish itself took ${ms(ipc.p50)} (p50). The build per publish: ${sec(buildSeconds.p50)} p50, ${sec(buildSeconds.max)} max as the service logs it; ${int(rendered.p50)} page(s) rendered (p50, max ${int(rendered.max)}); fetched ${size(one.p50)} from Strapi (p50, max ${size(one.max)}) per one-entry change. Builds per publish: ${[...new Set(r.publishes.map((x) => x.buildsCaused))].join(', ')}; slug changed with the title in ${r.publishes.filter((x) => x.slugChanged).length} of ${stats.count}. Load average before: ${r.loadBeforePublishes.toFixed(2)}.`,
  );
  const rebundled = r.publishes.filter((x) => x.build?.bundled);
  if (rebundled.length > 0) {
    const clean = summary(r.publishes.filter((x) => !x.build?.bundled).map((x) => x.liveMs));
    lines.push('');
    lines.push(
      `**Note:** before ${rebundled.length} of these builds the service bundled its renderer again (${rebundled.map((x) => `build ${x.build.id}`).join(', ')}): its code version changed during the run (the site or the theme's built files changed under it, e.g. another build of the theme on this machine), so those builds rendered every page. Without them: p50 ${ms(clean.p50)}, p95 ${ms(clean.p95)}, max ${ms(clean.max)} over ${clean.count} publishes. The Targets table uses all publishes.`,
    );
  }
  lines.push('');
  lines.push(
    table(
      ['#', 'Publish → live', 'Update + publish', 'Build (service log)', 'Fetched'],
      r.publishes.map((x, i) => [
        String(i + 1),
        ms(x.liveMs),
        ms(x.publishMs),
        x.build
          ? `${x.build.id}: ${x.build.seconds} s, ${x.build.detail}${x.build.bundled ? ' — **renderer bundled again first**' : ''}`
          : '–',
        size(x.fetched.bytes),
      ]),
    ),
  );
  lines.push('');
  if (r.burst) {
    const b = r.burst;
    lines.push(
      `**Burst**: ${b.publishes} publishes in a row, sent in ${sec(b.publishedMs)}; the first was served after ${sec(b.firstServedMs)}, **all ${b.publishes} after ${sec(b.allServedMs)}**${b.pages < b.publishes ? ` (${b.pages} behaviours: some were published twice)` : ''}, by **${b.builds} build(s)**${b.failed ? ` (${b.failed} failed)` : ''}: ${b.details.map((d) => `build ${d.id} ${d.seconds} s (${d.rendered ?? '?'} rendered)`).join(', ')}; ${size(b.fetched.bytes)} fetched.`,
    );
    lines.push('');
  }
  lines.push(
    r.list.error
      ? `List pages: the behaviour list could not be read at the end: ${r.list.error}.`
      : `List pages: ${r.list.found} of ${r.markers} new titles found on the behaviour list (\`/gedrag/\` and its next pages, ${r.list.pages} page(s) read) at the end.`,
  );
  lines.push('');
  lines.push(
    `**Peak RSS of the build service's tree** (service + renderer + any bundling \`astro build\`, polled every 200 ms): cold start ${mib(m.cold?.tree)}, unchanged rebuild ${mib(m.unchanged?.tree)}, single publishes ${mib(m.publishes?.tree)}, burst ${mib(m.burst?.tree)}, idle at the end ${mib(m.idle?.tree)}; the full \`astro build\` peaked at ${mib(f.peakTreeKb)} (tree).`,
  );
  lines.push('');
  if (r.preview?.results) {
    lines.push(
      `**Preview server** (\`RITME_MODE=preview\` build in ${sec(r.preview.build.wallMs)}, \`dist/preview/server.mjs\`, reading Strapi directly), session: ${r.preview.session}; autocannon with 1 connection (one pilot) and with ${CONNECTIONS}, each 2 s warm-up + ${DURATION} s:`,
    );
    lines.push('');
    lines.push(
      table(
        ['Page', 'Path', 'Connections', 'HTML', 'Requests/s', 'p50', 'p95', 'p99', 'max', 'non-2xx', 'Load before'],
        r.preview.results.map((x) => [
          x.name,
          `\`${x.path}\``,
          String(x.connections),
          size(x.bytes),
          x.rate.toFixed(1),
          ms(x.p50),
          ms(x.p95),
          ms(x.p99),
          ms(x.max),
          String(x.non2xx + x.errors),
          x.loadBefore.toFixed(2),
        ]),
      ),
    );
    lines.push('');
  } else if (r.preview?.error) {
    lines.push(`**Preview server**: not measured: ${r.preview.error}`);
    lines.push('');
  }
  return lines.join('\n');
}

function targetRows(results) {
  const rows = [];
  const row = (target, measured, limit, unit = 'ms') => {
    if (measured === null || measured === undefined) return rows.push([target, '–', 'not measured', '–']);
    const met = measured <= limit;
    const fmt = (v) => (unit === '%' ? pct(v) : ms(v));
    const margin =
      unit === '%' ? `${(Math.abs(limit - measured) * 100).toFixed(2)} points` : ms(Math.abs(limit - measured));
    rows.push([target, fmt(measured), met ? 'met' : '**missed**', met ? `${margin} to spare` : `${margin} over`]);
  };
  for (const r of results) {
    const limit = TARGETS.publishP95(r.n);
    if (limit) row(`publish → live p95 ≤ ${limit / 1000} s at N = ${int(r.n)}`, publishStats(r).p95, limit);
  }
  for (const r of results)
    row(`unchanged re-sync ≤ 1 % of cold bytes, N = ${int(r.n)}`, r.unchanged.share, TARGETS.resyncShare, '%');
  for (const r of results) {
    const limit = TARGETS.previewP95(r.n);
    if (!limit) continue;
    for (const name of ['behaviour page', 'behaviour list']) {
      for (const connections of [...new Set([1, CONNECTIONS])]) {
        const x = r.preview?.results?.find((y) => y.name === name && y.connections === connections);
        const who = connections === 1 ? 'one pilot' : `${connections} connections at once`;
        row(`preview ${name} p95 ≤ ${limit} ms at N = ${int(r.n)} (${who})`, x?.p95 ?? null, limit);
      }
    }
  }
  const measuredSizes = new Set(results.map((r) => r.n));
  if (![...measuredSizes].some((n) => n >= 10_000)) {
    rows.push([
      'publish → live p95 ≤ 5 s and preview p95 ≤ 300 ms at N = 10,000',
      '–',
      'not measured (no size ≥ 10,000 in this run)',
      '–',
    ]);
  }
  if (![...measuredSizes].some((n) => n >= 1000 && n < 10_000)) {
    rows.push(['publish → live p95 ≤ 3 s at N = 1,000', '–', 'not measured (no size 1,000–9,999 in this run)', '–']);
  }
  return rows;
}

function header(m, started) {
  return [
    `## Ritme Live benchmark, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${m.cpu}, ${m.memory} RAM, ${m.os}; Node ${m.node}; Astro ${m.astro}; Strapi ${m.strapi} on SQLite; autocannon ${m.autocannon}. Memory: RSS from /proc, polled every 200 ms${existsSync(TIME_BIN) ? '; the full build also under `time -v`' : ''}. Load average (1 min) at the start: ${os.loadavg()[0].toFixed(2)} (other work on the machine skews the figures).`,
    '',
    '**Full clean `astro build`**: the demo intranet built from nothing into its own folders, as `bench/site-build.mjs` measures it (sync = start-up + content sync, bundle, render). **Build service, cold start**: `ritme-build-service` started with an empty builds folder; its first build bundles the renderer (a render-mode `astro build`, once per code version) and renders every page; "bundle renderer" is its duration minus the renderer\'s sync, plan and render. **Nothing changed**: `POST /_ritme/rebuild` right after. **Fetched**: response bytes from Strapi through a counting proxy between the build service and Strapi (the cold figure includes the service\'s question for the next clock event). **Peak RSS tree**: the process and its children summed; **largest process** its biggest single peak (VmHWM).',
    '',
  ].join('\n');
}

function resultsFile(started) {
  mkdirSync(RESULTS, { recursive: true });
  const date = started.toISOString().slice(0, 10);
  let file = path.join(RESULTS, `live-${date}.md`);
  for (let k = 2; existsSync(file) && k < 100; k += 1) file = path.join(RESULTS, `live-${date}-${k}.md`);
  return file;
}

/** Rewrites the Live section of BENCHMARKS.md. */
function updateBenchmarksMd(report, file) {
  const body = report
    .replace(
      /^## Ritme Live benchmark, (.*)$/m,
      `From [${path.relative(ROOT, file)}](${path.relative(ROOT, file)}) (\`node bench/live-bench.mjs\`), run of $1.`,
    )
    .replace(/^### /gm, '### Live, ')
    .replace(/^#### Targets$/m, '### Live targets')
    .trim();
  writeSection('live', `## Live\n\n${body}`);
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------
if (args['update-only']) {
  // Puts the newest report back into BENCHMARKS.md (e.g. after bench/api-bench.mjs rewrote that file).
  const { readdirSync } = await import('node:fs');
  const newest = readdirSync(RESULTS)
    .filter((name) => /^live-\d{4}-\d{2}-\d{2}(-\d+)?\.md$/.test(name))
    .sort((a, b) => {
      const key = (name) => name.replace(/\.md$/, '').replace(/^(live-\d{4}-\d{2}-\d{2})$/, '$1-1');
      return key(a).localeCompare(key(b), 'en', { numeric: true });
    })
    .at(-1);
  if (!newest) {
    console.error('No bench/results/live-*.md yet: run node bench/live-bench.mjs first.');
    process.exit(1);
  }
  const newestFile = path.join(RESULTS, newest);
  updateBenchmarksMd(readFileSync(newestFile, 'utf8'), newestFile);
  console.log(`BENCHMARKS.md: Live section from ${path.relative(ROOT, newestFile)}`);
  process.exit(0);
}
const started = new Date();
const runStarted = performance.now();
let exitCode = 0;
const file = resultsFile(started);
let report = header(machine(), started);
const results = [];
console.log(report);
try {
  if (!existsSync(ASTRO_BIN)) throw new Error(`${ASTRO_BIN} is missing: install the workspace first (npm start does).`);
  if (!args['no-prepare']) {
    log('building shared, the plugin and the theme, compiling the Strapi app');
    for (const pkg of ['@ritme/shared', '@ritme/strapi-plugin', '@ritme/astro-theme'])
      execFileSync('npx', ['-y', 'pnpm@10.34.9', '--filter', pkg, 'run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const tsc = createRequire(path.join(ROOT, 'cms/package.json')).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'cms')], { stdio: 'inherit' });
  }
  for (const needed of [SERVICE_CLI, PREVIEW_SERVER]) {
    if (!existsSync(needed)) throw new Error(`${path.relative(ROOT, needed)} is missing: build the theme first.`);
  }
  for (const n of SIZES) {
    const result = await benchSize(n);
    results.push(result);
    const section = reportSize(result);
    report += `\n${section}`;
    writeFileSync(file, report);
    console.log(`\n${section}`);
  }
} catch (error) {
  exitCode = 1;
  console.error(error);
  if (current.strapi)
    console.error(`Strapi log tail:\n${logTail(path.join([...current.dirs][0] ?? '', 'strapi.log'), 15)}`);
  report += `\n**The run failed:** ${String(error?.message ?? error).split('\n')[0]}\n`;
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
if (results.length > 0) {
  report += `\n#### Targets\n\n${table(['Target', 'Measured', 'Status', 'Margin'], targetRows(results))}\n`;
}
report += `\nTotal run time ${sec(performance.now() - runStarted)} (sizes ${SIZES.map(int).join(', ')}, method ${args.method}, ${PUBLISHES} publishes + a burst of ${BURST}).\n`;
writeFileSync(file, report);
const tail = report.slice(report.indexOf('\n#### Targets') >= 0 ? report.indexOf('\n#### Targets') : report.length);
console.log(tail);
if (!args['no-update'] && results.length > 0) {
  updateBenchmarksMd(report, file);
  log('BENCHMARKS.md: Live section updated');
}
console.log(`Report: ${path.relative(ROOT, file)}`);
process.exit(exitCode);
