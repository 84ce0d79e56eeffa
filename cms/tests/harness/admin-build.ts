/**
 * Vitest global setup: builds Strapi's admin panel of the demo app (cms/) once
 * per run, as production builds it (`NODE_ENV=production strapi build`), so a
 * broken admin bundle — the plugin's pages included — fails the run with the
 * build's output. Skipped only when `npm test` already built it
 * (RITME_ADMIN_BUILT=1) AND that build is newer than every admin source.
 *
 * Tests then serve a snapshot of the build (`bootStrapi({ admin: true })`,
 * via RITME_ADMIN_DIST): another run in the same workspace that rebuilds
 * cms/dist/build meanwhile cannot pull files from under this run's browser.
 * Builds of concurrent runs take turns through a lock in cms/.tmp/.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const CMS_DIR = path.join(ROOT, 'cms');
const DIST_DIR = path.join(CMS_DIR, 'dist');
const BUILD_DIR = path.join(DIST_DIR, 'build');
const PLUGIN_DIR = path.join(CMS_DIR, 'src/plugins/ritme');
const PNPM = 'pnpm@10.34.9';
const LOCK = path.join(CMS_DIR, '.tmp/admin-build.lock');
const LOCK_WAIT_MS = 15 * 60_000;
/** What the admin bundle is made of: the app's admin entry, and the plugin's admin (source and as built). */
const SOURCES = [
  path.join(CMS_DIR, 'src/admin'),
  path.join(PLUGIN_DIR, 'admin/src'),
  path.join(PLUGIN_DIR, 'dist/admin'),
];

/** The newest modification time of any file below `dir` (0 when it does not exist). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }, 0);
}

/** An admin build exists and is newer than everything it is built from. */
export function adminBuildIsCurrent(): boolean {
  const index = path.join(BUILD_DIR, 'index.html');
  if (!existsSync(index)) return false;
  return Math.max(...SOURCES.map(newest)) <= statSync(index).mtimeMs;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Runs `work` while holding the workspace's admin-build lock (a directory: created atomically). */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = 0;
      try {
        owner = Number(readFileSync(path.join(LOCK, 'pid'), 'utf8'));
      } catch {
        // Just created by its owner, pid not written yet.
      }
      if (owner > 0 && !alive(owner)) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Another run (pid ${owner}) has held ${LOCK} for too long.`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** `strapi build` of cms/ in production mode; throws with its output when it fails. */
function buildAdmin(): Promise<void> {
  console.log('→ Building the Strapi admin panel (cms/, production)…');
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['-y', PNPM, '--filter', '@ritme/cms', 'exec', 'strapi', 'build'], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0 && existsSync(path.join(BUILD_DIR, 'index.html'))) {
        console.log(`✔ Admin panel built in ${Math.round((Date.now() - started) / 1000)} s.`);
        resolve();
        return;
      }
      const plain = stripVTControlCharacters(output);
      const tail = plain.length > 40_000 ? `…${plain.slice(-40_000)}` : plain;
      reject(
        new Error(
          `The Strapi admin panel does not build (strapi build ended with ${signal ?? `exit code ${code}`}` +
            `${code === 0 ? ', and wrote no index.html' : ''}):\n${tail}`,
        ),
      );
    });
  });
}

/**
 * A dist folder for the tests' Strapi: the app as compiled (links to cms/dist/config and cms/dist/src,
 * so modules still resolve from cms/) and a copy of the admin build.
 */
function snapshot(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ritme-admin-dist-'));
  cpSync(BUILD_DIR, path.join(dir, 'build'), { recursive: true });
  for (const name of ['config', 'src']) symlinkSync(path.join(DIST_DIR, name), path.join(dir, name), 'dir');
  return dir;
}

export default async function setup() {
  const dist = await withLock(async () => {
    const skip = process.env.RITME_ADMIN_BUILT === '1' && adminBuildIsCurrent();
    if (!skip) await buildAdmin();
    return snapshot();
  });
  process.env.RITME_ADMIN_DIST = dist;
  return () => rmSync(dist, { recursive: true, force: true });
}
