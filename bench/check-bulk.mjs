#!/usr/bin/env node
/**
 * Checks that content written in bulk (bench/strapi-server.mjs, method 'bulk')
 * is indistinguishable, to the API, from the same content created through the
 * Document Service: fills three fresh Strapis with the same plan (Document
 * Service only, bulk only, and 'auto' with a budget so small it switches to
 * bulk half-way) and compares every list page the site's loader reads, one
 * entry in ten on its own, and the home page, in both locales.
 *
 *   node bench/check-bulk.mjs [--n 300]
 *
 * documentIds are random, so they are compared by where they first appear;
 * timestamps (and the rounds' now-relative dates) are compared by type only,
 * and the home page's focus behaviour (chosen by documentId) is left out.
 * Exits 1 on the first difference.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { startStrapi } from './strapi-child.mjs';

const { values } = parseArgs({ options: { n: { type: 'string', default: '300' } } });
const n = Number(values.n);
const ROUTES = ['groups', 'behaviours', 'trainings', 'people', 'spotlights', 'evaluation-rounds'];

async function get(base, pathname) {
  const response = await fetch(`${base}/api/ritme${pathname}`, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`GET ${pathname}: ${response.status}`);
  return response.json();
}

/** Everything the site reads, with documentIds replaced by the order they first appear in. */
async function snapshot(base) {
  const labels = new Map();
  const normalize = (value, key) => {
    if (Array.isArray(value)) return value.map((item) => normalize(item));
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .filter((k) => k !== 'focusBehaviour')
          .map((k) => [k, normalize(value[k], k)]),
      );
    }
    if (key === 'documentId' || key === 'round' || key === 'group') {
      if (typeof value !== 'string') return value;
      if (!labels.has(value)) labels.set(value, `#${labels.size}`);
      return labels.get(value);
    }
    if (['updatedAt', 'createdAt', 'opensAt', 'closesAt'].includes(key)) return typeof value;
    return value;
  };
  const out = {};
  for (const locale of ['nl', 'en']) {
    for (const route of ROUTES) {
      const entries = [];
      for (let page = 1; page <= 1000; page += 1) {
        const body = await get(base, `/${route}?locale=${locale}&page=${page}&pageSize=100`);
        entries.push(...body.data);
        if (page >= body.meta.pagination.pageCount) break;
      }
      out[`${locale} ${route}`] = normalize(entries);
      // Every tenth entry on its own too (the findOne path).
      for (const entry of entries.filter((_, i) => i % 10 === 0)) {
        out[`${locale} ${route}/${entry.slug}`] = normalize(
          (await get(base, `/${route}/${entry.slug}?locale=${locale}`)).data,
        );
      }
    }
    out[`${locale} home`] = normalize((await get(base, `/home?locale=${locale}`)).data);
  }
  return out;
}

const dir = mkdtempSync(path.join(tmpdir(), 'ritme-bench-check-'));
const servers = [];
let failed = false;
const watchdog = setTimeout(() => {
  console.error('check-bulk: gave up after 15 minutes');
  process.exit(2);
}, 15 * 60_000);
try {
  const snapshots = {};
  const variants = { ds: { method: 'ds' }, bulk: { method: 'bulk' }, mixed: { method: 'auto', budgetSeconds: 3 } };
  for (const [name, options] of Object.entries(variants)) {
    const server = startStrapi({
      databaseFile: path.join(dir, `${name}.db`),
      logFile: path.join(dir, `${name}.log`),
    });
    servers.push(server);
    const { url } = await server.ready;
    const populated = await server.call('populate', { n, ...options }, 15 * 60_000);
    const verified = await server.call('verify');
    console.log(`${name}: ${JSON.stringify(populated)}`);
    if (!verified.ok) throw new Error(`${name}: ${verified.problems.join('; ')}`);
    snapshots[name] = await snapshot(url);
    await server.stop();
  }
  const keys = Object.keys(snapshots.ds);
  for (const other of ['bulk', 'mixed']) {
    if (!isDeepStrictEqual(keys, Object.keys(snapshots[other]))) {
      const set = new Set(Object.keys(snapshots[other]));
      const only = (a, b) => a.filter((k) => !b.has(k)).slice(0, 5);
      throw new Error(
        `ds and ${other} differ in pages: ds only ${only(keys, set)}; ${other} only ${only([...set], new Set(keys))}`,
      );
    }
    const key = keys.find((k) => !isDeepStrictEqual(snapshots.ds[k], snapshots[other][k]));
    if (key) {
      const where = (a, b, at = '') => {
        if (isDeepStrictEqual(a, b)) return null;
        if (a && b && typeof a === 'object' && typeof b === 'object') {
          for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
            const found = where(a[k], b[k], `${at}.${k}`);
            if (found) return found;
          }
        }
        return `${at}: ${JSON.stringify(a)?.slice(0, 300)} ≠ ${JSON.stringify(b)?.slice(0, 300)}`;
      };
      console.error(`ds and ${other} differ: ${key} at ${where(snapshots.ds[key], snapshots[other][key])}`);
      console.error('ds:  ', JSON.stringify(snapshots.ds[key]).slice(0, 1500));
      console.error(`${other}:`, JSON.stringify(snapshots[other][key]).slice(0, 1500));
      failed = true;
    }
  }
  if (!failed) console.log(`check-bulk: ${keys.length} responses identical in ds, bulk and mixed (n=${n}).`);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  for (const server of servers) await server.stop();
  rmSync(dir, { recursive: true, force: true });
  clearTimeout(watchdog);
}
process.exit(failed ? 1 : 0);
