/**
 * The demo seed: realistic content in both locales that traces to the seed
 * blog, a home endpoint that has something in every section, a closed round
 * whose results show, idempotence (a second run creates and changes nothing),
 * and a demo admin that exists in development but never in production.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { ChangeSchema, focusOfTheWeek, HomeSchema, RoundResultsSchema, SKILLS } from '@ritme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, RITME_TYPES } from './harness/api';
import { bootStrapi, DIST_DIR, type TestStrapi } from './harness/strapi';

let app: TestStrapi;
const load = (file: string) => createRequire(import.meta.url)(path.join(DIST_DIR, file));

async function snapshot() {
  const state: Record<string, { count: number; lastUpdate: string }> = {};
  for (const type of RITME_TYPES.filter((type) => type !== 'suggestion')) {
    const rows = await app.strapi.db.query(`plugin::ritme.${type}` as never).findMany({ select: ['updatedAt'] });
    state[type] = {
      count: rows.length,
      lastUpdate:
        rows
          .map((row: { updatedAt: unknown }) => new Date(row.updatedAt as string).toISOString())
          .sort()
          .at(-1) ?? '',
    };
  }
  return state;
}

beforeAll(async () => {
  app = await bootStrapi({ seed: true, env: { RITME_DEMO_ADMIN_PASSWORD: 'Demo-password-1' } });
});
afterAll(async () => {
  await app?.stop();
});

describe('the demo seed', () => {
  it('has the blog’s own example behaviour, with what it replaces, in both locales', async () => {
    const nl = await call(app.baseUrl, 'GET', '/api/ritme/behaviours?pageSize=100');
    const weekly = nl.body.data.find((b: { insteadOf: string }) => b.insteadOf === 'Deel je kennis.');
    expect(weekly.title).toBe('Zet iedere week een korte update van je project in de groep.');
    expect(weekly.cadence).toBe('weekly');
    expect(nl.body.data.length).toBeGreaterThanOrEqual(9);
    for (const behaviour of nl.body.data) expect(behaviour.insteadOf.length, behaviour.title).toBeGreaterThan(0);

    const en = await call(app.baseUrl, 'GET', `/api/ritme/behaviours/${weekly.documentId}?locale=en`);
    expect(en.body.data.insteadOf).toBe('Share your knowledge.');
  });

  it('has groups of every kind, trainings for every skill with upcoming sessions, leaders and ambassadors', async () => {
    const groups = (await call(app.baseUrl, 'GET', '/api/ritme/groups?locale=en')).body.data;
    expect(new Set(groups.map((g: { kind: string }) => g.kind))).toEqual(
      new Set(['project', 'department', 'community', 'team']),
    );

    const trainings = (await call(app.baseUrl, 'GET', '/api/ritme/trainings?pageSize=100')).body.data;
    expect(new Set(trainings.map((t: { skill: string }) => t.skill))).toEqual(new Set(SKILLS));
    const now = Date.now();
    const upcoming = trainings
      .flatMap((t: { sessions: { startsAt: string }[] }) => t.sessions)
      .filter((s: { startsAt: string }) => Date.parse(s.startsAt) > now);
    expect(upcoming.length).toBeGreaterThanOrEqual(6);

    const people = (await call(app.baseUrl, 'GET', '/api/ritme/people?pageSize=100')).body.data;
    const kinds = people.map((p: { kind: string }) => p.kind);
    expect(kinds).toContain('leader');
    expect(kinds).toContain('ambassador');
  });

  it('fills every section of the home page, with the focus of the week rotating', async () => {
    for (const locale of ['nl', 'en']) {
      const home = HomeSchema.parse((await call(app.baseUrl, 'GET', `/api/ritme/home?locale=${locale}`)).body.data);
      expect(home.locale).toBe(locale);
      expect(home.focusBehaviour).not.toBeNull();
      expect(home.upcomingSessions.length).toBeGreaterThan(0);
      expect(home.upcomingSessions.map((s) => s.startsAt)).toEqual(
        [...home.upcomingSessions.map((s) => s.startsAt)].sort(),
      );
      expect(home.latestSpotlights).toHaveLength(3);
      expect(home.openRound?.followUp).toBe('');
      expect(home.people.length).toBeGreaterThan(0);
      expect(home.people.every((p) => p.kind === 'leader' || p.kind === 'ambassador')).toBe(true);

      const all = (await call(app.baseUrl, 'GET', `/api/ritme/behaviours?pageSize=100&locale=${locale}`)).body.data;
      expect(home.focusBehaviour?.documentId).toBe(focusOfTheWeek(all, new Date())?.documentId);
    }
  });

  it('has a closed round with its follow-up and results above the minimum', async () => {
    const rounds = (await call(app.baseUrl, 'GET', '/api/ritme/evaluation-rounds')).body.data;
    const closed = rounds.find((r: { closesAt: string }) => Date.parse(r.closesAt) < Date.now());
    expect(closed.followUp.length).toBeGreaterThan(20);
    const results = RoundResultsSchema.parse(
      (await call(app.baseUrl, 'GET', `/api/ritme/evaluation-rounds/${closed.slug}/results`)).body.data,
    );
    expect(results.available).toBe(true);
  });

  it('fills "you asked, we changed" with editor-written summaries, never the senders\' words', async () => {
    const changes = ChangeSchema.array().parse((await call(app.baseUrl, 'GET', '/api/ritme/changes')).body.data);
    expect(changes).toHaveLength(2);
    expect(changes.every((change) => change.summary.nl && change.summary.en)).toBe(true);
    expect(changes.some((change) => change.links.nl?.startsWith('/gedrag/'))).toBe(true);
    expect(JSON.stringify(changes)).not.toContain('Ik kan de agenda');
  });

  it('is idempotent: a second run creates nothing and changes nothing', async () => {
    const before = await snapshot();
    expect(before.group?.count).toBeGreaterThan(0);
    const { seedDemo } = load('src/seed/index.js');
    const again = await seedDemo(app.strapi);
    expect(again.created).toBe(0);
    expect(again.kept).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(before);
  });

  it('creates the demo admin in development, and never in production', async () => {
    const users = app.strapi.db.query('admin::user' as never);
    expect(await users.count({ where: { email: 'admin@ritme.local' } })).toBe(1);

    const { ensureDemoAdmin } = load('src/bootstrap/demo-admin.js');
    // Strapi keeps at least one super admin: add another before removing the demo one.
    const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
    await app.strapi.service('admin::user').create({
      email: 'owner@example.org',
      firstname: 'Owner',
      password: 'Owner-password-1',
      isActive: true,
      roles: [superAdmin.id],
    });
    const demo = await users.findOne({ where: { email: 'admin@ritme.local' } });
    await app.strapi.service('admin::user').deleteById(demo.id);
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      expect(await ensureDemoAdmin(app.strapi, 'whatever-password-1')).toBeNull();
    } finally {
      process.env.NODE_ENV = previous;
    }
    expect(await users.count({ where: { email: 'admin@ritme.local' } })).toBe(0);
  });
});
