// @ts-check
/**
 * The code version of an Astro site: what its renderer bundle depends on
 * besides content. The project's own files (not its builds, dependencies or
 * caches), the installed theme and Astro, and the settings the build reads from
 * the environment. A different version means a new bundle and a full render.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Folders of a project that hold no source: dependencies, builds, caches, version control. */
const SKIP = new Set(['node_modules', 'dist', 'dist-preview', '.git', '.astro', '.ritme-builds']);
/** Environment variables the site's build reads (the build secret is never among them). */
const ENV = /^(CMS_URL|PUBLIC_CMS_URL|RITME_(?!BUILD_SECRET$).*)$/;

/**
 * Path, size and modification time of every file below `dir` (skipping folders that hold no source).
 * @returns {Generator<string>}
 */
function* filesOf(/** @type {string} */ dir, /** @type {string} */ prefix = '') {
  let entries;
  try {
    entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory() && (SKIP.has(entry.name) || entry.name.startsWith('.'))) continue;
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) yield* filesOf(dir, relative);
    else if (entry.isFile()) {
      const info = statSync(path.join(dir, relative));
      yield `${relative}\t${info.size}\t${Math.floor(info.mtimeMs)}`;
    }
  }
}

/** The folder of a package as the project resolves it, or null. */
function packageDir(/** @type {string} */ root, /** @type {string} */ name) {
  try {
    return path.dirname(createRequire(path.join(root, 'package.json')).resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

/**
 * @param {string} root the Astro project
 * @param {Record<string, string | undefined>} env the builds' environment
 * @param {{ exclude?: string[] }} [options] folders below root to leave out (the service's builds folder)
 */
export function codeVersion(root, env, options = {}) {
  const hash = createHash('sha256');
  const excluded = new Set((options.exclude ?? []).map((dir) => path.relative(root, dir)));
  for (const line of filesOf(root)) {
    if (![...excluded].some((dir) => dir && line.startsWith(`${dir}${path.sep}`))) hash.update(`project\t${line}\n`);
  }
  for (const name of ['@ritme/astro-theme', 'astro']) {
    const dir = packageDir(root, name);
    hash.update(`package\t${name}\t${dir}\n`);
    if (!dir) continue;
    // The theme's built files; Astro's own version is enough for Astro.
    const folder = name === 'astro' ? null : existsDist(dir);
    if (folder) for (const line of filesOf(folder)) hash.update(`${name}\t${line}\n`);
    else hash.update(`${name}\t${statSafe(path.join(dir, 'package.json'))}\n`);
  }
  for (const key of Object.keys(env)
    .filter((name) => ENV.test(name))
    .sort())
    hash.update(`env\t${key}=${env[key]}\n`);
  return hash.digest('hex').slice(0, 32);
}

function existsDist(/** @type {string} */ dir) {
  try {
    return statSync(path.join(dir, 'dist')).isDirectory() ? path.join(dir, 'dist') : null;
  } catch {
    return null;
  }
}

function statSafe(/** @type {string} */ file) {
  try {
    const info = statSync(file);
    return `${info.size}\t${Math.floor(info.mtimeMs)}`;
  } catch {
    return 'missing';
  }
}
