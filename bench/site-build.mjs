#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
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
import { ASTRO_BIN, astroBuild as measuredBuild, SITE, TIME_BIN } from './lib/astro-build.mjs';
import { fillStrapi } from './lib/fill.mjs';
import { int, log, mib, sec, size } from './lib/format.mjs';
import { cleanUpOnExit, killTree } from './lib/proc.mjs';
import { startProxy } from './lib/proxy.mjs';
import { machineBasics, packageVersion, table } from './report.mjs';
import { startStrapi } from './strapi-child.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(SITE, 'dist');
const CACHE = path.join(SITE, 'node_modules/.astro');
const RESULTS = path.join(import.meta.dirname, 'results');
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

/** One measured `astro build` in site/demo (bench/lib/astro-build.mjs), killable on Ctrl+C. */
const astroBuild = (options) =>
  measuredBuild({ ...options, timeoutMs: BUILD_TIMEOUT_MS, onSpawn: (child) => (current.build = child) });

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
const watchdog = cleanUpOnExit(cleanup, RUN_TIMEOUT_MS, log);

// ---------------------------------------------------------------------------
// One size
// ---------------------------------------------------------------------------
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

  const { populated, verified, totals } = await fillStrapi({
    strapi,
    strapiUrl,
    n,
    method: args.method,
    budgetSeconds: Number(args.budget),
  });
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
        'Search index',
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
        b.search ? `${sec(b.search.ms)} (${int(b.search.pages)} pages)` : '–',
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
    'Columns: **Wall** the whole `astro build`; **Sync** start-up + content layer sync (loaders fetching from Strapi) until Astro logs "Synced content"; **Bundle** from there until "generating static routes" (Vite/Rollup); **Render** getStaticPaths + writing every page, to the end (the search index included); **Search index** of that, the theme writing the Pagefind index of the built pages (the pages it holds: entries, people pages and the pages about the intranet, both languages); **CPU** user + system seconds; **Peak RSS** the largest single process of the build (max RSS per `time -v`); **Peak RSS tree** the build and all its child processes together, polled every 200 ms, per phase; **Requests / Fetched** requests and response-body bytes through the counting proxy; **Strapi time** the time Strapi took to answer them, summed, and the slowest one; **Loader written / unchanged** the entries the Ritme loader stored as new or changed versus skipped as unchanged (digest); **dist** every file in site/dist; **Data store** node_modules/.astro/data-store.json. JS per template: the page\'s `<script src>`, island `component-url`/`renderer-url`, and their static imports in dist/_astro, each file gzipped alone (level 6), unique files summed; inline scripts apart; **Islands (props)** the number of `astro-island`s and the bytes of their serialized `props` attributes (part of the HTML).',
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
