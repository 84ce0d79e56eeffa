/**
 * Sending a form to the Ritme plugin from the browser, and turning what comes
 * back into something to tell the person: field errors, the CMS being down,
 * being asked to slow down, or the round having closed meanwhile. The plugin
 * validates with the shared schemas. Every submission carries an
 * Idempotency-Key, so a retry after a lost answer is stored once.
 */

/**
 * The header the plugin reads (IDEMPOTENCY_KEY_HEADER in @ritme/shared; not imported,
 * because that bundles zod into every form; tests/unit/islands.test.ts keeps them equal).
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export type SendResult =
  /** Stored; `body` is what the plugin answered (unread: the caller checks its shape). */
  | { kind: 'ok'; body: unknown }
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'round'; reason: RoundRefusal }
  | { kind: 'conflict' }
  /** Refused for a reason the plugin names in `details.code` (404/409: `session_not_found`, `session_closed`, …). */
  | { kind: 'refused'; code: string }
  | { kind: 'down' }
  | { kind: 'busy' }
  | { kind: 'error' };

/** Why the plugin refused an evaluation answer for its round (its `details.code`). */
export type RoundRefusal = 'round_closed' | 'round_not_open';

interface ErrorBody {
  error?: {
    details?: { code?: unknown; errors?: { path: (string | number)[]; message: string }[] };
  };
}

/** The round's refusal, by its code or — from a plugin that sends no code — by its message on `round`. */
function roundRefusal(body: ErrorBody | null): RoundRefusal | null {
  const details = body?.error?.details;
  if (details?.code === 'round_closed' || details?.code === 'round_not_open') return details.code;
  const round = details?.errors?.find((error) => error.path.length === 1 && error.path[0] === 'round');
  if (!round) return null;
  if (/has closed/i.test(round.message)) return 'round_closed';
  if (/not open/i.test(round.message)) return 'round_not_open';
  return null;
}

export interface ErrorTexts {
  required: string;
  tooLong: string;
  invalid: string;
}

/** Map the plugin's (English) field messages onto the page's language. */
export function fieldMessage(message: string, texts: ErrorTexts): string {
  if (/at most/i.test(message)) return texts.tooLong;
  if (/empty|required|expected string, received undefined|at least one/i.test(message)) return texts.required;
  return texts.invalid;
}

export async function send(
  endpoint: string,
  data: unknown,
  texts: ErrorTexts,
  idempotencyKey: string,
): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        [IDEMPOTENCY_KEY_HEADER]: idempotencyKey,
      },
      body: JSON.stringify({ data }),
    });
  } catch {
    return { kind: 'down' };
  }
  if (response.ok) return { kind: 'ok', body: await response.json().catch(() => null) };
  if (response.status === 429) return { kind: 'busy' };
  if (response.status === 422) return { kind: 'conflict' };
  if (response.status === 404 || response.status === 409) {
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    const code = body?.error?.details?.code;
    return typeof code === 'string' ? { kind: 'refused', code } : { kind: 'error' };
  }
  if (response.status === 400) {
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    const reason = roundRefusal(body);
    if (reason) return { kind: 'round', reason };
    const fields: Record<string, string> = {};
    for (const error of body?.error?.details?.errors ?? []) {
      const key = error.path.join('.') || 'form';
      fields[key] ??= fieldMessage(error.message, texts);
    }
    return { kind: 'invalid', fields };
  }
  return response.status >= 500 || response.status === 502 || response.status === 503
    ? { kind: 'down' }
    : { kind: 'error' };
}

/** Keep what someone typed in this browser until it is sent, so nothing is lost. */
export function draftStore(key: string) {
  const storage = typeof window === 'undefined' ? null : window.localStorage;
  return {
    load<T>(fallback: T): T {
      try {
        const raw = storage?.getItem(key);
        return raw ? { ...fallback, ...(JSON.parse(raw) as T) } : fallback;
      } catch {
        return fallback;
      }
    },
    save(value: unknown) {
      try {
        storage?.setItem(key, JSON.stringify(value));
      } catch {
        // storage full or disabled: the form still holds the text
      }
    },
    clear() {
      storage?.removeItem(key);
    },
  };
}

/** A random Idempotency-Key (the plugin takes 8–100 of A-Z a-z 0-9 _ -). */
export function newKey(): string {
  // randomUUID exists only on https:// and localhost; an intranet on plain http still has getRandomValues.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The Idempotency-Key of the submission in progress. Retrying the same data
 * (also after a reload, when `storageKey` keeps it in localStorage next to the
 * draft) sends the same key, so a request that reached Strapi but whose answer
 * was lost is stored once. Different data gets a new key — the plugin refuses
 * a key reused for another body — and so does the next submission after a
 * successful one (`done`).
 */
export function submissionKey(storageKey: string | null) {
  const storage = typeof window === 'undefined' || !storageKey ? null : window.localStorage;
  let current: { key: string; data: string } | null = null;
  const read = () => {
    try {
      const raw = storageKey ? storage?.getItem(storageKey) : null;
      const stored = raw ? (JSON.parse(raw) as { key?: unknown; data?: unknown }) : null;
      if (typeof stored?.key === 'string' && typeof stored.data === 'string')
        current = { key: stored.key, data: stored.data };
    } catch {
      // unreadable: a new key will do
    }
    return current;
  };
  return {
    /** The key for sending `data`: the one it was first sent with, or a new one. */
    for(data: unknown): string {
      const json = JSON.stringify(data);
      const earlier = read();
      if (earlier && earlier.data === json) return earlier.key;
      current = { key: newKey(), data: json };
      try {
        if (storageKey) storage?.setItem(storageKey, JSON.stringify(current));
      } catch {
        // storage full or disabled: the key lives as long as the page
      }
      return current.key;
    },
    /** The submission is stored (or its key is spent): the next one gets a new key. */
    done() {
      current = null;
      try {
        if (storageKey) storage?.removeItem(storageKey);
      } catch {
        // nothing stored
      }
    },
  };
}

/** Whether this browser has answered a round, so its form can say so instead of asking again. */
export function roundAnswered(round: string) {
  const key = `ritme:round-answered:${round}`;
  const storage = typeof window === 'undefined' ? null : window.localStorage;
  return {
    get(): boolean {
      try {
        return (storage?.getItem(key) ?? null) !== null;
      } catch {
        return false;
      }
    },
    remember() {
      try {
        storage?.setItem(key, new Date().toISOString());
      } catch {
        // storage full or disabled: the form simply asks again on the next visit
      }
    },
  };
}
