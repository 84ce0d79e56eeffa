/**
 * Every content type round-trips: written through Strapi's Document Service in
 * two locales, published, and read back through /api/ritme in the exact shape
 * @ritme/shared promises, with generated slugs and links to the translation.
 */
import {
  BehaviourSchema,
  createRitmeClient,
  EvaluationRoundSchema,
  GroupSchema,
  itemResponseSchema,
  listResponseSchema,
  PersonSchema,
  RitmeApiError,
  SpotlightSchema,
  TrainingSchema,
} from '@ritme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './harness/api';
import { createPage, docs, roundDates } from './harness/fixtures';
import { bootStrapi, type TestStrapi } from './harness/strapi';

let app: TestStrapi;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await bootStrapi();
  const s = app.strapi;
  ids.person = await createPage(
    s,
    'person',
    { name: 'Fatima el Amrani', kind: 'leader', roleTitle: 'Teamleider', quote: 'Ik begin.' },
    { name: 'Fatima el Amrani', kind: 'leader', roleTitle: 'Team lead', quote: 'I go first.' },
  );
  ids.group = await createPage(
    s,
    'group',
    { name: 'Team Communicatie', kind: 'team', description: 'Wij maken het intranet.', people: [ids.person] },
    { name: 'Communications team', kind: 'team', description: 'We make the intranet.', people: [ids.person] },
  );
  ids.behaviour = await createPage(
    s,
    'behaviour',
    {
      title: 'Zet iedere week een korte update van je project in de groep.',
      insteadOf: 'Deel je kennis.',
      why: 'Zo weet iedereen waar je staat.',
      how: '- Open de groep\n2. Schrijf drie zinnen\n\nPlaats het bericht',
      cadence: 'weekly',
      skill: 'making_work_visible',
      example: 'Sanne schrijft elke vrijdag wat af is.',
      groups: [ids.group],
    },
    {
      title: 'Post a short update on your project in the group every week.',
      insteadOf: 'Share your knowledge.',
      why: 'So everyone knows where you are.',
      how: 'Open the group\nWrite three sentences\nPost it',
      cadence: 'weekly',
      skill: 'making_work_visible',
      example: 'Sanne writes every Friday what got done.',
      groups: [ids.group],
    },
  );
  ids.training = await createPage(
    s,
    'training',
    {
      title: 'Feedback geven',
      summary: 'Leer feedback geven.',
      body: '## Wat je leert\n- luisteren',
      skill: 'giving_feedback',
      focus: 'attitude',
      format: 'workshop',
      durationMinutes: 120,
      behaviours: [ids.behaviour],
    },
    {
      title: 'Giving feedback',
      summary: 'Learn to give feedback.',
      body: '## What you will learn\n- listening',
      skill: 'giving_feedback',
      focus: 'attitude',
      format: 'workshop',
      durationMinutes: 120,
      behaviours: [ids.behaviour],
    },
  );
  const session = {
    training: ids.training,
    startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 3 * 86_400_000 + 7_200_000).toISOString(),
    seats: 12,
  };
  ids.session = await createPage(
    s,
    'training-session',
    { ...session, location: 'Zaal 3' },
    { ...session, location: 'Room 3' },
  );
  ids.spotlight = await createPage(
    s,
    'spotlight',
    {
      title: 'Fatima gaat voor',
      story: 'Elke week een update.',
      date: '2026-11-20',
      person: ids.person,
      group: ids.group,
      behaviour: ids.behaviour,
    },
    {
      title: 'Fatima leads the way',
      story: 'An update every week.',
      date: '2026-11-20',
      person: ids.person,
      group: ids.group,
      behaviour: ids.behaviour,
    },
  );
  ids.round = await createPage(
    s,
    'evaluation-round',
    { title: 'Evaluatie najaar', intro: 'Vertel het ons.', ...roundDates('open'), group: ids.group },
    { title: 'Autumn evaluation', intro: 'Tell us.', ...roundDates('open'), group: ids.group },
  );
});
afterAll(async () => {
  await app?.stop();
});

describe('content round-trips through /api/ritme', () => {
  it('serves a group with its people, behaviours and spotlights, in Dutch and English', async () => {
    const nl = GroupSchema.parse((await call(app.baseUrl, 'GET', `/api/ritme/groups/${ids.group}`)).body.data);
    expect(nl).toMatchObject({ name: 'Team Communicatie', slug: 'team-communicatie', kind: 'team', locale: 'nl' });
    expect(nl.people.map((p) => p.roleTitle)).toEqual(['Teamleider']);
    expect(nl.behaviours.map((b) => b.insteadOf)).toEqual(['Deel je kennis.']);
    expect(nl.spotlights.map((b) => b.title)).toEqual(['Fatima gaat voor']);
    expect(nl.localizations).toEqual([{ locale: 'en', slug: 'communications-team', documentId: ids.group }]);

    const en = GroupSchema.parse(
      (await call(app.baseUrl, 'GET', '/api/ritme/groups/communications-team?locale=en')).body.data,
    );
    expect(en.documentId).toBe(ids.group);
    expect(en.people.map((p) => p.roleTitle)).toEqual(['Team lead']);
    expect(en.localizations).toEqual([{ locale: 'nl', slug: 'team-communicatie', documentId: ids.group }]);
  });

  it('serves a behaviour with its steps as a list and the trainings that support it', async () => {
    const behaviour = BehaviourSchema.parse(
      (await call(app.baseUrl, 'GET', `/api/ritme/behaviours/${ids.behaviour}`)).body.data,
    );
    expect(behaviour.slug).toBe('zet-iedere-week-een-korte-update-van-je-project-in-de-groep');
    expect(behaviour.how).toEqual(['Open de groep', 'Schrijf drie zinnen', 'Plaats het bericht']);
    expect(behaviour.groups.map((g) => g.documentId)).toEqual([ids.group]);
    expect(behaviour.trainings.map((t) => t.title)).toEqual(['Feedback geven']);
  });

  it('serves a training with its sessions', async () => {
    const training = TrainingSchema.parse(
      (await call(app.baseUrl, 'GET', '/api/ritme/trainings/giving-feedback?locale=en')).body.data,
    );
    expect(training).toMatchObject({ title: 'Giving feedback', skill: 'giving_feedback', durationMinutes: 120 });
    expect(training.sessions).toHaveLength(1);
    expect(training.sessions[0]).toMatchObject({ location: 'Room 3', seats: 12 });
    expect(training.behaviours.map((b) => b.cadence)).toEqual(['weekly']);
  });

  it('serves people, spotlights and evaluation rounds', async () => {
    const person = PersonSchema.parse(
      (await call(app.baseUrl, 'GET', `/api/ritme/people/${ids.person}?locale=en`)).body.data,
    );
    expect(person).toMatchObject({ name: 'Fatima el Amrani', kind: 'leader', quote: 'I go first.', photo: null });
    expect(person.groups.map((g) => g.name)).toEqual(['Communications team']);

    const spotlight = SpotlightSchema.parse(
      (await call(app.baseUrl, 'GET', `/api/ritme/spotlights/${ids.spotlight}`)).body.data,
    );
    expect(spotlight).toMatchObject({
      date: '2026-11-20',
      person: { name: 'Fatima el Amrani' },
      group: { slug: 'team-communicatie' },
    });

    const round = EvaluationRoundSchema.parse(
      (await call(app.baseUrl, 'GET', `/api/ritme/evaluation-rounds/${ids.round}?locale=en`)).body.data,
    );
    expect(round.questions.map((q) => q.label)).toEqual([
      'What works well?',
      'What are we running into?',
      'What helps us move forward?',
    ]);
    expect(round.minimumResponses).toBe(5);
    expect(round.group?.name).toBe('Communications team');
  });

  it('lists every type with pagination, and the typed client pages to the end', async () => {
    for (const route of ['groups', 'behaviours', 'trainings', 'people', 'spotlights', 'evaluation-rounds']) {
      const response = await call(app.baseUrl, 'GET', `/api/ritme/${route}?locale=en&page=1&pageSize=10`);
      expect(response.status, route).toBe(200);
      expect(response.body.meta.pagination, route).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 1 });
    }
    const client = createRitmeClient({ baseUrl: app.baseUrl });
    const groups = await client.listAll('groups', 'nl');
    expect(groups.map((g) => g.documentId)).toEqual([ids.group]);
    expect(
      listResponseSchema(GroupSchema).safeParse((await call(app.baseUrl, 'GET', '/api/ritme/groups')).body).success,
    ).toBe(true);
  });

  it('pages through many entries', async () => {
    for (let i = 0; i < 7; i += 1) {
      await createPage(app.strapi, 'group', { name: `Paginagroep ${i}`, kind: 'project' });
    }
    const first = await call(app.baseUrl, 'GET', '/api/ritme/groups?pageSize=3');
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 3, pageCount: 3, total: 8 });
    const third = await call(app.baseUrl, 'GET', '/api/ritme/groups?pageSize=3&page=3');
    expect(third.body.data).toHaveLength(2);
    const client = createRitmeClient({ baseUrl: app.baseUrl });
    expect(await client.listAll('groups', 'nl')).toHaveLength(8);
    expect(await client.listAll('groups', 'en')).toHaveLength(1);
  });
});

describe('slugs', () => {
  it('are generated, unique per locale, and kept on update', async () => {
    const first = await createPage(
      app.strapi,
      'group',
      { name: 'Dubbel Team', kind: 'team' },
      { name: 'Dubbel Team', kind: 'team' },
    );
    const second = await createPage(app.strapi, 'group', { name: 'Dubbel Team', kind: 'team' });
    const slugOf = async (documentId: string, locale = 'nl') =>
      (await call(app.baseUrl, 'GET', `/api/ritme/groups/${documentId}?locale=${locale}`)).body.data.slug;
    expect(await slugOf(first)).toBe('dubbel-team');
    expect(await slugOf(first, 'en')).toBe('dubbel-team');
    expect(await slugOf(second)).toBe('dubbel-team-2');

    await docs(app.strapi, 'group').update({ documentId: first, locale: 'nl', data: { description: 'Nieuw' } });
    await docs(app.strapi, 'group').publish({ documentId: first, locale: 'nl' });
    expect(await slugOf(first)).toBe('dubbel-team');
  });

  it('give a translation filled in from Dutch a slug of its own, from its own title', async () => {
    // What the admin's "Fill in from another locale" saves: the Dutch fields, slug included, then a new title.
    const id = await createPage(app.strapi, 'behaviour', {
      title: 'Deel je planning op maandag',
      insteadOf: 'Mail niet.',
      why: 'Zo weet iedereen het.',
      cadence: 'weekly',
      skill: 'making_work_visible',
    });
    const slugOf = async (locale: string) =>
      (await call(app.baseUrl, 'GET', `/api/ritme/behaviours/${id}?locale=${locale}`)).body.data.slug;
    expect(await slugOf('nl')).toBe('deel-je-planning-op-maandag');
    await docs(app.strapi, 'behaviour').update({
      documentId: id,
      locale: 'en',
      data: {
        title: 'Share your planning on Monday',
        slug: 'deel-je-planning-op-maandag',
        insteadOf: 'Do not e-mail.',
        why: 'So everyone knows.',
        cadence: 'weekly',
        skill: 'making_work_visible',
      },
    });
    await docs(app.strapi, 'behaviour').publish({ documentId: id, locale: 'en' });
    expect(await slugOf('en')).toBe('share-your-planning-on-monday');
    // A slug the translation already has, or one an editor types, is kept.
    await docs(app.strapi, 'behaviour').update({ documentId: id, locale: 'en', data: { slug: 'monday-planning' } });
    await docs(app.strapi, 'behaviour').publish({ documentId: id, locale: 'en' });
    expect(await slugOf('en')).toBe('monday-planning');
    expect(await slugOf('nl')).toBe('deel-je-planning-op-maandag');
  });

  it('fold accents and punctuation into a URL-safe slug', async () => {
    const id = await createPage(app.strapi, 'group', { name: 'Café & Crème: één!', kind: 'community' });
    const group = itemResponseSchema(GroupSchema).parse(
      (await call(app.baseUrl, 'GET', `/api/ritme/groups/${id}`)).body,
    );
    expect(group.data.slug).toBe('cafe-creme-een');
  });
});

describe('errors say what went wrong', () => {
  it('answers 404 for an unknown slug, with the locale in the message', async () => {
    const response = await call(app.baseUrl, 'GET', '/api/ritme/groups/does-not-exist?locale=en');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain('does-not-exist');
    await expect(createRitmeClient({ baseUrl: app.baseUrl }).get('groups', 'does-not-exist')).rejects.toBeInstanceOf(
      RitmeApiError,
    );
  });

  it('answers 400 for unknown query keys and out-of-range pagination', async () => {
    for (const query of [
      'status=draft',
      'populate=*',
      'pageSize=1000',
      'page=0',
      'locale=de',
      'filters[secret]=x',
      'sort=sharedWithPilots',
    ]) {
      const response = await call(app.baseUrl, 'GET', `/api/ritme/groups?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.details.errors.length, query).toBeGreaterThan(0);
    }
  });
});
