/** Runs once before the end-to-end tests: builds the theme into dist/, which the demo imports as an installed package would. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup() {
  // `npm test` builds the theme before Vitest starts (RITME_BUILT).
  if (process.env.RITME_BUILT === '1') return;
  execFileSync(process.execPath, ['build.mjs'], { cwd: path.resolve(import.meta.dirname, '../..'), stdio: 'inherit' });
}
