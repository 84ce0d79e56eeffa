#!/usr/bin/env node
import { execFileSync, spawn } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
/**
 * Build benchmark for the Ritme intranet: how long `astro build` of the demo intranet (site/demo) takes,
 * how much memory it needs and how much it fetches from Strapi, for N entries
 * per locale, and how much JavaScript each page template ships.
 *
 *   node bench/site-build.mjs [--sizes 1000,10000] [--method auto|ds|bulk]
 *                             [--budget 300] [--build-timeout 2400] [--no-prepare]
 *
 * For each size N it starts a fresh Strapi (bench/strapi-server.mjs, in a child
 * process, on a fresh SQLite file in a temp dir and a random loopback port),
 * fills it with N published entries per locale (nl + en), puts a counting
 * proxy in front of it, and builds the site three times through the proxy:
 *   cold       site/dist and site/node_modules/.astro (the content-layer data store) deleted first
 *   unchanged  again, nothing deleted, nothing changed
 *   one change again, after one behaviour's title was changed and published in Strapi
 * then measures the JavaScript of one built page per template.
 *
 * Prints a markdown report and writes it to bench/results/site-build-<date>.md.
 * Afterwards site/dist and site/node_modules/.astro are deleted, so the next
 * normal build starts with a clean content sync. See bench/README.md.
 */
import { machineBasics, packageVersion, table } from './report.mjs';
import { startStrapi } from './strapi-child.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
/** The demo intranet, built with the theme from site/theme/dist (bench runs build it first). */
const SITE = path.join(ROOT, 'site/demo');
const DIST = path.join(SITE, 'dist');
const CACHE = path.join(SITE, 'node_modules/.astro');
const ASTRO_BIN = path.join(SITE, 'node_modules/.bin/astro');
const RESULTS = path.join(import.meta.dirname, 'results');
const TIME_BIN = '/usr/bin/time';
const ROUTES = ['groups', 'behaviours', 'trainings', 'people', 'spotlights', 'evaluation-rounds'];
const ROUTE_TYPE = {
  groups: 'group',
  behaviours: 'behaviour',
  trainings: 'training',
  people: 'person',
  spotlights: 'spotlight',
  'evaluation-rounds': 'evaluation-round',
};

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    method: { type: 'string', default: 'auto' },
    budget: { type: 'string', default: '300' },
    'build-timeout': { type: 'string', default: '2400' },
    'no-prepare': { type: 'boolean', default: false },
  },
});
const SIZES = args.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
if (SIZES.some((n) => !Number.isInteger(n) || n < 10 || n > 200_000)) {
  console.error('--sizes wants whole numbers between 10 and 200000, e.g. --sizes 1000,10000');
  process.exit(2);
}
if (!['auto', 'ds', 'bulk'].includes(args.method)) {
  console.error('--method is auto, ds or bulk');
  process.exit(2);
}
const BUILD_TIMEOUT_MS = Number(args['build-timeout']) * 1000;
/** However things go, the whole run stops by itself after this. */
const RUN_TIMEOUT_MS = 4 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------
const int = (n) => Math.round(n).toLocaleString('en-US');
const sec = (ms) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);
const mib = (kb) => (kb ? `${int(kb / 1024)} MiB` : '–');
const size = (bytes) =>
  bytes === null || bytes === undefined
    ? '–'
    : bytes >= 10 * 1024 * 1024
      ? `${(bytes / 1024 / 1024).toFixed(0)} MiB`
      : bytes >= 1024 * 1024
        ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
        : bytes >= 1024
          ? `${(bytes / 1024).toFixed(1)} kB`
          : `${bytes} B`;
const log = (message) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

// ---------------------------------------------------------------------------
// Processes: what runs under a pid, and how much memory it holds
// ---------------------------------------------------------------------------
function procStatus(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(text.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** `pid` and all its descendants, from /proc. */
function processTree(pid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // gone already
    }
  }
  const tree = [];
  const queue = [pid];
  while (queue.length > 0 && tree.length < 10_000) {
    const next = queue.shift();
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

function killTree(pid) {
  for (const member of processTree(pid).reverse()) {
    try {
      process.kill(member, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

// ---------------------------------------------------------------------------
// The counting proxy between the build and Strapi
// ---------------------------------------------------------------------------
function startProxy(targetUrl) {
  const target = new URL(targetUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
  const stats = { requests: 0, bytes: 0, failed: 0, byRoute: {}, busyMs: 0, slowestMs: 0 };
  const server = http.createServer((req, res) => {
    stats.requests += 1;
    const began = performance.now();
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const route = pathname.replace(/^\/api\/ritme\//, '').replace(/\/[^/]+\/results$/, '/:id/results');
    stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1;
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
        agent,
        timeout: 300_000,
      },
      (response) => {
        if (response.statusCode >= 400) stats.failed += 1;
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.on('data', (chunk) => {
          stats.bytes += chunk.length;
        });
        response.on('end', () => {
          const ms = performance.now() - began;
          stats.busyMs += ms;
          stats.slowestMs = Math.max(stats.slowestMs, ms);
        });
        response.pipe(res);
      },
    );
    upstream.on('timeout', () => upstream.destroy(new Error('upstream timeout')));
    upstream.on('error', () => {
      stats.failed += 1;
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        take() {
          const taken = { ...stats, byRoute: { ...stats.byRoute } };
          Object.assign(stats, { requests: 0, bytes: 0, failed: 0, byRoute: {}, busyMs: 0, slowestMs: 0 });
          return taken;
        },
        close: () =>
          new Promise((done) => {
            agent.destroy();
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}

// ---------------------------------------------------------------------------
// One astro build, measured
// ---------------------------------------------------------------------------
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping terminal colour codes is the point.
const stripAnsi = (text) => text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

/**
 * Runs `astro build` in site/ (under /usr/bin/time -v when there is one), polls
 * the memory of its process tree, and reads its log for phase times, loader
 * counts and per-page render times.
 */
function astroBuild({ label, cmsUrl, workDir, strapiPid }) {
  const logFile = path.join(workDir, `build-${label}.log`);
  const timeFile = path.join(workDir, `build-${label}.time`);
  const useTime = existsSync(TIME_BIN);
  const env = { ...process.env, CMS_URL: cmsUrl, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env.RITME_SITE_OUT;
  delete env.RITME_SITE_CACHE;
  delete env.PUBLIC_CMS_URL;
  const started = performance.now();
  const child = spawn(
    useTime ? TIME_BIN : ASTRO_BIN,
    useTime ? ['-v', '-o', timeFile, ASTRO_BIN, 'build'] : ['build'],
    {
      cwd: SITE,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  current.build = child;
  const logStream = createWriteStream(logFile);
  const marks = {};
  const loaders = { written: 0, unchanged: 0, deleted: 0 };
  const pages = [];
  let pending = '';
  const onLine = (raw) => {
    const line = stripAnsi(raw);
    const at = performance.now() - started;
    logStream.write(`${(at / 1000).toFixed(2).padStart(8)} ${line}\n`);
    const mark = (name, pattern) => {
      if (marks[name] === undefined && pattern.test(line)) marks[name] = at;
    };
    mark('syncStart', /Syncing content/);
    mark('synced', /Synced content/);
    mark('bundleStart', /Building static entrypoints/);
    mark('renderStart', /generating static routes/);
    mark('done', /\[build\] Complete!/);
    const counts = line.match(/(\d+) written, (\d+) unchanged, (\d+) removed/);
    if (counts) {
      loaders.written += Number(counts[1]);
      loaders.unchanged += Number(counts[2]);
      loaders.deleted += Number(counts[3]);
    }
    const page = line.match(/[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/);
    if (page) pages.push([page[1], Number(page[2]) * (page[3] === 's' ? 1000 : 1)]);
  };
  const onData = (chunk) => {
    pending += chunk;
    const lines = pending.split(/\r?\n/);
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  };
  child.stdout.setEncoding('utf8').on('data', onData);
  child.stderr.setEncoding('utf8').on('data', onData);

  let peakTreeKb = 0;
  const peakByPhase = { sync: 0, bundle: 0, render: 0 };
  let peakProcessKb = 0;
  let peakStrapiKb = 0;
  let lastProgress = performance.now();
  const poll = setInterval(() => {
    if (performance.now() - lastProgress > 60_000) {
      lastProgress = performance.now();
      log(`${label} build: ${sec(lastProgress - started)} so far, ${int(pages.length)} pages written`);
    }
    let sum = 0;
    for (const pid of processTree(child.pid)) {
      const status = procStatus(pid);
      if (!status) continue;
      sum += status.rss;
      peakProcessKb = Math.max(peakProcessKb, status.hwm);
    }
    peakTreeKb = Math.max(peakTreeKb, sum);
    const phase = marks.renderStart !== undefined ? 'render' : marks.synced !== undefined ? 'bundle' : 'sync';
    peakByPhase[phase] = Math.max(peakByPhase[phase], sum);
    peakStrapiKb = Math.max(peakStrapiKb, procStatus(strapiPid)?.rss ?? 0);
  }, 200);

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      log(`${label} build: over ${BUILD_TIMEOUT_MS / 1000} s, killing it`);
      killTree(child.pid);
    }, BUILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      current.build = null;
      if (pending) onLine(pending);
      logStream.end();
      const wallMs = performance.now() - started;
      if (code !== 0) {
        const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '';
        reject(new Error(`astro build (${label}) exited with ${signal ?? code} after ${sec(wallMs)}:\n${tail}`));
        return;
      }
      let time = null;
      if (useTime && existsSync(timeFile)) {
        const text = readFileSync(timeFile, 'utf8');
        const num = (pattern) => Number(text.match(pattern)?.[1] ?? Number.NaN);
        time = {
          maxRssKb: num(/Maximum resident set size \(kbytes\): (\d+)/),
          userS: num(/User time \(seconds\): ([\d.]+)/),
          systemS: num(/System time \(seconds\): ([\d.]+)/),
          cpuPercent: num(/Percent of CPU this job got: (\d+)%/),
        };
      }
      pages.sort((a, b) => b[1] - a[1]);
      resolve({
        label,
        wallMs,
        phases: {
          // Start-up and content sync (the loaders fetching from Strapi), until "Synced content".
          sync: marks.synced ?? null,
          // Vite/Rollup bundling of server and client code.
          bundle:
            marks.synced !== undefined && marks.renderStart !== undefined ? marks.renderStart - marks.synced : null,
          // getStaticPaths and rendering every page to HTML, then the rest.
          render: marks.renderStart !== undefined ? wallMs - marks.renderStart : null,
        },
        peakProcessKb: time?.maxRssKb ?? peakProcessKb,
        peakTreeKb,
        peakByPhase,
        peakStrapiKb,
        cpuS: time ? time.userS + time.systemS : null,
        cpuPercent: time?.cpuPercent ?? null,
        loaders,
        pagesLogged: pages.length,
        renderSumMs: pages.reduce((sum, [, ms]) => sum + ms, 0),
        slowest: pages.slice(0, 4),
        logFile,
      });
    });
  });
}

// ---------------------------------------------------------------------------
// What a build left behind
// ---------------------------------------------------------------------------
function walk(dir, visit, depth = 0) {
  if (depth > 20 || !existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit, depth + 1);
    else if (entry.isFile()) visit(full);
  }
}

function distStats() {
  let html = 0;
  let bytes = 0;
  walk(DIST, (file) => {
    if (file.endsWith('.html')) html += 1;
    bytes += statSync(file).size;
  });
  const store = path.join(CACHE, 'data-store.json');
  return { html, bytes, storeBytes: existsSync(store) ? statSync(store).size : null };
}

/** Item pages under a section folder of dist, e.g. /groepen/<slug>/, in name order. */
function items(section, limit) {
  const dir = path.join(DIST, section);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .slice(0, limit)
    .map((slug) => `/${section}/${slug}/`);
}

const gz = (buffer) => gzipSync(buffer, { level: 6 }).length;

/**
 * The JavaScript a page ships: <script src>, astro-island component-url and
 * renderer-url, and, recursively, every static import of those inside dist/_astro.
 * Dynamic imports are not followed. Inline scripts are counted apart.
 */
function pageJs(pagePath) {
  const file = path.join(DIST, pagePath, 'index.html');
  if (!existsSync(file)) return null;
  const html = readFileSync(file);
  const text = html.toString('utf8');
  const entries = new Set();
  let inlineBytes = 0;
  let inlineText = '';
  for (const match of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = match[1].match(/\bsrc\s*=\s*["']([^"']+)["']/i)?.[1];
    if (src) entries.add(src);
    else if (!/type\s*=\s*["']application\/(ld\+)?json["']/i.test(match[1])) {
      inlineBytes += Buffer.byteLength(match[2]);
      inlineText += match[2];
    }
  }
  let propsBytes = 0;
  let islands = 0;
  for (const match of text.matchAll(/<astro-island\b[^>]*>/gi)) {
    islands += 1;
    propsBytes += Buffer.byteLength(match[0].match(/\bprops\s*=\s*"([^"]*)"/i)?.[1] ?? '');
    for (const attribute of ['component-url', 'renderer-url']) {
      const url = match[0].match(new RegExp(`\\b${attribute}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
      if (url) entries.add(url);
    }
  }
  for (const match of text.matchAll(/<link\b[^>]*rel\s*=\s*["']modulepreload["'][^>]*>/gi)) {
    const href = match[0].match(/\bhref\s*=\s*["']([^"']+)["']/i)?.[1];
    if (href) entries.add(href);
  }
  const seen = new Set();
  const queue = [...entries]
    .map((url) => new URL(url, 'http://site/').pathname)
    .filter((p) => p.startsWith('/_astro/'))
    .map((p) => path.join(DIST, p));
  let external = 0;
  for (const url of entries) if (!new URL(url, 'http://site/').pathname.startsWith('/_astro/')) external += 1;
  while (queue.length > 0 && seen.size < 1000) {
    const js = queue.shift();
    if (seen.has(js) || !existsSync(js)) continue;
    seen.add(js);
    const code = readFileSync(js, 'utf8');
    const imports = [
      ...code.matchAll(/(?:^|[^\w$.])import\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+)["']/g),
      ...code.matchAll(/(?:^|[^\w$.])export\s*(?:\*|\{[^}]*\})\s*(?:as\s+[\w$]+\s*)?from\s*["']([^"']+)["']/g),
    ];
    for (const [, spec] of imports) {
      if (spec.startsWith('.') || spec.startsWith('/')) {
        queue.push(spec.startsWith('/') ? path.join(DIST, spec) : path.resolve(path.dirname(js), spec));
      }
    }
  }
  let raw = 0;
  let gzip = 0;
  for (const js of seen) {
    const buffer = readFileSync(js);
    raw += buffer.length;
    gzip += gz(buffer);
  }
  return {
    htmlBytes: html.length,
    htmlGzip: gz(html),
    files: seen.size,
    names: [...seen].map((f) => path.basename(f)).sort(),
    jsBytes: raw,
    jsGzip: gzip,
    inlineBytes,
    inlineGzip: inlineText ? gz(Buffer.from(inlineText)) : 0,
    islands,
    propsBytes,
    external,
  };
}

/** One built page per template (Dutch); both rounds, as the open one has a form and the closed one results. */
const TEMPLATES = [
  ['home', () => ['/']],
  ['group list', () => ['/groepen/']],
  ['group', () => items('groepen', 1)],
  ['behaviour list', () => ['/gedrag/']],
  ['behaviour', () => items('gedrag', 1)],
  ['training list', () => ['/trainingen/']],
  ['training', () => items('trainingen', 1)],
  ['people', () => ['/mensen/']],
  ['rounds', () => ['/evaluatie/']],
  ['round', () => items('evaluatie', 4)],
  ['suggestion', () => ['/suggestie/']],
  ['changes', () => ['/jij-vroeg-wij-veranderden/']],
];

// ---------------------------------------------------------------------------
// Bookkeeping: what is running, what to clean up
// ---------------------------------------------------------------------------
const current = { build: null, strapi: null, proxy: null, workDir: null };

function resetSite() {
  rmSync(DIST, { recursive: true, force: true });
  rmSync(CACHE, { recursive: true, force: true });
}

let cleanedUp = false;
async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  if (current.build?.pid) killTree(current.build.pid);
  await current.proxy?.close().catch(() => {});
  await current.strapi?.stop().catch(() => {});
  if (current.workDir) rmSync(current.workDir, { recursive: true, force: true });
  // No build output and no data store left: the next normal build syncs from scratch.
  // (site/.astro, Astro's generated types, is left alone: other builds share it.)
  resetSite();
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    log(`${signal}: cleaning up`);
    await cleanup();
    process.exit(130);
  });
}
const watchdog = setTimeout(async () => {
  log(`the run took longer than ${RUN_TIMEOUT_MS / 3_600_000} h; stopping`);
  await cleanup();
  process.exit(3);
}, RUN_TIMEOUT_MS);
watchdog.unref();

// ---------------------------------------------------------------------------
// One size
// ---------------------------------------------------------------------------
async function getJson(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.json();
}

async function benchSize(n) {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'ritme-bench-'));
  current.workDir = workDir;
  log(`N=${int(n)}: starting Strapi (temp dir ${workDir})`);
  const strapi = startStrapi({
    databaseFile: path.join(workDir, 'data.db'),
    logFile: path.join(workDir, 'strapi.log'),
  });
  current.strapi = strapi;
  const { url: strapiUrl, bootMs } = await strapi.ready;

  log(`N=${int(n)}: populating (${args.method}, budget ${args.budget} s for the Document Service)`);
  const populated = await strapi.call(
    'populate',
    { n, method: args.method, budgetSeconds: Number(args.budget) },
    90 * 60_000,
  );
  log(
    `N=${int(n)}: populated in ${populated.seconds} s (${populated.method}: Document Service ${populated.documentService.documents} docs at ${populated.documentService.msPerDocument ?? '–'} ms/doc, bulk ${populated.bulk.documents} docs)`,
  );
  const verified = await strapi.call('verify', {}, 10 * 60_000);
  if (!verified.ok) throw new Error(`The stored rows are not as Strapi keeps them: ${verified.problems.join('; ')}`);
  const totals = {};
  for (const route of ROUTES) {
    for (const locale of ['nl', 'en']) {
      const body = await getJson(`${strapiUrl}/api/ritme/${route}?locale=${locale}&pageSize=1`);
      totals[`${route} ${locale}`] = body.meta.pagination.total;
      const expected = populated.counts[ROUTE_TYPE[route]];
      if (body.meta.pagination.total !== expected) {
        throw new Error(
          `/api/ritme/${route}?locale=${locale} reports ${body.meta.pagination.total} entries, expected ${expected}`,
        );
      }
    }
  }
  log(`N=${int(n)}: verified; /api/ritme/behaviours?locale=en total = ${totals['behaviours en']}`);
  const strapiAfterPopulate = await strapi.call('memory');

  const proxy = await startProxy(strapiUrl);
  current.proxy = proxy;
  const builds = [];
  const build = async (label) => {
    log(`N=${int(n)}: ${label} build…`);
    const loadBefore = os.loadavg()[0];
    const result = await astroBuild({ label, cmsUrl: proxy.url, workDir, strapiPid: strapi.pid });
    result.loadBefore = loadBefore;
    result.fetched = proxy.take();
    result.dist = distStats();
    builds.push(result);
    log(
      `N=${int(n)}: ${label} build ${sec(result.wallMs)}, ${int(result.dist.html)} pages, ${int(result.fetched.requests)} requests, ${size(result.fetched.bytes)}, peak ${mib(result.peakProcessKb)}`,
    );
    return result;
  };

  resetSite();
  await build('cold');
  await build('unchanged');
  const marker = `bench${Date.now().toString(36)}`;
  const change = await strapi.call('update-behaviour', { marker });
  const changed = await build('one change');
  const changedPage = path.join(DIST, 'gedrag', change.slug, 'index.html');
  changed.changeVisible = existsSync(changedPage) && readFileSync(changedPage, 'utf8').includes(marker);

  const templates = TEMPLATES.flatMap(([name, pagePaths]) => {
    const found = pagePaths().filter((p) => existsSync(path.join(DIST, p, 'index.html')));
    if (found.length === 0) return [{ name, path: null, js: null }];
    return found.map((p) => ({ name, path: p, js: pageJs(p) }));
  });
  const strapiEnd = await strapi.call('memory');

  await proxy.close();
  current.proxy = null;
  await strapi.stop();
  current.strapi = null;
  rmSync(workDir, { recursive: true, force: true });
  current.workDir = null;
  return { n, bootMs, populated, verified, totals, strapiAfterPopulate, strapiEnd, builds, change, templates };
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------
function machine() {
  const version = packageVersion;
  return {
    ...machineBasics(),
    astro: version('astro', path.join(SITE, 'package.json')),
    strapi: version('@strapi/strapi', path.join(ROOT, 'cms/package.json')),
    timer: existsSync(TIME_BIN) ? `${TIME_BIN} -v` : '/proc polling',
  };
}

function reportSize(r) {
  const c = r.populated.counts;
  const p = r.populated;
  const lines = [];
  lines.push(`### N = ${int(r.n)} entries per locale`);
  lines.push('');
  lines.push(
    `Content, per locale (nl and en), all published: ${int(c.group)} groups, ${int(c.behaviour)} behaviours, ${int(c.training)} trainings, ${int(c.person)} people, ${int(c.spotlight)} spotlights (= ${int(r.n)}), plus ${int(c['training-session'])} training sessions and ${c['evaluation-round']} evaluation rounds.`,
  );
  const how =
    p.method === 'document-service'
      ? `all ${int(p.documentService.documents)} documents through the Document Service (nl + en + publish: ${p.documentService.msPerDocument} ms per document on average, ${p.documentService.lastMsPerDocument} ms in the last batch)`
      : p.method === 'bulk'
        ? `all ${int(p.bulk.documents)} documents in bulk (query layer + knex)`
        : `${int(p.documentService.documents)} documents through the Document Service (${p.documentService.seconds} s, ${p.documentService.msPerDocument} ms per document on average but ${p.documentService.lastMsPerDocument} ms in the last batch, so ${p.switchedAt?.projectedSeconds} s projected for all), the other ${int(p.bulk.documents)} in bulk (query layer + knex, ${p.bulk.seconds} s)`;
  lines.push(
    `Filled in ${p.seconds} s: ${how}. Stored rows verified (one draft + one published row per locale per document, links within locale and status); \`/api/ritme/behaviours?locale=en&pageSize=1\` reports total ${int(r.totals['behaviours en'])}, every route and locale as planned.`,
  );
  lines.push(
    `Strapi (child process, SQLite): booted in ${sec(r.bootMs)}; RSS ${mib(r.strapiAfterPopulate.rssKb)} after filling, peak ${mib(Math.max(...r.builds.map((b) => b.peakStrapiKb)))} while serving the builds.`,
  );
  lines.push('');
  lines.push(
    table(
      [
        'Build',
        'Wall',
        'Sync',
        'Bundle',
        'Render',
        'CPU',
        'Peak RSS',
        'Peak RSS tree: sync / bundle / render',
        'Requests',
        'Fetched',
        'Strapi time: sum / slowest',
        'Loader written / unchanged',
        'HTML pages',
        'dist',
        'Data store',
      ],
      r.builds.map((b) => [
        b.label,
        sec(b.wallMs),
        sec(b.phases.sync),
        sec(b.phases.bundle),
        sec(b.phases.render),
        b.cpuS === null ? '–' : `${b.cpuS.toFixed(0)} s`,
        mib(b.peakProcessKb),
        `${mib(b.peakByPhase.sync)} / ${mib(b.peakByPhase.bundle)} / ${mib(b.peakByPhase.render)}`,
        int(b.fetched.requests) + (b.fetched.failed ? ` (${b.fetched.failed} failed)` : ''),
        size(b.fetched.bytes),
        `${sec(b.fetched.busyMs)} / ${int(b.fetched.slowestMs)} ms`,
        `${int(b.loaders.written)} / ${int(b.loaders.unchanged)}`,
        int(b.dist.html),
        size(b.dist.bytes),
        size(b.dist.storeBytes),
      ]),
    ),
  );
  lines.push('');
  const cold = r.builds[0];
  lines.push(
    `Requests per route (each build): ${Object.entries(cold.fetched.byRoute)
      .map(([route, count]) => `${route} ${count}`)
      .join(', ')}.`,
  );
  for (const b of r.builds) {
    lines.push(
      `Slowest pages (${b.label}): ${b.slowest.map(([page, ms]) => `${page} ${int(ms)} ms`).join(', ')}; ${int(b.pagesLogged)} pages rendered in ${sec(b.renderSumMs)} summed.`,
    );
  }
  lines.push(
    `Load average (1 min) before each build: ${r.builds.map((b) => `${b.label} ${b.loadBefore.toFixed(2)}`).join(', ')} (other work on the machine skews the figures).`,
  );
  const changed = r.builds[2];
  lines.push(
    `The change: behaviour ${r.change.documentId} (nl) retitled and published in ${r.change.ms} ms; new title ${changed.changeVisible ? 'present' : 'NOT found'} in /gedrag/${r.change.slug}/ after the rebuild.`,
  );
  lines.push('');
  lines.push(
    table(
      ['Template', 'Page', 'HTML', 'HTML gzip', 'Islands (props)', 'JS files', 'JS', 'JS gzip', 'Inline JS (gzip)'],
      r.templates.map((t) =>
        t.js
          ? [
              t.name,
              `\`${t.path}\``,
              size(t.js.htmlBytes),
              size(t.js.htmlGzip),
              t.js.islands ? `${t.js.islands} (${size(t.js.propsBytes)})` : '0',
              String(t.js.files),
              size(t.js.jsBytes),
              size(t.js.jsGzip),
              t.js.inlineBytes ? `${size(t.js.inlineBytes)} (${size(t.js.inlineGzip)})` : '0',
            ]
          : [t.name, t.path ? `\`${t.path}\`` : '(none built)', '–', '–', '–', '–', '–', '–', '–'],
      ),
    ),
  );
  const withJs = r.templates.filter((t) => t.js?.files);
  if (withJs.length) {
    lines.push('');
    lines.push(`JS files: ${withJs.map((t) => `${t.name}: ${t.js.names.join(', ')}`).join('; ')}.`);
  }
  lines.push('');
  return lines.join('\n');
}

function header(m, started) {
  return [
    `## Ritme site build benchmark, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${m.cpu}, ${m.memory} RAM, ${m.os}; Node ${m.node}; Astro ${m.astro}; Strapi ${m.strapi} on SQLite. Memory measured with ${m.timer}.`,
    '',
    'Columns: **Wall** the whole `astro build`; **Sync** start-up + content layer sync (loaders fetching from Strapi) until Astro logs "Synced content"; **Bundle** from there until "generating static routes" (Vite/Rollup); **Render** getStaticPaths + writing every page, to the end; **CPU** user + system seconds; **Peak RSS** the largest single process of the build (max RSS per `time -v`); **Peak RSS tree** the build and all its child processes together, polled every 200 ms, per phase; **Requests / Fetched** requests and response-body bytes through the counting proxy; **Strapi time** the time Strapi took to answer them, summed, and the slowest one; **Loader written / unchanged** the entries the Ritme loader stored as new or changed versus skipped as unchanged (digest); **dist** every file in site/dist; **Data store** node_modules/.astro/data-store.json. JS per template: the page\'s `<script src>`, island `component-url`/`renderer-url`, and their static imports in dist/_astro, each file gzipped alone (level 6), unique files summed; inline scripts apart; **Islands (props)** the number of `astro-island`s and the bytes of their serialized `props` attributes (part of the HTML).',
    '',
  ].join('\n');
}

function resultsFile(started) {
  mkdirSync(RESULTS, { recursive: true });
  const date = started.toISOString().slice(0, 10);
  let file = path.join(RESULTS, `site-build-${date}.md`);
  for (let k = 2; existsSync(file) && k < 100; k += 1) file = path.join(RESULTS, `site-build-${date}-${k}.md`);
  return file;
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------
const started = new Date();
const runStarted = performance.now();
let exitCode = 0;
const file = resultsFile(started);
const m = machine();
let report = header(m, started);
console.log(report);
try {
  if (!existsSync(ASTRO_BIN)) throw new Error(`${ASTRO_BIN} is missing: install the workspace first (npm start does).`);
  if (!args['no-prepare']) {
    // The two steps the API test harness runs first (cms/tests/harness/global-setup.ts).
    log('building the plugin and the theme, compiling the Strapi app');
    for (const pkg of ['@ritme/shared', '@ritme/strapi-plugin', '@ritme/astro-theme'])
      execFileSync('npx', ['-y', 'pnpm@10.34.9', '--filter', pkg, 'run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const tsc = createRequire(path.join(ROOT, 'cms/package.json')).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'cms')], { stdio: 'inherit' });
  }
  for (const n of SIZES) {
    const result = await benchSize(n);
    const section = reportSize(result);
    report += `\n${section}`;
    writeFileSync(file, report);
    console.log(`\n${section}`);
  }
} catch (error) {
  exitCode = 1;
  console.error(error);
  report += `\n**The run failed:** ${String(error?.message ?? error).split('\n')[0]}\n`;
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
report += `\nTotal run time ${sec(performance.now() - runStarted)} (sizes ${SIZES.map(int).join(', ')}, method ${args.method}).\n`;
writeFileSync(file, report);
console.log(`Total run time ${sec(performance.now() - runStarted)}. Report: ${path.relative(ROOT, file)}`);
process.exit(exitCode);
