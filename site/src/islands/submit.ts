/**
 * Sending a form to the Ritme plugin from the browser, and turning what comes
 * back into something to tell the person: field errors, the CMS being down, or
 * being asked to slow down. The plugin validates with the shared schemas.
 */
export type SendResult =
  | { kind: 'ok' }
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'down' }
  | { kind: 'busy' }
  | { kind: 'error' };

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

export async function send(endpoint: string, data: unknown, texts: ErrorTexts): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ data }),
    });
  } catch {
    return { kind: 'down' };
  }
  if (response.ok) return { kind: 'ok' };
  if (response.status === 429) return { kind: 'busy' };
  if (response.status === 400) {
    const body = (await response.json().catch(() => null)) as {
      error?: { details?: { errors?: { path: (string | number)[]; message: string }[] } };
    } | null;
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
