/**
 * The forms' sending logic without a browser: the Idempotency-Key of a
 * submission (kept for retries of the same data, also across a reload; new for
 * new data and after success), how the plugin's refusals are read, and the
 * rules the islands repeat from @ritme/shared (kept equal here).
 */
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKeySchema, roundState } from '@ritme/shared';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { roundWindowState } from '../../src/islands/round-window';
import * as submit from '../../src/islands/submit';

const TEXTS = { required: 'required', tooLong: 'tooLong', invalid: 'invalid' };

/** A localStorage that survives "reloads" (new submissionKey instances) within one test. */
function fakeStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

let storage: ReturnType<typeof fakeStorage>;
beforeEach(() => {
  storage = fakeStorage();
  vi.stubGlobal('window', { localStorage: storage });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('what the islands repeat from @ritme/shared', () => {
  it('sends the header the plugin reads', () => {
    expect(submit.IDEMPOTENCY_KEY_HEADER).toBe(IDEMPOTENCY_KEY_HEADER);
  });

  it('makes keys the plugin accepts, also where crypto.randomUUID is missing (plain-http intranets)', () => {
    expect(IdempotencyKeySchema.safeParse(submit.newKey()).success).toBe(true);
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => real.getRandomValues(bytes) });
    const fallback = submit.newKey();
    expect(IdempotencyKeySchema.safeParse(fallback).success, fallback).toBe(true);
    expect(submit.newKey()).not.toBe(fallback);
  });

  it('agrees with roundState on whether a round is open, at every instant', () => {
    const at = fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-01-01') });
    fc.assert(
      fc.property(at, at, at, (opens, closes, now) => {
        const round = { opensAt: new Date(opens).toISOString(), closesAt: new Date(closes).toISOString() };
        expect(roundWindowState(round, new Date(now))).toBe(roundState(round, new Date(now)));
      }),
    );
    const round = { opensAt: '2026-10-01T00:00:00.000Z', closesAt: '2026-10-31T00:00:00.000Z' };
    for (const instant of ['2026-09-30T23:59:59.999Z', '2026-10-01T00:00:00.000Z', '2026-10-31T00:00:00.000Z']) {
      expect(roundWindowState(round, new Date(instant))).toBe(roundState(round, new Date(instant)));
    }
  });
});

describe('submissionKey', () => {
  const data = { message: 'Een idee', category: 'idea' };

  it('keeps the key for retries of the same data, also after a reload', () => {
    const first = submit.submissionKey('ritme:test-draft:key').for(data);
    expect(submit.submissionKey('ritme:test-draft:key').for(data)).toBe(first);
    expect(submit.submissionKey('ritme:test-draft:key').for({ ...data })).toBe(first);
  });

  it('uses a new key once the data differs from what the key was first sent with', () => {
    const keys = submit.submissionKey('ritme:test-draft:key');
    const first = keys.for(data);
    const edited = keys.for({ ...data, message: 'Een beter idee' });
    expect(edited).not.toBe(first);
    // The edited data is the submission in progress now.
    expect(submit.submissionKey('ritme:test-draft:key').for({ ...data, message: 'Een beter idee' })).toBe(edited);
  });

  it('uses a new key for the next submission after a successful one', () => {
    const keys = submit.submissionKey('ritme:test-draft:key');
    const first = keys.for(data);
    keys.done();
    expect(storage.items.has('ritme:test-draft:key')).toBe(false);
    expect(keys.for(data)).not.toBe(first);
  });

  it('still keeps the key in memory without storage', () => {
    const keys = submit.submissionKey(null);
    expect(keys.for(data)).toBe(keys.for(data));
    expect(storage.items.size).toBe(0);
  });
});

describe('send', () => {
  const answer = (status: number, body: unknown) =>
    vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status }));

  it('sends the Idempotency-Key with the submission', async () => {
    const fetch = answer(201, { data: { documentId: 'x' } });
    vi.stubGlobal('fetch', fetch);
    expect(await submit.send('https://cms.example/api/ritme/suggestions', data(), TEXTS, 'key-12345678')).toEqual({
      kind: 'ok',
      body: { data: { documentId: 'x' } },
    });
    const headers = fetch.mock.calls[0]?.[1].headers as Record<string, string>;
    expect(headers['Idempotency-Key']).toBe('key-12345678');
  });

  it.each([
    ['with a code', { code: 'round_closed', errors: [{ path: ['round'], message: 'The round has closed.' }] }],
    ['from a plugin that sends no code', { errors: [{ path: ['round'], message: 'The round has closed.' }] }],
  ])('reads a closed round %s', async (_name, details) => {
    vi.stubGlobal(
      'fetch',
      answer(400, { error: { status: 400, message: 'This evaluation round has closed.', details } }),
    );
    expect(await submit.send('/x', data(), TEXTS, 'key-12345678')).toEqual({ kind: 'round', reason: 'round_closed' });
  });

  it('reads a round that is not open yet', async () => {
    vi.stubGlobal(
      'fetch',
      answer(400, {
        error: {
          details: { code: 'round_not_open', errors: [{ path: ['round'], message: 'The round is not open yet.' }] },
        },
      }),
    );
    expect(await submit.send('/x', data(), TEXTS, 'key-12345678')).toEqual({ kind: 'round', reason: 'round_not_open' });
    vi.stubGlobal(
      'fetch',
      answer(400, { error: { details: { errors: [{ path: ['round'], message: 'The round is not open yet.' }] } } }),
    );
    expect(await submit.send('/x', data(), TEXTS, 'key-12345678')).toEqual({ kind: 'round', reason: 'round_not_open' });
  });

  it('still reads other field errors as field errors', async () => {
    vi.stubGlobal(
      'fetch',
      answer(400, {
        error: { details: { errors: [{ path: ['answers', 'works_well'], message: 'Must not be empty.' }] } },
      }),
    );
    expect(await submit.send('/x', data(), TEXTS, 'key-12345678')).toEqual({
      kind: 'invalid',
      fields: { 'answers.works_well': 'required' },
    });
  });

  it('reads a key reused for other data (422) as a conflict, and a lost connection as down', async () => {
    vi.stubGlobal('fetch', answer(422, { error: { status: 422 } }));
    expect(await submit.send('/x', data(), TEXTS, 'key-12345678')).toEqual({ kind: 'conflict' });
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await submit.send('/x', data(), TEXTS, 'key-12345678')).toEqual({ kind: 'down' });
  });

  it('reads a refusal the plugin names (404, 409) by its code, and one without a code as an error', async () => {
    vi.stubGlobal('fetch', answer(409, { error: { status: 409, details: { code: 'session_closed' } } }));
    expect(await submit.send('/x', data(), TEXTS, 'key-12345678')).toEqual({ kind: 'refused', code: 'session_closed' });
    vi.stubGlobal('fetch', answer(404, { error: { status: 404, details: { code: 'session_not_found' } } }));
    expect(await submit.send('/x', data(), TEXTS, 'key-12345678')).toEqual({
      kind: 'refused',
      code: 'session_not_found',
    });
    vi.stubGlobal('fetch', answer(404, { error: { status: 404, message: 'Not Found' } }));
    expect(await submit.send('/x', data(), TEXTS, 'key-12345678')).toEqual({ kind: 'error' });
  });

  function data() {
    return { message: 'Een idee', category: 'idea' };
  }
});

describe('roundAnswered', () => {
  it('remembers in this browser that a round was answered', () => {
    expect(submit.roundAnswered('round000001').get()).toBe(false);
    submit.roundAnswered('round000001').remember();
    expect(submit.roundAnswered('round000001').get()).toBe(true);
    expect(storage.items.has('ritme:round-answered:round000001')).toBe(true);
    expect(submit.roundAnswered('round000002').get()).toBe(false);
  });
});
