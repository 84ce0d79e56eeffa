/**
 * The content-layer loader against a local stub of the plugin's API: paging,
 * one stream per locale, incremental writes, deletions, and build errors that
 * say what to do.
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
  RitmeApiError,
} from '@ritme/shared';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  entryId,
  type RitmeLoaderContext,
  type RitmeLoaderOptions,
  ritmeHomeLoader,
  ritmeLoader,
  ritmeResultsLoader,
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

// ---------------------------------------------------------------------------
// The stub CMS: `/api/ritme/<route>?locale=&page=&pageSize=` with Strapi's envelope.

/** `<route>:<locale>` → the published entries. */
const content = new Map<string, unknown[]>();
/** `<route>:<locale>` → a canned error answer. */
const failures = new Map<string, { status: number; body: string }>();
/** `<roundDocumentId>:<locale>` → a results body. */
const results = new Map<string, unknown>();
const homes = new Map<string, unknown>();
const requests: string[] = [];

let server: Server;
let cmsUrl: string;

function send(res: import('node:http').ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://stub');
    const locale = url.searchParams.get('locale') ?? 'nl';
    const match = /^\/api\/ritme\/(.+)$/.exec(url.pathname);
    const route = match?.[1] ?? '';
    const failure = failures.get(`${route}:${locale}`);
    if (failure) return send(res, failure.status, failure.body);

    const resultsMatch = /^evaluation-rounds\/([a-z0-9]+)\/results$/.exec(route);
    if (resultsMatch) {
      const body = results.get(`${resultsMatch[1]}:${locale}`);
      return body
        ? send(res, 200, { data: body })
        : send(res, 404, { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } });
    }
    if (route === 'home') {
      const body = homes.get(locale);
      return body
        ? send(res, 200, { data: body })
        : send(res, 404, { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } });
    }
    const all = content.get(`${route}:${locale}`);
    if (!all)
      return send(res, 404, { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } });
    const page = Number(url.searchParams.get('page') ?? 1);
    const pageSize = Number(url.searchParams.get('pageSize') ?? 25);
    const data = all.slice((page - 1) * pageSize, page * pageSize);
    send(res, 200, {
      data,
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(all.length / pageSize), total: all.length } },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  content.clear();
  failures.clear();
  results.clear();
  homes.clear();
  requests.length = 0;
});

// ---------------------------------------------------------------------------
// A small fake of Astro's loader context.

type Entry = { id: string; data: Record<string, unknown>; digest?: string | number };

function fakeContext() {
  const map = new Map<string, Entry>();
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
  const logger = {
    info: (message: string) => log.push({ level: 'info', message }),
    warn: (message: string) => log.push({ level: 'warn', message }),
    error: (message: string) => log.push({ level: 'error', message }),
    debug: () => {},
  };
  const generateDigest = (data: Record<string, unknown> | string) =>
    createHash('sha1').update(JSON.stringify(data)).digest('hex');
  const context = { store, logger, generateDigest } as unknown as RitmeLoaderContext;
  /** The same fake, typed as the full context a `Loader.load` receives. */
  const full = { ...context, collection: 'test', meta: new Map() } as unknown as LoaderContext;
  return { map, writes, log, context, full };
}

const options = (overrides: Partial<RitmeLoaderOptions> = {}): RitmeLoaderOptions => ({
  cmsUrl,
  locales: ['nl', 'en'],
  ...overrides,
});

const listUrl = (route: string, locale: Locale, page: number) =>
  `/api/ritme/${route}?locale=${locale}&page=${page}&pageSize=100`;

function serveGroups(count: number, locale: Locale, change: (g: Group) => Group = (g) => g) {
  content.set(
    `groups:${locale}`,
    Array.from({ length: count }, (_, i) => change(group(i, locale))),
  );
}

// ---------------------------------------------------------------------------

describe('fixtures', () => {
  it('match the shared schemas exactly (no missing or extra fields)', () => {
    for (const locale of ['nl', 'en'] as const) {
      expect(GroupSchema.parse(group(1, locale))).toEqual(group(1, locale));
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

describe('syncRoute', () => {
  it('pages to the end, 100 at a time, one stream per locale', async () => {
    serveGroups(250, 'nl');
    serveGroups(3, 'en');
    const { map, context } = fakeContext();

    const stats = await syncRoute('groups', options(), context);

    expect(requests).toEqual([
      listUrl('groups', 'nl', 1),
      listUrl('groups', 'nl', 2),
      listUrl('groups', 'nl', 3),
      listUrl('groups', 'en', 1),
    ]);
    expect(stats).toEqual({ written: 253, unchanged: 0, deleted: 0 });
    expect(map.size).toBe(253);
    expect([...map.keys()].filter((id) => id.startsWith('nl:'))).toHaveLength(250);
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

  it('only asks for the configured locales', async () => {
    serveGroups(2, 'nl');
    serveGroups(2, 'en');
    const { map, context } = fakeContext();

    await syncRoute('groups', options({ locales: ['en'] }), context);

    expect(requests).toEqual([listUrl('groups', 'en', 1)]);
    expect([...map.keys()].every((id) => id.startsWith('en:'))).toBe(true);
  });

  it('ignores a trailing slash on the CMS URL', async () => {
    serveGroups(1, 'nl');
    const { context } = fakeContext();
    await syncRoute('groups', options({ cmsUrl: `${cmsUrl}/`, locales: ['nl'] }), context);
    expect(requests).toEqual([listUrl('groups', 'nl', 1)]);
  });

  it('does not rewrite an unchanged entry on a second sync', async () => {
    serveGroups(3, 'nl');
    serveGroups(3, 'en');
    const { context, writes, log } = fakeContext();
    await syncRoute('groups', options(), context);
    writes.length = 0;

    const stats = await syncRoute('groups', options(), context);

    expect(stats).toEqual({ written: 0, unchanged: 6, deleted: 0 });
    expect(writes).toEqual([]);
    expect(log.at(-1)).toEqual({ level: 'info', message: 'groups: 0 written, 6 unchanged, 0 removed' });
  });

  it('rewrites a changed entry and only that one', async () => {
    serveGroups(3, 'nl');
    serveGroups(3, 'en');
    const { map, context, writes } = fakeContext();
    await syncRoute('groups', options(), context);
    writes.length = 0;

    serveGroups(3, 'nl', (g) =>
      g.documentId === docId('grp', 1) ? { ...g, name: 'Nieuwe naam', updatedAt: '2026-11-28T09:00:00.000Z' } : g,
    );
    const stats = await syncRoute('groups', options(), context);

    expect(stats).toEqual({ written: 1, unchanged: 5, deleted: 0 });
    expect(writes).toEqual([`nl:${docId('grp', 1)}`]);
    expect(map.get(`nl:${docId('grp', 1)}`)?.data.name).toBe('Nieuwe naam');
    expect(map.get(`en:${docId('grp', 1)}`)?.data.name).toBe('Group 1');
  });

  it('removes an entry that is no longer published, in that locale only', async () => {
    serveGroups(3, 'nl');
    serveGroups(3, 'en');
    const { map, context } = fakeContext();
    await syncRoute('groups', options(), context);

    content.set(
      'groups:en',
      (content.get('groups:en') as Group[]).filter((g) => g.documentId !== docId('grp', 2)),
    );
    const stats = await syncRoute('groups', options(), context);

    expect(stats).toEqual({ written: 0, unchanged: 5, deleted: 1 });
    expect(map.has(`en:${docId('grp', 2)}`)).toBe(false);
    expect(map.has(`nl:${docId('grp', 2)}`)).toBe(true);
    expect(map.size).toBe(5);
  });

  it('empties the collection when the CMS serves no entries (pageCount 0)', async () => {
    serveGroups(2, 'nl');
    serveGroups(2, 'en');
    const { map, context } = fakeContext();
    await syncRoute('groups', options(), context);

    serveGroups(0, 'nl');
    serveGroups(0, 'en');
    requests.length = 0;
    const stats = await syncRoute('groups', options(), context);

    expect(requests).toEqual([listUrl('groups', 'nl', 1), listUrl('groups', 'en', 1)]);
    expect(stats).toEqual({ written: 0, unchanged: 0, deleted: 4 });
    expect(map.size).toBe(0);
  });

  describe('fails the build with a message that says what to do', () => {
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
      await expect(promise).rejects.toThrow(listUrl('groups', 'nl', 1));
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
      const { map, context } = fakeContext();

      const promise = syncRoute('groups', options(), context);

      await expect(promise).rejects.toThrow(/could not load "groups"/);
      await expect(promise).rejects.toThrow(/does not match Ritme's schema/);
      await expect(promise).rejects.toThrow(/data\.1\.slug/);
      expect(map.size).toBe(0);
    });

    it('when a later locale fails: nothing is written or deleted, the previous content stays', async () => {
      serveGroups(3, 'nl');
      serveGroups(3, 'en');
      const { map, context } = fakeContext();
      await syncRoute('groups', options(), context);

      // nl changes (one renamed, one unpublished) while en breaks.
      content.set(
        'groups:nl',
        (content.get('groups:nl') as Group[])
          .filter((g) => g.documentId !== docId('grp', 2))
          .map((g) => (g.documentId === docId('grp', 0) ? { ...g, name: 'Hernoemd' } : g)),
      );
      failures.set('groups:en', { status: 502, body: '' });

      await expect(syncRoute('groups', options(), context)).rejects.toThrow(/could not load "groups".*502/s);

      // Everything is fetched before anything is written: nl keeps its previous content too.
      expect(map.get(`nl:${docId('grp', 0)}`)?.data.name).not.toBe('Hernoemd');
      expect(map.has(`nl:${docId('grp', 2)}`)).toBe(true);
      expect([...map.keys()].filter((id) => id.startsWith('en:'))).toHaveLength(3);
      expect(map.size).toBe(6);
    });
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
    expect(log).toEqual([{ level: 'info', message: 'groups: 3 written, 0 unchanged, 0 removed' }]);
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
    expect(seen).toEqual([`${cmsUrl}${listUrl('groups', 'nl', 1)}`]);
  });
});

describe('ritmeHomeLoader', () => {
  it('stores one home entry per locale, keyed by locale', async () => {
    homes.set('nl', home('nl'));
    homes.set('en', home('en'));
    const { map, full } = fakeContext();
    map.set('de', { id: 'de', data: {}, digest: 'stale' });

    const loader = ritmeHomeLoader(options());
    expect(loader.name).toBe('ritme:home');
    await loader.load(full);

    expect(requests).toEqual(['/api/ritme/home?locale=nl', '/api/ritme/home?locale=en']);
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
  it('fetches results only for rounds that have closed', async () => {
    const closed = round(1, 'nl', '2021-01-01T00:00:00.000Z');
    const open = round(2, 'nl', '2999-01-01T00:00:00.000Z');
    content.set('evaluation-rounds:nl', [closed, open]);
    content.set('evaluation-rounds:en', []);
    const body = { available: false, reason: 'below_minimum', minimum: 3 };
    results.set(`${closed.documentId}:nl`, body);

    const loader = ritmeResultsLoader(options());
    const { map, full } = fakeContext();
    expect(loader.name).toBe('ritme:results');
    await loader.load(full);

    expect(requests).toEqual([
      listUrl('evaluation-rounds', 'nl', 1),
      `/api/ritme/evaluation-rounds/${closed.documentId}/results?locale=nl`,
      listUrl('evaluation-rounds', 'en', 1),
    ]);
    expect([...map.keys()]).toEqual([`nl:${closed.documentId}`]);
    expect(map.get(`nl:${closed.documentId}`)?.data).toEqual(body);
  });

  it('names "evaluation results" when the results cannot be read', async () => {
    const closed = round(1, 'nl', '2021-01-01T00:00:00.000Z');
    content.set('evaluation-rounds:nl', [closed]);
    const { full } = fakeContext();
    await expect(ritmeResultsLoader(options({ locales: ['nl'] })).load(full)).rejects.toThrow(
      /could not load "evaluation results".*failed with 404/s,
    );
  });
});
