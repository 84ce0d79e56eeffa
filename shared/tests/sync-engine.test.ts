/**
 * The sync engine against an in-memory CMS that answers the sync protocol of
 * sync.ts: cold, incremental, reset, the `ids` refresh of entries whose
 * relation went, the fallback when too much changed, failures that leave
 * nothing to apply, and a property: any edit sequence, synced incrementally,
 * ends where a cold sync starts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RitmeApiError } from '../src/client';
import type { ContentRoute } from '../src/content';
import type { Locale } from '../src/enums';
import { SYNC_MAX_IDS, SYNC_OVERLAP_MS, SYNC_RETENTION_DAYS, type SyncMeta } from '../src/sync';
import { applySync, type SyncClient, type SyncCollectionResult, syncCollection } from '../src/sync-engine';

// ---------------------------------------------------------------------------
// The CMS model: groups (the route synced) embedding people, per locale.

type Data = Record<string, unknown>;
type Window = { since?: string; until?: string; after?: string; limit?: number; ids?: readonly string[] };

const LOCALES = ['nl', 'en'] as const;
const DAY = 86_400_000;
const gid = (i: number) => `grp${String(i).padStart(8, '0')}`;
const pid = (i: number) => `per${String(i).padStart(8, '0')}`;

interface Request {
  locale: Locale;
  window: Window;
}

class FakeCms implements SyncClient {
  now = Date.parse('2026-11-01T00:00:00.000Z');
  readonly groups = new Map<string, { name: Record<string, string>; published: Set<string> }>();
  readonly people = new Map<string, { name: string; published: boolean }>();
  /** `<group>|<person>` */
  readonly links = new Set<string>();
  /** The last change of every document ever (deleted ones too), for windows and tombstones. */
  readonly changedAt = new Map<string, number>();
  readonly everGroup = new Set<string>();
  readonly requests: Request[] = [];
  /** Fail the n-th request from now on (1 = the next one). */
  failIn: number | undefined;
  /** Called before every page after the first of a window: writes while a sync reads. */
  betweenPages: (() => void) | undefined;
  /** More changes than this in a window: `changed` is null (the real limit is SYNC_MAX_CHANGED). */
  maxChanged = 2_000;

  touch(documentId: string) {
    this.now += 1_000;
    this.changedAt.set(documentId, this.now);
  }

  putGroup(i: number, locales: readonly string[] = LOCALES, name = `Group ${i}`) {
    const id = gid(i);
    this.groups.set(id, {
      name: Object.fromEntries(LOCALES.map((l) => [l, `${name} (${l})`])),
      published: new Set(locales),
    });
    this.everGroup.add(id);
    this.touch(id);
  }

  putPerson(i: number, name = `Person ${i}`) {
    this.people.set(pid(i), { name, published: true });
    this.touch(pid(i));
  }

  /** The group as the list route shapes it in a locale, or undefined when not published there. */
  entry(id: string, locale: Locale): Data | undefined {
    const group = this.groups.get(id);
    if (!group?.published.has(locale)) return undefined;
    const members = [...this.people.entries()]
      .filter(([p, person]) => person.published && this.links.has(`${id}|${p}`))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([p, person]) => ({ documentId: p, name: person.name }));
    return {
      documentId: id,
      locale,
      name: group.name[locale],
      localizations: [...group.published].filter((l) => l !== locale).map((l) => ({ locale: l, documentId: id })),
      // Deeply, as the refs of a real entry may be.
      team: { members },
    };
  }

  embedsChangedIn(id: string, inWindow: (t: number | undefined) => boolean) {
    for (const [p, person] of this.people) {
      if (person.published && this.links.has(`${id}|${p}`) && inWindow(this.changedAt.get(p))) return true;
    }
    return false;
  }

  async syncPage(route: ContentRoute, locale: Locale, window: Window = {}) {
    expect(route).toBe('groups');
    if (this.failIn !== undefined && --this.failIn === 0) {
      this.failIn = undefined;
      throw new RitmeApiError('GET /api/ritme/sync/groups failed with 500: Boom', 500, 'stub');
    }
    if (window.after !== undefined) this.betweenPages?.();
    this.requests.push({ locale, window });
    const answer = (data: Data[], tombstones: string[], meta: SyncMeta) => {
      const body = { data, tombstones, meta };
      return { ...structuredClone(body), bytes: JSON.stringify(body).length } as {
        data: { documentId: string }[];
        tombstones: string[];
        meta: SyncMeta;
        bytes: number;
      };
    };
    const now = new Date(this.now).toISOString();

    if (window.ids) {
      const data: Data[] = [];
      const tombstones: string[] = [];
      for (const id of window.ids) {
        const entry = this.entry(id, locale);
        if (entry) data.push(entry);
        else tombstones.push(id);
      }
      return answer(data, tombstones, { since: null, until: now, next: null, reset: false, changed: null });
    }

    const until = window.until ?? now;
    const limit = window.limit ?? 500;
    const after = window.after ?? '';
    const since = window.since === undefined ? undefined : Date.parse(window.since);
    const reset = since !== undefined && since < this.now - SYNC_RETENTION_DAYS * DAY;
    const page = (ids: string[]) => {
      const sorted = ids.filter((id) => id > after).sort();
      const slice = sorted.slice(0, limit);
      const next = sorted.length > limit ? { after: slice.at(-1) as string } : null;
      return { slice, next };
    };

    if (since === undefined || reset) {
      const { slice, next } = page([...this.groups.keys()].filter((id) => this.entry(id, locale)));
      return answer(
        slice.map((id) => this.entry(id, locale) as Data),
        [],
        { since: window.since ?? null, until, next, reset, changed: null },
      );
    }

    const end = Date.parse(until);
    const inWindow = (t: number | undefined) => t !== undefined && t > since - SYNC_OVERLAP_MS && t <= end;
    const changed = [...this.changedAt.entries()].filter(([, t]) => inWindow(t)).map(([id]) => id);
    const data = [...this.groups.keys()].filter(
      (id) => this.entry(id, locale) && (inWindow(this.changedAt.get(id)) || this.embedsChangedIn(id, inWindow)),
    );
    const tombstones = [...this.everGroup].filter((id) => inWindow(this.changedAt.get(id)) && !this.entry(id, locale));
    const { slice, next } = page([...data, ...tombstones]);
    return answer(
      slice.filter((id) => data.includes(id)).map((id) => this.entry(id, locale) as Data),
      slice.filter((id) => tombstones.includes(id)),
      {
        since: window.since ?? null,
        until,
        next,
        reset: false,
        changed: changed.length > this.maxChanged ? null : changed.sort(),
      },
    );
  }

  /** Everything published, as a cold sync should find it. */
  truth(locales: readonly Locale[] = LOCALES) {
    const all = new Map<string, Data>();
    for (const locale of locales) {
      for (const id of [...this.groups.keys()].sort()) {
        const entry = this.entry(id, locale);
        if (entry) all.set(`${locale}:${id}`, entry);
      }
    }
    return all;
  }
}

/** A caller's store: a Map, a cursor, and what a sync applied. */
function reader(cms: FakeCms, locales: readonly Locale[] = LOCALES, pageSize?: number) {
  const store = new Map<string, Data>();
  let cursor: unknown = null;
  const state = {
    store,
    get cursor() {
      return cursor;
    },
    set cursor(value: unknown) {
      cursor = value;
    },
    last: undefined as SyncCollectionResult | undefined,
    async sync() {
      const result = await syncCollection({
        client: cms,
        route: 'groups',
        locales,
        stored: { keys: () => store.keys(), get: (id) => store.get(id) },
        cursor,
        pageSize,
      });
      applySync(
        {
          set: (id, data) => {
            store.set(id, structuredClone(data));
            return true;
          },
          delete: (id) => store.delete(id),
        },
        result,
      );
      // The cursor is kept as JSON, as the loaders keep it in Astro's meta store.
      cursor = JSON.parse(JSON.stringify(result.cursor));
      state.last = result;
      return result;
    },
  };
  return state;
}

function seed(cms: FakeCms, groups = 5, people = 3) {
  for (let p = 0; p < people; p += 1) cms.putPerson(p);
  for (let g = 0; g < groups; g += 1) cms.putGroup(g);
  for (let g = 0; g < groups; g += 1) cms.links.add(`${gid(g)}|${pid(g % people)}`);
  cms.now += 60_000;
}

const ids = (result: SyncCollectionResult) => result.upserts.map((u) => u.id).sort();

// ---------------------------------------------------------------------------

describe('syncCollection', () => {
  it('cold: reads every page of every locale, keyed `<locale>:<documentId>`', async () => {
    const cms = new FakeCms();
    seed(cms, 7);
    const r = reader(cms, LOCALES, 3);

    const result = await r.sync();

    expect(result.complete).toBe(true);
    expect(result.stats.locales.nl?.mode).toBe('cold');
    expect(result.stats.locales.en?.mode).toBe('cold');
    expect(cms.requests.filter((q) => q.locale === 'nl').map((q) => q.window.after)).toEqual([
      undefined,
      gid(2),
      gid(5),
    ]);
    // Every next page sends the `until` the first one fixed.
    const nl = cms.requests.filter((q) => q.locale === 'nl');
    expect(new Set(nl.slice(1).map((q) => q.window.until)).size).toBe(1);
    expect(nl[0]?.window.until).toBeUndefined();
    expect(ids(result)).toHaveLength(14);
    expect(r.store).toEqual(cms.truth());
    expect(result.deletes).toEqual([]);
    expect(result.bytes).toBeGreaterThan(0);
  });

  it('cold: deletes every stored id of a locale that the answer does not hold, and of locales not read', async () => {
    const cms = new FakeCms();
    seed(cms, 2);
    const stored = new Map<string, Data>([
      [`nl:${gid(9)}`, { documentId: gid(9) }],
      [`nl:${gid(0)}`, { documentId: gid(0), name: 'old' }],
      [`de:${gid(0)}`, { documentId: gid(0) }],
    ]);
    const result = await syncCollection({
      client: cms,
      route: 'groups',
      locales: ['nl'],
      stored: { keys: () => stored.keys(), get: (id) => stored.get(id) },
      cursor: null,
    });
    expect(result.deletes.sort()).toEqual([`de:${gid(0)}`, `nl:${gid(9)}`]);
    expect(ids(result)).toEqual([`nl:${gid(0)}`, `nl:${gid(1)}`]);
  });

  it('incremental: asks from the last `until`, upserts the answer and deletes its tombstones', async () => {
    const cms = new FakeCms();
    seed(cms, 5);
    const r = reader(cms);
    const cold = await r.sync();
    cms.requests.length = 0;

    const renamed = cms.groups.get(gid(1));
    if (renamed) renamed.name.nl = 'Nieuw';
    cms.touch(gid(1));
    cms.groups.get(gid(3))?.published.delete('en');
    cms.touch(gid(3));
    cms.now += 60_000;
    const result = await r.sync();

    expect(cms.requests.map((q) => [q.locale, q.window.since])).toEqual([
      ['nl', cold.cursor.until.nl],
      ['en', cold.cursor.until.en],
    ]);
    expect(result.complete).toBe(false);
    expect(result.stats.locales.nl?.mode).toBe('incremental');
    // Own row changed in any locale: both locales' versions are answered (the language switcher follows).
    expect(ids(result)).toEqual([`en:${gid(1)}`, `nl:${gid(1)}`, `nl:${gid(3)}`]);
    expect(result.deletes).toEqual([`en:${gid(3)}`]);
    expect(r.store).toEqual(cms.truth());
    expect(result.bytes).toBeLessThan(cold.bytes);
  });

  it('incremental with nothing changed: one small page per locale, nothing to apply', async () => {
    const cms = new FakeCms();
    seed(cms, 50, 5);
    const r = reader(cms, LOCALES, 10);
    const cold = await r.sync();
    cms.requests.length = 0;
    cms.now += 60_000;

    const result = await r.sync();

    expect(cms.requests).toHaveLength(2);
    expect(result.upserts).toEqual([]);
    expect(result.deletes).toEqual([]);
    expect(result.bytes).toBeLessThan(cold.bytes / 20);
    expect(result.cursor.until.nl).not.toBe(cold.cursor.until.nl);
  });

  it('keeps a cursor per locale, each locale its own `until`', async () => {
    const cms = new FakeCms();
    seed(cms, 3);
    const r = reader(cms);
    // The clock moves between the locales' requests.
    const original = cms.syncPage.bind(cms);
    cms.syncPage = async (route, locale, window) => {
      cms.now += 7_000;
      return original(route, locale, window);
    };
    const result = await r.sync();
    expect(Object.keys(result.cursor.until)).toEqual(['nl', 'en']);
    expect(Date.parse(result.cursor.until.en as string) - Date.parse(result.cursor.until.nl as string)).toBe(7_000);
    cms.requests.length = 0;
    await r.sync();
    expect(cms.requests.map((q) => [q.locale, q.window.since])).toEqual([
      ['nl', result.cursor.until.nl],
      ['en', result.cursor.until.en],
    ]);
  });

  it('reset: drops what it had for the locale and takes the full answer', async () => {
    const cms = new FakeCms();
    seed(cms, 4);
    const r = reader(cms);
    await r.sync();
    // Deleted a month and a half ago: its tombstone is long gone.
    cms.groups.delete(gid(2));
    cms.touch(gid(2));
    cms.now += (SYNC_RETENTION_DAYS + 15) * DAY;

    const result = await r.sync();

    expect(result.stats.locales.nl?.mode).toBe('reset');
    expect(result.complete).toBe(true);
    expect(result.deletes.sort()).toEqual([`en:${gid(2)}`, `nl:${gid(2)}`]);
    expect(ids(result)).toHaveLength(6);
    expect(r.store).toEqual(cms.truth());
  });

  it('refreshes with `ids` a stored entry whose relation was removed on the other side', async () => {
    const cms = new FakeCms();
    seed(cms, 6, 3);
    const r = reader(cms);
    await r.sync();
    cms.requests.length = 0;

    // Person 1 leaves group 1 (edited on the person): group 1's own row did not change,
    // so the window does not answer it; only person 1 is in `changed`.
    cms.links.delete(`${gid(1)}|${pid(1)}`);
    cms.touch(pid(1));
    cms.now += 60_000;
    const result = await r.sync();

    // Group 4 still embeds person 1: the window answers it. Group 1 no longer does: re-asked.
    const refreshes = cms.requests.filter((q) => q.window.ids);
    expect(refreshes.map((q) => [q.locale, q.window.ids])).toEqual([
      ['nl', [gid(1)]],
      ['en', [gid(1)]],
    ]);
    expect(result.stats.locales.nl?.refreshed).toBe(1);
    expect(ids(result)).toEqual([`en:${gid(1)}`, `en:${gid(4)}`, `nl:${gid(1)}`, `nl:${gid(4)}`]);
    expect(r.store.get(`nl:${gid(1)}`)?.team).toEqual({ members: [] });
    expect(r.store).toEqual(cms.truth());
  });

  it('refreshes unanswered stored entries: tombstones from the `ids` answer are deleted', async () => {
    const cms = new FakeCms();
    seed(cms, 3, 3);
    const stored = new Map<string, Data>([
      // An entry the caller holds that embeds person 0, but that the CMS no longer publishes
      // and whose tombstone is not in this window (it is not even a group of the CMS any more).
      [`nl:${gid(7)}`, { documentId: gid(7), team: { members: [{ documentId: pid(0) }] } }],
    ]);
    const r = reader(cms, ['nl']);
    await r.sync();
    cms.touch(pid(0));
    cms.now += 60_000;
    const result = await syncCollection({
      client: cms,
      route: 'groups',
      locales: ['nl'],
      stored: {
        keys: () => [...r.store.keys(), ...stored.keys()],
        get: (id) => r.store.get(id) ?? stored.get(id),
      },
      cursor: r.cursor,
    });
    expect(result.deletes).toEqual([`nl:${gid(7)}`]);
  });

  it('asks `ids` in chunks of SYNC_MAX_IDS', async () => {
    const cms = new FakeCms();
    const count = SYNC_MAX_IDS * 2 + 50;
    cms.putPerson(0);
    for (let g = 0; g < count; g += 1) {
      cms.putGroup(g, ['nl']);
      cms.links.add(`${gid(g)}|${pid(0)}`);
    }
    cms.now += 60_000;
    const r = reader(cms, ['nl']);
    await r.sync();
    cms.requests.length = 0;

    // Person 0 unpublished: every group embedded it, none does now.
    (cms.people.get(pid(0)) as { published: boolean }).published = false;
    cms.touch(pid(0));
    cms.now += 60_000;
    const result = await r.sync();

    expect(cms.requests.filter((q) => q.window.ids).map((q) => q.window.ids?.length)).toEqual([
      SYNC_MAX_IDS,
      SYNC_MAX_IDS,
      50,
    ]);
    expect(result.upserts).toHaveLength(count);
    expect(r.store).toEqual(cms.truth(['nl']));
  });

  it('falls back to a cold sync of a locale when `changed` is null', async () => {
    const cms = new FakeCms();
    seed(cms, 6);
    const r = reader(cms);
    await r.sync();
    cms.maxChanged = 2;
    // A removed relation among many changes: only a full read can tell.
    cms.links.delete(`${gid(0)}|${pid(0)}`);
    cms.touch(pid(0));
    cms.touch(pid(1));
    cms.touch(pid(2));
    cms.groups.delete(gid(5));
    cms.touch(gid(5));
    cms.now += 60_000;
    cms.requests.length = 0;

    const result = await r.sync();

    expect(result.stats.locales.nl?.mode).toBe('fallback');
    expect(result.stats.locales.nl?.requests).toBe(2);
    expect(cms.requests.map((q) => [q.locale, q.window.since === undefined])).toEqual([
      ['nl', false],
      ['nl', true],
      ['en', false],
      ['en', true],
    ]);
    expect(result.complete).toBe(true);
    expect(result.deletes.sort()).toEqual([`en:${gid(5)}`, `nl:${gid(5)}`]);
    expect(r.store).toEqual(cms.truth());
  });

  it.each([
    ['null', null],
    ['a string', 'not json'],
    ['another version', { version: 2, route: 'groups', until: { nl: '2026-11-01T00:00:00.000Z' } }],
    [
      'another route',
      { version: 1, route: 'people', until: { nl: '2026-11-01T00:00:00.000Z', en: '2026-11-01T00:00:00.000Z' } },
    ],
    ['other locales', { version: 1, route: 'groups', until: { nl: '2026-11-01T00:00:00.000Z' } }],
    [
      'more locales',
      {
        version: 1,
        route: 'groups',
        until: { nl: '2026-11-01T00:00:00.000Z', en: '2026-11-01T00:00:00.000Z', de: '2026-11-01T00:00:00.000Z' },
      },
    ],
    ['a bad date', { version: 1, route: 'groups', until: { nl: 'yesterday', en: '2026-11-01T00:00:00.000Z' } }],
  ])('syncs cold when the cursor is %s', async (_, cursor) => {
    const cms = new FakeCms();
    seed(cms, 2);
    const result = await syncCollection({
      client: cms,
      route: 'groups',
      locales: LOCALES,
      stored: { keys: () => [], get: () => undefined },
      cursor,
    });
    expect(cms.requests.every((q) => q.window.since === undefined)).toBe(true);
    expect(result.complete).toBe(true);
  });

  it('fails half-way with the error and nothing to apply; the old cursor still works after', async () => {
    const cms = new FakeCms();
    seed(cms, 5);
    const r = reader(cms, LOCALES, 2);
    await r.sync();
    const before = structuredClone(r.store);
    const cursor = r.cursor;

    cms.groups.delete(gid(0));
    cms.touch(gid(0));
    cms.links.delete(`${gid(1)}|${pid(1)}`);
    cms.touch(pid(1));
    cms.now += 60_000;
    for (const failIn of [1, 2, 3, 4]) {
      cms.failIn = failIn;
      await expect(r.sync()).rejects.toThrow(/failed with 500: Boom/);
      expect(r.store).toEqual(before);
      expect(r.cursor).toBe(cursor);
    }
    cms.failIn = undefined;
    await r.sync();
    expect(r.store).toEqual(cms.truth());
  });

  it("sends the first page's `until` with every page, and keeps the earliest end a page answered", async () => {
    const ends = ['2026-11-01T00:00:10.000Z', '2026-11-01T00:00:08.000Z', '2026-11-01T00:00:09.000Z'];
    const sent: (string | undefined)[] = [];
    const client: SyncClient = {
      syncPage: async (_route, _locale, window = {}) => {
        sent.push(window.until);
        const n = sent.length;
        return {
          data: [{ documentId: gid(n) }],
          tombstones: [],
          meta: {
            since: null,
            until: ends[n - 1] as string,
            next: n < 3 ? { after: gid(n) } : null,
            reset: false,
            changed: null,
          },
          bytes: 10,
        };
      },
    };
    const result = await syncCollection({
      client,
      route: 'groups',
      locales: ['nl'],
      stored: { keys: () => [], get: () => undefined },
      cursor: null,
    });
    expect(sent).toEqual([undefined, ends[0], ends[0]]);
    expect(result.cursor.until.nl).toBe(ends[1]);
    expect(result.upserts).toHaveLength(3);
  });

  it('rejects a CMS that does not page forward instead of looping', async () => {
    const cms = new FakeCms();
    seed(cms, 1);
    const client: SyncClient = {
      syncPage: async () => ({
        data: [],
        tombstones: [],
        meta: { since: null, until: '2026-11-01T00:00:00.000Z', next: { after: 'aaaa' }, reset: false, changed: null },
        bytes: 10,
      }),
    };
    await expect(
      syncCollection({
        client,
        route: 'groups',
        locales: ['nl'],
        stored: { keys: () => [], get: () => undefined },
        cursor: null,
      }),
    ).rejects.toThrow(/does not page forward/);
  });
});

describe('applySync', () => {
  it('deletes, then writes, and counts what the target wrote', () => {
    const map = new Map<string, Data>([
      ['nl:a', { v: 1 }],
      ['nl:b', { v: 1 }],
    ]);
    const counts = applySync(
      {
        set: (id, data) => {
          const same = JSON.stringify(map.get(id)) === JSON.stringify(data);
          map.set(id, data);
          return !same;
        },
        delete: (id) => map.delete(id),
      },
      {
        upserts: [
          { id: 'nl:a', data: { v: 1 } },
          { id: 'nl:c', data: { v: 2 } },
        ],
        deletes: ['nl:b'],
      },
    );
    expect(counts).toEqual({ written: 1, unchanged: 1, removed: 1 });
    expect([...map.keys()].sort()).toEqual(['nl:a', 'nl:c']);
  });
});

// ---------------------------------------------------------------------------
// The property: random edits (some while a sync is paging, some syncs failing),
// synced incrementally after each step, end equal to a cold sync and to the CMS.

const GROUPS = 6;
const PEOPLE = 4;
const locale = fc.constantFrom<Locale>(...LOCALES);
const g = fc.integer({ min: 0, max: GROUPS - 1 });
const p = fc.integer({ min: 0, max: PEOPLE - 1 });

const edit = fc.oneof(
  fc.record({ op: fc.constant('putGroup' as const), g, locales: fc.subarray([...LOCALES]) }),
  fc.record({ op: fc.constant('renameGroup' as const), g, locale, name: fc.string({ maxLength: 4 }) }),
  fc.record({ op: fc.constant('publishGroup' as const), g, locale }),
  fc.record({ op: fc.constant('unpublishGroup' as const), g, locale }),
  fc.record({ op: fc.constant('deleteGroup' as const), g }),
  fc.record({ op: fc.constant('linkFromGroup' as const), g, p, on: fc.boolean() }),
  fc.record({ op: fc.constant('linkFromPerson' as const), g, p, on: fc.boolean() }),
  fc.record({ op: fc.constant('putPerson' as const), p, name: fc.string({ maxLength: 4 }) }),
  fc.record({ op: fc.constant('unpublishPerson' as const), p }),
  fc.record({ op: fc.constant('deletePerson' as const), p }),
);
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function perform(cms: FakeCms, e: Edit) {
  const group = 'g' in e ? cms.groups.get(gid(e.g)) : undefined;
  switch (e.op) {
    case 'putGroup':
      return cms.putGroup(e.g, e.locales);
    case 'renameGroup':
      if (!group) return;
      group.name[e.locale] = e.name;
      return cms.touch(gid(e.g));
    case 'publishGroup':
    case 'unpublishGroup':
      if (!group) return;
      if (e.op === 'publishGroup') group.published.add(e.locale);
      else group.published.delete(e.locale);
      return cms.touch(gid(e.g));
    case 'deleteGroup':
      if (!group) return;
      cms.groups.delete(gid(e.g));
      for (const link of [...cms.links]) if (link.startsWith(`${gid(e.g)}|`)) cms.links.delete(link);
      return cms.touch(gid(e.g));
    case 'linkFromGroup':
    case 'linkFromPerson': {
      if (!group || !cms.people.has(pid(e.p))) return;
      const link = `${gid(e.g)}|${pid(e.p)}`;
      if (e.on) cms.links.add(link);
      else cms.links.delete(link);
      // The side the editor saved is the row that changes.
      return cms.touch(e.op === 'linkFromGroup' ? gid(e.g) : pid(e.p));
    }
    case 'putPerson':
      cms.people.set(pid(e.p), { name: e.name, published: true });
      return cms.touch(pid(e.p));
    case 'unpublishPerson': {
      const person = cms.people.get(pid(e.p));
      if (!person) return;
      person.published = false;
      return cms.touch(pid(e.p));
    }
    case 'deletePerson':
      if (!cms.people.delete(pid(e.p))) return;
      for (const link of [...cms.links]) if (link.endsWith(`|${pid(e.p)}`)) cms.links.delete(link);
      return cms.touch(pid(e.p));
  }
}

const step = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), edit }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), during: fc.array(edit, { maxLength: 2 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('failingSync' as const), failIn: fc.integer({ min: 1, max: 6 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      days: fc.constantFrom(0.001, 1, SYNC_RETENTION_DAYS + 1),
    }),
  },
);

describe('property: incremental equals cold', () => {
  it('after any sequence of edits, syncs and failures', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { maxLength: 30 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 8 }),
        async (steps, pageSize, maxChanged) => {
          const cms = new FakeCms();
          cms.maxChanged = maxChanged;
          seed(cms, 3, 2);
          const incremental = reader(cms, LOCALES, pageSize);
          await incremental.sync();

          for (const s of steps) {
            if (s.kind === 'edit') perform(cms, s.edit);
            else if (s.kind === 'wait') cms.now += s.days * DAY;
            else if (s.kind === 'sync') {
              const during = [...s.during];
              cms.betweenPages = () => {
                const next = during.shift();
                if (next) perform(cms, next);
              };
              await incremental.sync();
              cms.betweenPages = undefined;
            } else {
              const store = structuredClone(incremental.store);
              const cursor = incremental.cursor;
              cms.failIn = s.failIn;
              const failed = await incremental.sync().then(
                () => false,
                () => true,
              );
              cms.failIn = undefined;
              if (failed) {
                expect(incremental.store).toEqual(store);
                expect(incremental.cursor).toBe(cursor);
              }
            }
          }

          cms.now += 1_000;
          await incremental.sync();
          const cold = reader(cms, LOCALES, pageSize);
          await cold.sync();
          expect(incremental.store).toEqual(cold.store);
          expect(incremental.store).toEqual(cms.truth());
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
