#!/usr/bin/env node
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
/**
 * API benchmark for the Ritme plugin: its read routes against stock Strapi REST
 * asking for the same data, and how fast the two public submission routes take
 * writes without losing any.
 *
 *   node bench/api-bench.mjs [--db sqlite,postgres] [--duration 10] [--warmup 2]
 *                            [--connections 10,50] [--pg-url postgres://postgres@127.0.0.1:5432/postgres]
 *                            [--no-prepare] [--no-update]
 *
 * For each database it boots the demo Strapi in a child process
 * (bench/strapi-server.mjs via bench/strapi-child.mjs: a temp SQLite file, or a
 * PostgreSQL database of its own that it creates and drops), fills it with the
 * existing fill code (100 groups, 1,000 behaviours, 200 trainings, 150 people,
 * 100 spotlights per locale, nl + en, published, with relations; plus 100
 * training sessions and the two demo rounds), and adds, in that child only,
 * stock core REST routes for the plugin's types (bench/api-strapi-extension.mjs).
 *
 * 1. Reads, with autocannon: every plugin read route (list with
 *    ?locale=nl&pageSize=25, one /:slug each, /home?locale=nl) versus the stock
 *    request(s) returning the same data: the read model's explicit populate,
 *    sort and page as query parameters, plus the entries' localizations (the
 *    plugin adds those too). For the home page, the stock side is the six stock
 *    requests the page would need, sent one after the other on each connection;
 *    one "page" is all six, so its rate is pages/s and its latency the time
 *    from the first request to the last response. Before measuring, each pair
 *    is checked to return the same entries and relations.
 * 2. Submissions: POST /api/ritme/suggestions and /evaluation-responses (to the
 *    open round), and a count check: rows added = 2xx responses, and every
 *    documentId acknowledged is stored.
 * 3. A markdown report to stdout and bench/results/api-<date>.md, and
 *    BENCHMARKS.md at the repository root (regenerated, keeping its analysis).
 *
 * Every measurement: --warmup seconds at its connection count (not counted),
 * then --duration seconds measured. Requests in flight when a measurement
 * ends are let finish (not counted) before the next one starts.
 * Everything listens on 127.0.0.1; the whole run stops by itself after 90 minutes.
 */
import { ownedSections } from './lib/benchmarks-md.mjs';
import { cleanUpOnExit } from './lib/proc.mjs';
import { machineBasics, packageVersion, table } from './report.mjs';
import { startStrapi } from './strapi-child.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(import.meta.dirname, 'results');
const PLUGIN = path.join(ROOT, 'cms/src/plugins/ritme');
const EXTENSION = path.join(import.meta.dirname, 'api-strapi-extension.mjs');
const BENCHMARKS_MD = path.join(ROOT, 'BENCHMARKS.md');
const rootRequire = createRequire(path.join(ROOT, 'package.json'));
const autocannon = rootRequire('autocannon');
const pg = rootRequire('pg');

/** Per locale. N (their sum) is what planCounts would be asked for; these override its shares. */
const COUNTS = { group: 100, behaviour: 1000, training: 200, person: 150, spotlight: 100 };
const N = Object.values(COUNTS).reduce((a, b) => a + b, 0);
const LOCALE = 'nl';
const PAGE_SIZE = 25;
const ROUTES = ['groups', 'behaviours', 'trainings', 'people', 'spotlights', 'evaluation-rounds'];
/** What the plugin adds to every entry; stock REST gets it by populating `localizations`. */
const LOCALIZATIONS = { fields: ['slug', 'locale'] };

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite,postgres' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '10,50' },
    'pg-url': {
      type: 'string',
      default: process.env.RITME_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
    'no-prepare': { type: 'boolean', default: false },
    'no-update': { type: 'boolean', default: false },
  },
});
const DBS = args.db.split(',').map((s) => s.trim());
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = args.connections.split(',').map((s) => Number(s.trim()));
if (DBS.some((db) => !['sqlite', 'postgres'].includes(db)) || DBS.length === 0) {
  console.error('--db is a list of sqlite and/or postgres');
  process.exit(2);
}
if (!(DURATION >= 1 && DURATION <= 120) || !(WARMUP >= 0 && WARMUP <= 60)) {
  console.error('--duration wants 1 to 120 seconds, --warmup 0 to 60');
  process.exit(2);
}
if (CONNECTIONS.some((c) => !Number.isInteger(c) || c < 1 || c > 500)) {
  console.error('--connections wants whole numbers from 1 to 500, e.g. 10,50');
  process.exit(2);
}
const pgUrl = new URL(args['pg-url']);
if (DBS.includes('postgres') && !['127.0.0.1', 'localhost', '[::1]'].includes(pgUrl.hostname)) {
  console.error('--pg-url must point at a loopback PostgreSQL');
  process.exit(2);
}
/** However things go, the whole run stops by itself after this. */
const RUN_TIMEOUT_MS = 90 * 60 * 1000;

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------
const int = (n) => (n === null || n === undefined || Number.isNaN(n) ? '–' : Math.round(n).toLocaleString('en-US'));
const ms = (n) => (n === null || n === undefined ? '–' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const sec = (millis) => `${(millis / 1000).toFixed(1)} s`;
const kb = (bytes) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} kB`;
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}×` : '–');
const log = (message) => console.error(`[api-bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** A Strapi REST query string (qs bracket style) from an object. */
function toQuery(params) {
  const parts = [];
  const walk = (value, key) => {
    if (value === undefined || value === null) return;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, `${key}[${i}]`);
    } else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}[${k}]` : k);
    else parts.push(`${key}=${encodeURIComponent(String(value))}`);
  };
  walk(params, '');
  return parts.join('&');
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// ---------------------------------------------------------------------------
// The read models, straight from the plugin's source (bundled with its esbuild)
// ---------------------------------------------------------------------------
async function loadReadModels(workDir) {
  const esbuild = createRequire(path.join(PLUGIN, 'package.json'))('esbuild');
  const dir = path.join(PLUGIN, 'server/src/read-models');
  const built = await esbuild.build({
    stdin: {
      contents: [
        "export { READ_MODELS, sessionFields } from './index.ts';",
        "export { refFields, personRefPopulate } from './refs.ts';",
        "export { focusOfTheWeek, weekNumber } from '@ritme/shared';",
      ].join('\n'),
      resolveDir: dir,
      loader: 'ts',
      sourcefile: 'api-bench-read-models.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  const file = path.join(workDir, 'read-models.mjs');
  writeFileSync(file, built.outputFiles[0].text);
  const models = await import(pathToFileURL(file).href);
  // The home service's limits, read from its source so they cannot drift.
  const home = readFileSync(path.join(PLUGIN, 'server/src/services/home.ts'), 'utf8');
  const constant = (name) => {
    const value = Number(home.match(new RegExp(`const ${name} = (\\d+);`))?.[1]);
    if (!value) throw new Error(`services/home.ts: cannot find ${name}`);
    return value;
  };
  return {
    ...models,
    home: {
      sessions: constant('UPCOMING_SESSIONS'),
      spotlights: constant('LATEST_SPOTLIGHTS'),
      people: constant('PEOPLE'),
    },
  };
}

// ---------------------------------------------------------------------------
// What to request: plugin routes and their stock equivalents
// ---------------------------------------------------------------------------
function stockListPath(rm, route) {
  const model = rm.READ_MODELS[route];
  return `/api/stock/${route}?${toQuery({
    locale: LOCALE,
    sort: model.sort,
    pagination: { page: 1, pageSize: PAGE_SIZE },
    populate: { ...model.populate, localizations: LOCALIZATIONS },
  })}`;
}

/** Stock REST finds one by documentId only; a site that routes by slug filters the list. */
function stockSlugPath(rm, route, slug) {
  const model = rm.READ_MODELS[route];
  return `/api/stock/${route}?${toQuery({
    locale: LOCALE,
    filters: { slug: { $eq: slug } },
    pagination: { page: 1, pageSize: 1, withCount: false },
    populate: { ...model.populate, localizations: LOCALIZATIONS },
  })}`;
}

/**
 * The stock requests the home page needs, as the plugin's home service makes
 * them (services/home.ts), in the order sent. The focus behaviour is the
 * week's entry of all published behaviours sorted by documentId: one request
 * for the total, one for that entry (its index computed from the total).
 */
function stockHomeRequests(rm) {
  const behaviour = rm.READ_MODELS.behaviours;
  const spotlight = rm.READ_MODELS.spotlights;
  const round = rm.READ_MODELS['evaluation-rounds'];
  const nowIso = () => new Date().toISOString();
  const noCount = { withCount: false };
  return [
    {
      name: 'behaviour count',
      path: () =>
        `/api/stock/behaviours?${toQuery({ locale: LOCALE, fields: ['documentId'], pagination: { page: 1, pageSize: 1 } })}`,
    },
    {
      name: 'focus behaviour',
      path: (context) => {
        const total = context.behaviourTotal ?? 0;
        const week = rm.weekNumber(new Date());
        const index = total > 0 ? ((week % total) + total) % total : 0;
        return `/api/stock/behaviours?${toQuery({
          locale: LOCALE,
          sort: ['documentId:asc'],
          pagination: { start: index, limit: 1, ...noCount },
          populate: { ...behaviour.populate, localizations: LOCALIZATIONS },
        })}`;
      },
    },
    {
      name: 'upcoming sessions',
      path: () =>
        `/api/stock/training-sessions?${toQuery({
          locale: LOCALE,
          filters: { startsAt: { $gt: nowIso() } },
          sort: ['startsAt:asc'],
          fields: [...rm.sessionFields],
          populate: { training: { fields: [...rm.refFields.training] } },
          pagination: { start: 0, limit: rm.home.sessions * 3, ...noCount },
        })}`,
    },
    {
      name: 'latest spotlights',
      path: () =>
        `/api/stock/spotlights?${toQuery({
          locale: LOCALE,
          sort: spotlight.sort,
          populate: { ...spotlight.populate, localizations: LOCALIZATIONS },
          pagination: { start: 0, limit: rm.home.spotlights, ...noCount },
        })}`,
    },
    {
      name: 'open round',
      path: () => {
        const now = nowIso();
        return `/api/stock/evaluation-rounds?${toQuery({
          locale: LOCALE,
          filters: { opensAt: { $lte: now }, closesAt: { $gt: now } },
          sort: ['closesAt:asc'],
          populate: { ...round.populate, localizations: LOCALIZATIONS },
          pagination: { start: 0, limit: 1, ...noCount },
        })}`;
      },
    },
    {
      name: 'people',
      path: () =>
        `/api/stock/people?${toQuery({
          locale: LOCALE,
          filters: { kind: { $in: ['leader', 'ambassador'] } },
          sort: ['kind:desc', 'name:asc'],
          fields: rm.personRefPopulate.fields,
          populate: rm.personRefPopulate.populate,
          pagination: { start: 0, limit: rm.home.people, ...noCount },
        })}`,
    },
  ];
}

// ---------------------------------------------------------------------------
// "The same data": plugin response versus stock response
// ---------------------------------------------------------------------------
const idsOf = (value) =>
  Array.isArray(value) ? value.map((v) => v?.documentId ?? null) : value ? [value.documentId ?? null] : [];
const localizationKeys = (list) => (list ?? []).map((l) => `${l.locale}:${l.slug}`).sort();

/** Differences between a plugin entry and a stock entry: same id, slug, relations (in order) and translations. */
function compareEntry(model, plugin, stock, where) {
  const problems = [];
  if (plugin?.documentId !== stock?.documentId) {
    problems.push(`${where}: documentId ${plugin?.documentId} vs ${stock?.documentId}`);
    return problems;
  }
  if (plugin.slug !== stock.slug) problems.push(`${where}: slug ${plugin.slug} vs ${stock.slug}`);
  for (const attribute of Object.keys(model.populate)) {
    if (attribute === 'photo') continue; // the person itself: compared as a relation of others
    const a = idsOf(plugin[attribute]).join(',');
    const b = idsOf(stock[attribute]).join(',');
    if (a !== b) problems.push(`${where}.${attribute}: [${a}] vs [${b}]`);
  }
  const a = localizationKeys(plugin.localizations).join(',');
  const b = localizationKeys(stock.localizations).join(',');
  if (a !== b) problems.push(`${where}.localizations: [${a}] vs [${b}]`);
  return problems;
}

async function getJson(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 300)}`);
  return { body: JSON.parse(text), bytes: Buffer.byteLength(text) };
}

/** Fetch both, check they carry the same data; returns sizes and problems. */
async function checkPair(base, rm, pair) {
  if (pair.kind === 'home') {
    const plugin = await getJson(base + pair.plugin);
    const context = {};
    const stock = [];
    for (const request of pair.stockRequests) {
      const result = await getJson(base + request.path(context));
      if (request.name === 'behaviour count') context.behaviourTotal = result.body.meta.pagination.total;
      stock.push(result);
    }
    const home = plugin.body.data;
    const [, focus, sessions, spotlights, round, people] = stock.map((s) => s.body.data);
    const problems = [];
    problems.push(...compareEntry(rm.READ_MODELS.behaviours, home.focusBehaviour, focus[0], 'focusBehaviour'));
    const upcoming = sessions.filter((s) => s.training).slice(0, rm.home.sessions);
    const same = (label, a, b) => {
      if (a.join(',') !== b.join(',')) problems.push(`${label}: [${a}] vs [${b}]`);
    };
    same('upcomingSessions', idsOf(home.upcomingSessions), idsOf(upcoming));
    same(
      'upcomingSessions.training',
      home.upcomingSessions.map((s) => s.training.documentId),
      idsOf(upcoming.map((s) => s.training)),
    );
    for (const [i, entry] of home.latestSpotlights.entries()) {
      problems.push(...compareEntry(rm.READ_MODELS.spotlights, entry, spotlights[i], `latestSpotlights[${i}]`));
    }
    same('latestSpotlights', idsOf(home.latestSpotlights), idsOf(spotlights));
    if (home.openRound || round[0])
      problems.push(...compareEntry(rm.READ_MODELS['evaluation-rounds'], home.openRound, round[0], 'openRound'));
    same('people', idsOf(home.people), idsOf(people));
    return {
      pluginBytes: plugin.bytes,
      stockBytes: stock.reduce((sum, s) => sum + s.bytes, 0),
      problems,
      entries: `focus + ${home.upcomingSessions.length} sessions + ${home.latestSpotlights.length} spotlights + ${home.openRound ? 1 : 0} round + ${home.people.length} people`,
    };
  }
  const model = rm.READ_MODELS[pair.route];
  const plugin = await getJson(base + pair.plugin);
  const stock = await getJson(base + pair.stock);
  const pluginEntries = pair.kind === 'list' ? plugin.body.data : [plugin.body.data];
  const stockEntries = stock.body.data;
  const problems = [];
  if (pluginEntries.length !== stockEntries.length)
    problems.push(`${pluginEntries.length} entries vs ${stockEntries.length}`);
  for (const [i, entry] of pluginEntries.entries()) {
    problems.push(...compareEntry(model, entry, stockEntries[i], `[${i}]`));
  }
  if (pair.kind === 'list' && plugin.body.meta.pagination.total !== stock.body.meta.pagination.total)
    problems.push(`total ${plugin.body.meta.pagination.total} vs ${stock.body.meta.pagination.total}`);
  return { pluginBytes: plugin.bytes, stockBytes: stock.bytes, problems, entries: String(pluginEntries.length) };
}

// ---------------------------------------------------------------------------
// CPU: who used the cores during a measurement (from /proc, in clock ticks)
// ---------------------------------------------------------------------------
const TICKS_PER_SECOND = 100; // USER_HZ on Linux
function ticksOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}
/**
 * Busy ticks of the whole machine, of this process (autocannon), of Strapi,
 * and of our PostgreSQL processes: the backends serving `database` (their
 * process title names it) and the server's own background processes. Other
 * databases' backends (someone else's tests) count as other work.
 */
function cpuSample(strapiPid, database) {
  const at = performance.now();
  const [, ...numbers] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = numbers.map(Number);
  const postgres = new Map();
  if (database) {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() !== 'postgres') continue;
        const title = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
        // A client backend's title is "postgres: [<cluster>: ]<user> <database> <host>(<port>) <state>".
        const backend = title.match(/^postgres: (?:\S+: )?\S+ (\S+) \S+\(\d+\)/);
        if (!backend || backend[1] === database) postgres.set(name, ticksOf(name));
      } catch {
        // gone already
      }
    }
  }
  return {
    at,
    busy: user + nice + system + irq + softirq + (steal || 0),
    bench: ticksOf(process.pid),
    strapi: ticksOf(strapiPid),
    postgres,
  };
}
/** Cores used between two samples: Strapi, the database server, autocannon, everything else. */
function cpuBetween(a, b) {
  const seconds = (b.at - a.at) / 1000;
  if (seconds < 0.5) return null;
  const cores = (ticks) => ticks / TICKS_PER_SECOND / seconds;
  let pgTicks = 0;
  // Processes that ended in between are lost; ones that started count whole.
  for (const [pid, ticks] of b.postgres) pgTicks += ticks - (a.postgres.get(pid) ?? 0);
  const strapi = cores(b.strapi - a.strapi);
  const postgres = cores(pgTicks);
  const bench = cores(b.bench - a.bench);
  return { strapi, postgres, bench, other: Math.max(0, cores(b.busy - a.busy) - strapi - postgres - bench) };
}

// ---------------------------------------------------------------------------
// Load: autocannon, with our own clock and a clean end
// ---------------------------------------------------------------------------
/**
 * Runs autocannon against `base`: `warmup` seconds at this connection count,
 * then the `seconds` of the measurement window. Latency and rate are taken
 * from the responses that arrive within the window. When the window closes,
 * every connection finishes the request it has in flight and stops (so the
 * server is idle before the next run, and a write that was answered is never
 * cut off); warm-up and late responses count for the submissions' tallies only.
 * `requests`: autocannon request objects, or a function of the page tally
 * `pages` = { open, list, failures } for request lists that make up one page
 * (their callbacks record whole pages there; autocannon clones its options
 * and contexts per connection, so shared state lives in this closure).
 */
function load({ base, requests, connections, seconds, warmup = WARMUP, strapiPid, database = null }) {
  return new Promise((resolve, reject) => {
    let cpuOpen = null;
    let cpu = null;
    const clients = [];
    const inWindow = { latencies: [], ok: 0, non2xx: 0 };
    const pages = { open: false, list: [], failures: 0 };
    const pageOf = typeof requests === 'function';
    const list = pageOf ? requests(pages) : requests;
    const requestsPerPage = list.length;
    const all = { ok: 0, non2xx: 0, lastAt: 0 };
    let open = false;
    let openedAt = 0;
    let closedAt = 0;
    const started = performance.now();
    const instance = autocannon(
      {
        url: base,
        connections,
        // A bound only: the window below ends the run, and then the drain.
        duration: warmup + seconds + 120,
        timeout: 30,
        sampleInt: 100,
        requests: list,
        setupClient: (client) => clients.push(client),
      },
      (error, result) => {
        clearTimeout(openTimer);
        clearTimeout(windowTimer);
        clearTimeout(hardStop);
        if (error) return reject(error);
        const windowMs = (closedAt || performance.now()) - (openedAt || started);
        const sorted = (pageOf ? pages.list : inWindow.latencies).sort((a, b) => a - b);
        resolve({
          connections,
          seconds: windowMs / 1000,
          // A page is pageOf requests, one after the other: whole pages per second = requests/s ÷ that.
          rate: inWindow.ok / (windowMs / 1000) / (pageOf ? requestsPerPage : 1),
          requestRate: inWindow.ok / (windowMs / 1000),
          pages: pages.list.length,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: sorted.at(-1) ?? null,
          ok: inWindow.ok,
          non2xx: inWindow.non2xx,
          pageFailures: pages.failures,
          totalOk: all.ok,
          totalNon2xx: all.non2xx,
          // From the start to the last response, the drain included.
          totalSeconds: ((all.lastAt || performance.now()) - started) / 1000,
          errors: result.errors,
          timeouts: result.timeouts,
          cpu,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      const good = statusCode >= 200 && statusCode < 300;
      if (good) all.ok += 1;
      else all.non2xx += 1;
      all.lastAt = performance.now();
      if (!open) return;
      if (good) {
        inWindow.ok += 1;
        inWindow.latencies.push(responseTime);
      } else inWindow.non2xx += 1;
    });
    const openTimer = setTimeout(() => {
      open = true;
      pages.open = true;
      openedAt = performance.now();
      cpuOpen = cpuSample(strapiPid, database);
    }, warmup * 1000);
    const windowTimer = setTimeout(
      () => {
        open = false;
        pages.open = false;
        closedAt = performance.now();
        if (cpuOpen) cpu = cpuBetween(cpuOpen, cpuSample(strapiPid, database));
        // Each connection stops after the response to the request it has in flight.
        for (const client of clients) client.responseMax = Math.max(1, client.reqsMade);
      },
      (warmup + seconds) * 1000,
    );
    // If a connection hangs, stop anyway (in-flight requests are then dropped).
    const hardStop = setTimeout(() => instance.stop(), (warmup + seconds + 60) * 1000);
  });
}

const cpuText = (cpu) =>
  cpu
    ? `CPU cores: Strapi ${cpu.strapi.toFixed(2)}, postgres ${cpu.postgres.toFixed(2)}, autocannon ${cpu.bench.toFixed(2)}, other ${cpu.other.toFixed(2)}`
    : 'CPU –';

/** autocannon request objects for a plain GET. */
const getRequest = (pathAndQuery) => [{ method: 'GET', path: pathAndQuery }];

/** The stock home requests as one page per cycle: the page's latency is first request to last response. */
const homePageRequests = (stockRequests) => (pages) =>
  stockRequests.map((request, i) => ({
    method: 'GET',
    setupRequest: (req, context) => {
      if (i === 0) {
        context.pageStartedAt = performance.now();
        context.pageFailed = false;
      }
      return { ...req, path: request.path(context) };
    },
    onResponse: (status, body, context) => {
      if (status < 200 || status >= 300) context.pageFailed = true;
      else if (request.name === 'behaviour count') {
        try {
          context.behaviourTotal = JSON.parse(body).meta.pagination.total;
        } catch {
          context.pageFailed = true;
        }
      }
      if (i === stockRequests.length - 1 && pages.open && context.pageStartedAt !== undefined) {
        if (context.pageFailed) pages.failures += 1;
        else pages.list.push(performance.now() - context.pageStartedAt);
      }
    },
  }));

// ---------------------------------------------------------------------------
// Bookkeeping: what is running, what to clean up
// ---------------------------------------------------------------------------
const current = { strapi: null, dropDatabase: null, workDir: null };

async function createPgDatabase() {
  const name = `ritme_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: pgUrl.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

let cleanedUp = false;
async function cleanup() {
  if (cleanedUp) return;
  cleanedUp = true;
  await current.strapi?.stop().catch(() => {});
  await current.dropDatabase?.().catch((error) => log(`could not drop the PostgreSQL database: ${error.message}`));
  if (current.workDir) rmSync(current.workDir, { recursive: true, force: true });
}
const watchdog = cleanUpOnExit(cleanup, RUN_TIMEOUT_MS, log);

// ---------------------------------------------------------------------------
// One database
// ---------------------------------------------------------------------------
async function benchDatabase(db, rm, workDir) {
  const started = performance.now();
  const loadBefore = os.loadavg();
  let database = null;
  if (db === 'postgres') {
    database = await createPgDatabase();
    current.dropDatabase = database.drop;
    log(`postgres: database ${database.name} created`);
  }
  const strapi = startStrapi({
    databaseFile: path.join(workDir, `${db}.db`),
    logFile: path.join(workDir, `strapi-${db}.log`),
    env: {
      RITME_BENCH_SETUP: EXTENSION,
      RITME_RATE_LIMIT_POINTS: '100000000',
      ...(database ? { RITME_BENCH_DATABASE_URL: database.url } : {}),
    },
  });
  current.strapi = strapi;
  const { url: base, bootMs } = await strapi.ready;
  const dbInfo = await strapi.call('db-info');
  log(`${db}: Strapi up at ${base} in ${sec(bootMs)} (${dbInfo.version}); filling ${N} entries per locale`);
  const populated = await strapi.call(
    'populate',
    { n: N, counts: COUNTS, method: 'auto', budgetSeconds: 300 },
    30 * 60_000,
  );
  const verified = await strapi.call('verify', {}, 10 * 60_000);
  if (!verified.ok)
    throw new Error(`${db}: the stored rows are not as Strapi keeps them: ${verified.problems.join('; ')}`);
  log(`${db}: filled in ${populated.seconds} s (${populated.method}) and verified`);

  // The pairs: plugin request(s) and stock request(s) for the same data.
  const pairs = [];
  for (const route of ROUTES) {
    pairs.push({
      name: `${route}`,
      kind: 'list',
      route,
      plugin: `/api/ritme/${route}?locale=${LOCALE}&pageSize=${PAGE_SIZE}`,
      stock: stockListPath(rm, route),
    });
  }
  for (const route of ROUTES) {
    const { body } = await getJson(`${base}/api/ritme/${route}?locale=${LOCALE}&pageSize=${PAGE_SIZE}`);
    const entry = body.data[Math.min(9, body.data.length - 1)];
    pairs.push({
      name: `${route}/:slug`,
      kind: 'one',
      route,
      slug: entry.slug,
      plugin: `/api/ritme/${route}/${encodeURIComponent(entry.slug)}?locale=${LOCALE}`,
      stock: stockSlugPath(rm, route, entry.slug),
    });
  }
  const stockHome = stockHomeRequests(rm);
  pairs.push({ name: 'home', kind: 'home', plugin: `/api/ritme/home?locale=${LOCALE}`, stockRequests: stockHome });

  for (const pair of pairs) {
    pair.check = await checkPair(base, rm, pair);
    if (pair.check.problems.length > 0)
      log(`${db}: ${pair.name}: plugin and stock differ: ${pair.check.problems.slice(0, 3).join('; ')}`);
  }
  log(
    `${db}: every pair checked (${pairs.filter((p) => p.check.problems.length === 0).length}/${pairs.length} the same)`,
  );

  // 1. Reads.
  for (const [k, pair] of pairs.entries()) {
    pair.results = { plugin: [], stock: [] };
    for (const variant of ['plugin', 'stock']) {
      const isHomeStock = pair.kind === 'home' && variant === 'stock';
      const requests = isHomeStock ? homePageRequests(stockHome) : getRequest(pair[variant]);
      const options = { base, requests, strapiPid: strapi.pid, database: database?.name };
      for (const connections of CONNECTIONS) {
        const result = await load({ ...options, connections, seconds: DURATION });
        pair.results[variant].push(result);
        const bad = result.non2xx + result.errors + result.pageFailures;
        log(
          `${db}: [${k + 1}/${pairs.length}] ${pair.name} ${variant} c=${connections}: ${result.rate.toFixed(0)} ${isHomeStock ? 'pages' : 'req'}/s, p50 ${ms(result.p50)} p95 ${ms(result.p95)} p99 ${ms(result.p99)} ms${bad ? `, ${bad} failed` : ''}; ${cpuText(result.cpu)}`,
        );
      }
    }
  }

  // 2. Submissions.
  const { body: rounds } = await getJson(`${base}/api/ritme/evaluation-rounds?locale=${LOCALE}`);
  const now = Date.now();
  const openRound = rounds.data.find((r) => Date.parse(r.opensAt) <= now && now < Date.parse(r.closesAt));
  if (!openRound) throw new Error(`${db}: no open evaluation round to answer`);
  const submissions = [
    {
      name: 'POST /api/ritme/suggestions',
      uid: 'plugin::ritme.suggestion',
      body: {
        message: 'Benchmark: the training calendar could show which sessions still have seats.',
        category: 'idea',
        pagePath: '/trainingen/',
      },
    },
    {
      name: 'POST /api/ritme/evaluation-responses',
      uid: 'plugin::ritme.evaluation-response',
      body: {
        round: openRound.documentId,
        answers: Object.fromEntries(openRound.questions.map((q) => [q.key, `Benchmark answer to ${q.key}.`])),
      },
    },
  ];
  for (const submission of submissions) {
    submission.results = [];
    const acknowledged = [];
    const requests = [
      {
        method: 'POST',
        path: submission.name.split(' ')[1],
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data: submission.body }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300) {
            try {
              acknowledged.push(JSON.parse(body).data.documentId);
            } catch {
              acknowledged.push(null);
            }
          }
        },
      },
    ];
    // One real request first: a wrong body should fail here, not as 10 s of 400s.
    const probe = await fetch(base + requests[0].path, {
      method: 'POST',
      headers: requests[0].headers,
      body: requests[0].body,
      signal: AbortSignal.timeout(30_000),
    });
    if (probe.status !== 201)
      throw new Error(`${db}: ${submission.name} answered ${probe.status}: ${await probe.text()}`);
    for (const connections of CONNECTIONS) {
      acknowledged.length = 0;
      const before = await strapi.call('count-rows', { uid: submission.uid });
      const result = await load({
        base,
        requests,
        connections,
        seconds: DURATION,
        strapiPid: strapi.pid,
        database: database?.name,
      });
      const after = await strapi.call('count-rows', { uid: submission.uid });
      const ids = acknowledged.filter(Boolean);
      const missing = await strapi.call('missing-ids', { uid: submission.uid, ids }, 300_000);
      result.rowsAdded = after - before;
      result.acknowledged = acknowledged.length;
      result.uniqueIds = new Set(ids).size;
      result.missing = missing;
      result.sustained = result.rate;
      result.countOk =
        result.rowsAdded === result.totalOk && missing === 0 && result.uniqueIds === result.totalOk && !result.timeouts;
      submission.results.push(result);
      log(
        `${db}: ${submission.name} c=${connections}: ${result.sustained.toFixed(0)} req/s sustained, p95 ${ms(result.p95)} ms; ${result.totalOk} × 2xx, ${result.rowsAdded} rows added, ${missing} acknowledged ids missing → ${result.countOk ? 'OK' : 'MISMATCH'}; ${cpuText(result.cpu)}`,
      );
    }
  }

  const memory = await strapi.call('memory');
  await strapi.stop();
  current.strapi = null;
  if (database) {
    await database.drop();
    current.dropDatabase = null;
    log(`postgres: database ${database.name} dropped`);
  }
  return {
    db,
    dbInfo,
    bootMs,
    populated,
    pairs,
    submissions,
    memory,
    loadBefore,
    loadAfter: os.loadavg(),
    seconds: (performance.now() - started) / 1000,
  };
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------
function machine(results) {
  const version = packageVersion;
  return {
    ...machineBasics(),
    strapi: version('@strapi/strapi', path.join(ROOT, 'cms/package.json')),
    autocannon: version('autocannon', path.join(ROOT, 'package.json')),
    databases: results.map((r) => r.dbInfo.version).join('; '),
  };
}

const DB_LABEL = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

function readTable(r) {
  const rows = [];
  for (const pair of r.pairs) {
    CONNECTIONS.forEach((connections, i) => {
      const p = pair.results.plugin[i];
      const s = pair.results.stock[i];
      const unit = pair.kind === 'home' ? ' pages' : '';
      rows.push([
        `\`${pair.name}\``,
        String(connections),
        int(p.rate),
        `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}`,
        `${int(s.rate)}${unit}`,
        `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`,
        `**${ratio(p.rate, s.rate)}**`,
        p.non2xx + p.errors + s.non2xx + s.errors + s.pageFailures > 0
          ? `${p.non2xx + p.errors} / ${s.non2xx + s.errors + s.pageFailures}`
          : '0',
        `${cores(p.cpu?.strapi)} / ${cores(s.cpu?.strapi)}`,
        `${cores(p.cpu?.other)} / ${cores(s.cpu?.other)}`,
      ]);
    });
  }
  return table(
    [
      'Route',
      'Conn.',
      'Plugin req/s',
      'Plugin p50 / p95 / p99 ms',
      'Stock req/s',
      'Stock p50 / p95 / p99 ms',
      'Plugin / stock',
      'Failed (plugin / stock)',
      'Strapi CPU (plugin / stock)',
      'Other CPU (plugin / stock)',
    ],
    rows,
  );
}

const cores = (n) => (n === undefined || n === null ? '–' : n.toFixed(2));

/** Measurements during which processes other than ours used a noticeable share of the machine. */
function interference(r) {
  const all = [];
  for (const pair of r.pairs)
    for (const variant of ['plugin', 'stock'])
      for (const x of pair.results[variant])
        all.push({ label: `${pair.name} ${variant} c=${x.connections}`, cpu: x.cpu });
  for (const submission of r.submissions)
    for (const x of submission.results) all.push({ label: `${submission.name} c=${x.connections}`, cpu: x.cpu });
  const measured = all.filter((x) => x.cpu);
  const mean = measured.reduce((sum, x) => sum + x.cpu.other, 0) / Math.max(1, measured.length);
  const busy = measured.filter((x) => x.cpu.other >= 0.25).sort((a, b) => b.cpu.other - a.cpu.other);
  return { mean, busy, count: measured.length };
}

function cpuNote(r) {
  const noise = interference(r);
  return `**Strapi CPU** is the cores the Strapi process used during the measured seconds (one Node.js thread does the work, so about 1.0 means Strapi was the bottleneck); **Other CPU** is every process that is not Strapi, autocannon or PostgreSQL (other work on the machine: ${noise.mean.toFixed(2)} cores on average over the ${noise.count} measurements${
    noise.busy.length
      ? `; 0.25 or more during ${noise.busy.length}: ${noise.busy
          .slice(0, 6)
          .map((x) => `${x.label} ${x.cpu.other.toFixed(2)}`)
          .join(', ')}${noise.busy.length > 6 ? ', …' : ''}`
      : ''
  }).`;
}

function pairTable(r) {
  return table(
    ['Route', 'Entries', 'Plugin response', 'Stock response(s)', 'Same data'],
    r.pairs.map((pair) => [
      `\`${pair.name}\``,
      pair.check.entries,
      kb(pair.check.pluginBytes),
      `${kb(pair.check.stockBytes)}${pair.kind === 'home' ? ' (6 requests)' : ''}`,
      pair.check.problems.length === 0 ? 'yes' : `**no**: ${pair.check.problems.slice(0, 2).join('; ')}`,
    ]),
  );
}

function submissionTable(r) {
  const rows = [];
  for (const submission of r.submissions) {
    submission.results.forEach((s) => {
      rows.push([
        `\`${submission.name}\``,
        String(s.connections),
        int(s.sustained),
        `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`,
        int(s.totalOk),
        String(s.totalNon2xx + s.errors),
        int(s.rowsAdded),
        String(s.missing),
        s.countOk ? 'OK' : '**MISMATCH**',
        `${cores(s.cpu?.strapi)} / ${r.db === 'postgres' ? cores(s.cpu?.postgres) : '–'} / ${cores(s.cpu?.other)}`,
      ]);
    });
  }
  return table(
    [
      'Route',
      'Conn.',
      'Writes/s',
      'p50 / p95 / p99 ms',
      '2xx (whole run)',
      'Failed',
      'Rows added (whole run)',
      'Acknowledged but missing',
      'Count check',
      'CPU: Strapi / PostgreSQL / other',
    ],
    rows,
  );
}

function dbSection(r) {
  const c = r.populated.counts;
  const lines = [];
  lines.push(`### ${DB_LABEL[r.db]} (${r.dbInfo.version})`);
  lines.push('');
  lines.push(
    `Content per locale (nl and en, all published, with relations): ${int(c.group)} groups, ${int(c.behaviour)} behaviours, ${int(c.training)} trainings, ${int(c.person)} people, ${int(c.spotlight)} spotlights, ${int(c['training-session'])} training sessions, ${c['evaluation-round']} evaluation rounds. ` +
      `Filled in ${r.populated.seconds} s (${r.populated.method === 'document-service' ? `Document Service, ${r.populated.documentService.msPerDocument} ms per document` : r.populated.method}), stored rows verified. ` +
      `Strapi booted in ${sec(r.bootMs)}; RSS ${int(r.memory.rssKb / 1024)} MiB at the end, peak ${int(r.memory.peakRssKb / 1024)} MiB.` +
      (r.dbInfo.pool ? ` Knex pool ${r.dbInfo.pool.min}–${r.dbInfo.pool.max} connections (the app's defaults).` : '') +
      ` Load average (1 min) ${r.loadBefore[0].toFixed(2)} before, ${r.loadAfter[0].toFixed(2)} after; ${sec(r.seconds * 1000)} for this database.`,
  );
  lines.push('');
  lines.push(
    'Each pair returns the same data (checked before measuring: same entries in the same order, same relations, same translations):',
  );
  lines.push('');
  lines.push(pairTable(r));
  lines.push('');
  lines.push('Reads:');
  lines.push('');
  lines.push(readTable(r));
  lines.push('');
  lines.push(cpuNote(r));
  lines.push('');
  lines.push('Submissions:');
  lines.push('');
  lines.push(submissionTable(r));
  lines.push('');
  return lines.join('\n');
}

function header(m, startedAt) {
  return [
    `## Ritme API benchmark, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${m.cpu}, ${m.memory} RAM, ${m.os}; Node ${m.node}; Strapi ${m.strapi}; autocannon ${m.autocannon}; ${m.databases}. Strapi, the database and autocannon share the machine's cores.`,
    '',
    `Method: autocannon, one connection count at a time (${CONNECTIONS.join(' and ')}), each run ${WARMUP} s of warm-up at that count (not counted) followed by ${DURATION} s measured; rate and latency (p50 / p95 / p99) over the responses that arrive inside those ${DURATION} s; requests still in flight at the end are let finish, uncounted, before the next run. ` +
      `**Plugin** is the plugin's route (\`/api/ritme/<route>?locale=${LOCALE}&pageSize=${PAGE_SIZE}\`, \`/api/ritme/<route>/<slug>?locale=${LOCALE}\`, \`/api/ritme/home?locale=${LOCALE}\`). ` +
      "**Stock** is Strapi's own core REST for the same type (`createCoreRouter`/`createCoreController`/`createCoreService`, mounted under `/api/stock` in the benchmark's Strapi only, same public-role permission check) with the read model's explicit `populate`, `sort` and page size as query parameters plus `populate[localizations]` (the plugin adds the translations too). " +
      'For `/:slug` the stock side filters the list by slug (`filters[slug][$eq]`, one entry, no count): stock `findOne` only takes a documentId. ' +
      'For `home` the stock side is the six requests the home page needs (behaviour total, the focus behaviour at its index sorted by documentId, upcoming sessions, latest spotlights, the open round, leaders and ambassadors), sent **one after the other on each connection**: its rate is whole pages per second (= stock requests/s ÷ 6) and its latency runs from the first request of a page to the last response. ' +
      "**Plugin / stock** is the ratio of the rates. Submissions: every 2xx response's documentId is looked up afterwards, and the rows added are counted; the run ends with every connection finishing its request, so nothing is cut off mid-write. Rate limit raised with `RITME_RATE_LIMIT_POINTS=100000000`.",
    '',
  ].join('\n');
}

function resultsFile(startedAt) {
  mkdirSync(RESULTS, { recursive: true });
  const date = startedAt.toISOString().slice(0, 10);
  let file = path.join(RESULTS, `api-${date}.md`);
  for (let k = 2; existsSync(file) && k < 100; k += 1) file = path.join(RESULTS, `api-${date}-${k}.md`);
  return file;
}

// ---------------------------------------------------------------------------
// BENCHMARKS.md: the API results, the latest site build results, the targets
// ---------------------------------------------------------------------------
/** Markdown tables in a text: arrays of row objects keyed by header. */
function parseTables(text) {
  const tables = [];
  let lines = [];
  const flush = () => {
    if (lines.length >= 2) {
      const cells = (line) =>
        line
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => c.trim());
      const head = cells(lines[0]);
      tables.push(lines.slice(2).map((line) => Object.fromEntries(cells(line).map((c, i) => [head[i], c]))));
    }
    lines = [];
  };
  for (const line of text.split('\n')) {
    if (line.trim().startsWith('|')) lines.push(line);
    else flush();
  }
  flush();
  return tables;
}

/** kB / MiB / B as written by site-build.mjs → bytes. */
function bytesOf(text) {
  const m = String(text ?? '').match(/([\d.,]+)\s*(MiB|kB|B)\b/);
  if (!m) return null;
  const value = Number(m[1].replace(/,/g, ''));
  return m[2] === 'MiB' ? value * 1024 * 1024 : m[2] === 'kB' ? value * 1024 : value;
}

function latestSiteBuild() {
  if (!existsSync(RESULTS)) return null;
  const files = readdirSync(RESULTS)
    .filter((f) => /^site-build-.*\.md$/.test(f))
    .sort();
  if (files.length === 0) return null;
  const file = files.at(-1);
  const text = readFileSync(path.join(RESULTS, file), 'utf8');
  const sizes = {};
  for (const part of text.split(/^### N = /m).slice(1)) {
    const n = Number(part.match(/^([\d,]+)/)?.[1].replace(/,/g, ''));
    const [builds, templates] = parseTables(part);
    sizes[n] = { builds: builds ?? [], templates: templates ?? [] };
  }
  return { file, text, sizes };
}

function targets(results, build) {
  const rows = [];
  const fmt = (x) => x.toFixed(2);
  // 1. Home ≥ 2× stock.
  {
    const measured = results.flatMap((r) => {
      const home = r.pairs.find((p) => p.kind === 'home');
      return CONNECTIONS.map((c, i) => ({
        label: `${DB_LABEL[r.db]} c=${c}`,
        value: home.results.plugin[i].rate / home.results.stock[i].rate,
        plugin: home.results.plugin[i].rate,
        stock: home.results.stock[i].rate,
      }));
    });
    const worst = measured.reduce((a, b) => (b.value < a.value ? b : a), measured[0]);
    const met = measured.every((m) => m.value >= 2);
    rows.push([
      'Home endpoint ≥ 2× the throughput of the stock requests',
      measured.map((m) => `${m.label}: ${fmt(m.value)}× (${int(m.plugin)} vs ${int(m.stock)} pages/s)`).join('; '),
      met ? 'met' : 'missed',
      met
        ? `lowest ${fmt(worst.value)}×`
        : `${worst.label} reaches ${fmt(worst.value)}× of 2×, ${((1 - worst.value / 2) * 100).toFixed(0)} % short`,
    ]);
  }
  // 2. p95 ≤ 50 ms at 50 connections, every plugin read route.
  {
    const at = CONNECTIONS.indexOf(50);
    if (at < 0) rows.push(['p95 ≤ 50 ms at 50 connections', 'not measured (no run at 50 connections)', '–', '–']);
    else {
      const over = [];
      let worst = null;
      for (const r of results) {
        for (const pair of r.pairs) {
          const p95 = pair.results.plugin[at].p95;
          const entry = { label: `${DB_LABEL[r.db]} \`${pair.name}\``, p95 };
          if (!worst || p95 > worst.p95) worst = entry;
          if (p95 > 50) over.push(entry);
        }
      }
      over.sort((a, b) => b.p95 - a.p95);
      rows.push([
        'p95 ≤ 50 ms at 50 connections (every plugin read route)',
        `worst ${worst.label} ${ms(worst.p95)} ms; ${over.length} of ${results.length * results[0].pairs.length} route × database over 50 ms`,
        over.length === 0 ? 'met' : 'missed',
        over.length === 0
          ? `${ms(50 - worst.p95)} ms to spare`
          : `${over
              .slice(0, 5)
              .map((o) => `${o.label} ${ms(o.p95)} ms (+${ms(o.p95 - 50)})`)
              .join(
                '; ',
              )}${over.length > 5 ? `; … ${over.length - 5} more` : ''}; best ${ms(Math.min(...over.map((o) => o.p95)))} ms`,
      ]);
    }
  }
  // 3.–6. From the latest site build.
  const big = build?.sizes?.[10000];
  if (!big) {
    for (const name of [
      '10,000 entries per locale built in ≤ 60 s',
      'Unchanged re-build fetches ≤ 1 % of the bytes of a cold one',
      'Content pages ship 0 kB JS',
      'A page with a form ≤ 75 kB gz',
    ])
      rows.push([name, 'no site build results for N = 10,000 in bench/results', '–', '–']);
    return rows;
  }
  const row = (label) => big.builds.find((b) => b.Build === label);
  const seconds = (text) => Number(String(text ?? '').replace(/[^\d.]/g, ''));
  {
    const cold = seconds(row('cold')?.Wall);
    const unchanged = seconds(row('unchanged')?.Wall);
    const change = seconds(row('one change')?.Wall);
    rows.push([
      '10,000 entries per locale built in ≤ 60 s',
      `cold build ${cold} s (re-builds: unchanged ${unchanged} s, one change ${change} s)`,
      cold <= 60 ? 'met' : 'missed',
      cold <= 60
        ? `${(60 - cold).toFixed(1)} s to spare for a cold build${Math.max(unchanged, change) > 60 ? `; the re-builds took up to ${Math.max(unchanged, change)} s (+${(Math.max(unchanged, change) - 60).toFixed(1)} s)` : ''}`
        : `+${(cold - 60).toFixed(1)} s`,
    ]);
  }
  {
    const cold = bytesOf(row('cold')?.Fetched);
    const unchanged = bytesOf(row('unchanged')?.Fetched);
    const share = cold ? (unchanged / cold) * 100 : null;
    rows.push([
      'Unchanged re-build fetches ≤ 1 % of the bytes of a cold one',
      `${row('unchanged')?.Fetched} of ${row('cold')?.Fetched} = ${share?.toFixed(0)} % (${row('unchanged')?.Requests} of ${row('cold')?.Requests} requests)`,
      share !== null && share <= 1 ? 'met' : 'missed',
      share !== null && share <= 1 ? '–' : `${(share / 1).toFixed(0)}× the allowed share`,
    ]);
  }
  {
    const forms = new Set(['round', 'suggestion']);
    const content = big.templates.filter((t) => !forms.has(t.Template));
    const withJs = content.filter((t) => (bytesOf(t['JS gzip']) ?? 0) > 0);
    rows.push([
      'Content pages ship 0 kB JS',
      `${content.length - withJs.length} of ${content.length} content templates at 0 B${withJs.length ? `; ${withJs.map((t) => `${t.Template} ${t['JS gzip']} gz (${t.JS} raw)`).join(', ')}` : ''}`,
      withJs.length === 0 ? 'met' : 'missed',
      withJs.length === 0 ? '–' : withJs.map((t) => `${t.Template}: +${t['JS gzip']} gz`).join(', '),
    ]);
  }
  {
    const formPages = big.templates.filter(
      (t) => (bytesOf(t['JS gzip']) ?? 0) > 0 && ['round', 'suggestion'].includes(t.Template),
    );
    const totals = formPages.map((t) => ({
      label: `${t.Template} ${t.Page}`,
      js: bytesOf(t['JS gzip']),
      html: bytesOf(t['HTML gzip']),
    }));
    const worst = totals.reduce((a, b) => (!a || b.js + b.html > a.js + a.html ? b : a), null);
    const limit = 75 * 1024;
    rows.push([
      'A page with a form ≤ 75 kB gz',
      worst
        ? totals.map((t) => `${t.label}: ${kb(t.js + t.html)} (JS ${kb(t.js)} + HTML ${kb(t.html)})`).join('; ')
        : 'no form page measured',
      worst ? (worst.js + worst.html <= limit ? 'met' : 'missed') : '–',
      worst
        ? worst.js + worst.html <= limit
          ? `${kb(limit - worst.js - worst.html)} to spare (CSS not measured)`
          : `+${kb(worst.js + worst.html - limit)}`
        : '–',
    ]);
  }
  return rows;
}

const ANALYSIS_BEGIN = '<!-- analysis:begin (kept when bench/api-bench.mjs rewrites this file) -->';
const ANALYSIS_END = '<!-- analysis:end -->';

function writeBenchmarksMd(report, results, resultsPath) {
  const build = latestSiteBuild();
  const previous = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '';
  const kept =
    previous.includes(ANALYSIS_BEGIN) && previous.includes(ANALYSIS_END)
      ? previous.slice(previous.indexOf(ANALYSIS_BEGIN) + ANALYSIS_BEGIN.length, previous.indexOf(ANALYSIS_END)).trim()
      : '_Analysis of the missed targets: not written yet._';
  const lines = [];
  lines.push('# Benchmarks');
  lines.push('');
  lines.push(
    "How fast Ritme is, measured on a real Strapi with generated content: the plugin's API against stock Strapi REST asking for the same data (`bench/api-bench.mjs`), the public submission routes under load, and building the Astro intranet against a big Strapi (`bench/site-build.mjs`). How to run them and what exactly they measure: [bench/README.md](bench/README.md). " +
      'All figures come from one small machine where the load generator, Strapi and the database share two cores, so compare them with each other rather than with other hardware.',
  );
  lines.push('');
  lines.push(
    `This file is rewritten by \`node bench/api-bench.mjs\` (last: ${path.relative(ROOT, resultsPath)}); the analysis under Targets is kept.`,
  );
  lines.push('');
  lines.push('## Plugin API versus stock Strapi REST');
  lines.push('');
  const body = report.replace(/^## Ritme API benchmark, (.*)$/m, 'Run of $1.');
  const cut = body.indexOf('\n### ');
  lines.push(body.slice(0, cut).trim());
  lines.push('');
  for (const r of results) {
    lines.push(`### Reads, ${DB_LABEL[r.db]}`);
    lines.push('');
    lines.push(readTable(r));
    lines.push('');
    lines.push(cpuNote(r));
    lines.push('');
    lines.push(`Responses (${DB_LABEL[r.db]}): plugin versus stock, and whether they carry the same data:`);
    lines.push('');
    lines.push(pairTable(r));
    lines.push('');
  }
  lines.push('## Submissions');
  lines.push('');
  for (const r of results) {
    lines.push(`### ${DB_LABEL[r.db]}`);
    lines.push('');
    lines.push(submissionTable(r));
    lines.push('');
  }
  lines.push(
    'Fill times, memory and load per database: the full report in ' +
      `[${path.relative(ROOT, resultsPath)}](${path.relative(ROOT, resultsPath)}).`,
  );
  lines.push('');
  lines.push('## Site build');
  lines.push('');
  if (build) {
    lines.push(
      `From [bench/results/${build.file}](bench/results/${build.file}) (\`node bench/site-build.mjs\`), copied as it is:`,
    );
    lines.push('');
    lines.push(
      build.text
        .replace(/^## (.*)$/m, '_$1._')
        .replace(/^### /gm, '### Site build, ')
        .trim(),
    );
  } else lines.push('No site build results in bench/results yet (`node bench/site-build.mjs`).');
  lines.push('');
  // bench/live-bench.mjs owns the Live section: it stays as it was.
  // The sections other benchmarks own (Live, Lighthouse) stay as they are.
  for (const section of ownedSections(previous)) {
    lines.push(section);
    lines.push('');
  }
  lines.push('## Targets');
  lines.push('');
  lines.push(table(['Target', 'Measured', 'Status', 'Margin / shortfall'], targets(results, build)));
  lines.push('');
  lines.push(ANALYSIS_BEGIN);
  lines.push(kept);
  lines.push(ANALYSIS_END);
  lines.push('');
  writeFileSync(BENCHMARKS_MD, lines.join('\n'));
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------
const startedAt = new Date();
const runStarted = performance.now();
let exitCode = 0;
const results = [];
const perDb = ROUTES.length * 2 + 1; // pairs
const estimate = DBS.length * ((perDb * 2 + 2) * CONNECTIONS.length * (WARMUP + DURATION + 0.4) + 60);
log(
  `${DBS.join(' + ')}; ${DURATION} s per measurement, ${WARMUP} s warm-up, ${CONNECTIONS.join('/')} connections: about ${Math.round(estimate / 60)} minutes`,
);
const workDir = mkdtempSync(path.join(os.tmpdir(), 'ritme-api-bench-'));
current.workDir = workDir;
let report = '';
let file = null;
try {
  if (!args['no-prepare']) {
    // The two steps the API test harness runs first (cms/tests/harness/global-setup.ts).
    log('building the plugin and compiling the Strapi app');
    for (const pkg of ['@ritme/shared', '@ritme/strapi-plugin'])
      execFileSync('npx', ['-y', 'pnpm@10.34.9', '--filter', pkg, 'run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const tsc = createRequire(path.join(ROOT, 'cms/package.json')).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'cms')], { stdio: 'inherit' });
  }
  const rm = await loadReadModels(workDir);
  for (const db of DBS) results.push(await benchDatabase(db, rm, workDir));
  const m = machine(results);
  report = header(m, startedAt);
  for (const r of results) report += `\n${dbSection(r)}`;
  report += `\nTotal run time ${sec(performance.now() - runStarted)} (${DBS.join(', ')}; ${DURATION} s per measurement).\n`;
  file = resultsFile(startedAt);
  writeFileSync(file, report);
  console.log(report);
  if (!args['no-update']) {
    writeBenchmarksMd(report, results, file);
    log(`BENCHMARKS.md updated`);
  }
} catch (error) {
  exitCode = 1;
  console.error(error);
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
log(`Total run time ${sec(performance.now() - runStarted)}.${file ? ` Report: ${path.relative(ROOT, file)}` : ''}`);
process.exit(exitCode);
