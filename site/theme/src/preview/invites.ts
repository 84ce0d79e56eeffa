/**
 * Asking Strapi about pilot invites, with the preview token. An invite's state
 * is re-checked on every request (cached for a few seconds), so revoking it in
 * Strapi locks the pilot out at once. Log-ins carry the pilot's own address
 * (X-Ritme-Client), so Strapi limits failed ones per pilot, not per preview
 * server; and the preview server keeps a first, local count of failures too.
 */
import { type InviteState, type PilotSession, PilotSessionSchema, PREVIEW_CLIENT_HEADER } from '@ritme/shared';
import type { PreviewConfig } from './config';

const CACHE_MS = 15_000;
/** The browser's address, for Strapi's rate limits (honoured on the preview token's routes only). */
export const CLIENT_HEADER = PREVIEW_CLIENT_HEADER;
const cache = new Map<string, { state: InviteState | 'unknown'; at: number }>();

async function call(config: PreviewConfig, path: string, init: RequestInit = {}) {
  return fetch(`${config.cmsUrl}/api/ritme${path}`, {
    ...init,
    headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json', ...init.headers },
  });
}

/**
 * The session an invite token opens, or null when the token matches no invite;
 * 'busy' when Strapi says this client (or invite) failed too often. Throws when Strapi is down.
 */
export async function openSession(
  config: PreviewConfig,
  token: string,
  client: string,
): Promise<PilotSession | null | 'busy'> {
  const response = await call(config, '/pilot-sessions', {
    method: 'POST',
    headers: { [CLIENT_HEADER]: client },
    body: JSON.stringify({ data: { token } }),
  });
  if (response.status === 429) return 'busy';
  if (response.status === 404 || response.status === 400) return null;
  if (!response.ok) throw new Error(`Strapi answered ${response.status} when opening a pilot session.`);
  return PilotSessionSchema.parse(((await response.json()) as { data: unknown }).data);
}

export async function inviteState(
  config: PreviewConfig,
  invite: string,
  now = Date.now(),
): Promise<InviteState | 'unknown'> {
  const cached = cache.get(invite);
  if (cached && now - cached.at < CACHE_MS) return cached.state;
  const response = await call(config, `/pilot-sessions/${encodeURIComponent(invite)}`);
  const state = response.ok
    ? PilotSessionSchema.parse(((await response.json()) as { data: unknown }).data).state
    : response.status === 404
      ? 'unknown'
      : null;
  if (state === null) throw new Error(`Strapi answered ${response.status} when checking a pilot invite.`);
  cache.set(invite, { state, at: now });
  return state;
}

/**
 * Failed log-ins, counted in this server's memory per client address and per
 * invite, in front of Strapi's own (shared) count: guessing is slow as well as
 * hopeless. A log-in that works is never counted, so one office behind one
 * address can log in all day.
 */
export const FAILED_LOGINS = { max: 10, windowMs: 15 * 60_000 };
const failures = new Map<string, { count: number; since: number }>();

function bump(key: string, by: number, now: number): number {
  if (failures.size > 10_000) {
    for (const [k, entry] of failures) if (now - entry.since > FAILED_LOGINS.windowMs) failures.delete(k);
  }
  const entry = failures.get(key);
  if (!entry || now - entry.since > FAILED_LOGINS.windowMs) {
    failures.set(key, { count: Math.max(0, by), since: now });
    return Math.max(0, by);
  }
  entry.count = Math.max(0, entry.count + by);
  return entry.count;
}

export interface LoginAttempt {
  /** It failed: it stays counted, and for a known invite (expired, revoked) counts for that invite too. False once that invite has failed too often. */
  failed(invite?: string): boolean;
  /** Not a failure (it worked, or Strapi could not tell): it does not count. */
  forget(): void;
}

/**
 * Counts an attempt from `address` up front (so a burst cannot overtake the
 * count) and hands back how to settle it; null when that address failed too often.
 */
export function loginAttempt(address: string, now = Date.now()): LoginAttempt | null {
  const key = `address:${address}`;
  if (bump(key, 1, now) > FAILED_LOGINS.max) {
    bump(key, -1, now);
    return null;
  }
  return {
    failed: (invite) => !invite || bump(`invite:${invite}`, 1, now) <= FAILED_LOGINS.max,
    forget: () => void bump(key, -1, now),
  };
}
