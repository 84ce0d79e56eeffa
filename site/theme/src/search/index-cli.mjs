// @ts-check
/**
 * Indexes a built site for search into a folder of its own and prints what
 * indexSite found as one line of JSON:
 *
 *   node index-cli.mjs <site> <output folder>
 *
 * The build service runs it as a child process at the lowest CPU priority
 * (Pagefind's own process inherits it), so indexing the live build never
 * slows the next build down.
 */
import { closeIndexer, indexSite } from './index-site.mjs';

const [site, outputPath] = process.argv.slice(2);
try {
  if (!site || !outputPath) throw new Error('Usage: node index-cli.mjs <site> <output folder>');
  const result = await indexSite(site, { outputPath });
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await closeIndexer().catch(() => {});
}
