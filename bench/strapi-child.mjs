/**
 * Starts bench/strapi-server.mjs as a child process with an IPC channel and
 * talks to it: `call(cmd, args)` sends a command and waits (bounded) for its
 * answer. Its output goes to a log file, whose tail is shown when it fails.
 */
import { fork } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SERVER = path.join(import.meta.dirname, 'strapi-server.mjs');

export const logTail = (file, lines = 40) =>
  existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';

/**
 * @param {{ databaseFile: string, logFile: string, bootTimeoutMs?: number, env?: Record<string, string> }} options
 */
export function startStrapi({ databaseFile, logFile, bootTimeoutMs = 180_000, env = {} }) {
  const log = openSync(logFile, 'a');
  const child = fork(SERVER, [], {
    env: { ...process.env, ...env, DATABASE_FILENAME: databaseFile },
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  const pending = new Map();
  let nextId = 1;
  let exited = null;

  child.on('message', (message) => {
    const waiter = pending.get(message?.id);
    if (!waiter) return;
    pending.delete(message.id);
    clearTimeout(waiter.timer);
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(new Error(`strapi-server ${waiter.cmd} failed: ${message.error}`));
  });
  child.on('exit', (code, signal) => {
    exited = { code, signal };
    for (const [id, waiter] of pending) {
      pending.delete(id);
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`strapi-server exited (${signal ?? code}) during ${waiter.cmd}:\n${logTail(logFile)}`));
    }
  });

  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Strapi did not start within ${bootTimeoutMs / 1000} s:\n${logTail(logFile)}`));
    }, bootTimeoutMs);
    child.on('message', (message) => {
      if (message?.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Strapi exited (${signal ?? code}) before it was ready:\n${logTail(logFile)}`));
    });
  });

  function call(cmd, args = {}, timeoutMs = 120_000) {
    if (exited) return Promise.reject(new Error(`strapi-server has exited (${exited.signal ?? exited.code})`));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`strapi-server ${cmd} took longer than ${timeoutMs / 1000} s`));
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer, cmd });
      child.send({ ...args, id, cmd });
    });
  }

  /** Ask it to shut down; kill it if it has not gone within 20 s. */
  async function stop() {
    if (exited) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    try {
      child.send({ id: nextId++, cmd: 'stop' });
    } catch {
      // channel already closed
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await gone;
    clearTimeout(timer);
  }

  return { child, ready, call, stop, pid: child.pid };
}
