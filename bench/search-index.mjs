#!/usr/bin/env node
/**
 * The search index (issue 12, item 1): how long the theme's indexer
 * (site/theme/src/search/index-site.mjs, Pagefind through its Node API) takes
 * on a built site of N entries per locale, and what it writes. Every build
 * that changed a page writes a fresh index of the whole site: `astro build`
 * before it ends, the build service right after the build went live (so this
 * is how long search lags a publish, not part of publish → live).
 *
 *   node bench/search-index.mjs [--sizes 1000,10000] [--runs 3]
 *
 * The site is synthetic but shaped like the theme's: per locale, N entries
 * split as the site build bench does (40 % behaviours, 15 % groups, 20 %
 * trainings, 10 % spotlights — each a page marked for the index — and 15 %
 * people on people pages of 24), plus list pages that are not indexed; each
 * page has the header, navigation and footer around its content, and about as
 * much text as a demo page (300 to 900 words from a vocabulary of 5,000).
 * Reports the median of `--runs`, the index's size and files, and writes
 * bench/results/search-index-<date>.md and its section of BENCHMARKS.md.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeIndexer, indexSite } from '../site/theme/src/search/index-site.mjs';
import { writeSection } from './lib/benchmarks-md.mjs';
import { int, log, sec, size } from './lib/format.mjs';
import { machineBasics, table } from './report.mjs';

/** Pagefind's version (its package.json is not among its exports, so it is read from the theme's dependency). */
function pagefindVersion() {
  try {
    const file = path.resolve(import.meta.dirname, '../site/theme/node_modules/pagefind/package.json');
    return JSON.parse(readFileSync(file, 'utf8')).version;
  } catch {
    return '?';
  }
}

const RESULTS = path.join(import.meta.dirname, 'results');
const { values: args } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,10000' }, runs: { type: 'string', default: '3' } },
});
const SIZES = args.sizes.split(',').map(Number);
const RUNS = Math.max(1, Number(args.runs));

/** A small deterministic random source, so every run indexes the same site. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SYLLABLES = ['ge', 'sa', 'men', 'wer', 'ken', 'ler', 'en', 'deel', 'team', 'over', 'leg', 'vra', 'tip', 'top'];
function vocabulary(next, count = 5000) {
  const words = new Set();
  while (words.size < count) {
    const length = 2 + Math.floor(next() * 3);
    words.add(Array.from({ length }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join(''));
  }
  return [...words];
}

const CHROME_TOP =
  '<header class="site-header"><a href="/">Waterschap Veenstromen</a><nav aria-label="Hoofdmenu"><ul><li><a href="/">Start</a></li><li><a href="/groepen/">Groepen</a></li><li><a href="/gedrag/">Voorbeeldgedrag</a></li><li><a href="/trainingen/">Trainingen</a></li><li><a href="/mensen/">Mensen</a></li></ul></nav><form role="search" action="/zoeken/"><input name="q"></form></header>';
const CHROME_BOTTOM = '<footer><p>Samen werken aan het nieuwe intranet · Mis je iets?</p></footer>';

/** Writes the synthetic site of `n` entries per locale into `dir`; returns how many pages are meant for the index. */
function writeSite(dir, n) {
  const next = random(n);
  const words = vocabulary(next);
  const text = (min, max) =>
    Array.from({ length: min + Math.floor(next() * (max - min)) }, () => words[Math.floor(next() * words.length)]).join(
      ' ',
    );
  let indexed = 0;
  const page = (file, lang, type, body) => {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    const main = type
      ? `<main id="main" data-pagefind-body data-pagefind-meta="type:${type}">${body}</main>`
      : `<main id="main">${body}</main>`;
    writeFileSync(
      full,
      `<!doctype html><html lang="${lang}"><head><title>x</title></head><body>${CHROME_TOP}${main}${CHROME_BOTTOM}</body></html>`,
    );
    if (type) indexed += 1;
  };
  for (const lang of ['nl', 'en']) {
    const prefix = lang === 'nl' ? '' : 'en/';
    const kinds = [
      ['behaviour', 0.4],
      ['group', 0.15],
      ['training', 0.2],
      ['spotlight', 0.1],
    ];
    for (const [type, share] of kinds) {
      const count = Math.round(n * share);
      for (let i = 0; i < count; i += 1) {
        const paragraphs = Array.from({ length: 3 + Math.floor(next() * 4) }, () => `<p>${text(60, 150)}</p>`).join('');
        page(`${prefix}${type}/${type}-${i}/index.html`, lang, type, `<h1>${text(3, 8)}</h1>${paragraphs}`);
      }
      // The list pages: not indexed (they repeat their entries).
      for (let p = 1; p <= Math.ceil(count / 24); p += 1) {
        page(`${prefix}${type}/pagina/${p}/index.html`, lang, null, `<h1>${type}</h1><p>${text(200, 400)}</p>`);
      }
    }
    const people = Math.round(n * 0.15);
    for (let p = 1; p <= Math.ceil(people / 24); p += 1) {
      const cards = Array.from({ length: 24 }, () => `<article><h2>${text(2, 3)}</h2><p>${text(10, 30)}</p></article>`);
      page(`${prefix}people/page/${p}/index.html`, lang, 'people', `<h1>Mensen</h1>${cards.join('')}`);
    }
    page(`${prefix}index.html`, lang, null, `<h1>Start</h1><p>${text(100, 200)}</p>`);
  }
  page('404.html', 'nl', null, '<h1>Pagina niet gevonden</h1>');
  return indexed;
}

/** Every file below `dir`: how many, and their bytes. */
function sizeOf(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const rows = [];
for (const n of SIZES) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `ritme-search-bench-${n}-`));
  try {
    log(`N = ${int(n)}: writing the site`);
    const meant = writeSite(dir, n);
    const site = sizeOf(dir);
    const times = [];
    let last = null;
    for (let run = 1; run <= RUNS; run += 1) {
      last = await indexSite(dir);
      times.push(last.ms);
      log(`N = ${int(n)}: run ${run} indexed ${int(last.pages)} of ${int(last.files)} HTML files in ${sec(last.ms)}`);
    }
    await closeIndexer();
    if (last.pages !== meant) throw new Error(`Indexed ${last.pages} pages, expected ${meant}.`);
    const index = sizeOf(path.join(dir, 'pagefind'));
    rows.push({ n, htmlFiles: last.files, htmlBytes: site.bytes, pages: last.pages, times, index });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const machine = machineBasics();
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const markdown = [
  '## Search index',
  '',
  `Run ${date} UTC (\`node bench/search-index.mjs\`, median of ${RUNS}). ${machine.cpu}, ${machine.memory}, ${machine.node}; Pagefind ${pagefindVersion()}. Load average ${os.loadavg()[0].toFixed(1)} at the end.`,
  "Every build that changed a page indexes the whole site again (Pagefind has no incremental index): `astro build` before it ends, so this is added to it; the build service right after the new build went live, so this is how long search lags a publish (the build served meanwhile carries the previous index), not part of publish → live. A synthetic site shaped like the theme's (see the script); the demo itself (60 pages) indexes in about 0.4 s.",
  '',
  table(
    ['Entries per locale', 'HTML files (size)', 'Pages indexed', 'Index time (median; min–max)', 'Index: files / size'],
    rows.map((row) => [
      int(row.n),
      `${int(row.htmlFiles)} (${size(row.htmlBytes)})`,
      int(row.pages),
      `${sec(median(row.times))} (${sec(Math.min(...row.times))}–${sec(Math.max(...row.times))})`,
      `${int(row.index.files)} / ${size(row.index.bytes)}`,
    ]),
  ),
].join('\n');
console.log(`\n${markdown}\n`);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(path.join(RESULTS, `search-index-${date.replace(/[ :]/g, '-')}.md`), `${markdown}\n`);
writeSection('search-index', markdown);
