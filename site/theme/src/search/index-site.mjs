// @ts-check
/**
 * Writes the search index of a built static site: Pagefind reads every page
 * below `dir` and writes its bundle to `<dir>/pagefind/`. Only pages that mark
 * their content with `data-pagefind-body` are indexed (search/types.ts says
 * which), and only that content: header, footer and navigation are outside it.
 * Pagefind keeps one index per `<html lang>`.
 *
 * Run after every build — `astro build` (the integration's astro:build:done)
 * and each build of the build service (its renderer) — so a build folder gets
 * a complete index of its own pages before it is served: an index is never
 * carried over from an earlier build.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';

/** The folder of the index inside the site (search/types.ts's SEARCH_BUNDLE). */
export const INDEX_FOLDER = 'pagefind';

/** Pagefind's ready-made interfaces: the theme has its own (search/search-client.js), so they are not shipped. */
const UNUSED = /^pagefind-(component-|modular-)?ui\.(js|css)$/;

/**
 * @param {string} dir the built site
 * @returns {Promise<{ pages: number, files: number, languages: Record<string, number>, ms: number }>}
 *   pages indexed (in all, and per language), HTML files read, time taken
 */
export async function indexSite(dir) {
  const started = Date.now();
  const output = path.join(dir, INDEX_FOLDER);
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
