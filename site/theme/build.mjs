#!/usr/bin/env node
/**
 * Builds the theme into dist/ so nothing installed points at TypeScript source:
 *
 * - index.ts and loaders/index.ts, which Node imports as they are (astro.config
 *   and content.config load them), are bundled into self-contained ES modules;
 * - every other .ts/.tsx file is transpiled to .js beside where it was (the
 *   .astro files import them extensionless, which Vite resolves either way);
 * - .astro, .css and .mjs files are copied as they are (Astro compiles .astro);
 * - tsc writes the .d.ts of the two entries.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SRC = path.join(HERE, 'src');
const DIST = path.join(HERE, 'dist');
const ENTRIES = ['index.ts', 'loaders/index.ts'];

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });

for (const entry of ENTRIES) {
  await build({
    entryPoints: [path.join(SRC, entry)],
    outfile: path.join(DIST, entry.replace(/\.ts$/, '.js')),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

for (const file of files(SRC)) {
  const relative = path.relative(SRC, file);
  const out = path.join(DIST, relative);
  mkdirSync(path.dirname(out), { recursive: true });
  if (ENTRIES.includes(relative) || file.endsWith('.d.ts')) continue;
  if (/\.tsx?$/.test(file)) {
    const { code } = await transform(await readFile(file, 'utf8'), {
      loader: file.endsWith('.tsx') ? 'tsx' : 'ts',
      format: 'esm',
      target: 'node20',
      jsx: 'automatic',
      sourcefile: relative,
    });
    writeFileSync(out.replace(/\.tsx?$/, '.js'), code);
  } else {
    cpSync(file, out);
  }
}

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(HERE, 'tsconfig.build.json')], { stdio: 'inherit' });
console.log(`@ritme/astro-theme built into ${path.relative(process.cwd(), DIST) || 'dist'}/`);
