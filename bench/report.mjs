// What both benchmarks print: markdown tables and the machine they ran on.
import { createRequire } from 'node:module';
import os from 'node:os';

export const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`]
    .concat(rows.map((row) => `| ${row.join(' | ')} |`))
    .join('\n');

/** The installed version of `pkg` as resolved from the package.json at `from`, or '?'. */
export function packageVersion(pkg, from) {
  try {
    return createRequire(from)(`${pkg}/package.json`).version;
  } catch {
    return '?';
  }
}

/** CPU, memory, OS and Node of this machine. */
export function machineBasics() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${cpus.length} cores`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
  };
}
