/**
 * Asking Strapi about pilot invites, with the preview token. An invite's state
 * is re-checked on every request (cached for a few seconds), so revoking it in
 * Strapi locks the pilot out at once.
 */
import { type InviteState, type PilotSession, PilotSessionSchema } from '@ritme/shared';
import type { PreviewConfig } from './config';

const CACHE_MS = 15_000;
const cache = new Map<string, { state: InviteState | 'unknown'; at: number }>();

async function call(config: PreviewConfig, path: string, init: RequestInit = {}) {
  return fetch(`${config.cmsUrl}/api/ritme${path}`, {
    ...init,
    headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json', ...init.headers },
  });
}

/** The session an invite token opens, or null when the token matches no invite. Throws when Strapi is down. */
export async function openSession(config: PreviewConfig, token: string): Promise<PilotSession | null | 'busy'> {
  const response = await call(config, '/pilot-sessions', { method: 'POST', body: JSON.stringify({ data: { token } }) });
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

/** A small per-address limit in front of the token check, so guessing is slow as well as hopeless. */
const attempts = new Map<string, { count: number; since: number }>();
export function allowAttempt(address: string, now = Date.now(), max = 10, windowMs = 60_000): boolean {
  const entry = attempts.get(address);
  if (!entry || now - entry.since > windowMs) {
    attempts.set(address, { count: 1, since: now });
    return true;
  }
  entry.count += 1;
  return entry.count <= max;
}
