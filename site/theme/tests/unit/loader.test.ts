/**
 * The content-layer loaders against a local stub of the plugin's API that
 * answers the incremental sync of @ritme/shared's sync.ts: a cold first build,
 * later builds that fetch only what changed (bytes measured at the stub),
 * deletions, the cursor in the meta store, the results of closed rounds fetched
 * once, and build errors that say what to do and leave the store as it was.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type EvaluationRound,
  EvaluationRoundSchema,
  type Group,
  GroupSchema,
  type Home,
  HomeSchema,
  type Locale,
  type PersonRef,
  RitmeApiError,
  SYNC_MAX_CHANGED,
  SYNC_MAX_IDS,
  SYNC_OVERLAP_MS,
  SYNC_RETENTION_DAYS,
} from '@ritme/shared';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  entryId,
  type RitmeLoaderContext,
  type RitmeLoaderOptions,
  ROUNDS_CURSOR_KEY,
  ROUNDS_INDEX_KEY,
  ritmeHomeLoader,
  ritmeLoader,
  ritmeResultsLoader,
  SYNC_CURSOR_KEY,
  syncRoute,
} from '../../src/loaders/ritme';

// ---------------------------------------------------------------------------
// Fixtures: entries exactly as the plugin serves them (checked against the schemas below).

const docId = (prefix: string, i: number) => `${prefix}${String(i).padStart(8, '0')}`;

function group(i: number, locale: Locale, overrides: Partial<Group> = {}): Group {
  return {
    documentId: docId('grp', i),
    locale,
    slug: locale === 'nl' ? `groep-${i}` : `group-${i}`,
    updatedAt: '2026-11-27T10:00:00.000Z',
    localizations: [
      {
        locale: locale === 'nl' ? 'en' : 'nl',
        slug: locale === 'nl' ? `group-${i}` : `groep-${i}`,
        documentId: docId('grp', i),
      },
    ],
    name: locale === 'nl' ? `Groep ${i}` : `Group ${i}`,
    kind: 'team',
    description: '',
    people: [],
    behaviours: [],
    spotlights: [],
    ...overrides,
  };
}

function round(i: number, locale: Locale, closesAt: string): EvaluationRound {
  return {
    documentId: docId('rnd', i),
    locale,
    slug: `ronde-${i}`,
    updatedAt: '2026-01-01T00:00:00.000Z',
    localizations: [],
    title: `Ronde ${i}`,
    intro: '',
    questions: [{ key: 'works_well', label: 'Wat werkt goed?' }],
    group: null,
    opensAt: '2020-01-01T00:00:00.000Z',
    closesAt,
    minimumResponses: 3,
    followUp: '',
  };
}

const home = (locale: Locale): Home => ({
  locale,
  week: 2917,
  focusBehaviour: null,
  upcomingSessions: [],
  latestSpotlights: [],
  openRound: null,
  people: [],
});

const person = (i: number): PersonRef => ({
  documentId: docId('per', i),
  slug: `persoon-${i}`,
  name: `Persoon ${i}`,
  roleTitle: 'Coach',
  kind: 'coach',
  photo: null,
  email: null,
  chatUrl: null,
});

// ---------------------------------------------------------------------------
// The stub CMS: `/api/ritme/sync/<route>` as sync.ts specifies it, over entries
// the tests publish, with a clock of its own and the change times the tests stamp;
// plus the home and results routes. It counts the bytes of every answer.

const DAY = 86_400_000;
/** `<route>:<locale>` → the published entries. */
const content = new Map<string, { documentId: string }[]>();
/** documentId → when it last changed (any type, deleted ones too). */
const stamps = new Map<string, number>();
/** route → every documentId it ever served (for tombstones). */
const routeDocs = new Map<string, Set<string>>();
/** `<route>:<locale>` → a canned error answer. */
const failures = new Map<string, { status: number; body: string }>();
/** A canned error answer for the requests it picks. */
let failIf: ((url: URL) => { status: number; body: string } | undefined) | undefined;
/** `<roundDocumentId>:<locale>` → a results body. */
const results = new Map<string, unknown>();
const homes = new Map<string, unknown>();
const requests: string[] = [];
/** documentIds answered in `data`, per request, for the sync route. */
const served: string[][] = [];
let clock = 0;
let bytes = 0;

let server: Server;
let cmsUrl: string;

function send(res: import('node:http').ServerResponse, status: number, body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  bytes += Buffer.byteLength(text);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(text);
}

const notFound = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } };
const embeds = (entry: unknown, documentId: string) => JSON.stringify(entry).includes(`"documentId":"${documentId}"`);

function sync(route: string, url: URL): { data: { documentId: string }[]; tombstones: string[]; meta: object } {
  const locale = url.searchParams.get('locale') ?? 'nl';
  const all = [...(content.get(`${route}:${locale}`) ?? [])].sort((a, b) => a.documentId.localeCompare(b.documentId));
  const now = new Date(clock).toISOString();
  const ids = url.searchParams.get('ids');
  if (ids !== null) {
    const asked = ids.split(',');
    const data = all.filter((entry) => asked.includes(entry.documentId));
    const tombstones = asked.filter((id) => !data.some((entry) => entry.documentId === id));
    return { data, tombstones, meta: { since: null, until: now, next: null, reset: false, changed: null } };
  }
  const sinceParam = url.searchParams.get('since');
  const until = url.searchParams.get('until') ?? now;
  const after = url.searchParams.get('after') ?? '';
  const limit = Number(url.searchParams.get('limit') ?? 500);
  const since = sinceParam === null ? undefined : Date.parse(sinceParam);
  const reset = since !== undefined && since < clock - SYNC_RETENTION_DAYS * DAY;
  const page = <T>(items: T[], idOf: (item: T) => string) => {
    const rest = items.filter((item) => idOf(item) > after);
    const slice = rest.slice(0, limit);
    return { slice, next: rest.length > limit ? { after: idOf(slice.at(-1) as T) } : null };
  };
  if (since === undefined || reset) {
    const { slice, next } = page(all, (entry) => entry.documentId);
    return { data: slice, tombstones: [], meta: { since: sinceParam, until, next, reset, changed: null } };
  }
  const end = Date.parse(until);
  const changed = [...stamps].filter(([, t]) => t > since - SYNC_OVERLAP_MS && t <= end).map(([id]) => id);
  const data = all.filter((entry) => changed.includes(entry.documentId) || changed.some((id) => embeds(entry, id)));
  const tombstones = [...(routeDocs.get(route) ?? [])].filter(
    (id) => changed.includes(id) && !all.some((entry) => entry.documentId === id),
  );
  const window: { id: string; entry?: { documentId: string } }[] = [
    ...data.map((entry) => ({ id: entry.documentId, entry })),
    ...tombstones.map((id) => ({ id })),
  ].sort((a, b) => a.id.localeCompare(b.id));
  const { slice, next } = page(window, (item) => item.id);
  return {
    data: slice.flatMap((item) => (item.entry ? [item.entry] : [])),
    tombstones: slice.flatMap((item) => (item.entry ? [] : [item.id])),
    meta: { since: sinceParam, until, next, reset: false, changed: changed.length > SYNC_MAX_CHANGED ? null : changed },
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://stub');
    const locale = url.searchParams.get('locale') ?? 'nl';
    const match = /^\/api\/ritme\/(.+)$/.exec(url.pathname);
    const path = match?.[1] ?? '';
    const syncMatch = /^sync\/([a-z-]+)$/.exec(path);
    const route = syncMatch?.[1] ?? path;
    const failure = failures.get(`${route}:${locale}`) ?? failIf?.(url);
    if (failure) return send(res, failure.status, failure.body);

    if (syncMatch) {
      if (!content.has(`${route}:${locale}`)) return send(res, 404, notFound);
      const answer = sync(route, url);
      served.push(answer.data.map((entry) => entry.documentId));
      return send(res, 200, answer);
    }
    const resultsMatch = /^evaluation-rounds\/([a-z0-9]+)\/results$/.exec(path);
    if (resultsMatch) {
      const body = results.get(`${resultsMatch[1]}:${locale}`);
      return body ? send(res, 200, { data: body }) : send(res, 404, notFound);
    }
    if (path === 'home') {
      const body = homes.get(locale);
      return body ? send(res, 200, { data: body }) : send(res, 404, notFound);
    }
    send(res, 404, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  content.clear();
  stamps.clear();
  routeDocs.clear();
  failures.clear();
  failIf = undefined;
  results.clear();
  homes.clear();
  requests.length = 0;
  served.length = 0;
  clock = Date.parse('2026-11-01T00:00:00.000Z');
  bytes = 0;
});

/** The documents changed now, then a minute passes (beyond the overlap of the next window). */
function stamp(...documentIds: string[]) {
  for (const id of documentIds) stamps.set(id, clock);
  clock += 60_000;
}

/** Publish these entries of a route in a locale (replacing what was there). Stamp what changed. */
function publish(route: string, locale: Locale, entries: { documentId: string }[]) {
  content.set(`${route}:${locale}`, entries);
  const docs = routeDocs.get(route) ?? new Set<string>();
  for (const entry of entries) docs.add(entry.documentId);
  routeDocs.set(route, docs);
}

/** Change some entries of a route in a locale; stamps their documents. */
function change<T extends { documentId: string }>(route: string, locale: Locale, edit: (entry: T) => T | null) {
  const before = (content.get(`${route}:${locale}`) ?? []) as T[];
  const after = before.flatMap((entry) => {
    const next = edit(entry);
    return next ? [next] : [];
  });
  publish(route, locale, after);
  return after;
}

/** Measure the bytes and requests of what runs in `run`. */
async function measure<T>(run: () => Promise<T>) {
  const start = { bytes, requests: requests.length, served: served.length };
  const value = await run();
  return {
    value,
    bytes: bytes - start.bytes,
    requests: requests.slice(start.requests),
    served: served.slice(start.served).flat(),
  };
}

// ---------------------------------------------------------------------------
// A small fake of Astro's loader context: a store that skips an unchanged digest, a meta store.

type Entry = { id: string; data: Record<string, unknown>; digest?: string | number };

function fakeContext() {
  const map = new Map<string, Entry>();
  const metaValues = new Map<string, string>();
  const writes: string[] = [];
  const log: { level: 'info' | 'warn' | 'error'; message: string }[] = [];
  const store = {
    set(entry: Entry) {
      const existing = map.get(entry.id);
      if (existing && entry.digest !== undefined && existing.digest === entry.digest) return false;
      map.set(entry.id, entry);
      writes.push(entry.id);
      return true;
    },
    get: (id: string) => map.get(id),
    has: (id: string) => map.has(id),
    keys: () => [...map.keys()],
    values: () => [...map.values()],
    entries: () => [...map.entries()],
    delete: (id: string) => {
      map.delete(id);
    },
    clear: () => map.clear(),
    addModuleImport: () => {},
  };
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
    info: (message: string) => log.push({ level: 'info', message }),
    warn: (message: string) => log.push({ level: 'warn', message }),
    error: (message: string) => log.push({ level: 'error', message }),
    debug: () => {},
  };
  const generateDigest = (data: Record<string, unknown> | string) =>
    createHash('sha1').update(JSON.stringify(data)).digest('hex');
  const context = { store, meta, logger, generateDigest } as unknown as RitmeLoaderContext;
  /** The same fake, typed as the full context a `Loader.load` receives (only the four parts above exist). */
  const full = context as unknown as LoaderContext;
  /** What the store and meta hold now, to compare before and after. */
  const snapshot = () => ({ entries: structuredClone([...map.entries()]), meta: new Map(metaValues) });
  return { map, meta: metaValues, writes, log, context, full, snapshot };
}

const options = (overrides: Partial<RitmeLoaderOptions> = {}): RitmeLoaderOptions => ({
  cmsUrl,
  locales: ['nl', 'en'],
  ...overrides,
});

const syncUrl = (route: string, locale: Locale, query: Record<string, string> = {}) =>
  `/api/ritme/sync/${route}?${new URLSearchParams({ locale, ...query, ...(query.ids ? {} : { limit: '500' }) })}`;

function serveGroups(count: number, locale: Locale, edit: (g: Group) => Group = (g) => g) {
  const groups = Array.from({ length: count }, (_, i) => edit(group(i, locale)));
  publish('groups', locale, groups);
  stamp(...groups.map((g) => g.documentId));
}

const cursorOf = (meta: Map<string, string>, key = SYNC_CURSOR_KEY) => JSON.parse(meta.get(key) ?? 'null');

// ---------------------------------------------------------------------------

describe('fixtures', () => {
  it('match the shared schemas exactly (no missing or extra fields)', () => {
    for (const locale of ['nl', 'en'] as const) {
      const g = group(1, locale, { people: [person(1)] });
      expect(GroupSchema.parse(g)).toEqual(g);
      const r = round(1, locale, '2020-02-01T00:00:00.000Z');
      expect(EvaluationRoundSchema.parse(r)).toEqual(r);
      expect(HomeSchema.parse(home(locale))).toEqual(home(locale));
    }
  });
});

describe('entryId', () => {
  it('keys an entry by locale and documentId', () => {
    expect(entryId('nl', 'abc0000001')).toBe('nl:abc0000001');
    expect(entryId('en', 'abc0000001')).toBe('en:abc0000001');
  });
});

describe('syncRoute: the first build', () => {
  it('reads the sync route to the end, 500 at a time, one stream per locale', async () => {
    serveGroups(1_200, 'nl');
    serveGroups(3, 'en');
    const { map, context } = fakeContext();

    const stats = await syncRoute('groups', options(), context);

    const until = new Date(clock).toISOString();
    expect(requests).toEqual([
      syncUrl('groups', 'nl'),
      syncUrl('groups', 'nl', { until, after: docId('grp', 499) }),
      syncUrl('groups', 'nl', { until, after: docId('grp', 999) }),
      syncUrl('groups', 'en'),
    ]);
    expect(stats).toEqual({ written: 1_203, unchanged: 0, deleted: 0, bytes, mode: 'cold' });
    expect(map.size).toBe(1_203);
    expect([...map.keys()].filter((id) => id.startsWith('nl:'))).toHaveLength(1_200);
    expect([...map.keys()].filter((id) => id.startsWith('en:'))).toHaveLength(3);
  });

  it('keys entries `<locale>:<documentId>` and stores the parsed entry with a digest', async () => {
    serveGroups(2, 'nl');
    serveGroups(2, 'en');
    const { map, context } = fakeContext();

    await syncRoute('groups', options(), context);

    const id = docId('grp', 1);
    expect([...map.keys()].sort()).toEqual(
      [`en:${docId('grp', 0)}`, `en:${id}`, `nl:${docId('grp', 0)}`, `nl:${id}`].sort(),
    );
    expect(map.get(`nl:${id}`)?.data).toEqual(group(1, 'nl'));
    expect(map.get(`en:${id}`)?.data).toEqual(group(1, 'en'));
    expect(map.get(`nl:${id}`)?.digest).toMatch(/^[0-9a-f]{40}$/);
    expect(map.get(`nl:${id}`)?.digest).not.toBe(map.get(`en:${id}`)?.digest);
  });

  it('keeps the cursor in the meta store: per locale, the `until` the CMS answered', async () => {
    serveGroups(2, 'nl');
    const nlUntil = new Date(clock).toISOString();
    const { meta, context, log } = fakeContext();
    const original = options({ locales: ['nl', 'en'] });
    // The CMS's clock moves between the two locales' requests.
    publish('groups', 'en', []);
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await globalThis.fetch(input, init);
      clock += 1_000;
      return response;
    };

    await syncRoute('groups', { ...original, fetch }, context);

    expect(cursorOf(meta)).toEqual({
      version: 1,
      route: 'groups',
      until: { nl: nlUntil, en: new Date(Date.parse(nlUntil) + 1_000).toISOString() },
    });
    expect(log.at(-1)?.message).toMatch(/^groups: 2 written, 0 unchanged, 0 removed, \d+ bytes \(cold\)$/);
  });

  it('only asks for the configured locales', async () => {
    serveGroups(2, 'nl');
    serveGroups(2, 'en');
    const { map, context } = fakeContext();

    await syncRoute('groups', options({ locales: ['en'] }), context);

    expect(requests).toEqual([syncUrl('groups', 'en')]);
    expect([...map.keys()].every((id) => id.startsWith('en:'))).toBe(true);
  });

  it('ignores a trailing slash on the CMS URL', async () => {
    serveGroups(1, 'nl');
    const { context } = fakeContext();
    await syncRoute('groups', options({ cmsUrl: `${cmsUrl}/`, locales: ['nl'] }), context);
    expect(requests).toEqual([syncUrl('groups', 'nl')]);
  });
});

describe('syncRoute: the next builds', () => {
  const PER_LOCALE = 2_000;

  async function built(edit: (g: Group) => Group = (g) => g) {
    serveGroups(PER_LOCALE, 'nl', edit);
    serveGroups(PER_LOCALE, 'en', edit);
    const fake = fakeContext();
    const cold = await measure(() => syncRoute('groups', options(), fake.context));
    fake.writes.length = 0;
    return { ...fake, cold };
  }

  it(`with nothing changed fetch ≤ 1 % of the first build's bytes (${PER_LOCALE} entries per locale)`, async () => {
    const { context, writes, log, meta, cold } = await built();
    const cursor = cursorOf(meta);
    clock += 60_000;

    const again = await measure(() => syncRoute('groups', options(), context));

    expect(cold.value).toMatchObject({ written: 2 * PER_LOCALE, mode: 'cold' });
    expect(cold.bytes).toBeGreaterThan(1_000_000);
    expect(again.bytes).toBeLessThanOrEqual(cold.bytes / 100);
    expect(again.requests).toEqual([
      syncUrl('groups', 'nl', { since: cursor.until.nl }),
      syncUrl('groups', 'en', { since: cursor.until.en }),
    ]);
    expect(again.served).toEqual([]);
    expect(again.value).toEqual({
      written: 0,
      unchanged: 2 * PER_LOCALE,
      deleted: 0,
      bytes: again.bytes,
      mode: 'incremental',
    });
    expect(writes).toEqual([]);
    expect(log.at(-1)).toEqual({
      level: 'info',
      message: `groups: 0 written, ${2 * PER_LOCALE} unchanged, 0 removed, ${again.bytes} bytes (incremental)`,
    });
    // The cursor moved on.
    expect(cursorOf(meta).until.nl).not.toBe(cursor.until.nl);
  });

  it('after a one-entry change fetch that entry, in both locales, and rewrite only the changed one', async () => {
    const { map, context, writes, cold } = await built();

    change<Group>('groups', 'nl', (g) => (g.documentId === docId('grp', 1) ? { ...g, name: 'Nieuwe naam' } : g));
    stamp(docId('grp', 1));
    const again = await measure(() => syncRoute('groups', options(), context));

    // Its own row changed: both locales' versions come (the language switcher follows).
    expect(again.served).toEqual([docId('grp', 1), docId('grp', 1)]);
    expect(again.bytes).toBeLessThan(cold.bytes / 100);
    expect(again.value).toMatchObject({ written: 1, unchanged: 2 * PER_LOCALE - 1, deleted: 0 });
    expect(writes).toEqual([`nl:${docId('grp', 1)}`]);
    expect(map.get(`nl:${docId('grp', 1)}`)?.data.name).toBe('Nieuwe naam');
    expect(map.get(`en:${docId('grp', 1)}`)?.data.name).toBe('Group 1');
  });

  it('after a change of an embedded document fetch what embeds it', async () => {
    const withPerson = (g: Group) =>
      g.documentId === docId('grp', 5) || g.documentId === docId('grp', 7) ? { ...g, people: [person(1)] } : g;
    const { map, context, writes } = await built(withPerson);

    for (const locale of ['nl', 'en'] as const) {
      change<Group>('groups', locale, (g) =>
        g.people.length > 0 ? { ...g, people: [{ ...person(1), name: 'Andere naam' }] } : g,
      );
    }
    stamp(docId('per', 1));
    const again = await measure(() => syncRoute('groups', options(), context));

    expect(again.served.sort()).toEqual([docId('grp', 5), docId('grp', 5), docId('grp', 7), docId('grp', 7)]);
    expect(again.value).toMatchObject({ written: 4, deleted: 0 });
    expect(writes.sort()).toEqual(
      [`en:${docId('grp', 5)}`, `en:${docId('grp', 7)}`, `nl:${docId('grp', 5)}`, `nl:${docId('grp', 7)}`].sort(),
    );
    expect(map.get(`nl:${docId('grp', 7)}`)?.data.people).toEqual([{ ...person(1), name: 'Andere naam' }]);
  });

  it('re-asks with `ids` an entry whose relation was removed on the other side', async () => {
    const withPerson = (g: Group) =>
      g.documentId === docId('grp', 5) || g.documentId === docId('grp', 7) ? { ...g, people: [person(1)] } : g;
    const { map, context, writes } = await built(withPerson);

    // Saved on the person: group 7's own row did not change, and it no longer embeds person 1.
    for (const locale of ['nl', 'en'] as const) {
      change<Group>('groups', locale, (g) => (g.documentId === docId('grp', 7) ? { ...g, people: [] } : g));
    }
    stamp(docId('per', 1));
    const again = await measure(() => syncRoute('groups', options(), context));

    expect(again.requests.filter((url) => url.includes('ids='))).toEqual([
      syncUrl('groups', 'nl', { ids: docId('grp', 7) }),
      syncUrl('groups', 'en', { ids: docId('grp', 7) }),
    ]);
    expect(writes.sort()).toEqual([`en:${docId('grp', 7)}`, `nl:${docId('grp', 7)}`]);
    expect(map.get(`nl:${docId('grp', 7)}`)?.data.people).toEqual([]);
    expect(again.value).toMatchObject({ written: 2, deleted: 0 });
  });

  it('removes an entry that is no longer published, in that locale only', async () => {
    const { map, context } = await built();

    change<Group>('groups', 'en', (g) => (g.documentId === docId('grp', 2) ? null : g));
    stamp(docId('grp', 2));
    const again = await measure(() => syncRoute('groups', options(), context));

    expect(again.value).toMatchObject({ written: 0, unchanged: 2 * PER_LOCALE - 1, deleted: 1 });
    expect(map.has(`en:${docId('grp', 2)}`)).toBe(false);
    expect(map.has(`nl:${docId('grp', 2)}`)).toBe(true);
  });

  it('empties the collection when everything was unpublished', async () => {
    serveGroups(2, 'nl');
    serveGroups(2, 'en');
    const { map, context } = fakeContext();
    await syncRoute('groups', options(), context);

    publish('groups', 'nl', []);
    publish('groups', 'en', []);
    stamp(docId('grp', 0), docId('grp', 1));
    const stats = await syncRoute('groups', options(), context);

    expect(stats).toMatchObject({ written: 0, unchanged: 0, deleted: 4, mode: 'incremental' });
    expect(map.size).toBe(0);
  });

  it('syncs cold when the store was cleared but the cursor is still there', async () => {
    serveGroups(3, 'nl');
    serveGroups(3, 'en');
    const { map, meta, context } = fakeContext();
    await syncRoute('groups', options(), context);
    map.clear();
    expect(meta.has(SYNC_CURSOR_KEY)).toBe(true);

    const again = await measure(() => syncRoute('groups', options(), context));

    expect(again.requests).toEqual([syncUrl('groups', 'nl'), syncUrl('groups', 'en')]);
    expect(again.value).toMatchObject({ written: 6, mode: 'cold' });
    expect(map.size).toBe(6);
  });

  it('syncs cold when the cursor is not one it wrote', async () => {
    serveGroups(3, 'nl');
    const { meta, context } = fakeContext();
    await syncRoute('groups', options({ locales: ['nl'] }), context);
    for (const bad of ['{not json', '{"version":1,"route":"people","until":{"nl":"2026-11-01T00:00:00.000Z"}}']) {
      meta.set(SYNC_CURSOR_KEY, bad);
      const again = await measure(() => syncRoute('groups', options({ locales: ['nl'] }), context));
      expect(again.requests).toEqual([syncUrl('groups', 'nl')]);
    }
  });

  it('takes a reset answer (the cursor is older than the tombstones) as a cold sync', async () => {
    serveGroups(3, 'nl');
    const { map, context, log } = fakeContext();
    await syncRoute('groups', options({ locales: ['nl'] }), context);

    // Unpublished, then nobody built for six weeks: the tombstone is gone.
    change<Group>('groups', 'nl', (g) => (g.documentId === docId('grp', 0) ? null : g));
    stamps.delete(docId('grp', 0));
    clock += 6 * 7 * DAY;
    const stats = await syncRoute('groups', options({ locales: ['nl'] }), context);

    expect(stats).toMatchObject({ written: 0, unchanged: 2, deleted: 1, mode: 'cold' });
    expect(map.has(`nl:${docId('grp', 0)}`)).toBe(false);
    expect(log.at(-1)?.message).toMatch(/\(cold\)$/);
  });

  it('asks at most SYNC_MAX_IDS ids at a time', async () => {
    const count = SYNC_MAX_IDS + 20;
    serveGroups(count, 'nl', (g) => ({ ...g, people: [person(1)] }));
    const { map, context } = fakeContext();
    await syncRoute('groups', options({ locales: ['nl'] }), context);

    // Person 1 unpublished: nothing embeds it any more, and no group's own row changed.
    change<Group>('groups', 'nl', (g) => ({ ...g, people: [] }));
    stamp(docId('per', 1));
    const again = await measure(() => syncRoute('groups', options({ locales: ['nl'] }), context));

    const refreshes = again.requests.filter((url) => url.includes('ids='));
    expect(refreshes.map((url) => new URL(url, 'http://x').searchParams.get('ids')?.split(',').length)).toEqual([
      SYNC_MAX_IDS,
      20,
    ]);
    expect(again.value).toMatchObject({ written: count });
    expect([...map.values()].every((entry) => (entry.data as Group).people.length === 0)).toBe(true);
  });
});

describe('syncRoute fails the build with a message that says what to do', () => {
  it('when the CMS cannot be reached', async () => {
    const { map, context } = fakeContext();
    map.set('nl:keepme00001', { id: 'nl:keepme00001', data: {}, digest: 'x' });
    const unreachable = 'http://127.0.0.1:9';

    const error = await syncRoute('groups', options({ cmsUrl: unreachable }), context).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('"groups"');
    expect(message).toContain(unreachable);
    expect(message).toContain('npm start');
    expect(message).toContain('CMS_URL');
    expect((error as Error).cause).toBeInstanceOf(RitmeApiError);
    expect(((error as Error).cause as RitmeApiError).status).toBe(0);
    // Nothing was deleted because the CMS was down.
    expect([...map.keys()]).toEqual(['nl:keepme00001']);
  });

  it('when the CMS answers 500', async () => {
    failures.set('groups:nl', {
      status: 500,
      body: JSON.stringify({ data: null, error: { status: 500, name: 'InternalServerError', message: 'Boom' } }),
    });
    const { context } = fakeContext();

    const promise = syncRoute('groups', options(), context);

    await expect(promise).rejects.toThrow(/could not load "groups"/);
    await expect(promise).rejects.toThrow(/failed with 500: Boom/);
    await expect(promise).rejects.toThrow(syncUrl('groups', 'nl'));
    await expect(promise).rejects.toThrow(/Check the CMS log/);
    await expect(promise).rejects.not.toThrow(/npm start/);
  });

  it('when the public role may not read the route (403)', async () => {
    failures.set('behaviours:nl', {
      status: 403,
      body: JSON.stringify({ data: null, error: { status: 403, name: 'ForbiddenError', message: 'Forbidden' } }),
    });
    const { context } = fakeContext();
    await expect(syncRoute('behaviours', options(), context)).rejects.toThrow(
      /"behaviours".*failed with 403.*is the ritme plugin installed/s,
    );
  });

  it('when the answer is not JSON (CMS_URL points at something else)', async () => {
    failures.set('groups:nl', { status: 200, body: '<html>not strapi</html>' });
    const { context } = fakeContext();
    await expect(syncRoute('groups', options(), context)).rejects.toThrow(/not JSON.*Is CMS_URL pointing at Strapi/s);
  });

  it("when an entry does not match Ritme's schema", async () => {
    serveGroups(2, 'nl', (g) => (g.documentId === docId('grp', 1) ? { ...g, slug: 'Not A Slug' } : g));
    const { map, meta, context } = fakeContext();

    const promise = syncRoute('groups', options(), context);

    await expect(promise).rejects.toThrow(/could not load "groups"/);
    await expect(promise).rejects.toThrow(/does not match Ritme's schema/);
    await expect(promise).rejects.toThrow(/data\.1\.slug/);
    expect(map.size).toBe(0);
    expect(meta.size).toBe(0);
  });

  it('when a later locale fails: nothing is written or deleted, the store and the cursor stay', async () => {
    serveGroups(3, 'nl');
    serveGroups(3, 'en');
    const { map, context, snapshot } = fakeContext();
    await syncRoute('groups', options(), context);
    const before = snapshot();

    // nl changes (one renamed, one unpublished) while en breaks.
    change<Group>('groups', 'nl', (g) =>
      g.documentId === docId('grp', 2) ? null : g.documentId === docId('grp', 0) ? { ...g, name: 'Hernoemd' } : g,
    );
    stamp(docId('grp', 0), docId('grp', 2));
    failures.set('groups:en', { status: 502, body: '' });

    await expect(syncRoute('groups', options(), context)).rejects.toThrow(/could not load "groups".*502/s);

    // Everything is fetched before anything is written: nl keeps its previous content too.
    expect(snapshot()).toEqual(before);
    expect(map.get(`nl:${docId('grp', 0)}`)?.data.name).not.toBe('Hernoemd');

    // Once the CMS answers again, the same cursor brings both changes.
    failures.clear();
    const stats = await syncRoute('groups', options(), context);
    expect(stats).toMatchObject({ written: 1, deleted: 1, mode: 'incremental' });
    expect(map.get(`nl:${docId('grp', 0)}`)?.data.name).toBe('Hernoemd');
  });

  it('when the `ids` refresh fails after the windows were read: nothing changes', async () => {
    serveGroups(3, 'nl', (g) => ({ ...g, people: [person(1)] }));
    const { context, snapshot } = fakeContext();
    await syncRoute('groups', options({ locales: ['nl'] }), context);
    const before = snapshot();

    change<Group>('groups', 'nl', (g) =>
      g.documentId === docId('grp', 0) ? { ...g, name: 'Anders' } : { ...g, people: [] },
    );
    stamp(docId('grp', 0), docId('per', 1));
    failIf = (url) => (url.searchParams.has('ids') ? { status: 503, body: '' } : undefined);

    await expect(syncRoute('groups', options({ locales: ['nl'] }), context)).rejects.toThrow(/503/);
    expect(requests.some((url) => url.includes('ids='))).toBe(true);
    expect(snapshot()).toEqual(before);
  });
});

describe('ritmeLoader', () => {
  it('is named after its route and syncs it', async () => {
    serveGroups(2, 'nl');
    serveGroups(1, 'en');
    const loader = ritmeLoader('groups', options());
    const { map, full, log } = fakeContext();

    expect(loader.name).toBe('ritme:groups');
    await loader.load(full);

    expect([...map.keys()].sort()).toEqual(
      [`en:${docId('grp', 0)}`, `nl:${docId('grp', 0)}`, `nl:${docId('grp', 1)}`].sort(),
    );
    expect(log).toEqual([
      { level: 'info', message: `groups: 3 written, 0 unchanged, 0 removed, ${bytes} bytes (cold)` },
    ]);
  });

  it('passes a custom fetch on to the client', async () => {
    serveGroups(1, 'nl');
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = (input, init) => {
      seen.push(String(input));
      return globalThis.fetch(input, init);
    };
    const { full } = fakeContext();
    await ritmeLoader('groups', options({ locales: ['nl'], fetch })).load(full);
    expect(seen).toEqual([`${cmsUrl}${syncUrl('groups', 'nl')}`]);
  });
});

describe('ritmeHomeLoader', () => {
  it('stores one home entry per locale, keyed by locale, fetched every build', async () => {
    homes.set('nl', home('nl'));
    homes.set('en', home('en'));
    const { map, full } = fakeContext();
    map.set('de', { id: 'de', data: {}, digest: 'stale' });

    const loader = ritmeHomeLoader(options());
    expect(loader.name).toBe('ritme:home');
    await loader.load(full);
    await loader.load(full);

    expect(requests).toEqual([
      '/api/ritme/home?locale=nl',
      '/api/ritme/home?locale=en',
      '/api/ritme/home?locale=nl',
      '/api/ritme/home?locale=en',
    ]);
    expect([...map.keys()]).toEqual(['nl', 'en']);
    expect(map.get('en')?.data).toEqual(home('en'));
  });

  it('fails with the route named and leaves the previous home data in place', async () => {
    const { map, full } = fakeContext();
    map.set('nl', { id: 'nl', data: home('nl'), digest: 'old' });

    await expect(ritmeHomeLoader(options({ cmsUrl: 'http://127.0.0.1:9' })).load(full)).rejects.toThrow(
      /could not load "home" from http:\/\/127\.0\.0\.1:9.*npm start/s,
    );
    expect(map.size).toBe(1);
    expect(map.get('nl')?.digest).toBe('old');
  });
});

describe('ritmeResultsLoader', () => {
  const NOW = Date.parse('2026-11-15T12:00:00.000Z');
  const resultsUrl = (documentId: string, locale: Locale) =>
    `/api/ritme/evaluation-rounds/${documentId}/results?locale=${locale}`;
  const body = { available: false, reason: 'below_minimum', minimum: 3 };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function serveRounds(locale: Locale, rounds: EvaluationRound[]) {
    publish('evaluation-rounds', locale, rounds);
    stamp(...rounds.map((r) => r.documentId));
  }

  it('fetches results only for rounds that have closed', async () => {
    const closed = round(1, 'nl', '2021-01-01T00:00:00.000Z');
    const open = round(2, 'nl', '2999-01-01T00:00:00.000Z');
    serveRounds('nl', [closed, open]);
    serveRounds('en', []);
    results.set(`${closed.documentId}:nl`, body);

    const loader = ritmeResultsLoader(options());
    const { map, full, meta, log } = fakeContext();
    expect(loader.name).toBe('ritme:results');
    await loader.load(full);

    expect(requests).toEqual([
      syncUrl('evaluation-rounds', 'nl'),
      syncUrl('evaluation-rounds', 'en'),
      resultsUrl(closed.documentId, 'nl'),
    ]);
    expect([...map.keys()]).toEqual([`nl:${closed.documentId}`]);
    expect(map.get(`nl:${closed.documentId}`)?.data).toEqual(body);
    expect(Object.keys(cursorOf(meta, ROUNDS_INDEX_KEY)).sort()).toEqual([
      `nl:${closed.documentId}`,
      `nl:${open.documentId}`,
    ]);
    expect(cursorOf(meta, ROUNDS_CURSOR_KEY)).toMatchObject({ version: 1, route: 'evaluation-rounds' });
    expect(log.at(-1)?.message).toMatch(/^results: 1 written, 0 unchanged, 0 removed, \d+ bytes \(cold; 1 of 1 closed/);
  });

  it('does not fetch the results of a closed round again, nor list the rounds again', async () => {
    const rounds = [1, 2, 3].map((i) => round(i, 'nl', '2021-01-01T00:00:00.000Z'));
    serveRounds('nl', rounds);
    for (const r of rounds) results.set(`${r.documentId}:nl`, body);
    const { map, full, writes } = fakeContext();
    await ritmeResultsLoader(options({ locales: ['nl'] })).load(full);
    writes.length = 0;

    const again = await measure(() => ritmeResultsLoader(options({ locales: ['nl'] })).load(full));

    expect(again.requests).toHaveLength(1);
    expect(again.requests[0]).toContain('/api/ritme/sync/evaluation-rounds?locale=nl&since=');
    expect(writes).toEqual([]);
    expect(map.size).toBe(3);
  });

  it('fetches the results of a round that closed since the last build, without it changing', async () => {
    const closesAt = new Date(NOW + DAY).toISOString();
    const r = round(1, 'nl', closesAt);
    serveRounds('nl', [r]);
    results.set(`${r.documentId}:nl`, body);
    const { map, full } = fakeContext();
    await ritmeResultsLoader(options({ locales: ['nl'] })).load(full);
    expect(map.size).toBe(0);

    vi.setSystemTime(NOW + 2 * DAY);
    const again = await measure(() => ritmeResultsLoader(options({ locales: ['nl'] })).load(full));

    expect(again.served).toEqual([]);
    expect(again.requests.slice(1)).toEqual([resultsUrl(r.documentId, 'nl')]);
    expect(map.get(`nl:${r.documentId}`)?.data).toEqual(body);
  });

  it('fetches the results of a closed round again when the round changed, and only those', async () => {
    const rounds = [1, 2].map((i) => round(i, 'nl', '2021-01-01T00:00:00.000Z'));
    serveRounds('nl', rounds);
    for (const r of rounds) results.set(`${r.documentId}:nl`, body);
    const { map, full } = fakeContext();
    await ritmeResultsLoader(options({ locales: ['nl'] })).load(full);

    const relabelled = { key: 'works_well', label: 'Wat gaat goed?' };
    change<EvaluationRound>('evaluation-rounds', 'nl', (r) =>
      r.documentId === docId('rnd', 2) ? { ...r, questions: [relabelled] } : r,
    );
    stamp(docId('rnd', 2));
    const available = { available: true, minimum: 3, responses: 4, questions: [{ ...relabelled, answers: ['a'] }] };
    results.set(`${docId('rnd', 2)}:nl`, available);
    const again = await measure(() => ritmeResultsLoader(options({ locales: ['nl'] })).load(full));

    expect(again.requests.slice(1)).toEqual([resultsUrl(docId('rnd', 2), 'nl')]);
    expect(map.get(`nl:${docId('rnd', 2)}`)?.data).toEqual(available);
  });

  it('asks again for results the CMS said were not closed yet (its clock was behind)', async () => {
    const r = round(1, 'nl', '2021-01-01T00:00:00.000Z');
    serveRounds('nl', [r]);
    results.set(`${r.documentId}:nl`, { available: false, reason: 'not_closed', minimum: 3 });
    const { map, full } = fakeContext();
    await ritmeResultsLoader(options({ locales: ['nl'] })).load(full);

    results.set(`${r.documentId}:nl`, body);
    const again = await measure(() => ritmeResultsLoader(options({ locales: ['nl'] })).load(full));

    expect(again.requests.slice(1)).toEqual([resultsUrl(r.documentId, 'nl')]);
    expect(map.get(`nl:${r.documentId}`)?.data).toEqual(body);
  });

  it('removes the results of a round that was unpublished', async () => {
    const rounds = [1, 2].map((i) => round(i, 'nl', '2021-01-01T00:00:00.000Z'));
    serveRounds('nl', rounds);
    for (const r of rounds) results.set(`${r.documentId}:nl`, body);
    const { map, full, meta } = fakeContext();
    await ritmeResultsLoader(options({ locales: ['nl'] })).load(full);

    change<EvaluationRound>('evaluation-rounds', 'nl', (r) => (r.documentId === docId('rnd', 1) ? null : r));
    stamp(docId('rnd', 1));
    const again = await measure(() => ritmeResultsLoader(options({ locales: ['nl'] })).load(full));

    expect(again.requests).toHaveLength(1);
    expect([...map.keys()]).toEqual([`nl:${docId('rnd', 2)}`]);
    expect(Object.keys(cursorOf(meta, ROUNDS_INDEX_KEY))).toEqual([`nl:${docId('rnd', 2)}`]);
  });

  it('names "evaluation results" when the results cannot be read, and keeps what it had', async () => {
    const closed = round(1, 'nl', '2021-01-01T00:00:00.000Z');
    serveRounds('nl', [closed]);
    const { full, snapshot } = fakeContext();
    await expect(ritmeResultsLoader(options({ locales: ['nl'] })).load(full)).rejects.toThrow(
      /could not load "evaluation results".*failed with 404/s,
    );
    expect(snapshot()).toEqual({ entries: [], meta: new Map() });
  });
});
