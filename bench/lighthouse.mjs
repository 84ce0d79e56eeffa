#!/usr/bin/env node
/**
 * Lighthouse (mobile: Moto G Power, simulated slow 4G, Lighthouse's default)
 * on the demo intranet's home page and a training page, in Dutch. Goals
 * (issue 12): performance ≥ 95, accessibility, best practices and SEO 100.
 *
 *   node bench/lighthouse.mjs [--runs 3]
 *
 * Starts a fresh Strapi with the demo content (bench/strapi-server.mjs, SQLite
 * in a temp dir), builds the demo intranet against it into that temp dir,
 * serves the build the way the build service does (the same path rules, types
 * and cache headers from site/theme's build-service/paths.mjs; no
 * compression, as the build service has none) and runs Lighthouse in Debian's
 * Chromium `--runs` times per page, reporting the median of each score and
 * the audits that cost points. Writes bench/results/lighthouse-<date>.md.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import { cacheControlOf, contentTypeOf, locate, parseRequestPath } from '../site/theme/src/build-service/paths.mjs';
import { astroBuild } from './lib/astro-build.mjs';
import { writeSection } from './lib/benchmarks-md.mjs';
import { log } from './lib/format.mjs';
import { cleanUpOnExit, killTree } from './lib/proc.mjs';
import { machineBasics, packageVersion, table } from './report.mjs';
import { startStrapi } from './strapi-child.mjs';

const RESULTS = path.join(import.meta.dirname, 'results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const GOALS = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
const CATEGORIES = Object.keys(GOALS);
const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const RUNS = Math.max(1, Number(args.runs));

const current = { strapi: null, server: null, chromium: null, dirs: new Set() };
async function cleanup() {
  if (current.chromium?.pid) killTree(current.chromium.pid);
  current.server?.closeAllConnections?.();
  current.server?.close();
  await current.strapi?.stop().catch(() => {});
  for (const dir of current.dirs) rmSync(dir, { recursive: true, force: true });
}
const watchdog = cleanUpOnExit(cleanup, 30 * 60_000, log);

/** The build folder over HTTP, by the build service's rules. */
function serve(root) {
  const kind = (relative) => {
    try {
      return statSync(path.join(root, relative)).isDirectory() ? 'dir' : 'file';
    } catch {
      return null;
    }
  };
  const server = http.createServer(async (req, res) => {
    const parsed = parseRequestPath(req.url ?? '/');
    if (!parsed.ok) return res.writeHead(parsed.status).end();
    const found = await locate(parsed, kind);
    if (found.type === 'redirect') return res.writeHead(301, { location: found.location }).end();
    if (found.type === 'missing' && !found.relative) return res.writeHead(404).end();
    const { relative } = found;
    res.writeHead(found.type === 'file' ? found.status : 404, {
      'content-type': contentTypeOf(relative),
      'cache-control': cacheControlOf(relative),
      'x-content-type-options': 'nosniff',
    });
    res.end(readFileSync(path.join(root, relative)));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Debian's Chromium, headless, with a DevTools port for Lighthouse. */
function launchChromium(profile) {
  const child = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  current.chromium = child;
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port:\n${output}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      output += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${output}`)));
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'ritme-lighthouse-'));
  current.dirs.add(tmp);
  log(`starting Strapi with the demo content (temp dir ${tmp})`);
  current.strapi = startStrapi({
    databaseFile: path.join(tmp, 'data.db'),
    logFile: path.join(tmp, 'strapi.log'),
    env: { RITME_BENCH_SEED: 'demo' },
  });
  const { url: strapiUrl } = await current.strapi.ready;
  const trainings = await (await fetch(`${strapiUrl}/api/ritme/trainings?locale=nl`)).json();
  // The training with the most upcoming sessions: its page carries the sign-up island, the heaviest part.
  const upcoming = (/** @type {any} */ item) =>
    (item.sessions ?? []).filter((session) => Date.parse(session.startsAt) > Date.now()).length;
  const training = [...(trainings.data ?? [])].sort((a, b) => upcoming(b) - upcoming(a))[0];
  if (!training) throw new Error('The demo seed has no published training.');
  if (upcoming(training) === 0) throw new Error('No demo training has an upcoming session to sign up for.');

  log('building the demo intranet…');
  const out = path.join(tmp, 'dist');
  await astroBuild({
    label: 'lighthouse',
    cmsUrl: strapiUrl,
    workDir: tmp,
    timeoutMs: 15 * 60_000,
    env: { RITME_SITE_OUT: out, RITME_SITE_CACHE: path.join(tmp, 'cache') },
  });
  const trainingHtml = readFileSync(path.join(out, 'trainingen', training.slug, 'index.html'), 'utf8');
  if (!trainingHtml.includes('<astro-island')) throw new Error(`/trainingen/${training.slug}/ has no sign-up island.`);
  current.server = await serve(out);
  const base = `http://127.0.0.1:${current.server.address().port}`;
  const profile = path.join(tmp, 'chromium');
  mkdirSync(profile);
  const port = await launchChromium(profile);

  const pages = [
    { name: 'home', url: `${base}/` },
    {
      name: `training with ${upcoming(training)} sessions (${training.slug})`,
      url: `${base}/trainingen/${training.slug}/`,
    },
  ];
  const rows = [];
  const lost = [];
  for (const page of pages) {
    const scores = Object.fromEntries(CATEGORIES.map((category) => [category, []]));
    for (let run = 1; run <= RUNS; run += 1) {
      log(`Lighthouse ${page.name}, run ${run} of ${RUNS}`);
      const result = await lighthouse(page.url, {
        port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
      });
      const { categories, audits } = result.lhr;
      for (const category of CATEGORIES) scores[category].push(Math.round((categories[category].score ?? 0) * 100));
      if (run === 1) {
        for (const category of CATEGORIES) {
          for (const ref of categories[category].auditRefs) {
            const audit = audits[ref.id];
            if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
              lost.push(`${page.name} · ${category}: ${audit.title} (${audit.displayValue ?? `score ${audit.score}`})`);
            }
          }
        }
        const metrics = [
          'first-contentful-paint',
          'largest-contentful-paint',
          'total-blocking-time',
          'cumulative-layout-shift',
        ];
        page.metrics = metrics.map((id) => `${audits[id].title} ${audits[id].displayValue}`).join(' · ');
      }
    }
    const medians = Object.fromEntries(CATEGORIES.map((category) => [category, median(scores[category])]));
    rows.push([
      page.name,
      ...CATEGORIES.map(
        (category) =>
          `${medians[category]} ${medians[category] >= GOALS[category] ? '✓' : `✗ (goal ${GOALS[category]})`}`,
      ),
    ]);
    page.medians = medians;
  }

  const report = [
    `# Lighthouse, mobile — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `\`node bench/lighthouse.mjs --runs ${RUNS}\`: the demo intranet (demo seed), built with astro ${packageVersion('astro', path.join(import.meta.dirname, '../site/demo/package.json'))}, served by the build service's path rules without compression, Lighthouse ${packageVersion('lighthouse', path.join(import.meta.dirname, '../package.json'))} (mobile, simulated throttling) in Debian's Chromium. Median of ${RUNS} run(s) per page.`,
    '',
    Object.entries(machineBasics())
      .map(([key, value]) => `${key}: ${value}`)
      .join(' · '),
    '',
    table(['page', ...CATEGORIES], rows),
    '',
    ...pages.map((page) => `- ${page.name}: ${page.metrics}`),
    '',
    lost.length ? '## Audits that cost points (first run)' : 'No audit cost a point.',
    ...lost.map((line) => `- ${line}`),
    '',
  ].join('\n');
  console.log(report);
  mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `lighthouse-${new Date().toISOString().slice(0, 10)}.md`);
  writeFileSync(file, report);
  writeSection(
    'lighthouse',
    report
      .replace(
        /^# Lighthouse, mobile — (.*)$/m,
        `## Lighthouse (mobile)\n\nFrom [bench/results/${path.basename(file)}](bench/results/${path.basename(file)}), run of $1.`,
      )
      .replace(/^## Audits/m, '### Audits'),
  );
  log(`written to ${path.relative(process.cwd(), file)} and BENCHMARKS.md`);
  const missed = pages.some((page) => CATEGORIES.some((category) => page.medians[category] < GOALS[category]));
  return missed ? 2 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error instanceof Error ? error.stack : error);
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
process.exit(code);
