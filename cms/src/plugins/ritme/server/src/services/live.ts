/**
 * "Live": Strapi tells the build service (option `builder`) and/or a deploy
 * hook (option `deployHook`) that published content changed, asks the build
 * service for its state for the editors' screen, and asks it for a rebuild.
 *
 * Changes are collected and sent debounced: one call per quiet period of
 * `debounceMs`, and at the latest `maxWaitMs` after the first change of a
 * burst, so a constant stream of edits still builds. A call that fails is
 * logged (a warning once per streak of failures) and never reaches the
 * editor's save: the events wait for the next call.
 */
import {
  BUILD_SECRET_HEADER,
  type BuildEvent,
  type BuilderStatus,
  BuilderStatusSchema,
  type BuildStatus,
  type RebuildResult,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { DEFAULT_BUILD_DEBOUNCE_MS, DEFAULT_BUILD_MAX_WAIT_MS, type RitmeConfig } from '../config';

/** How long the admin's status request waits for the build service. */
export const STATUS_TIMEOUT_MS = 3000;
/** How long a notification or rebuild request waits. */
const CALL_TIMEOUT_MS = 10_000;
/** At most this many events in one call; a longer burst is sent in several. */
const MAX_EVENTS_PER_CALL = 5000;

type Target = 'builder' | 'deployHook';
/** What a failed notification means, for the log. */
const UNSENT = 'the change is saved, and is sent again until it is received';
const LABEL: Record<Target, string> = { builder: 'the build service', deployHook: 'the deploy hook' };

const trimSlash = (url: string) => url.replace(/\/+$/, '');
const describe = (error: unknown) => {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
};

const keyOf = (event: BuildEvent) =>
  `${event.event}\u0000${event.uid}\u0000${event.documentId}\u0000${event.locale ?? ''}`;

/** After a failed call, the next try waits this long (doubling per failure, at most a minute). */
const retryDelay = (failures: number) => Math.min(60_000, 1000 * 2 ** Math.min(failures - 1, 6));

/**
 * Collects events (each once) and calls `send` once per quiet period of
 * `debounceMs` (trailing), at the latest `maxWaitMs` after the first event
 * of a burst. Events of a failed call are kept and sent again later.
 */
class Debouncer {
  private pending = new Map<string, BuildEvent>();
  private timer: NodeJS.Timeout | undefined;
  private firstAt = 0;
  private sending: Promise<void> | undefined;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly debounceMs: number,
    private readonly maxWaitMs: number,
    private readonly send: (events: BuildEvent[]) => Promise<boolean>,
  ) {}

  add(events: BuildEvent[]) {
    if (this.stopped) return;
    if (this.pending.size === 0) this.firstAt = Date.now();
    for (const event of events) this.pending.set(keyOf(event), event);
    // While a failed call waits for its retry, new events join that retry.
    if (this.failures === 0) this.schedule(Math.min(this.debounceMs, this.firstAt + this.maxWaitMs - Date.now()));
  }

  private schedule(wait: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), Math.max(0, wait));
    this.timer.unref?.();
  }

  async flush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.sending) await this.sending;
    if (this.pending.size === 0 || this.stopped) return;
    const batch = [...this.pending].slice(0, MAX_EVENTS_PER_CALL);
    for (const [key] of batch) this.pending.delete(key);
    const done = this.send(batch.map(([, event]) => event)).then((ok) => {
      if (this.stopped) return;
      if (ok) {
        this.failures = 0;
        return;
      }
      this.failures += 1;
      // Not delivered: the batch goes first in the next call, before anything newer.
      this.pending = new Map([...batch, ...this.pending]);
    });
    this.sending = done;
    await done;
    this.sending = undefined;
    if (this.pending.size > 0 && !this.stopped) {
      this.firstAt = Date.now();
      this.schedule(this.failures > 0 ? retryDelay(this.failures) : 0);
    }
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const option = <K extends 'builder' | 'deployHook'>(key: K) =>
    strapi.plugin('ritme').config(key) as RitmeConfig[K] | undefined;
  const builder = option('builder');
  const deployHook = option('deployHook');
  let lastNotifiedAt: string | null = null;
  const failing: Record<Target, boolean> = { builder: false, deployHook: false };
  /** Why the last call to each target failed (for the admin). */
  const lastError: Record<Target, string> = { builder: '', deployHook: '' };

  /** One call to a target; logs the first failure of a streak and the recovery. */
  async function call(
    target: Target,
    url: string,
    init: RequestInit,
    timeoutMs: number,
    consequence: string,
  ): Promise<Response | null> {
    try {
      const response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (failing[target]) strapi.log.info(`ritme: ${LABEL[target]} (${url}) answers again.`);
      failing[target] = false;
      return response;
    } catch (error) {
      lastError[target] = describe(error);
      if (!failing[target]) {
        strapi.log.warn(
          `ritme: could not reach ${LABEL[target]} at ${url} (${lastError[target]}); ${consequence}. Logged once until it answers again.`,
        );
      }
      failing[target] = true;
      return null;
    }
  }

  const builderHeaders = () => ({
    'content-type': 'application/json',
    accept: 'application/json',
    [BUILD_SECRET_HEADER]: builder?.secret ?? '',
  });

  const post = async (target: Target, body: unknown, path: string, consequence: string) => {
    const base = target === 'builder' ? builder : deployHook;
    if (!base) return null;
    const url = target === 'builder' ? `${trimSlash(base.url)}${path}` : base.url;
    const headers = target === 'builder' ? builderHeaders() : { 'content-type': 'application/json' };
    const init = { method: 'POST', headers, body: JSON.stringify(body) };
    const response = await call(target, url, init, CALL_TIMEOUT_MS, consequence);
    // Drain the body so the connection is released.
    await response?.arrayBuffer().catch(() => undefined);
    return response;
  };

  const notified = (response: Response | null) => {
    if (response) lastNotifiedAt = new Date().toISOString();
    return response !== null;
  };

  const debouncers: Debouncer[] = [];
  if (builder) {
    debouncers.push(
      new Debouncer(
        builder.debounceMs ?? DEFAULT_BUILD_DEBOUNCE_MS,
        builder.maxWaitMs ?? DEFAULT_BUILD_MAX_WAIT_MS,
        async (events) => notified(await post('builder', { events }, '/_ritme/hooks/build', UNSENT)),
      ),
    );
  }
  if (deployHook) {
    debouncers.push(
      new Debouncer(
        deployHook.debounceMs ?? DEFAULT_BUILD_DEBOUNCE_MS,
        deployHook.maxWaitMs ?? DEFAULT_BUILD_MAX_WAIT_MS,
        // A build hook rebuilds everything: what changed is not its business.
        async () => notified(await post('deployHook', {}, '', UNSENT)),
      ),
    );
  }

  const empty: Omit<BuilderStatus, 'state'> & { state: null } = {
    state: null,
    current: null,
    building: null,
    lastFailure: null,
    history: [],
    nextClockBuild: null,
  };

  return {
    /** Is anyone listening? */
    enabled: () => debouncers.length > 0,

    /** Record changes; they are sent debounced. Never throws. */
    record(events: BuildEvent[]) {
      if (events.length === 0) return;
      for (const debouncer of debouncers) debouncer.add(events);
    },

    /** Send what is pending now (tests, shutdown). */
    async flush() {
      await Promise.all(debouncers.map((debouncer) => debouncer.flush()));
    },

    stop() {
      for (const debouncer of debouncers) debouncer.stop();
    },

    async status(): Promise<BuildStatus> {
      const own = { configured: Boolean(builder), deployHook: Boolean(deployHook), lastNotifiedAt };
      if (!builder) return { ...empty, ...own, reachable: false, problem: null };
      const url = `${trimSlash(builder.url)}/_ritme/status`;
      const response = await call(
        'builder',
        url,
        { headers: builderHeaders() },
        STATUS_TIMEOUT_MS,
        'the admin shows it as not answering',
      );
      if (!response) {
        return {
          ...empty,
          ...own,
          reachable: false,
          problem: `The build service at ${builder.url} does not answer (${lastError.builder}).`,
        };
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      const parsed = BuilderStatusSchema.safeParse(body);
      if (!parsed.success) {
        strapi.log.warn(`ritme: the build service at ${url} answered something else than its status.`);
        return {
          ...empty,
          ...own,
          reachable: false,
          problem: 'The build service answered something else than its status.',
        };
      }
      return { ...parsed.data, ...own, reachable: true, problem: null };
    },

    /** Ask the build service (and/or the deploy hook) for a full rebuild now. Null when neither is configured. */
    async rebuild(): Promise<RebuildResult | null> {
      if (!builder && !deployHook) return null;
      const result: RebuildResult = { targets: [] };
      for (const target of ['builder', 'deployHook'] as const) {
        if (!(target === 'builder' ? builder : deployHook)) continue;
        const response = await post(
          target,
          {},
          '/_ritme/rebuild',
          'the editor asked for a rebuild and was told it failed',
        );
        notified(response);
        result.targets.push({
          target,
          ok: response !== null,
          status: response?.status ?? null,
          problem: response ? null : `${LABEL[target].replace(/^t/, 'T')} does not answer (${lastError[target]}).`,
        });
      }
      return result;
    },
  };
};
