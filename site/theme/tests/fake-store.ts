/**
 * A small stand-in for the part of Astro's loader context the Ritme loader
 * uses: a Map-backed data store that, like Astro's, does not rewrite an entry
 * whose digest is unchanged, and a Map-backed meta store (where the loaders
 * keep their sync cursors).
 */
import { createHash } from 'node:crypto';
import type { RitmeLoaderContext } from '../src/loaders/ritme';

export function fakeLoaderContext() {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; digest?: string | number }>();
  const writes: string[] = [];
  const logs: string[] = [];
  const store = {
    set(entry: { id: string; data: Record<string, unknown>; digest?: string | number }) {
      const existing = entries.get(entry.id);
      if (existing && entry.digest !== undefined && existing.digest === entry.digest) return false;
      entries.set(entry.id, entry);
      writes.push(entry.id);
      return true;
    },
    get: (id: string) => entries.get(id),
    keys: () => [...entries.keys()],
    values: () => [...entries.values()],
    entries: () => [...entries.entries()],
    has: (id: string) => entries.has(id),
    delete: (id: string) => {
      entries.delete(id);
    },
    clear: () => entries.clear(),
  };
  const metaValues = new Map<string, string>();
  const meta = {
    get: (key: string) => metaValues.get(key),
    set: (key: string, value: string) => {
      metaValues.set(key, value);
    },
    has: (key: string) => metaValues.has(key),
    delete: (key: string) => {
      metaValues.delete(key);
    },
  };
  const logger = {
    info: (message: string) => logs.push(message),
    warn: (message: string) => logs.push(message),
    error: (message: string) => logs.push(message),
    debug: () => {},
  };
  const context = {
    store,
    meta,
    logger,
    generateDigest: (data: unknown) => createHash('sha1').update(JSON.stringify(data)).digest('hex'),
  } as unknown as RitmeLoaderContext;
  return { context, entries, meta: metaValues, writes, logs };
}
