// One `astro build` of the demo intranet, measured: wall time, phases, CPU, peak memory, loader counts.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { int, log, sec, stripAnsi } from './format.mjs';
import { killTree, processTree, procStatus } from './proc.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The demo intranet, built with the theme from site/theme/dist (bench runs build it first). */
export const SITE = path.join(ROOT, 'site/demo');
export const ASTRO_BIN = path.join(SITE, 'node_modules/.bin/astro');
export const TIME_BIN = '/usr/bin/time';

/**
 * Runs `astro build` in site/demo (under /usr/bin/time -v when there is one), polls
 * the memory of its process tree, and reads its log for phase times, loader
 * counts and per-page render times.
 *
 * @param {{ label: string, cmsUrl: string, workDir: string, strapiPid?: number, timeoutMs: number,
 *   env?: Record<string, string>, onSpawn?: (child: import('node:child_process').ChildProcess | null) => void }} options
 *   `env` is added to the build's environment (e.g. RITME_SITE_OUT to build elsewhere than site/demo/dist);
 *   `onSpawn` hears of the child (and of null when it has ended), so a caller can kill it on Ctrl+C.
 */
export function astroBuild({ label, cmsUrl, workDir, strapiPid, timeoutMs, env: extra = {}, onSpawn = () => {} }) {
  const slug = label.replace(/[^a-z0-9]+/gi, '-');
  const logFile = path.join(workDir, `build-${slug}.log`);
  const timeFile = path.join(workDir, `build-${slug}.time`);
  const useTime = existsSync(TIME_BIN);
  const env = { ...process.env, CMS_URL: cmsUrl, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env.RITME_SITE_OUT;
  delete env.RITME_SITE_CACHE;
  delete env.PUBLIC_CMS_URL;
  delete env.RITME_MODE;
  Object.assign(env, extra);
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
  onSpawn(child);
  const logStream = createWriteStream(logFile);
  const marks = {};
  const loaders = { written: 0, unchanged: 0, deleted: 0 };
  const pages = [];
  /** @type {{ pages: number, languages: string, ms: number } | null} */
  let search = null;
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
    // The theme's search index (Pagefind), written after the pages: "search index: 123 pages (nl 60, en 63) in 456 ms".
    const indexed = line.match(/search index: (\d+) pages \(([^)]*)\) in (\d+) ms/);
    if (indexed) search = { pages: Number(indexed[1]), languages: indexed[2], ms: Number(indexed[3]) };
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
    if (strapiPid) peakStrapiKb = Math.max(peakStrapiKb, procStatus(strapiPid)?.rss ?? 0);
  }, 200);

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      log(`${label} build: over ${timeoutMs / 1000} s, killing it`);
      killTree(child.pid);
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      onSpawn(null);
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
        search,
        pagesLogged: pages.length,
        renderSumMs: pages.reduce((sum, [, ms]) => sum + ms, 0),
        slowest: pages.slice(0, 4),
        logFile,
      });
    });
  });
}
