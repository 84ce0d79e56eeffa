// @ts-check
/**
 * When to build: notifications are debounced (a burst of saves → one build)
 * and coalesced (while a build runs, at most one more waits; every request
 * that arrives meanwhile rides on it). A steady stream of notifications still
 * builds at least every `maxWaitMs`. Timers are injectable for tests.
 */

/**
 * @typedef {object} SchedulerOptions
 * @property {number} debounceMs quiet time after the last request before a build starts
 * @property {number} [maxWaitMs] the longest a request waits for its build while requests keep coming (default 10 × debounce)
 * @property {(reasons: string[]) => Promise<unknown>} run one build, for these reasons; never called twice at once
 * @property {(error: unknown) => void} [onError] a build's run() threw (the scheduler carries on)
 * @property {(fn: () => void, ms: number) => unknown} [setTimer]
 * @property {(timer: unknown) => void} [clearTimer]
 * @property {() => number} [now]
 */

/** @param {SchedulerOptions} options */
export function createScheduler(options) {
  const debounceMs = Math.max(0, options.debounceMs);
  const maxWaitMs = options.maxWaitMs ?? Math.max(debounceMs * 10, debounceMs);
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(/** @type {NodeJS.Timeout} */ (timer)));
  const now = options.now ?? Date.now;

  /** @type {unknown} */
  let timer = null;
  /** When the oldest request still waiting for the debounce arrived. */
  let firstWaitingAt = 0;
  /** Reasons waiting for the debounce. */
  let waiting = /** @type {string[]} */ ([]);
  /** Reasons for the one build that runs after the running one. */
  let queued = /** @type {string[] | null} */ (null);
  let running = false;
  /** @type {Promise<void>} */
  let idle = Promise.resolve();
  /** @type {(() => void) | null} */
  let settle = null;
  const markBusy = () => {
    if (!settle) idle = new Promise((resolve) => (settle = resolve));
  };
  const checkIdle = () => {
    if (running || timer !== null || queued !== null || !settle) return;
    const resolve = settle;
    settle = null;
    resolve();
  };

  const unique = (/** @type {string[]} */ list) => [...new Set(list)];

  function start(/** @type {string[]} */ reasons) {
    if (running) {
      queued = unique([...(queued ?? []), ...reasons]);
      return;
    }
    running = true;
    Promise.resolve()
      .then(() => options.run(reasons))
      .catch((error) => options.onError?.(error))
      .finally(() => {
        running = false;
        const next = queued;
        queued = null;
        if (next) start(next);
        else checkIdle();
      });
  }

  function fire() {
    timer = null;
    const reasons = waiting;
    waiting = [];
    start(reasons);
  }

  return {
    /** Build soon: after `debounceMs` without another request (at most `maxWaitMs` after the first). */
    request(/** @type {string} */ reason) {
      markBusy();
      if (!timer) firstWaitingAt = now();
      waiting = unique([...waiting, reason]);
      if (timer) clearTimer(timer);
      const delay = Math.min(debounceMs, Math.max(0, firstWaitingAt + maxWaitMs - now()));
      timer = setTimer(fire, delay);
    },
    /** Build now (or right after the running build): skips the debounce, takes what was waiting along. */
    now(/** @type {string} */ reason) {
      markBusy();
      if (timer) {
        clearTimer(timer);
        timer = null;
      }
      const reasons = unique([...waiting, reason]);
      waiting = [];
      start(reasons);
    },
    /** A build runs, or one waits for the debounce or for the running build. */
    get busy() {
      return running || timer !== null || queued !== null;
    },
    get running() {
      return running;
    },
    /** A build waits: for the debounce, or for the running one to finish. */
    get pending() {
      return timer !== null || queued !== null;
    },
    /** Resolves when nothing runs or waits any more. */
    whenIdle() {
      return idle;
    },
    stop() {
      if (timer) clearTimer(timer);
      timer = null;
      waiting = [];
      queued = null;
      checkIdle();
    },
  };
}
