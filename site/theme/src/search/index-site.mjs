// @ts-check
/**
 * Writes the search index of a built static site: Pagefind reads every page
 * below `dir` and writes its bundle to `<dir>/pagefind/`. Only pages that mark
 * their content with `data-pagefind-body` are indexed (search/types.ts says
 * which), and only that content: header, footer and navigation are outside it.
 * Pagefind keeps one index per `<html lang>`.
 *
 * `astro build` (the integration's astro:build:done) runs it after every
 * build, so a static build folder holds a complete index of its own pages.
 * The build service serves a new build at once with the live build's index
 * and indexes it right after (service.mjs): writing into a folder of its own
 * (`outputPath`) and then installing it (installIndex) into the served one.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { filesIn } from '../build-service/pages.mjs';

/** The folder of the index inside the site (search/types.ts's SEARCH_BUNDLE). */
export const INDEX_FOLDER = 'pagefind';

/** Pagefind's ready-made interfaces: the theme has its own (search/search-client.js), so they are not shipped. */
const UNUSED = /^pagefind-(component-|modular-)?ui\.(js|css)$/;

/**
 * @param {string} dir the built site
 * @param {{ outputPath?: string }} [options] where the index goes (`<dir>/pagefind/`)
 * @returns {Promise<{ pages: number, files: number, languages: Record<string, number>, ms: number }>}
 *   pages indexed (in all, and per language), HTML files read, time taken
 */
export async function indexSite(dir, options = {}) {
  const started = Date.now();
  const output = options.outputPath ?? path.join(dir, INDEX_FOLDER);
  // Whatever a stale copy left there goes: the index is always this build's own.
  await rm(output, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`The search index could not be started: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`Indexing ${dir} failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) throw new Error(`Writing the search index failed: ${written.errors.join('; ')}`);
    for (const name of await readdir(output)) {
      if (UNUSED.test(name)) await rm(path.join(output, name), { force: true });
    }
    const entry = JSON.parse(await readFile(path.join(output, 'pagefind-entry.json'), 'utf8'));
    /** @type {Record<string, number>} */
    const languages = Object.fromEntries(
      Object.entries(entry.languages ?? {}).map(([code, language]) => [code, Number(language?.page_count) || 0]),
    );
    const pages = Object.values(languages).reduce((sum, count) => sum + count, 0);
    return { pages, files: added.page_count, languages, ms: Date.now() - started };
  } finally {
    await index.deleteIndex().catch(() => {});
  }
}

/** Stops Pagefind's indexing process (it would otherwise keep a short-lived build process alive). */
export const closeIndexer = () => pagefind.close();

/**
 * Puts the index written to `from` (indexSite's outputPath) in place of the
 * one in `<site>/pagefind/` while the site is served, and removes `from`.
 * Each file arrives by a rename (atomic), the entry file last: it names the
 * language indexes, and Pagefind's index files carry their content's hash in
 * their names, so a search that starts meanwhile reads the old entry with the
 * old files or the new one with the new. Then the old index's other files go.
 * Synchronous, so nothing of the process that serves the site interleaves.
 * @returns {string[]} the index's files, relative to the site
 */
export function installIndex(/** @type {string} */ from, /** @type {string} */ site) {
  const target = path.join(site, INDEX_FOLDER);
  const ENTRY = 'pagefind-entry.json';
  const incoming = filesIn(from);
  const before = new Set(existsSync(target) ? filesIn(target) : []);
  const ordered = [...incoming.filter((file) => file !== ENTRY), ...incoming.filter((file) => file === ENTRY)];
  for (const file of ordered) {
    const destination = path.join(target, file);
    mkdirSync(path.dirname(destination), { recursive: true });
    renameSync(path.join(from, file), destination);
    before.delete(file);
  }
  for (const stale of before) rmSync(path.join(target, stale), { force: true });
  rmSync(from, { recursive: true, force: true });
  return incoming.map((file) => path.join(INDEX_FOLDER, file));
}
