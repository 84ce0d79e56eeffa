// @ts-check
/**
 * The build service's side of the renderer (renderer.mjs): one child process
 * per renderer bundle, started when a build first needs it and replaced when
 * the code version changes; a renderer that dies or hangs fails that build
 * only, and the next build starts a new one.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const RENDERER = fileURLToPath(new URL('./renderer.mjs', import.meta.url));

/**
 * @param {{ env: () => Record<string, string | undefined>, timeoutMs: number, log: (line: string) => void,
 *   storeFile: (rendererDir: string) => string }} options
 */
export function createRendererClient(options) {
  /** @type {{ dir: string, child: import('node:child_process').ChildProcess, ready: Promise<void> } | null} */
  let current = null;
  let nextId = 1;
  /** @type {Map<number, { resolve: (value: any) => void, reject: (error: Error) => void }>} */
  const waiting = new Map();

  function start(/** @type {string} */ dir) {
    const child = fork(RENDERER, [dir, options.storeFile(dir)], {
      env: options.env(),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const ready = new Promise((resolve, reject) => {
      child.once('message', () => resolve(undefined));
      child.once('exit', (code) => reject(new Error(`The renderer stopped while starting (exit code ${code}).`)));
    });
    child.on('message', (/** @type {any} */ message) => {
      const pending = waiting.get(message?.id);
      if (!pending) return;
      waiting.delete(message.id);
      if (message.ok) pending.resolve(message.result);
      else pending.reject(new Error(message.error));
    });
    child.on('exit', (code, signal) => {
      for (const [id, pending] of waiting) {
        waiting.delete(id);
        pending.reject(new Error(`The renderer stopped (${signal ?? `exit code ${code}`}).`));
      }
      if (current?.child === child) current = null;
    });
    return { dir, child, ready: /** @type {Promise<void>} */ (ready) };
  }

  function stop() {
    current?.child.kill('SIGTERM');
    current = null;
  }

  /**
   * @param {string} dir the renderer bundle (a render-mode build)
   * @param {Record<string, unknown>} job
   */
  async function build(dir, job) {
    if (current && current.dir !== dir) stop();
    if (!current) {
      options.log(`starting the renderer ${dir}`);
      current = start(dir);
    }
    const { child, ready } = current;
    await ready;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        child.kill('SIGKILL');
        reject(new Error(`Rendering took longer than ${Math.round(options.timeoutMs / 1000)} s and was stopped.`));
      }, options.timeoutMs);
      waiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      child.send({ id, cmd: 'build', ...job });
    });
  }

  return { build, stop };
}
