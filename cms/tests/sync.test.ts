/**
 * GET /api/ritme/sync/:route, the incremental sync, against a real Strapi:
 * cold syncs page through exactly what the list route serves, in its shape;
 * incremental syncs answer what changed (publish, unpublish, delete, a draft
 * edit that changes nothing public, a relation removed, a media file
 * changed), tombstones are written without any build service and are never
 * public, the query is checked, and — a property — applying incremental
 * syncs to a copy always ends where a fresh cold sync starts.
 */
import {
  CONTENT_ROUTES,
  type ContentRoute,
  SYNC_MAX_IDS,
  SYNC_OVERLAP_MS,
  type SyncMeta,
  syncResponseSchemaOf,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './harness/api';
import { createPage, docs, roundDates } from './harness/fixtures';
import { bootStrapi, type TestStrapi } from './harness/strapi';

type Entry = { documentId: string } & Record<string, unknown>;
type Page = { data: Entry[]; tombstones: string[]; meta: SyncMeta };
type Params = Record<string, string | number | undefined>;
type Locale = 'nl' | 'en';

const TOMBSTONE = 'plugin::ritme.sync-tombstone';
const MEDIA = 'plugin::upload.file';
const LOCALES: Locale[] = ['nl', 'en'];

let app: TestStrapi;
let strapi: Core.Strapi;
const ids: Record<string, string> = {};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const query = (params: Params) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  ).toString();

/** One sync page, checked against the shared response schema; the raw body (nothing stripped). */
async function page(route: ContentRoute, locale: Locale, params: Params = {}): Promise<Page> {
  const response = await call(app.baseUrl, 'GET', `/api/ritme/sync/${route}?${query({ locale, ...params })}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(() => syncResponseSchemaOf(route).parse(response.body)).not.toThrow();
  expect(Object.keys(response.body).sort()).toEqual(['data', 'meta', 'tombstones']);
  return response.body as Page;
}

/** Every page of one sync, as a reader reads it: the first page's `until` echoed, `after` followed. */
async function syncAll(route: ContentRoute, locale: Locale, options: { since?: string; limit?: number } = {}) {
  const pages: Page[] = [];
  let until: string | undefined;
  let after: string | undefined;
  for (;;) {
    const next = await page(route, locale, { since: options.since, until, after, limit: options.limit });
    pages.push(next);
    until ??= next.meta.until;
    expect(next.meta.until).toBe(until);
    if (!next.meta.next) break;
    after = next.meta.next.after;
    expect(pages.length, 'pages never end').toBeLessThan(1000);
  }
  const first = pages[0] as Page;
  return {
    pages,
    data: pages.flatMap((p) => p.data),
    tombstones: pages.flatMap((p) => p.tombstones),
    changed: first.meta.changed,
    reset: first.meta.reset,
    until: until as string,
  };
}

/** The server's clock now, as a `since` for the next sync. */
const mark = async () => (await page('groups', 'nl', { limit: 1 })).meta.until;

/** Everything the public list route serves, by documentId. */
async function listed(route: ContentRoute, locale: Locale): Promise<Map<string, Entry>> {
  const found = new Map<string, Entry>();
  for (let n = 1; ; n += 1) {
    const response = await call(app.baseUrl, 'GET', `/api/ritme/${route}?locale=${locale}&pageSize=100&page=${n}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    for (const entry of response.body.data as Entry[]) found.set(entry.documentId, entry);
    if (n >= response.body.meta.pagination.pageCount) return found;
  }
}
const byId = (entries: Entry[]) => new Map(entries.map((entry) => [entry.documentId, entry]));
const tombstonesOf = (documentId: string) =>
  strapi.db.query(TOMBSTONE as never).findMany({ where: { targetDocumentId: documentId } }) as Promise<
    { targetUid: string; targetLocale: string | null; removedAt: unknown }[]
  >;

type Ops = ReturnType<typeof docs> & {
  unpublish(p: object): Promise<unknown>;
  delete(p: object): Promise<unknown>;
};
const behaviours = () => docs(strapi, 'behaviour') as Ops;
const behaviour = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  insteadOf: `Niet: ${title}`,
  cadence: 'weekly',
  skill: 'giving_feedback',
  ...extra,
});

/** Before any fixture: a `since` for which everything changed. */
let startedAt: string;

beforeAll(async () => {
  app = await bootStrapi();
  strapi = app.strapi;
  startedAt = new Date().toISOString();
  const s = strapi;
  ids.person = await createPage(
    s,
    'person',
    { name: 'Noor Visser', kind: 'leader', roleTitle: 'Teamleider' },
    { name: 'Noor Visser', kind: 'leader', roleTitle: 'Team lead' },
  );
  ids.group = await createPage(
    s,
    'group',
    { name: 'Team Service', kind: 'team', people: [ids.person] },
    { name: 'Service team', kind: 'team', people: [ids.person] },
  );
  ids.otherGroup = await createPage(s, 'group', { name: 'Projectgroep', kind: 'project' });
  for (let n = 1; n <= 5; n += 1) await createPage(s, 'group', { name: `Groep ${n}`, kind: 'community' });
  ids.b1 = await createPage(
    s,
    'behaviour',
    behaviour('Vraag om feedback', { groups: [ids.group] }),
    behaviour('Ask for feedback', { groups: [ids.group] }),
  );
  ids.b2 = await createPage(
    s,
    'behaviour',
    behaviour('Deel je agenda', { groups: [ids.group] }),
    behaviour('Share your calendar', { groups: [ids.group] }),
  );
  ids.b3 = await createPage(s, 'behaviour', behaviour('Werk zichtbaar', { groups: [ids.otherGroup] }));
  ids.training = await createPage(
    s,
    'training',
    { title: 'Feedback geven', skill: 'giving_feedback', focus: 'attitude', format: 'workshop', behaviours: [ids.b1] },
    { title: 'Giving feedback', skill: 'giving_feedback', focus: 'attitude', format: 'workshop', behaviours: [ids.b1] },
  );
  const session = {
    training: ids.training,
    startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 3 * 86_400_000 + 3_600_000).toISOString(),
  };
  ids.session = await createPage(s, 'training-session', { ...session, location: 'Zaal 1' }, session);
  const spotlight = { date: '2026-11-20', person: ids.person, group: ids.group, behaviour: ids.b1 };
  ids.spotlight = await createPage(
    s,
    'spotlight',
    { title: 'Noor vraagt door', ...spotlight },
    { title: 'Noor asks more', ...spotlight },
  );
  const round = { ...roundDates('open'), group: ids.group };
  ids.round = await createPage(s, 'evaluation-round', { title: 'Ronde', ...round }, { title: 'Round', ...round });
});
afterAll(async () => {
  await app?.stop();
});

describe('a cold sync', () => {
  it('pages through every published entry, without overlap or gap, shaped as the list route shapes it', async () => {
    const synced = await syncAll('groups', 'nl', { limit: 2 });
    expect(synced.pages.length).toBe(4); // 7 groups, 2 a page
    const pageIds = synced.pages.map((p) => p.data.map((entry) => entry.documentId));
    const all = pageIds.flat();
    expect(new Set(all).size).toBe(all.length);
    // In documentId order, every page after the one before.
    for (let n = 1; n < pageIds.length; n += 1) {
      const previousLast = synced.pages[n - 1]?.meta.next?.after as string;
      expect(previousLast).toBe(pageIds[n - 1]?.at(-1));
      for (const id of pageIds[n] ?? []) expect(id > previousLast).toBe(true);
    }
    expect(synced.pages.at(-1)?.meta.next).toBeNull();
    for (const p of synced.pages) expect(p.meta).toMatchObject({ since: null, reset: false, changed: null });
    expect(synced.tombstones).toEqual([]);
    expect(byId(synced.data)).toEqual(await listed('groups', 'nl'));
  });

  it('serves exactly the list route for every route and locale', async () => {
    for (const route of CONTENT_ROUTES) {
      for (const locale of LOCALES) {
        const synced = await syncAll(route, locale, { limit: 3 });
        const list = await listed(route, locale);
        expect(list.size, `${route} ${locale}`).toBeGreaterThan(0);
        expect(byId(synced.data), `${route} ${locale}`).toEqual(list);
      }
    }
  });
});

describe('an incremental sync', () => {
  it('answers nothing when nothing changed', async () => {
    // Past the overlap, so the fixtures' own writes are out of the window.
    await sleep(SYNC_OVERLAP_MS + 500);
    const { until } = await syncAll('behaviours', 'nl');
    for (const route of CONTENT_ROUTES) {
      for (const locale of LOCALES) {
        const synced = await syncAll(route, locale, { since: until });
        expect(synced.data, `${route} ${locale}`).toEqual([]);
        expect(synced.tombstones, `${route} ${locale}`).toEqual([]);
        expect(synced.changed, `${route} ${locale}`).toEqual([]);
        expect(synced.pages[0]?.meta.since).toBe(until);
      }
    }
  });

  it('publishing a behaviour: the behaviour in both locales, and the groups and trainings that show it', async () => {
    const since = await mark();
    await behaviours().update({ documentId: ids.b1, locale: 'nl', data: { title: 'Vraag elke week om feedback' } });
    await behaviours().publish({ documentId: ids.b1, locale: 'nl' });

    const nl = await syncAll('behaviours', 'nl', { since });
    expect(nl.data.map((entry) => entry.documentId)).toContain(ids.b1);
    expect(byId(nl.data).get(ids.b1)).toEqual((await listed('behaviours', 'nl')).get(ids.b1));
    expect(byId(nl.data).get(ids.b1)?.title).toBe('Vraag elke week om feedback');
    expect(nl.changed).toContain(ids.b1);
    // The English entry's language switcher links to the Dutch slug, which changed.
    const en = await syncAll('behaviours', 'en', { since });
    expect(byId(en.data).get(ids.b1)).toEqual((await listed('behaviours', 'en')).get(ids.b1));

    const groups = await syncAll('groups', 'nl', { since });
    expect(byId(groups.data).get(ids.group)).toEqual((await listed('groups', 'nl')).get(ids.group));
    expect(JSON.stringify(byId(groups.data).get(ids.group))).toContain('Vraag elke week om feedback');
    expect(groups.data.map((entry) => entry.documentId)).not.toContain(ids.otherGroup);
    const trainings = await syncAll('trainings', 'nl', { since });
    expect(trainings.data.map((entry) => entry.documentId)).toEqual([ids.training]);
    const spotlights = await syncAll('spotlights', 'nl', { since });
    expect(spotlights.data.map((entry) => entry.documentId)).toEqual([ids.spotlight]);
    // Nothing of this change is in a type that does not show behaviours.
    expect((await syncAll('evaluation-rounds', 'nl', { since })).data).toEqual([]);
  });

  it('pages without overlap or gap: small pages give what one page gives', async () => {
    // Everything was written since the start of this file: every entry is a candidate.
    const whole = await syncAll('behaviours', 'nl', { since: startedAt });
    expect(whole.pages).toHaveLength(1);
    expect(byId(whole.data)).toEqual(await listed('behaviours', 'nl'));
    const paged = await syncAll('behaviours', 'nl', { since: startedAt, limit: 1 });
    expect(paged.pages.length).toBeGreaterThan(2);
    const pagedIds = [...paged.data.map((entry) => entry.documentId), ...paged.tombstones];
    expect(pagedIds.sort()).toEqual([...new Set(pagedIds)].sort());
    expect(byId(paged.data)).toEqual(byId(whole.data));
    expect(paged.tombstones.sort()).toEqual(whole.tombstones.sort());
    for (const p of paged.pages) expect(p.meta.changed).toEqual(whole.changed);
  });

  it('a draft edit changes nothing public: entries as published, never the draft', async () => {
    const before = await listed('behaviours', 'nl');
    const since = await mark();
    await behaviours().update({ documentId: ids.b2, locale: 'nl', data: { title: 'GEHEIM CONCEPT' } });
    const draftOnly = (await behaviours().create({ locale: 'nl', data: behaviour('NIEUW CONCEPT') })).documentId;
    for (const route of CONTENT_ROUTES) {
      const synced = await syncAll(route, 'nl', { since });
      expect(JSON.stringify(synced.data), route).not.toMatch(/GEHEIM CONCEPT|NIEUW CONCEPT/);
      expect(synced.data.map((entry) => entry.documentId)).not.toContain(draftOnly);
    }
    const synced = await syncAll('behaviours', 'nl', { since });
    for (const entry of synced.data) expect(entry).toEqual(before.get(entry.documentId));
  });

  it('unpublishing one locale: a tombstone in that locale, the entry in the other, the id in changed', async () => {
    const since = await mark();
    await behaviours().unpublish({ documentId: ids.b2, locale: 'en' });
    const en = await syncAll('behaviours', 'en', { since });
    expect(en.tombstones).toContain(ids.b2);
    expect(en.data.map((entry) => entry.documentId)).not.toContain(ids.b2);
    expect(en.changed).toContain(ids.b2);
    const nl = await syncAll('behaviours', 'nl', { since });
    expect(byId(nl.data).get(ids.b2)?.localizations).toEqual([]);
    expect(nl.tombstones).not.toContain(ids.b2);
    // Written without any build service configured, for the locale unpublished.
    expect(strapi.plugin('ritme').service('live').enabled()).toBe(false);
    expect((await tombstonesOf(ids.b2)).map((row) => [row.targetUid, row.targetLocale])).toEqual([
      ['plugin::ritme.behaviour', 'en'],
    ]);
  });

  it('deleting: a tombstone in every locale; deleting a never-published draft writes none', async () => {
    const gone = await createPage(strapi, 'behaviour', behaviour('Verdwijnt'), behaviour('Disappears'));
    const draft = (await behaviours().create({ locale: 'nl', data: behaviour('Nooit gepubliceerd') })).documentId;
    const since = await mark();
    await behaviours().delete({ documentId: gone, locale: '*' });
    await behaviours().delete({ documentId: draft, locale: '*' });
    for (const locale of LOCALES) {
      const synced = await syncAll('behaviours', locale, { since });
      expect(synced.tombstones, locale).toContain(gone);
      expect(synced.changed, locale).toContain(gone);
    }
    expect((await tombstonesOf(gone)).map((row) => row.targetLocale)).toEqual([null]);
    expect(await tombstonesOf(draft)).toEqual([]);
  });

  it('a training session published: its training', async () => {
    const since = await mark();
    await docs(strapi, 'training-session').update({
      documentId: ids.session,
      locale: 'nl',
      data: { location: 'Zaal 2' },
    });
    await docs(strapi, 'training-session').publish({ documentId: ids.session, locale: 'nl' });
    const synced = await syncAll('trainings', 'nl', { since });
    expect(synced.data.map((entry) => entry.documentId)).toEqual([ids.training]);
    expect(JSON.stringify(synced.data)).toContain('Zaal 2');
    expect(synced.changed).toContain(ids.session);
  });

  it('a relation removed: the behaviour in changed, and ids= refreshes the group', async () => {
    const stored = (await syncAll('groups', 'nl')).data.find((entry) => entry.documentId === ids.group) as Entry;
    expect(JSON.stringify(stored)).toContain(ids.b1);
    const since = await mark();
    await behaviours().update({ documentId: ids.b1, locale: 'nl', data: { groups: [] } });
    await behaviours().publish({ documentId: ids.b1, locale: 'nl' });
    const synced = await syncAll('groups', 'nl', { since });
    expect(synced.changed).toContain(ids.b1);
    // The group no longer embeds it, so only `changed` tells a reader its stored copy is stale.
    const refreshed = await page('groups', 'nl', { ids: ids.group });
    expect(refreshed.meta.next).toBeNull();
    expect(refreshed.data).toEqual([(await listed('groups', 'nl')).get(ids.group)]);
    expect(JSON.stringify(refreshed.data)).not.toContain(ids.b1);
  });

  it('a media file changed: the people with it as photo and the groups that show them; deleted: a tombstone', async () => {
    const files = strapi.db.query(MEDIA as never);
    const file = (await files.create({
      data: {
        name: 'noor.png',
        hash: `noor_${Date.now()}`,
        ext: '.png',
        mime: 'image/png',
        size: 1.5,
        url: '/uploads/noor.png',
        provider: 'local',
        width: 10,
        height: 10,
        alternativeText: 'Noor',
      },
    })) as { id: number; documentId: string };
    await docs(strapi, 'person').update({ documentId: ids.person, locale: 'nl', data: { photo: file.id } });
    await docs(strapi, 'person').publish({ documentId: ids.person, locale: 'nl' });

    const since = await mark();
    await files.update({ where: { id: file.id }, data: { alternativeText: 'Noor Visser lacht' } });
    const people = await syncAll('people', 'nl', { since });
    expect(people.changed).toContain(file.documentId);
    expect(byId(people.data).get(ids.person)).toEqual((await listed('people', 'nl')).get(ids.person));
    expect(JSON.stringify(people.data)).toContain('Noor Visser lacht');
    const groups = await syncAll('groups', 'nl', { since });
    expect(byId(groups.data).get(ids.group)).toEqual((await listed('groups', 'nl')).get(ids.group));
    expect(JSON.stringify(groups.data)).toContain('Noor Visser lacht');

    const later = await mark();
    await files.delete({ where: { id: file.id } });
    expect((await tombstonesOf(file.documentId)).map((row) => [row.targetUid, row.targetLocale])).toEqual([
      [MEDIA, null],
    ]);
    expect((await syncAll('people', 'nl', { since: later })).changed).toContain(file.documentId);
  });

  it('ids= answers current state: published in this locale as data, the rest as tombstones', async () => {
    const unknown = 'x'.repeat(24);
    const answer = await page('behaviours', 'en', { ids: [ids.b1, ids.b2, ids.b3, unknown].join(',') });
    expect(answer.data).toEqual([(await listed('behaviours', 'en')).get(ids.b1)]);
    expect(answer.tombstones.sort()).toEqual([ids.b2, ids.b3, unknown].sort());
    expect(answer.meta).toMatchObject({ next: null, reset: false, changed: null });
  });

  it('a since older than the tombstones are kept: reset, and a cold answer', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const synced = await syncAll('groups', 'nl', { since: old, limit: 3 });
    expect(synced.reset).toBe(true);
    expect(synced.changed).toBeNull();
    expect(synced.tombstones).toEqual([]);
    expect(byId(synced.data)).toEqual(await listed('groups', 'nl'));
  });

  it('an until in the future is not taken: the window ends now', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const answer = await page('groups', 'nl', { since: await mark(), until: future });
    expect(Date.parse(answer.meta.until)).toBeLessThanOrEqual(Date.now());
  });
});

describe('tombstones', () => {
  it('are pruned after the retention period', async () => {
    const rows = strapi.db.query(TOMBSTONE as never);
    const at = (days: number) => new Date(Date.now() - days * 86_400_000);
    await rows.create({
      data: { targetUid: 'plugin::ritme.group', targetDocumentId: 'oldoldoldoldoldoldoldold', removedAt: at(31) },
    });
    await rows.create({
      data: { targetUid: 'plugin::ritme.group', targetDocumentId: 'newnewnewnewnewnewnewnew', removedAt: at(29) },
    });
    const removed = await strapi.plugin('ritme').service('sync').prune();
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await tombstonesOf('oldoldoldoldoldoldoldold')).toEqual([]);
    expect(await tombstonesOf('newnewnewnewnewnewnewnew')).toHaveLength(1);
  });

  it('are never public: no route, no permission, no Content Manager', async () => {
    for (const path of [
      '/api/sync-tombstones',
      '/api/ritme/sync-tombstones',
      '/api/ritme/sync-tombstone',
      '/api/ritme/sync',
    ]) {
      expect([403, 404], path).toContain((await call(app.baseUrl, 'GET', path)).status);
    }
    const cm = await call(app.baseUrl, 'GET', `/content-manager/collection-types/${TOMBSTONE}`);
    expect([401, 403]).toContain(cm.status);
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const held = (await strapi.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { role: role.id } })) as { action: string }[];
    expect(held.map((p) => p.action)).toContain('plugin::ritme.sync.index');
    expect(held.map((p) => p.action).filter((action) => /tombstone/i.test(action))).toEqual([]);
    expect(strapi.contentType(TOMBSTONE as never).pluginOptions).toMatchObject({
      'content-manager': { visible: false },
      'content-type-builder': { visible: false },
    });
  });
});

describe('the query is checked', () => {
  const status = async (path: string) => (await call(app.baseUrl, 'GET', path)).status;

  it('400 for unknown or malformed parameters, naming them', async () => {
    const unknown = await call(app.baseUrl, 'GET', '/api/ritme/sync/groups?locale=nl&status=draft&populate=*');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/status/);
    expect(JSON.stringify(unknown.body.error.details)).toMatch(/populate/);
    const tooMany = Array.from({ length: SYNC_MAX_IDS + 1 }, (_, n) => `id${n}`).join(',');
    for (const bad of [
      'since=yesterday',
      'since=2026-13-01T00:00:00Z',
      'until=soon',
      'limit=0',
      'limit=1000',
      'limit=two',
      `ids=${tooMany}`,
      'ids=',
      'ids=a;b',
      `ids=${'a'.repeat(24)}&after=${'b'.repeat(24)}`,
      'after=not%20an%20id',
    ]) {
      const response = await call(app.baseUrl, 'GET', `/api/ritme/sync/groups?locale=nl&${bad}`);
      expect(response.status, bad).toBe(400);
      expect(response.body.error.details.errors.length, bad).toBeGreaterThan(0);
    }
    expect(await status('/api/ritme/sync/groups')).toBe(400);
  });

  it('404 for an unknown route, 400 for a locale Ritme does not serve', async () => {
    expect(await status('/api/ritme/sync/suggestions?locale=nl')).toBe(404);
    expect(await status('/api/ritme/sync/sync-tombstones?locale=nl')).toBe(404);
    const unserved = await call(app.baseUrl, 'GET', '/api/ritme/sync/groups?locale=de');
    expect(unserved.status).toBe(400);
    expect(unserved.body.error.message).toMatch(/"de"/);
  });
});

describe('property: incremental syncs applied to a copy end where a cold sync starts', () => {
  const ROUTES = ['behaviours', 'groups'] as const;
  const OPS = [
    'publish',
    'publishNl',
    'unpublish',
    'unpublishEn',
    'edit',
    'editPublish',
    'delete',
    'link',
    'unlink',
    'create',
  ] as const;
  type Op = { kind: (typeof OPS)[number]; target: number; sync: boolean };
  let counter = 0;
  const title = () => {
    counter += 1;
    return `Eigenschap ${counter}`;
  };

  interface Copy {
    entries: Map<string, Entry>;
    until: string;
  }
  const copies = new Map<string, Copy>();
  const key = (route: ContentRoute, locale: Locale) => `${route}:${locale}`;

  async function cold(route: ContentRoute, locale: Locale): Promise<Copy> {
    const synced = await syncAll(route, locale, { limit: 20 });
    return { entries: byId(synced.data), until: synced.until };
  }

  /** What a reader does: apply data and tombstones, refresh what embeds a changed id, or read it all again. */
  async function catchUp(route: ContentRoute, locale: Locale) {
    const copy = copies.get(key(route, locale)) as Copy;
    const synced = await syncAll(route, locale, { since: copy.until, limit: 3 });
    if (synced.reset || synced.changed === null) {
      copies.set(key(route, locale), await cold(route, locale));
      return;
    }
    const apply = (answer: { data: Entry[]; tombstones: string[] }) => {
      for (const entry of answer.data) copy.entries.set(entry.documentId, entry);
      for (const id of answer.tombstones) copy.entries.delete(id);
    };
    apply(synced);
    const seen = new Set([...synced.data.map((entry) => entry.documentId), ...synced.tombstones]);
    const changed = synced.changed;
    // What an entry embeds: everything but its own id (and its translations', which are the same).
    const embedded = ({ documentId: _, localizations: __, ...rest }: Entry) => JSON.stringify(rest);
    const stale = [...copy.entries.values()]
      .filter((entry) => !seen.has(entry.documentId))
      .filter((entry) => changed.some((id) => embedded(entry).includes(id)))
      .map((entry) => entry.documentId);
    if (stale.length > 0) apply(await page(route, locale, { ids: stale.join(',') }));
    copy.until = synced.until;
  }

  async function run(op: Op, pool: string[], group: string) {
    const at = op.target % pool.length;
    const documentId = pool[at] as string;
    if (op.kind === 'create') {
      const created = await behaviours().create({ locale: 'nl', data: behaviour(title(), { groups: [group] }) });
      pool.push(created.documentId);
      return;
    }
    const ops = behaviours();
    switch (op.kind) {
      case 'publish':
        return ops.publish({ documentId, locale: '*' });
      case 'publishNl':
        return ops.publish({ documentId, locale: 'nl' });
      case 'unpublish':
        return ops.unpublish({ documentId, locale: '*' });
      case 'unpublishEn':
        return ops.unpublish({ documentId, locale: 'en' });
      case 'edit':
        return ops.update({ documentId, locale: 'nl', data: { title: title() } });
      case 'editPublish':
        await ops.update({ documentId, locale: 'nl', data: { title: title() } });
        return ops.publish({ documentId, locale: 'nl' });
      case 'delete':
        pool.splice(at, 1);
        return ops.delete({ documentId, locale: '*' });
      case 'link':
      case 'unlink':
        await ops.update({ documentId, locale: 'nl', data: { groups: op.kind === 'link' ? [group] : [] } });
        return ops.publish({ documentId, locale: 'nl' });
    }
  }

  const of = (kind: Op['kind'], target: number, sync: boolean): Op => ({ kind, target, sync });

  it('for random sequences of publish, unpublish, edit and delete', async () => {
    // One reader for all runs, one group, and behaviours in it; settled past the overlap first, so the
    // reader's refresh of entries embedding a changed id cannot make up for a change the sync left out.
    const group = await createPage(strapi, 'group', { name: title(), kind: 'team' }, { name: title(), kind: 'team' });
    const pool: string[] = [];
    const replenish = async () => {
      while (pool.length < 3) {
        const data = () => behaviour(title(), { groups: [group] });
        pool.push(await createPage(strapi, 'behaviour', data(), data()));
      }
    };
    await replenish();
    await sleep(SYNC_OVERLAP_MS + 300);
    for (const route of ROUTES) for (const locale of LOCALES) copies.set(key(route, locale), await cold(route, locale));

    const op = fc.record({ kind: fc.constantFrom(...OPS), target: fc.nat(5), sync: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 6, maxLength: 6 }), async (ops) => {
        await replenish();
        for (const next of ops) {
          await run(next, pool, group);
          if (next.sync) for (const route of ROUTES) for (const locale of LOCALES) await catchUp(route, locale);
        }
        for (const route of ROUTES) {
          for (const locale of LOCALES) {
            await catchUp(route, locale);
            const fresh = await cold(route, locale);
            expect(copies.get(key(route, locale))?.entries, `${route} ${locale}`).toEqual(fresh.entries);
          }
        }
      }),
      {
        numRuns: 8,
        endOnFailure: true,
        // Besides the random runs, the sequences each part of the protocol is needed for.
        examples: [
          // A delete leaves only its tombstone; unpublishing one locale and all of them.
          [
            [
              of('delete', 0, true),
              of('unpublishEn', 1, true),
              of('unpublish', 2, true),
              of('edit', 1, false),
              of('publishNl', 1, false),
              of('editPublish', 0, true),
            ],
          ],
          // A relation removed (only `changed` says so), then added again (only the relation walk finds it).
          [
            [
              of('unlink', 0, true),
              of('link', 0, true),
              of('create', 0, false),
              of('publish', 3, true),
              of('delete', 3, false),
              of('unpublishEn', 0, false),
            ],
          ],
        ],
      },
    );
  }, 120_000);
});
