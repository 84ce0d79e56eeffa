// @ts-check
/**
 * Time is an event: pages change by the clock alone (a round opens or closes,
 * a session starts or ends, the week turns and with it the focus of the week).
 * After every build the service asks Strapi when that next happens
 * (`GET /api/ritme/clock`) and builds at that moment — no fixed cron. A wait
 * longer than a day is cut to a day, after which Strapi is asked again. When
 * Strapi has no clock route, the week turn (Monday 00:00 UTC) is the next event.
 */
import { nextWeekTurn } from '@ritme/shared';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * @typedef {{ at: Date, reason: string }} ClockEvent
 */

/**
 * Strapi's next clock event, the week turn when it has no clock route (404), or null when it
 * knows of none. Any other failure throws (the caller retries later).
 * @param {string} cmsUrl
 * @param {{ now?: Date, fetch?: typeof fetch, timeoutMs?: number }} [options]
 * @returns {Promise<ClockEvent | null>}
 */
export async function askClock(cmsUrl, options = {}) {
  const now = options.now ?? new Date();
  const response = await (options.fetch ?? fetch)(`${cmsUrl.replace(/\/+$/, '')}/api/ritme/clock`, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  if (response.status === 404) return { at: nextWeekTurn(now), reason: 'week-turns' };
  if (!response.ok) throw new Error(`${cmsUrl}/api/ritme/clock answered ${response.status}`);
  const body = /** @type {{ data?: { next?: unknown, reason?: unknown } } | null} */ (await response.json());
  const next = body?.data?.next;
  if (next === null || next === undefined) return null;
  const at = typeof next === 'string' ? new Date(next) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) throw new Error(`${cmsUrl}/api/ritme/clock gave no valid date: ${String(next)}`);
  const reason = typeof body?.data?.reason === 'string' ? body.data.reason : 'clock';
  return { at, reason };
}

/**
 * How long to wait for `at`: the whole wait (then build), or a day (then ask again).
 * A moment already past is due now. `marginMs` lands the build just after the change.
 * @param {Date} at
 * @param {Date} now
 * @param {{ capMs?: number, marginMs?: number }} [options]
 */
export function clockWait(at, now, options = {}) {
  const capMs = options.capMs ?? DAY_MS;
  const wait = Math.max(0, at.getTime() - now.getTime() + (options.marginMs ?? 0));
  return wait > capMs ? { delayMs: capMs, build: false } : { delayMs: wait, build: true };
}
