// @ts-check
/**
 * The build service's renderer: a child process that holds one render-mode
 * server build of the site (bundled once per code version) and the content it
 * synced, and writes static builds page by page.
 *
 * Forked by the service with an IPC channel; it answers `{ id, cmd, ... }`
 * with `{ id, ok, result | error }`:
 *   build { outDir, previous: { dir, plan } | null, now, full, search: { dir, files } | null }
 *     sync what changed (the theme's loaders, their cursors kept here), plan
 *     every page, render the pages whose digest differs from `previous.plan`
 *     (all of them when `full` or there is no previous build), link the
 *     others' files from `previous.dir`, add the client assets; the feeds
 *     (.ics, .xml) are planned, kept and rendered like pages; link the live
 *     build's search index (`search.files` from `search.dir`: the service
 *     indexes the new build once it is live); result:
 *     `{ plan, rendered, kept, pages, syncMs, renderMs, searchCarried, logs }`.
 * The synced content is saved to `storeFile` after every good build, so a
 * restarted service syncs incrementally too.
 *
 *   node renderer.mjs <server build dir> <store file>
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { filesIn } from './pages.mjs';
import { fileOf } from './paths.mjs';

const REGISTRY = Symbol.for('@ritme/astro-theme:render');
const TOKEN_HEADER = 'x-ritme-render-token';
/** Pages rendered at the same time: the work is one thread's, a little overlap hides the I/O. */
const CONCURRENCY = 4;

if (!process.argv[2] || !process.argv[3]) {
  console.error('usage: renderer.mjs <server build dir> <store file>');
  process.exit(2);
}
const serverDir = process.argv[2];
const storeFile = process.argv[3];

/** @typedef {{ entries: Map<string, any>, meta: Map<string, string> }} MemoryCollection */

/** @returns {Record<string, MemoryCollection>} */
function loadStore() {
  if (!existsSync(storeFile)) return {};
  try {
    const saved = JSON.parse(readFileSync(storeFile, 'utf8'));
    return Object.fromEntries(
      Object.entries(saved.collections ?? {}).map(([name, value]) => [
        name,
        { entries: new Map(/** @type {any} */ (value).entries), meta: new Map(/** @type {any} */ (value).meta) },
      ]),
    );
  } catch (error) {
    console.error(
      `[renderer] could not read ${storeFile} (${error instanceof Error ? error.message : error}); syncing afresh`,
    );
    return {};
  }
}

function saveStore(/** @type {Record<string, MemoryCollection>} */ collections) {
  const plain = Object.fromEntries(
    Object.entries(collections).map(([name, value]) => [name, { entries: [...value.entries], meta: [...value.meta] }]),
  );
  const temporary = `${storeFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ collections: plain }));
  renameSync(temporary, storeFile);
}

const registry = { token: randomBytes(24).toString('hex'), collections: loadStore(), pages: new Map() };
/** @type {any} */ (globalThis)[REGISTRY] = registry;
process.env.ASTRO_NODE_AUTOSTART = 'disabled';

const entry = path.join(serverDir, 'server/entry.mjs');
const clientDir = path.join(serverDir, 'client');
const { handler } = await import(pathToFileURL(entry).href);
const server = http.createServer((req, res) => handler(req, res));
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** One request to the bundle; the body as a Buffer. */
function ask(/** @type {string} */ pathname, /** @type {{ method?: string, body?: string }} */ init = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${origin}${pathname}`,
      {
        method: init.method ?? 'GET',
        agent,
        headers: { [TOKEN_HEADER]: registry.token, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/**
 * `files` (relative) from `fromDir` into `toDir` as hard links (the same bytes, no copy; a copy where the
 * file system has no links). Synchronous on purpose: tens of thousands of tiny system calls run several
 * times faster in a loop than through the thread pool, and nothing else waits on this process meanwhile.
 */
function placeAll(/** @type {string} */ fromDir, /** @type {string} */ toDir, /** @type {string[]} */ files) {
  const made = new Set();
  for (const file of files) {
    const folder = path.dirname(path.join(toDir, file));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(path.join(fromDir, file), path.join(toDir, file));
    } catch {
      copyFileSync(path.join(fromDir, file), path.join(toDir, file));
    }
  }
}

async function write(/** @type {string} */ outDir, /** @type {string} */ relative, /** @type {Buffer} */ body) {
  const file = path.join(outDir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, body);
}

/**
 * @param {{ outDir: string, previous: { dir: string, plan: Record<string, string> } | null, now: string, full: boolean, search: { dir: string, files: string[] } | null }} job
 */
async function build(job) {
  const started = Date.now();
  const planned = /** @type {{ status: number, body: Buffer }} */ (
    await ask('/_ritme/render/plan/', { method: 'POST', body: JSON.stringify({ now: job.now }) })
  );
  /** @type {any} */
  let answer;
  try {
    answer = JSON.parse(planned.body.toString('utf8'));
  } catch {
    throw new Error(`The renderer's plan answered ${planned.status}: ${planned.body.toString('utf8').slice(0, 300)}`);
  }
  if (planned.status !== 200) throw new Error(answer.error ?? `The renderer's plan answered ${planned.status}`);
  const pages = /** @type {{ path: string, digest: string }[]} */ (answer.pages);
  const previous = job.full ? null : job.previous;
  /** @type {Record<string, string>} */
  const plan = {};
  /** @type {{ path: string, file: string }[]} */
  const toRender = [];
  let kept = 0;
  /** @type {string[]} files taken over from the previous build */
  const keep = [];
  for (const page of pages) {
    plan[page.path] = page.digest;
    // A page's file is its path's index.html, a feed's (.ics, .xml) the file its path names (paths.mjs).
    const file = fileOf(page.path);
    if (previous && previous.plan[page.path] === page.digest) {
      keep.push(file);
      kept += 1;
    } else {
      toRender.push({ path: page.path, file });
    }
  }
  // The not-found pages show no content: they change with the code, and then every page is rendered.
  const notFound = /** @type {{ path: string, file: string }[]} */ (answer.notFound);
  if (previous) keep.push(...notFound.map((page) => page.file));
  else toRender.push(...notFound);
  const planned_ = Date.now();
  if (previous) placeAll(previous.dir, job.outDir, keep);
  const linkMs = Date.now() - planned_;
  const renderStarted = Date.now();
  let next = 0;
  const worker = async () => {
    while (next < toRender.length) {
      const page = /** @type {{ path: string, file: string }} */ (toRender[next]);
      next += 1;
      const result = /** @type {{ status: number, body: Buffer }} */ (await ask(page.path));
      const expected = page.path.endsWith('/404/') ? [200, 404] : [200];
      if (!expected.includes(result.status)) {
        throw new Error(
          `Rendering ${page.path} answered ${result.status}: ${result.body.toString('utf8').slice(0, 300)}`,
        );
      }
      await write(job.outDir, page.file, result.body);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  placeAll(clientDir, job.outDir, filesIn(clientDir));
  const renderMs = Date.now() - renderStarted;
  // The live build's search index, until the service has indexed this build (a file gone meanwhile is left out).
  const search = job.search;
  const carried = search ? search.files.filter((file) => existsSync(path.join(search.dir, file))) : [];
  if (search) placeAll(search.dir, job.outDir, carried);
  return {
    plan,
    pages: pages.length,
    rendered: toRender.length - (previous ? 0 : notFound.length),
    notFound: notFound.map((page) => page.file),
    kept,
    syncMs: answer.syncMs,
    pagesMs: answer.pagesMs,
    digestMs: answer.digestMs,
    linkMs,
    askMs: planned_ - started,
    planMs: renderStarted - started,
    renderMs,
    searchCarried: carried.length,
    logs: answer.logs,
  };
}

process.on('message', async (/** @type {any} */ message) => {
  const { id, cmd } = message;
  try {
    if (cmd === 'build') {
      const result = await build(message);
      process.send?.({ id, ok: true, result });
      // After the answer: the service can switch to the new build meanwhile. Messages wait for this.
      saveStore(registry.collections);
    } else if (cmd === 'memory') {
      process.send?.({ id, ok: true, result: process.memoryUsage() });
    } else {
      throw new Error(`unknown command ${cmd}`);
    }
  } catch (error) {
    process.send?.({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ ready: true });
