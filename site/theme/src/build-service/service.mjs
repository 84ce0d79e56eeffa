// @ts-check
/**
 * The build service: keeps a static Ritme intranet up to date by itself.
 *
 * - Strapi tells it that content changed (`POST /_ritme/hooks/build`); it
 *   debounces and coalesces those (scheduler.mjs) and runs `astro build` of the
 *   site as a child process, each build into a new folder `<builds>/<id>`.
 * - A good build becomes the served one in one step: the request handler reads
 *   one in-memory pointer per request, so no response mixes two builds; the
 *   `<builds>/current` symlink is switched by rename for anything syncing the
 *   folder elsewhere. Old folders go after a grace period (the last few stay).
 * - A failed build changes nothing that is served; its reason (the end of
 *   its error output) shows in `GET /_ritme/status`.
 * - Search: an incremental build goes live with the live build's search index
 *   (linked, so search answers from the moment it is served, a build behind),
 *   and is indexed right after, by a child process at the lowest CPU priority
 *   (search/index-cli.mjs); the new index is installed into the served
 *   folder between builds (search/index-site.mjs). Only a first build, with
 *   no index to carry, is indexed before it goes live. `search` in the status
 *   says which build's pages the index holds and whether one is being made.
 * - After each good build it asks Strapi when a page next changes by the clock
 *   alone (clock.mjs) and builds at that moment.
 * - It serves the site like a real web server (paths.mjs): directory indexes,
 *   301 to the slash form, the site's 404 page per language, immutable hashed
 *   assets, ETags on pages, GET and HEAD only. `X-Ritme-Build` names the build.
 *
 * State (the next build id, the current build, the last failure, the history)
 * lives in `<builds>/state.json`, so ids keep counting up across restarts.
 */
import { spawn } from 'node:child_process';
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readdir, rename, rm, stat, symlink } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_SECRET_HEADER } from '@ritme/shared';
import { INDEX_FOLDER, installIndex } from '../search/index-site.mjs';
import { askClock, clockWait } from './clock.mjs';
import { codeVersion } from './code-version.mjs';
import { diffPages, filesIn, hashPages, sha256 } from './pages.mjs';
import { cacheControlOf, contentTypeOf, etagMatches, fileOf, locate, parseRequestPath } from './paths.mjs';
import { createRendererClient } from './renderer-client.mjs';
import { createScheduler } from './scheduler.mjs';

/** The header Strapi sends the shared secret in. */
export const SECRET_HEADER = BUILD_SECRET_HEADER;
export const MIN_SECRET_LENGTH = 16;
const MAX_BODY = 64 * 1024;
const HISTORY = 20;
const REASON_LINES = 20;
/** Indexes a built site in a child process (search/index-cli.mjs). */
const INDEX_CLI = fileURLToPath(new URL('../search/index-cli.mjs', import.meta.url));

/**
 * @typedef {object} BuildServiceOptions
 * @property {string} root the Astro project to build
 * @property {string} cmsUrl where Strapi runs (the build reads it; the clock is asked there)
 * @property {string} secret the shared secret Strapi sends (≥ 16 characters)
 * @property {string} [buildsDir] where builds go (default `<root>/.ritme-builds`)
 * @property {number} [debounceMs] quiet time after a notification before building (1500)
 * @property {boolean} [serve] serve the site too (true); false only builds and keeps `<builds>/current`
 * @property {boolean} [buildAtStart] build at start even when there is a good build to serve (false)
 * @property {boolean} [incremental] sync and render only what changed, with a renderer bundled once per
 *   code version (true); false runs a full `astro build` every time
 * @property {number} [keep] build folders kept, the current one included (3)
 * @property {number} [graceMs] how long a replaced build stays readable before it may be deleted (60 s)
 * @property {number} [buildTimeoutMs] a build running longer is stopped and counts as failed (15 min)
 * @property {number} [clockMarginMs] how long after a clock event its build starts (1 s)
 * @property {Record<string, string | undefined>} [env] the environment of the builds (process.env)
 * @property {boolean} [verbose] pass the builds' output through
 * @property {(line: string) => void} [log]
 */

/**
 * @typedef {{ id: number, startedAt: string, finishedAt: string, durationMs: number, pagesChanged: number }} GoodBuild
 * @typedef {{ id: number, at: string, reason: string }} Failure
 * @typedef {{ id: number, finishedAt: string, pagesChanged: number, ok: boolean, trigger: string }} HistoryEntry
 * @typedef {{ lastId: number, current: GoodBuild | null, lastFailure: Failure | null, history: HistoryEntry[] }} State
 * @typedef {{ id: number, dir: string, pages: Map<string, string> }} Live
 * @typedef {{ ok: true, pages: Map<string, string>, pagesChanged: number, detail: string, indexed: boolean } | { ok: false, reason: string }} Outcome
 *   `indexed`: the build folder holds its own search index (else the live build's, until it is indexed)
 */

const sha = (/** @type {string} */ text) => createHash('sha256').update(text).digest();

/** Whether `given` is the secret, in time that does not depend on how much of it matches. */
export function secretMatches(/** @type {string | string[] | undefined} */ given, /** @type {string} */ secret) {
  if (typeof given !== 'string' || given.length === 0) return false;
  return timingSafeEqual(sha(given), sha(secret));
}

/** The last lines of a failed build's output, without colours and blank lines. */
export function failureReason(/** @type {string} */ stderr, /** @type {string} */ stdout, lines = REASON_LINES) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
  const clean = (/** @type {string} */ text) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  // Stack frames and the file they point at say where, not why: an editor reads the messages.
  const noise = /^(at\s|Stack trace:$|Location:$|file:\/\/|\/\S+:\d+:\d+$|[A-Z]:\\\S+:\d+:\d+$)/;
  const pick = (/** @type {string} */ text) =>
    clean(text)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line, index, lines) => line && !noise.test(line) && line !== lines[index - 1]);
  const errors = pick(stderr);
  const chosen = errors.length > 0 ? errors : pick(stdout);
  return chosen
    .slice(-lines)
    .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line))
    .join('\n');
}

/**
 * What a notification says changed: Strapi's own webhooks (`{ event, model, uid, entry }`) and the
 * plugin's (`{ events: [{ event, uid, documentId, locale }] }`). Anything else is just "a hook".
 */
export function describeHook(/** @type {string} */ body) {
  /** @type {any} */
  let parsed;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'hook';
  }
  const one = (/** @type {any} */ event) =>
    event && typeof event === 'object'
      ? [event.event, event.uid ?? event.model].filter((part) => typeof part === 'string').join(' ')
      : '';
  const events = Array.isArray(parsed?.events) ? parsed.events : parsed ? [parsed] : [];
  const described = [...new Set(events.map(one).filter(Boolean))];
  if (described.length === 0) return 'hook';
  const shown = described.slice(0, 3).join(', ');
  return `hook: ${shown}${described.length > 3 ? ` (+${described.length - 3})` : ''}`.slice(0, 300);
}

/** Whether a notification comes from the Ritme plugin, which debounces before it sends (`{ events: [...] }`). */
export function isDebouncedHook(/** @type {string} */ body) {
  try {
    const parsed = JSON.parse(body);
    return Array.isArray(parsed?.events) && parsed.events.length > 0;
  } catch {
    return false;
  }
}

/** Reads at most `limit` bytes of a request body and drains the rest. */
function readBody(/** @type {http.IncomingMessage} */ req, limit = MAX_BODY) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      if (size >= limit) return;
      chunks.push(chunk.subarray(0, limit - size));
      size += Math.min(chunk.length, limit - size);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

/** The command that runs the project's own Astro. */
function astroCommand(/** @type {string} */ root) {
  try {
    const manifest = createRequire(path.join(root, 'package.json')).resolve('astro/package.json');
    const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
    const file = typeof bin === 'string' ? bin : bin.astro;
    return { command: process.execPath, args: [path.join(path.dirname(manifest), file), 'build'] };
  } catch {
    return { command: path.join(root, 'node_modules/.bin/astro'), args: ['build'] };
  }
}

/**
 * Old build folders go in the background: renamed out of the way at once, then deleted by an `rm -rf`
 * of its own (not this process's thread pool, which serves the site), paused while a build runs.
 */
function createTrash(/** @type {string} */ dir, /** @type {(line: string) => void} */ log) {
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;
  /** @type {string[]} */
  const queue = [];
  let paused = false;
  const run = () => {
    if (child || queue.length === 0) return;
    const folders = queue.splice(0);
    const fallback = () => {
      child = null;
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
      run();
    };
    if (process.platform === 'win32') return fallback();
    child = spawn('rm', ['-rf', '--', ...folders], { stdio: 'ignore' });
    child.unref();
    if (paused) child.kill('SIGSTOP');
    child.on('error', fallback);
    child.on('exit', () => {
      child = null;
      run();
    });
  };
  // What a stop in the middle left behind.
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (name.startsWith('.trash-')) queue.push(path.join(dir, name));
  }
  run();
  return {
    /** @param {string} folder */
    add(folder) {
      const target = path.join(dir, `.trash-${process.pid}-${Date.now()}-${path.basename(folder)}`);
      try {
        renameSync(folder, target);
      } catch (error) {
        if (existsSync(folder)) log(`could not remove ${folder}: ${error instanceof Error ? error.message : error}`);
        return;
      }
      queue.push(target);
      run();
    },
    pause() {
      paused = true;
      child?.kill('SIGSTOP');
    },
    resume() {
      paused = false;
      child?.kill('SIGCONT');
    },
  };
}

/** @param {BuildServiceOptions} options */
export function createBuildService(options) {
  const root = path.resolve(options.root);
  const buildsDir = path.resolve(options.buildsDir ?? path.join(root, '.ritme-builds'));
  const cmsUrl = options.cmsUrl.replace(/\/+$/, '');
  const serveSite = options.serve ?? true;
  const keep = Math.max(2, options.keep ?? 3);
  const graceMs = options.graceMs ?? 60_000;
  const buildTimeoutMs = options.buildTimeoutMs ?? 15 * 60_000;
  const clockMarginMs = options.clockMarginMs ?? 1000;
  const incremental = options.incremental ?? true;
  const log = options.log ?? ((line) => console.log(`[ritme-build-service] ${line}`));
  const secret = options.secret;
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `The build service needs a shared secret of at least ${MIN_SECRET_LENGTH} characters (RITME_BUILD_SECRET), the same Strapi sends.`,
    );
  }
  const stateFile = path.join(buildsDir, 'state.json');
  mkdirSync(buildsDir, { recursive: true });

  /** @type {State} */
  let state = { lastId: 0, current: null, lastFailure: null, history: [] };
  if (existsSync(stateFile)) {
    try {
      state = { ...state, ...JSON.parse(readFileSync(stateFile, 'utf8')) };
    } catch (error) {
      log(`could not read ${stateFile} (${error instanceof Error ? error.message : error}); starting afresh`);
    }
  }
  const save = () => {
    const temporary = `${stateFile}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temporary, stateFile);
  };

  /** The build every request is answered from: read once per request, replaced in one assignment. */
  /** @type {Live | null} */
  let live = null;
  /** @type {{ id: number, startedAt: string, child: import('node:child_process').ChildProcess | null } | null} */
  let building = null;
  /** @type {{ at: string, reason: string } | null} */
  let nextClockBuild = null;
  /** @type {NodeJS.Timeout | null} */
  let clockTimer = null;
  /** @type {Set<NodeJS.Timeout>} */
  const cleanups = new Set();
  let stopped = false;
  /**
   * The search index in the live folder: the build whose pages it holds, its files (relative to the
   * folder, which the next build links), and whether an index of a newer build is being made.
   * @type {{ of: number | null, files: string[], indexing: boolean }}
   */
  const search = { of: null, files: [], indexing: false };
  /** @type {import('node:child_process').ChildProcess | null} */
  let indexer = null;
  const indexFilesIn = (/** @type {string} */ dir) =>
    existsSync(path.join(dir, INDEX_FOLDER))
      ? filesIn(path.join(dir, INDEX_FOLDER)).map((file) => path.join(INDEX_FOLDER, file))
      : [];

  const trash = createTrash(buildsDir, log);

  const renderer = createRendererClient({
    env: () => buildEnv(),
    timeoutMs: buildTimeoutMs,
    log,
    storeFile: (dir) => path.join(dir, 'store.json'),
  });

  const scheduler = createScheduler({
    debounceMs: options.debounceMs ?? 1500,
    run: (reasons) => build(reasons.join('; ') || 'build'),
    onError: (error) => log(`build crashed: ${error instanceof Error ? error.stack : error}`),
  });

  /** The environment of the builds and the renderer: the site's, never the secret. */
  function buildEnv(/** @type {Record<string, string>} */ extra = {}) {
    /** @type {Record<string, string | undefined>} */
    const env = { ...(options.env ?? process.env), CMS_URL: cmsUrl, NO_COLOR: '1', FORCE_COLOR: '0' };
    // The builds are static sites and never see the secret; the mode is the service's to choose.
    delete env.RITME_MODE;
    delete env.RITME_BUILD_SECRET;
    return { ...env, ...extra };
  }

  /**
   * `astro build` of the site as a child process.
   * @returns {Promise<{ ok: true, reason?: undefined } | { ok: false, reason: string }>}
   */
  function astroBuild(/** @type {Record<string, string>} */ extra) {
    const { command, args } = astroCommand(root);
    return new Promise((resolve) => {
      let stderr = '';
      let stdout = '';
      const keepTail = (/** @type {string} */ text) => (text.length > 200_000 ? text.slice(-100_000) : text);
      const child = spawn(command, args, { cwd: root, env: buildEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] });
      if (building) building.child = child;
      const timeout = setTimeout(() => {
        stderr += `\nThe build took longer than ${Math.round(buildTimeoutMs / 1000)} s and was stopped.`;
        child.kill('SIGTERM');
      }, buildTimeoutMs);
      child.stdout.on('data', (chunk) => {
        stdout = keepTail(stdout + chunk);
        if (options.verbose) process.stdout.write(chunk);
      });
      child.stderr.on('data', (chunk) => {
        stderr = keepTail(stderr + chunk);
        if (options.verbose) process.stderr.write(chunk);
      });
      child.on('error', (error) => {
        stderr += `\n${error.message}`;
      });
      child.on('close', (code, signal) => {
        clearTimeout(timeout);
        if (building) building.child = null;
        if (code === 0) return resolve({ ok: true });
        const how = signal ? `was stopped (${signal})` : `exited with ${code}`;
        resolve({ ok: false, reason: failureReason(stderr, stdout) || `astro build ${how}` });
      });
    });
  }

  /**
   * A full static `astro build` into `outDir` (options.incremental false).
   * @returns {Promise<Outcome>}
   */
  async function staticBuild(/** @type {string} */ outDir) {
    const built = await astroBuild({ RITME_SITE_OUT: outDir, RITME_SITE_CACHE: path.join(buildsDir, 'cache') });
    if (!built.ok) return { ok: false, reason: built.reason };
    let pages;
    try {
      pages = await hashPages(outDir);
    } catch (error) {
      return {
        ok: false,
        reason: `The build wrote no pages to ${outDir}: ${error instanceof Error ? error.message : error}`,
      };
    }
    return {
      ok: true,
      pages,
      pagesChanged: diffPages(live?.pages ?? null, pages).count,
      detail: 'full astro build',
      indexed: true,
    };
  }

  /**
   * An incremental build: the renderer of this code version (bundled now if there is none) syncs
   * what changed and renders the pages that show it; the other pages' files come from the live build.
   * @returns {Promise<Outcome>}
   */
  async function renderedBuild(/** @type {number} */ id, /** @type {string} */ outDir, /** @type {Date} */ started) {
    const version = codeVersion(root, buildEnv(), { exclude: [buildsDir] });
    const rendererDir = path.join(buildsDir, 'renderer', version);
    if (!existsSync(path.join(rendererDir, 'server/entry.mjs'))) {
      log(`bundling the renderer for code version ${version.slice(0, 12)} (once per version)`);
      rmSync(rendererDir, { recursive: true, force: true });
      const built = await astroBuild({
        RITME_MODE: 'render',
        RITME_SITE_OUT: rendererDir,
        RITME_SITE_CACHE: path.join(buildsDir, 'cache-render'),
      });
      if (!built.ok) {
        rmSync(rendererDir, { recursive: true, force: true });
        return { ok: false, reason: built.reason };
      }
      removeOtherRenderers(version);
    }
    const previousPlan = live ? readPlan(live.id) : null;
    const previous = live && previousPlan?.version === version ? { dir: live.dir, plan: previousPlan.plan } : null;
    // A failure of the renderer or of the index is a failed build (build() catches it).
    /** @type {any} */
    const result = await renderer.build(rendererDir, {
      outDir,
      previous,
      now: started.toISOString(),
      full: !previous,
      search: live && search.files.length > 0 ? { dir: live.dir, files: search.files } : null,
    });
    // No index to carry (a first build): this one is indexed before it is served.
    const indexedNow = result.searchCarried === 0 ? await indexAside(outDir, path.join(outDir, INDEX_FOLDER)) : null;
    writePlan(id, { version, plan: result.plan });
    const hashing = Date.now();
    // Page hashes (for ETags and the count of changed pages): the kept files' come from the live build.
    /** @type {Map<string, string>} */
    const pages = new Map();
    const before = live?.pages ?? new Map();
    for (const page of Object.keys(result.plan)) {
      const file = fileOf(page);
      const kept = previous && previous.plan[page] === result.plan[page] ? before.get(file) : undefined;
      // Synchronous: a few files, which must not queue behind other file work in the thread pool.
      pages.set(file, kept ?? sha256(readFileSync(path.join(outDir, file))));
    }
    for (const file of /** @type {string[]} */ (result.notFound)) {
      const kept = previous ? before.get(file) : undefined;
      pages.set(file, kept ?? sha256(readFileSync(path.join(outDir, file))));
    }
    const detail =
      `${result.rendered} of ${result.pages} page(s) rendered; sync ${result.syncMs} ms, plan ${result.planMs} ms, render ${result.renderMs} ms` +
      ` (pages ${result.pagesMs} ms, digests ${result.digestMs} ms, links ${result.linkMs} ms, hashes ${Date.now() - hashing} ms);` +
      (indexedNow
        ? ` search index ${indexedNow.pages} page(s) in ${indexedNow.ms} ms`
        : ` the live build's search index carried (${result.searchCarried} file(s)), indexed once live`);
    for (const line of result.logs ?? []) if (options.verbose) log(`  ${line}`);
    return {
      ok: true,
      pages,
      pagesChanged: diffPages(live?.pages ?? null, pages).count,
      detail,
      indexed: indexedNow !== null,
    };
  }

  const planFile = (/** @type {number} */ id) => path.join(buildsDir, 'plans', `${id}.json`);
  function readPlan(/** @type {number} */ id) {
    try {
      return JSON.parse(readFileSync(planFile(id), 'utf8'));
    } catch {
      return null;
    }
  }
  function writePlan(/** @type {number} */ id, /** @type {unknown} */ plan) {
    mkdirSync(path.dirname(planFile(id)), { recursive: true });
    writeFileSync(planFile(id), JSON.stringify(plan));
  }

  /** Renderers of other code versions are not used again. */
  function removeOtherRenderers(/** @type {string} */ version) {
    const dir = path.join(buildsDir, 'renderer');
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      if (name !== version) rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  }

  /** @param {string} trigger */
  async function build(trigger) {
    if (stopped) return;
    const id = state.lastId + 1;
    state.lastId = id;
    save();
    const started = new Date();
    building = { id, startedAt: started.toISOString(), child: null };
    // Deleting an old build's thousands of files competes with this one for the disk: it waits.
    trash.pause();
    const outDir = path.join(buildsDir, String(id));
    rmSync(outDir, { recursive: true, force: true });
    log(`build ${id} started (${trigger})`);

    /** @type {Outcome} */
    let result;
    try {
      result = incremental ? await renderedBuild(id, outDir, started) : await staticBuild(outDir);
    } catch (error) {
      // Whatever broke (the renderer, the index, a plan or a page that cannot be read or written):
      // a failed build like any other, never a service stuck in "building".
      result = { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
    const finished = new Date();
    const durationMs = finished.getTime() - started.getTime();

    /** @param {string} reason */
    const fail = (reason) => {
      rmSync(outDir, { recursive: true, force: true });
      try {
        rmSync(planFile(id), { force: true });
      } catch {
        // The plans folder is what broke: nothing of this build is in it.
      }
      state.lastFailure = { id, at: finished.toISOString(), reason };
      state.history = [
        { id, finishedAt: finished.toISOString(), pagesChanged: 0, ok: false, trigger },
        ...state.history,
      ].slice(0, HISTORY);
      building = null;
      trash.resume();
      save();
      // A clock build that failed is tried again (a notification may come sooner).
      if (!clockTimer && nextClockBuild && Date.parse(nextClockBuild.at) <= Date.now()) {
        const due = nextClockBuild.reason;
        setClockTimer(60_000, () => scheduler.now(`clock: ${due} (again)`));
      }
      log(`build ${id} failed after ${(durationMs / 1000).toFixed(1)} s: ${reason.split('\n')[0]}`);
    };

    if (stopped) {
      rmSync(outDir, { recursive: true, force: true });
      building = null;
      trash.resume();
      return;
    }
    if (!result.ok) return fail(result.reason);
    const { pages, pagesChanged } = result;
    if (!pages.has('index.html') && !pages.has('404.html')) {
      return fail(`The build wrote no index.html to ${outDir}: is it a static build of a Ritme site?`);
    }
    // No page changed: the carried index of the live build is this build's too.
    const indexed = result.indexed || (pagesChanged === 0 && live !== null && search.of === live.id);
    // The switch: from here on every new request reads this build.
    live = { id, dir: outDir, pages };
    state.current = {
      id,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs,
      pagesChanged,
    };
    state.history = [
      { id, finishedAt: finished.toISOString(), pagesChanged, ok: true, trigger },
      ...state.history,
    ].slice(0, HISTORY);
    save();
    log(
      `build ${id} is live after ${(durationMs / 1000).toFixed(1)} s, ${pagesChanged} page(s) changed (${result.detail})`,
    );
    if (indexed) {
      search.of = id;
      search.files = indexFilesIn(outDir);
    }
    await pointCurrentAt(id);
    scheduleCleanup();
    // Still "building" until the next clock build is planned, so the status never shows a half-finished state.
    await planClock(started);
    building = null;
    trash.resume();
    if (!indexed) void indexLive();
  }

  /**
   * indexSite in a child process at the lowest CPU priority: the builds and the site come first.
   * @returns {Promise<{ pages: number, ms: number }>}
   */
  function indexAside(/** @type {string} */ dir, /** @type {string} */ output) {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [INDEX_CLI, dir, output], {
        env: buildEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      indexer = child;
      try {
        if (child.pid) os.setPriority(child.pid, 19);
      } catch {
        // Not allowed here: it indexes at normal priority.
      }
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        indexer = null;
        if (code !== 0)
          return reject(
            new Error(stderr.trim() || `the indexer ${signal ? `was stopped (${signal})` : `exited with ${code}`}`),
          );
        try {
          resolve(JSON.parse(stdout));
        } catch {
          reject(new Error(`the indexer answered: ${stdout.slice(0, 300)}`));
        }
      });
    });
  }

  /**
   * Indexes the live build for search until the index holds the newest live build's pages: into a
   * folder of its own, installed into the live folder when no build is running (a build links the
   * live index's files). One at a time; a build that goes live meanwhile is indexed next.
   */
  async function indexLive() {
    if (search.indexing) return;
    search.indexing = true;
    try {
      while (!stopped && live && search.of !== live.id) {
        const target = live;
        const output = path.join(buildsDir, `.search-${target.id}`);
        let indexed;
        try {
          indexed = await indexAside(target.dir, output);
        } catch (error) {
          rmSync(output, { recursive: true, force: true });
          log(`build ${target.id}: the search index failed: ${error instanceof Error ? error.message : error}`);
          // The build was replaced (and its folder removed) meanwhile: the next one is indexed; else stop.
          if (live === target) break;
          continue;
        }
        while (building && !stopped) await new Promise((resolve) => setTimeout(resolve, 50));
        const into = live;
        if (stopped || !into) {
          rmSync(output, { recursive: true, force: true });
          break;
        }
        // Into the build served now: a newer one holds an older index, which this one still beats.
        search.files = installIndex(output, into.dir);
        search.of = target.id;
        log(
          `build ${target.id}: search index ${indexed.pages} page(s) in ${indexed.ms} ms, installed into build ${into.id}`,
        );
      }
    } finally {
      search.indexing = false;
    }
  }

  /** `<builds>/current` → the live build, replaced in one rename. */
  async function pointCurrentAt(/** @type {number} */ id) {
    const link = path.join(buildsDir, 'current');
    const temporary = path.join(buildsDir, `.current-${process.pid}-${id}`);
    try {
      await rm(temporary, { force: true });
      await symlink(String(id), temporary, 'dir');
      await rename(temporary, link);
    } catch (error) {
      log(`could not point ${link} at build ${id}: ${error instanceof Error ? error.message : error}`);
    }
  }

  /** Deletes build folders other than the newest `keep` good ones, once nothing can still be reading them. */
  function scheduleCleanup(delay = graceMs) {
    const timer = setTimeout(async () => {
      cleanups.delete(timer);
      await removeOldBuilds();
    }, delay);
    timer.unref();
    cleanups.add(timer);
  }

  async function removeOldBuilds() {
    const currentId = live?.id ?? state.current?.id ?? 0;
    let names;
    try {
      names = await readdir(buildsDir);
    } catch {
      return;
    }
    const ids = names
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .sort((a, b) => b - a);
    const kept = new Set(ids.filter((id) => id <= currentId).slice(0, keep));
    for (const id of ids) {
      if (kept.has(id) || id === building?.id) continue;
      trash.add(path.join(buildsDir, String(id)));
      await rm(planFile(id), { force: true });
    }
  }

  /** After a good build (started at `builtFrom`): when does a page next change by the clock alone? */
  async function planClock(/** @type {Date} */ builtFrom) {
    if (clockTimer) clearTimeout(clockTimer);
    clockTimer = null;
    nextClockBuild = null;
    if (stopped) return;
    /** @type {import('./clock.mjs').ClockEvent | null} */
    let event;
    try {
      event = await askClock(cmsUrl);
    } catch (error) {
      log(
        `could not ask ${cmsUrl} for the next clock event (${error instanceof Error ? error.message : error}); again in 5 minutes`,
      );
      setClockTimer(5 * 60_000, () => planClock(builtFrom));
      return;
    }
    if (stopped) return;
    if (!event) return;
    if (event.at.getTime() <= builtFrom.getTime()) {
      // The last build already rendered past this moment: Strapi's clock and ours disagree.
      log(`Strapi's next clock event (${event.at.toISOString()}) is not after the last build; asking again in an hour`);
      setClockTimer(60 * 60_000, () => planClock(new Date()));
      return;
    }
    nextClockBuild = { at: event.at.toISOString(), reason: event.reason };
    const wait = clockWait(event.at, new Date(), { marginMs: clockMarginMs });
    const reason = event.reason;
    setClockTimer(wait.delayMs, () => {
      if (wait.build) scheduler.now(`clock: ${reason}`);
      else planClock(builtFrom);
    });
  }

  function setClockTimer(/** @type {number} */ delayMs, /** @type {() => void} */ fire) {
    if (clockTimer) clearTimeout(clockTimer);
    clockTimer = setTimeout(() => {
      clockTimer = null;
      fire();
    }, delayMs);
    clockTimer.unref();
  }

  /** Ids are counted as numbers and reported as strings (as @ritme/shared's BuilderStatus has them). */
  const idOf = (/** @type {number} */ id) => String(id);

  function status() {
    const current = state.current;
    const failedLast = state.lastFailure && (!current || state.lastFailure.id > current.id);
    return {
      state: building ? 'building' : failedLast ? 'failed-idle' : 'idle',
      current: current
        ? {
            id: idOf(current.id),
            finishedAt: current.finishedAt,
            durationMs: current.durationMs,
            pagesChanged: current.pagesChanged,
          }
        : null,
      building: building ? { id: idOf(building.id), startedAt: building.startedAt } : null,
      lastFailure: state.lastFailure
        ? { id: idOf(state.lastFailure.id), at: state.lastFailure.at, reason: state.lastFailure.reason }
        : null,
      history: state.history.map((entry) => ({ ...entry, id: idOf(entry.id) })),
      nextClockBuild,
      /** A build waits: for the debounce after a notification, or for the running build. */
      pending: scheduler.pending,
      serving: serveSite,
      /** Which build's pages the search index holds, and whether a newer one's is being made. */
      search: { build: search.of === null ? null : idOf(search.of), indexing: search.indexing },
    };
  }

  /**
   * @param {http.ServerResponse} res
   * @param {number} code
   * @param {unknown} body
   */
  function json(res, code, body) {
    res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`${JSON.stringify(body)}\n`);
  }

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   * @param {string} pathname
   */
  async function handleApi(req, res, pathname) {
    /** @type {Record<string, string>} */
    const routes = { '/_ritme/hooks/build': 'POST', '/_ritme/rebuild': 'POST', '/_ritme/status': 'GET' };
    const method = routes[pathname];
    if (!method) return json(res, 404, { error: 'Not found' });
    if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
      res.setHeader('allow', method === 'GET' ? 'GET, HEAD' : method);
      return json(res, 405, { error: `Use ${method}` });
    }
    if (!secretMatches(req.headers[SECRET_HEADER], secret)) {
      req.resume();
      return json(res, 401, { error: `A valid ${SECRET_HEADER} header is required` });
    }
    if (pathname === '/_ritme/status') return json(res, 200, status());
    if (pathname === '/_ritme/rebuild') {
      req.resume();
      scheduler.now('rebuild');
      return json(res, 202, { accepted: true, build: 'now' });
    }
    const body = await readBody(req);
    const reason = describeHook(body);
    // The plugin has already waited for a burst to end (its builder.debounceMs): build now, or right
    // after the running build. Anything else (Strapi's own webhooks fire once per entry) waits here.
    if (isDebouncedHook(body)) {
      scheduler.now(reason);
      return json(res, 202, { accepted: true, build: 'now' });
    }
    scheduler.request(reason);
    return json(res, 202, { accepted: true, build: 'soon' });
  }

  /** @param {string} dir */
  const kindIn = (dir) => async (/** @type {string} */ relative) => {
    try {
      const info = await stat(path.join(dir, relative));
      return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : null;
    } catch {
      return null;
    }
  };

  /**
   * @param {http.IncomingMessage} req
   * @param {http.ServerResponse} res
   */
  async function handleSite(req, res) {
    const text = (/** @type {number} */ code, /** @type {string} */ message) => {
      res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : `${message}\n`);
    };
    if (!serveSite) return text(404, 'This build service only builds (--no-serve).');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return text(405, 'Method not allowed');
    }
    // One read of the pointer: everything below answers from this build, even if another goes live meanwhile.
    const site = live;
    if (!site) {
      res.setHeader('retry-after', '5');
      return text(503, 'The intranet is being built. Try again in a moment.');
    }
    res.setHeader('x-ritme-build', String(site.id));
    const parsed = parseRequestPath(req.url ?? '/');
    if (!parsed.ok) return text(400, 'Bad request');
    const located = await locate(parsed, kindIn(site.dir));
    if (located.type === 'redirect') {
      res.writeHead(301, { location: located.location, 'cache-control': 'no-cache' });
      return res.end();
    }
    const relative = located.relative;
    if (relative === null) return text(404, 'Not found');
    const status = located.type === 'missing' ? 404 : located.status;
    const file = path.join(site.dir, relative);
    if (!file.startsWith(site.dir + path.sep)) return text(400, 'Bad request');
    let info;
    try {
      info = await stat(file);
    } catch {
      return text(404, 'Not found');
    }
    const pageHash = site.pages.get(relative);
    const etag = pageHash
      ? `"${pageHash.slice(0, 32)}"`
      : `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    /** @type {Record<string, string | number>} */
    const headers = {
      'content-type': contentTypeOf(relative),
      'cache-control': status === 200 ? cacheControlOf(relative) : 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    if (status === 200) headers.etag = etag;
    if (status === 200 && etagMatches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers);
      return res.end();
    }
    headers['content-length'] = info.size;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') return res.end();
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  /** Requests wait until start() has restored the last good build, so status and site agree from the first one. */
  /** @type {() => void} */
  let markReady = () => {};
  const ready = new Promise((resolve) => (markReady = () => resolve(undefined)));

  /** @type {http.RequestListener} */
  const handler = (req, res) => {
    const target = req.url ?? '/';
    const pathname = target.split('?')[0] ?? '/';
    const done = ready.then(() =>
      pathname.startsWith('/_ritme/') ? handleApi(req, res, pathname) : handleSite(req, res),
    );
    done.catch((error) => {
      log(`request ${req.method} ${target} failed: ${error instanceof Error ? error.stack : error}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
  };

  /** Serves the last good build (if its folder is still there); builds at once when there is none. */
  async function start() {
    try {
      await restore();
    } finally {
      markReady();
    }
  }

  async function restore() {
    // What an index interrupted by the last stop left behind goes in the background.
    for (const name of readdirSync(buildsDir)) if (name.startsWith('.search-')) trash.add(path.join(buildsDir, name));
    const current = state.current;
    const dir = current ? path.join(buildsDir, String(current.id)) : null;
    if (current && dir && existsSync(path.join(dir, 'index.html'))) {
      live = { id: current.id, dir, pages: await hashPages(dir) };
      search.files = indexFilesIn(dir);
      search.of = search.files.length > 0 ? current.id : null;
      log(`serving build ${current.id} from ${dir}`);
      await pointCurrentAt(current.id);
      // A build interrupted by the last stop left its folder behind.
      scheduleCleanup(0);
      // An incremental build is cheap, and catches up on what was published while the service was down.
      if (options.buildAtStart || incremental) scheduler.now('start');
      else planClock(new Date(current.startedAt ?? current.finishedAt));
    } else {
      if (current) log(`build ${current.id} is gone from ${buildsDir}; building afresh`);
      state.current = null;
      scheduler.now('start');
    }
  }

  async function stop() {
    stopped = true;
    scheduler.stop();
    if (clockTimer) clearTimeout(clockTimer);
    for (const timer of cleanups) clearTimeout(timer);
    building?.child?.kill('SIGTERM');
    indexer?.kill('SIGTERM');
    renderer.stop();
    trash.resume();
    await scheduler.whenIdle();
  }

  return {
    handler,
    start,
    stop,
    status,
    /** Build soon, as a notification does. */
    notify: (/** @type {string} */ reason) => scheduler.request(reason),
    buildsDir,
    /** The folder of the build being served, if any. */
    get liveDir() {
      return live?.dir ?? null;
    },
  };
}
