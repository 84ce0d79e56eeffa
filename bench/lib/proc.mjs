// Processes: what runs under a pid, how much memory it holds, and ending it all.
import { readdirSync, readFileSync } from 'node:fs';

/** VmRSS and VmHWM (peak) of one process in kB, or null when it is gone. */
export function procStatus(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(text.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** `pid` and all its descendants, from /proc. */
export function processTree(pid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // gone already
    }
  }
  const tree = [];
  const queue = [pid];
  while (queue.length > 0 && tree.length < 10_000) {
    const next = queue.shift();
    tree.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return tree;
}

/** The summed RSS (kB) of `pid` and its descendants, and the largest single peak (VmHWM) among them. */
export function treeMemory(pid) {
  let rss = 0;
  let hwm = 0;
  for (const member of processTree(pid)) {
    const status = procStatus(member);
    if (!status) continue;
    rss += status.rss;
    hwm = Math.max(hwm, status.hwm);
  }
  return { rss, hwm };
}

/** SIGKILL to `pid` and every descendant, children first. */
export function killTree(pid) {
  for (const member of processTree(pid).reverse()) {
    try {
      process.kill(member, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

/**
 * A benchmark's way out: Ctrl+C, SIGTERM and a run that overruns `timeoutMs` all run `cleanup`
 * (child processes, temp folders) before the process exits. Returns the watchdog, to clear at the end.
 */
export function cleanUpOnExit(cleanup, timeoutMs, log) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, async () => {
      log(`${signal}: cleaning up`);
      await cleanup();
      process.exit(130);
    });
  }
  const watchdog = setTimeout(async () => {
    log(`the run took longer than ${Math.round(timeoutMs / 60_000)} minutes; stopping`);
    await cleanup();
    process.exit(3);
  }, timeoutMs);
  watchdog.unref();
  return watchdog;
}
