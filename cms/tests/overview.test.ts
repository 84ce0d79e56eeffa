/**
 * The editors' home (GET /ritme/overview) counts what needs attention: new
 * suggestions and pilot feedback, published rounds closing within a week and
 * closed rounds without a follow-up, waiting drafts per type (never published,
 * or changed since), and active pilots — dates relative to now. Each part is
 * answered only to an admin holding its permission; asking for a part one may
 * not see, or holding none, is 403; no JWT is 401.
 */
import type { Overview } from '@ritme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWith } from './harness/admins';
import { call } from './harness/api';
import { createPage, docs } from './harness/fixtures';
import { bootStrapi, type TestStrapi } from './harness/strapi';

let app: TestStrapi;
const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const pause = () => new Promise((resolve) => setTimeout(resolve, 15));
const ids: Record<string, string> = {};

const EVERYTHING = [
  'plugin::ritme.inbox.read',
  'plugin::ritme.invites.manage',
  'plugin::ritme.build.read',
  { action: 'plugin::content-manager.explorer.read', subject: 'plugin::ritme.behaviour' },
  { action: 'plugin::content-manager.explorer.read', subject: 'plugin::ritme.group' },
  { action: 'plugin::content-manager.explorer.read', subject: 'plugin::ritme.evaluation-round' },
];
const jwts: Record<'all' | 'inbox' | 'behaviours' | 'users' | 'none', string> = {
  all: '',
  inbox: '',
  behaviours: '',
  users: '',
  none: '',
};

const overview = (jwt: string | undefined, part?: string) =>
  call<{ data: Overview }>(app.baseUrl, 'GET', `/ritme/overview${part ? `?part=${part}` : ''}`, { token: jwt });

async function suggest(status?: string) {
  const created = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
    body: { data: { message: 'De agenda is lastig te vinden', category: 'problem' } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (status) {
    await app.strapi.db
      .query('plugin::ritme.suggestion' as never)
      .update({ where: { documentId: created.body.data.documentId }, data: { status } });
  }
}

async function feedback(status?: string) {
  const codesign = app.strapi.plugin('ritme').service('codesign');
  const { documentId } = await codesign.createFeedback({
    message: 'Deze knop werkt niet',
    category: 'problem',
    pagePath: '/gedrag/',
    locale: 'nl',
    section: '',
    contentRefs: [],
    build: '7',
    invite: null,
    showName: false,
  });
  if (status) await codesign.updateInboxItem('feedback', documentId, { status });
}

async function round(title: string, closesInDays: number, options: { followUp?: string; draft?: boolean } = {}) {
  return createPage(
    app.strapi,
    'evaluation-round',
    {
      title,
      opensAt: inDays(closesInDays - 30),
      closesAt: inDays(closesInDays),
      ...(options.followUp ? { followUp: options.followUp } : {}),
    },
    undefined,
    { draft: options.draft },
  );
}

beforeAll(async () => {
  app = await bootStrapi({ env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  const s = app.strapi;

  // Voices: 3 new suggestions, 1 answered; 2 new feedback, 1 done.
  for (const status of [undefined, undefined, undefined, 'planned']) await suggest(status);
  for (const status of [undefined, undefined, 'done']) await feedback(status);

  // Rounds: two close within the week (listed soonest first), one in ten days, one closed
  // without a follow-up, one closed with it, and a draft closing tomorrow (not live: not listed).
  ids.closesInFive = await round('Ronde over vijf dagen', 5);
  ids.closesTomorrow = await round('Ronde morgen', 1);
  await round('Ronde over tien dagen', 10);
  ids.closedBare = await round('Gesloten zonder vervolg', -3);
  await round('Gesloten met vervolg', -4, { followUp: 'We hebben de agenda verplaatst.' });
  await round('Concept morgen', 1, { draft: true });

  // Behaviours: one published and unchanged, one published then edited, two never published.
  const behaviour = (title: string) => ({
    title,
    insteadOf: 'Deel je kennis',
    cadence: 'weekly',
    skill: 'asking_questions',
  });
  await createPage(s, 'behaviour', behaviour('Gepubliceerd'));
  const edited = await createPage(s, 'behaviour', behaviour('Bewerkt'));
  await pause();
  await docs(s, 'behaviour').update({ documentId: edited, locale: 'nl', data: { title: 'Bewerkt, nieuw' } });
  await createPage(s, 'behaviour', behaviour('Concept een'), undefined, { draft: true });
  await createPage(s, 'behaviour', behaviour('Concept twee'), undefined, { draft: true });
  // A group published in Dutch whose English translation was never published.
  const group = await createPage(s, 'group', { name: 'Team', kind: 'team' });
  await docs(s, 'group').update({ documentId: group, locale: 'en', data: { name: 'Team', kind: 'team' } });

  // Pilots: two active (one used the preview yesterday, one a month ago), one revoked, one expired.
  const codesign = s.plugin('ritme').service('codesign');
  const invite = (name: string, expiresInDays: number) =>
    codesign.createInvite({ name, expiresAt: inDays(expiresInDays) });
  const used = await invite('Recent', 30);
  await codesign.sessionForToken(used.token, new Date(Date.now() - DAY));
  const longAgo = await invite('Lang geleden', 60);
  await codesign.sessionForToken(longAgo.token, new Date(Date.now() - 30 * DAY));
  const revoked = await invite('Ingetrokken', 30);
  await codesign.revokeInvite(revoked.documentId);
  await s.db
    .query('plugin::ritme.pilot-invite' as never)
    .create({ data: { name: 'Verlopen', expiresAt: inDays(-1), tokenHash: 'x'.repeat(64), revoked: false } });

  jwts.all = (await adminWith(s, app.baseUrl, 'all@example.org', EVERYTHING)).jwt;
  jwts.inbox = (await adminWith(s, app.baseUrl, 'inbox@example.org', ['plugin::ritme.inbox.read'])).jwt;
  jwts.behaviours = (await adminWith(s, app.baseUrl, 'behaviours@example.org', [EVERYTHING[3]])).jwt;
  jwts.none = (await adminWith(s, app.baseUrl, 'none@example.org', [])).jwt;
  // Content Manager read on a type that is not Ritme's: no drafts of Ritme's to count.
  jwts.users = (
    await adminWith(s, app.baseUrl, 'users@example.org', [
      { action: 'plugin::content-manager.explorer.read', subject: 'plugin::users-permissions.user' },
    ])
  ).jwt;
});
afterAll(async () => {
  await app?.stop();
});

describe('what needs attention', () => {
  let data: Overview;
  beforeAll(async () => {
    const answer = await overview(jwts.all);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    data = answer.body.data;
  });

  it('counts new suggestions and new pilot feedback, not answered ones', () => {
    expect(data.voices).toEqual({ suggestions: 3, feedback: 2 });
  });

  it('lists published rounds closing within seven days, soonest first, and closed rounds without a follow-up', () => {
    expect(data.rounds?.withinDays).toBe(7);
    expect(data.rounds?.closingSoon.total).toBe(2);
    expect(data.rounds?.closingSoon.items.map((item) => item.documentId)).toEqual([
      ids.closesTomorrow,
      ids.closesInFive,
    ]);
    expect(data.rounds?.closingSoon.items[0]).toMatchObject({ title: 'Ronde morgen' });
    expect(Date.parse(data.rounds?.closingSoon.items[0]?.closesAt ?? '')).toBeGreaterThan(Date.now());
    expect(data.rounds?.awaitingFollowUp).toEqual({
      total: 1,
      items: [expect.objectContaining({ documentId: ids.closedBare, title: 'Gesloten zonder vervolg' })],
    });
  });

  it('counts waiting drafts per type the admin may read: never published, and changed since publishing', () => {
    const byType = Object.fromEntries((data.drafts ?? []).map((entry) => [entry.type, entry]));
    expect(Object.keys(byType).sort()).toEqual(['behaviour', 'evaluation-round', 'group']);
    expect(byType.behaviour).toMatchObject({ uid: 'plugin::ritme.behaviour', draft: 2, modified: 1 });
    // The English translation was never published: the group waits, as a draft.
    expect(byType.group).toMatchObject({ draft: 1, modified: 0 });
    // The draft round.
    expect(byType['evaluation-round']).toMatchObject({ draft: 1, modified: 0 });
  });

  it('counts pilot invites neither revoked nor expired, and those used in the last week', () => {
    expect(data.pilots).toEqual({ active: 2, usedRecently: 1, recentDays: 7 });
  });

  it('includes the build state (here: no build service configured)', () => {
    expect(data.build).toMatchObject({ configured: false, reachable: false });
  });

  it('follows new voices as they arrive and are answered', async () => {
    await suggest();
    expect((await overview(jwts.all, 'voices')).body.data).toEqual({ voices: { suggestions: 4, feedback: 2 } });
  });
});

describe('permissions', () => {
  it('shows an admin with only inbox.read the voices and nothing else', async () => {
    const answer = await overview(jwts.inbox);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.data)).toEqual(['voices']);
  });

  it('shows an admin who may read behaviours only their drafts, and no rounds', async () => {
    const answer = await overview(jwts.behaviours);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.data)).toEqual(['drafts']);
    expect(answer.body.data.drafts?.map((entry) => entry.type)).toEqual(['behaviour']);
  });

  it('refuses a part the admin may not see', async () => {
    for (const part of ['pilots', 'build', 'rounds', 'drafts']) {
      const answer = await overview(jwts.inbox, part);
      expect(answer.status, part).toBe(403);
      expect(JSON.stringify(answer.body)).not.toMatch(/active|suggestions/);
    }
  });

  it('refuses an admin holding none of the permissions, and a caller without a JWT', async () => {
    expect((await overview(jwts.none)).status).toBe(403);
    expect((await overview(jwts.users)).status).toBe(403);
    expect((await overview(jwts.users, 'drafts')).status).toBe(403);
    expect((await overview(undefined)).status).toBe(401);
  });

  it('rejects an unknown part or query key', async () => {
    expect((await overview(jwts.all, 'secrets')).status).toBe(400);
    const extra = await call(app.baseUrl, 'GET', '/ritme/overview?part=voices&limit=100000', { token: jwts.all });
    expect(extra.status).toBe(400);
  });
});
