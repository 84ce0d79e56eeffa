// The sections of BENCHMARKS.md that one benchmark owns, each between its own markers, so that
// every script rewrites only its own part and bench/api-bench.mjs (which rewrites the rest) keeps them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const BENCHMARKS_MD = path.resolve(import.meta.dirname, '../../BENCHMARKS.md');
/** Each section's key and the script that writes it, in the order they stand in the file. */
export const SECTIONS = [
  { key: 'live', script: 'bench/live-bench.mjs' },
  { key: 'lighthouse', script: 'bench/lighthouse.mjs' },
  { key: 'search-index', script: 'bench/search-index.mjs' },
];
const begin = (key) => `<!-- ${key}:begin`;
const end = (key) => `<!-- ${key}:end -->`;

/** The owned sections of `text`, whole, markers included, in file order. */
export function ownedSections(text) {
  return SECTIONS.flatMap(({ key }) => {
    const from = text.indexOf(begin(key));
    const to = text.indexOf(end(key));
    return from >= 0 && to > from ? [text.slice(from, to + end(key).length)] : [];
  });
}

/** Replaces section `key` of BENCHMARKS.md with `markdown`, or adds it before "## Targets". */
export function writeSection(key, markdown) {
  const { script } = SECTIONS.find((section) => section.key === key) ?? { script: 'bench' };
  const previous = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : '# Benchmarks\n';
  const section = `${begin(key)} (rewritten by ${script}) -->\n${markdown.trim()}\n${end(key)}`;
  let next;
  if (previous.includes(begin(key)) && previous.includes(end(key))) {
    next =
      previous.slice(0, previous.indexOf(begin(key))) +
      section +
      previous.slice(previous.indexOf(end(key)) + end(key).length);
  } else if (/^## Targets$/m.test(previous)) {
    const at = previous.search(/^## Targets$/m);
    next = `${previous.slice(0, at)}${section}\n\n${previous.slice(at)}`;
  } else {
    next = `${previous.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(BENCHMARKS_MD, next);
}
