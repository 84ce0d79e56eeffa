// @ts-check
/**
 * The pages of a build and what changed between two builds: every .html file
 * by its content's SHA-256, and the count of pages added, removed or different.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** @typedef {Map<string, string>} PageHashes build-relative path (with `/`) → sha256 hex */

export const sha256 = (/** @type {Buffer | string} */ data) => createHash('sha256').update(data).digest('hex');

/**
 * Every file below `dir`, relative to it. Synchronous: tens of thousands of small calls run several
 * times faster in one loop than through the thread pool.
 * @param {string} dir
 * @returns {string[]}
 */
export function filesIn(dir) {
  return /** @type {import('node:fs').Dirent[]} */ (readdirSync(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/**
 * Every .html file below `dir`, hashed.
 * @param {string} dir
 * @returns {Promise<PageHashes>}
 */
export async function hashPages(dir) {
  /** @type {PageHashes} */
  const hashes = new Map();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const full = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(dir, full).split(path.sep).join('/'), sha256(await readFile(full)));
  }
  return hashes;
}

/**
 * The pages added, removed and changed from `before` to `after` (no previous build: every page is new).
 * @param {PageHashes | null} before
 * @param {PageHashes} after
 */
export function diffPages(before, after) {
  const previous = before ?? new Map();
  /** @type {string[]} */
  const added = [];
  /** @type {string[]} */
  const changed = [];
  /** @type {string[]} */
  const removed = [];
  for (const [page, hash] of after) {
    const old = previous.get(page);
    if (old === undefined) added.push(page);
    else if (old !== hash) changed.push(page);
  }
  for (const page of previous.keys()) if (!after.has(page)) removed.push(page);
  return { added, changed, removed, count: added.length + changed.length + removed.length };
}
