/**
 * The read routes speak Strapi's REST conventions: `pagination[…]`, `sort`,
 * `filters`, `fields`, `populate` and `locale` on allow-lists, answered in
 * Strapi's envelope, so Strapi's own JS client (@strapi/client) and any
 * tutorial's fetch code work against /api/ritme. Anything off the lists is a
 * 400 naming the parameter; drafts never show, whatever is asked.
 */
import { MAX_PAGE_SIZE } from '@ritme/shared';
import { strapi as strapiClient } from '@strapi/client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './harness/api';
import { createPage, docs } from './harness/fixtures';
import { bootStrapi, type TestStrapi } from './harness/strapi';

let app: TestStrapi;

const SKILLS = ['asking_questions', 'giving_feedback', 'making_work_visible', 'tool_basics'] as const;
const FORMATS = ['workshop', 'e_learning', 'video', 'coaching'] as const;
const WORDS = ['anker', 'brug', 'dijk', 'haven', 'kade', 'sluis', 'toren', 'veer'];

/** What the property test's reference knows of each published training: exactly what the database holds. */
interface TrainingRow {
  documentId: string;
  title: string;
  skill: string;
  format: string;
  durationMinutes: number;
}
const trainings: TrainingRow[] = [];

const behaviours: Record<string, string> = {};
let draftOnly = '';
let editedDraft = '';
let groupId = '';

const DRAFT_WORD = 'concept';

beforeAll(async () => {
  app = await bootStrapi();
  const s = app.strapi;

  groupId = await createPage(s, 'group', { name: 'Team Alfa', kind: 'team' }, { name: 'Team Alpha', kind: 'team' });
  const behaviour = (title: string, skill: string, cadence: string, en?: string, groups: string[] = []) =>
    createPage(
      s,
      'behaviour',
      { title, insteadOf: 'Vaag.', skill, cadence, groups },
      en ? { title: en, insteadOf: 'Vague.', skill, cadence, groups } : undefined,
    );
  behaviours.ask = await behaviour('Stel een vraag', 'asking_questions', 'weekly', 'Ask a question', [groupId]);
  behaviours.feedback = await behaviour('Geef feedback', 'giving_feedback', 'daily', 'Give feedback');
  behaviours.visible = await behaviour('Maak je werk zichtbaar', 'making_work_visible', 'weekly', 'Show your work', [
    groupId,
  ]);
  behaviours.tools = await behaviour('Leer de knoppen', 'tool_basics', 'once');
  behaviours.reply = await behaviour('Reageer opbouwend', 'responding_constructively', 'monthly', 'Respond kindly');

  // Trainings for the property test: lowercase titles (so LIKE means the same on SQLite and PostgreSQL),
  // repeated titles and durations (so ties are decided by the documented tiebreak).
  for (let i = 0; i < 14; i += 1) {
    const row = {
      title: `${WORDS[i % 3]}${WORDS[3 + (i % 2)]}`,
      skill: SKILLS[i % SKILLS.length] as string,
      format: FORMATS[(i * 7) % FORMATS.length] as string,
      durationMinutes: 30 + ((i * 11) % 5) * 30,
    };
    const documentId = await createPage(s, 'training', { ...row, summary: 'x', focus: 'attitude' });
    trainings.push({ documentId, ...row });
  }

  // A draft that was never published, and a published training whose unpublished edits match everything.
  draftOnly = await createPage(
    s,
    'training',
    { title: `${DRAFT_WORD}anker`, skill: 'tool_basics', format: 'video', durationMinutes: 45, focus: 'buttons' },
    undefined,
    { draft: true },
  );
  editedDraft = trainings[0]?.documentId ?? '';
  await docs(s, 'training').update({
    documentId: editedDraft,
    locale: 'nl',
    data: { title: `${DRAFT_WORD}brug`, durationMinutes: 999, skill: 'tool_basics' },
  });
});
afterAll(async () => {
  await app?.stop();
});

const client = () => strapiClient({ baseURL: `${app.baseUrl}/api/ritme` });
const get = (path: string) => call(app.baseUrl, 'GET', path);

describe('@strapi/client against /api/ritme', () => {
  it('lists with pagination[page] and pagination[pageSize], in Strapi’s envelope', async () => {
    const first = await client()
      .collection('behaviours')
      .find({ pagination: { page: 1, pageSize: 2 }, sort: 'title:asc' });
    expect(first.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 3, total: 5 });
    expect(first.data.map((entry) => entry.title)).toEqual(['Geef feedback', 'Leer de knoppen']);
    const third = await client()
      .collection('behaviours')
      .find({ pagination: { page: 3, pageSize: 2 }, sort: 'title:asc' });
    expect(third.data.map((entry) => entry.title)).toEqual(['Stel een vraag']);
    expect(third.meta.pagination).toEqual({ page: 3, pageSize: 2, pageCount: 3, total: 5 });
  });

  it('sorts by one or several fields, as a string or a list', async () => {
    const desc = await client().collection('behaviours').find({ sort: 'title:desc' });
    expect(desc.data.map((entry) => entry.title)).toEqual([
      'Stel een vraag',
      'Reageer opbouwend',
      'Maak je werk zichtbaar',
      'Leer de knoppen',
      'Geef feedback',
    ]);
    const two = await client()
      .collection('behaviours')
      .find({ sort: ['cadence:desc', 'title:asc'] });
    expect(two.data.map((entry) => `${entry.cadence} ${entry.title}`)).toEqual([
      'weekly Maak je werk zichtbaar',
      'weekly Stel een vraag',
      'once Leer de knoppen',
      'monthly Reageer opbouwend',
      'daily Geef feedback',
    ]);
  });

  it('filters in the database, with totals that count the filtered entries', async () => {
    const result = await client()
      .collection('behaviours')
      .find({
        filters: { skill: { $in: ['asking_questions', 'giving_feedback', 'tool_basics'] }, cadence: { $ne: 'once' } },
        sort: 'title',
        pagination: { pageSize: 1 },
      });
    expect(result.data.map((entry) => entry.title)).toEqual(['Geef feedback']);
    expect(result.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: 2, total: 2 });

    const throughRelation = await client()
      .collection('behaviours')
      .find({ filters: { groups: { slug: { $eq: 'team-alfa' } } }, sort: 'title' });
    expect(throughRelation.data.map((entry) => entry.documentId)).toEqual([behaviours.visible, behaviours.ask]);

    const either = await client()
      .collection('behaviours')
      .find({ filters: { $or: [{ title: { $containsi: 'FEEDBACK' } }, { slug: 'leer-de-knoppen' }] }, sort: 'title' });
    expect(either.data.map((entry) => entry.documentId)).toEqual([behaviours.feedback, behaviours.tools]);
  });

  it('answers only the fields asked for, plus documentId and locale', async () => {
    const result = await client()
      .collection('behaviours')
      .find({ fields: ['title', 'slug'], sort: 'title', pagination: { pageSize: 1 } });
    expect(result.data).toEqual([
      { documentId: behaviours.feedback, locale: 'nl', title: 'Geef feedback', slug: 'geef-feedback' },
    ]);
    const withGroups = await client()
      .collection('behaviours')
      .findOne(behaviours.ask as string, { fields: ['title'], populate: ['groups'] });
    expect(Object.keys(withGroups.data).sort()).toEqual(['documentId', 'groups', 'locale', 'title']);
    expect(withGroups.data.groups).toEqual([
      { documentId: groupId, slug: 'team-alfa', name: 'Team Alfa', kind: 'team' },
    ]);
  });

  it('reads a locale and fetches one entry by documentId', async () => {
    const english = await client().collection('behaviours').find({ locale: 'en', sort: 'title' });
    expect(english.data.map((entry) => entry.title)).toEqual([
      'Ask a question',
      'Give feedback',
      'Respond kindly',
      'Show your work',
    ]);
    expect(english.data.every((entry) => entry.locale === 'en')).toBe(true);

    const one = await client()
      .collection('behaviours')
      .findOne(behaviours.visible as string, { locale: 'en' });
    expect(one.meta).toEqual({});
    expect(one.data).toMatchObject({ documentId: behaviours.visible, locale: 'en', title: 'Show your work' });
    expect(one.data.localizations).toEqual([
      { locale: 'nl', slug: 'maak-je-werk-zichtbaar', documentId: behaviours.visible },
    ]);
  });

  it('passes Strapi’s error on as an HTTP 400 the client recognises', async () => {
    const refused = await client()
      .collection('behaviours')
      .find({ filters: { sharedWithPilots: { $eq: true } } })
      .then(
        () => null,
        (error: Error & { response?: Response }) => error,
      );
    expect(refused?.name).toBe('HTTPBadRequestError');
    const body = await refused?.response?.json();
    expect(body.error.message).toContain('filters[sharedWithPilots]');
  });
});

describe('raw requests with bracket parameters', () => {
  it('take pagination[…], sort[n], filters[field][$op][n] and fields[n]', async () => {
    const response = await get(
      '/api/ritme/behaviours?pagination[page]=1&pagination[pageSize]=10&sort[0]=skill:desc' +
        '&filters[skill][$in][0]=asking_questions&filters[skill][$in][1]=tool_basics&fields[0]=title&fields[1]=skill',
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: [
        { documentId: behaviours.tools, locale: 'nl', title: 'Leer de knoppen', skill: 'tool_basics' },
        { documentId: behaviours.ask, locale: 'nl', title: 'Stel een vraag', skill: 'asking_questions' },
      ],
      meta: { pagination: { page: 1, pageSize: 10, pageCount: 1, total: 2 } },
    });
  });

  it('take the brackets percent-encoded too, and Strapi’s short forms filters[slug]=x and sort=a,b', async () => {
    const query = new URLSearchParams({ 'filters[slug]': 'geef-feedback', sort: 'cadence,title:desc' });
    const response = await get(`/api/ritme/behaviours?${query}`);
    expect(response.status).toBe(200);
    expect(response.body.data.map((entry: { documentId: string }) => entry.documentId)).toEqual([behaviours.feedback]);
  });

  it('page by start and limit, with or without a count', async () => {
    const offset = await get('/api/ritme/behaviours?sort=title&pagination[start]=1&pagination[limit]=2');
    expect(offset.body.meta.pagination).toEqual({ start: 1, limit: 2, total: 5 });
    expect(offset.body.data.map((entry: { title: string }) => entry.title)).toEqual([
      'Leer de knoppen',
      'Maak je werk zichtbaar',
    ]);
    const uncounted = await get('/api/ritme/behaviours?pagination[pageSize]=2&pagination[withCount]=false');
    expect(uncounted.body.meta.pagination).toEqual({ page: 1, pageSize: 2 });
  });

  it('keep the plugin’s short forms, alone or agreeing with the long ones', async () => {
    const short = await get('/api/ritme/behaviours?page=2&pageSize=2&locale=nl');
    expect(short.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 3, total: 5 });
    const both = await get('/api/ritme/behaviours?page=2&pagination[page]=2&pageSize=2');
    expect(both.status).toBe(200);
    expect(both.body.meta.pagination.page).toBe(2);
  });

  it('filter on dates and numbers', async () => {
    const long = await get(
      '/api/ritme/trainings?filters[durationMinutes][$gte]=120&fields=durationMinutes&pageSize=100',
    );
    expect(long.status).toBe(200);
    const expected = trainings.filter((row) => row.durationMinutes >= 120).length;
    expect(long.body.meta.pagination.total).toBe(expected);
    const recent = await get(
      `/api/ritme/behaviours?filters[updatedAt][$gt]=2000-01-01&filters[updatedAt][$lt]=2999-01-01`,
    );
    expect(recent.body.meta.pagination.total).toBe(5);
  });

  it('home and single entries answer { data, meta: {} }', async () => {
    const home = await get('/api/ritme/home');
    expect(home.status).toBe(200);
    expect(home.body.meta).toEqual({});
    const one = await get(`/api/ritme/groups/${groupId}?fields=name`);
    expect(one.body).toEqual({ data: { documentId: groupId, locale: 'nl', name: 'Team Alfa' }, meta: {} });
  });
});

describe('refusals', () => {
  const refused: [string, string, string][] = [
    ['a private field in filters', 'filters[sharedWithPilots][$eq]=true', 'filters[sharedWithPilots]'],
    ['an unknown field in filters', 'filters[secret]=x', 'filters[secret]'],
    ['publishedAt in filters', 'filters[publishedAt][$null]=true', 'filters[publishedAt]'],
    ['a $regex-like operator', 'filters[title][$regex]=.*', 'filters[title][$regex]'],
    ['an operator the field does not take', 'filters[skill][$containsi]=ask', 'filters[skill][$containsi]'],
    [
      'a relation into an unlisted field',
      'filters[groups][sharedWithPilots]=true',
      'filters[groups][sharedWithPilots]',
    ],
    ['a relation of a relation', 'filters[groups][people][name]=x', 'filters[groups][people]'],
    ['a value outside the enumeration', 'filters[skill][$eq]=hacking', 'filters[skill][$eq]'],
    ['a date that is not one', 'filters[updatedAt][$gt]=yesterday', 'filters[updatedAt][$gt]'],
    ['a private field in sort', 'sort=sharedWithPilots:asc', 'sort'],
    ['an unknown field in sort[n]', 'sort[0]=createdAt:desc', 'sort[0]'],
    ['a private field in fields', 'fields[0]=title&fields[1]=sharedWithPilots', 'fields[1]'],
    ['populate=*', 'populate=*', 'populate'],
    ['nested populate', 'populate[groups][populate][people]=true', 'populate[groups]'],
    ['populate of something that is no relation', 'populate[0]=createdBy', 'populate[0]'],
    ['pageSize over the maximum', `pagination[pageSize]=${MAX_PAGE_SIZE + 1}`, 'pagination[pageSize]'],
    ['the short pageSize over the maximum', `pageSize=${MAX_PAGE_SIZE + 1}`, 'pageSize'],
    ['limit=-1 (everything)', 'pagination[limit]=-1', 'pagination[limit]'],
    ['conflicting short and long page', 'page=1&pagination[page]=2', 'page'],
    ['conflicting short and long pageSize', 'pageSize=10&pagination[pageSize]=20', 'pageSize'],
    ['page and start together', 'pagination[page]=1&pagination[start]=0', 'pagination'],
    ['an unknown pagination key', 'pagination[offset]=3', 'pagination[offset]'],
    ['status=draft', 'status=draft', 'status'],
    ['publicationState=preview', 'publicationState=preview', 'publicationState'],
    ['locale=*', 'locale=*', 'locale'],
  ];
  it.each(refused)('refuses %s with a 400 naming %s', async (_what, query, parameter) => {
    const response = await get(`/api/ritme/behaviours?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.error.name).toBe('BadRequestError');
    expect(response.body.error.message).toContain(`${parameter}:`);
    expect(response.body.error.details.errors.map((error: { parameter: string }) => error.parameter)).toContain(
      parameter,
    );
  });

  it('refuses the same on single entries and on the other types', async () => {
    expect((await get(`/api/ritme/behaviours/${behaviours.ask}?status=draft`)).status).toBe(400);
    expect((await get(`/api/ritme/behaviours/${behaviours.ask}?fields[0]=sharedWithPilots`)).status).toBe(400);
    expect((await get(`/api/ritme/behaviours/${behaviours.ask}?filters[slug]=x`)).status).toBe(400);
    expect((await get('/api/ritme/trainings?filters[sessions][onlineUrl][$null]=true')).status).toBe(400);
    expect((await get('/api/ritme/people?filters[photo][url]=x')).status).toBe(400);
    expect((await get('/api/ritme/evaluation-rounds?filters[minimumResponses][$lt]=3')).status).toBe(400);
  });

  it('never shows a draft, whatever the filters ask', async () => {
    const draftTitles = [`${DRAFT_WORD}anker`, `${DRAFT_WORD}brug`];
    const queries = [
      `filters[title][$contains]=${DRAFT_WORD}&pageSize=100`,
      `filters[title][$startsWith]=${DRAFT_WORD}`,
      `filters[documentId][$eq]=${draftOnly}`,
      `filters[documentId][$in][0]=${draftOnly}&filters[documentId][$in][1]=${editedDraft}`,
      'filters[durationMinutes][$eq]=999',
      `filters[$or][0][title][$eq]=${DRAFT_WORD}brug&filters[$or][1][documentId]=${draftOnly}`,
      'filters[skill][$eq]=tool_basics&pageSize=100',
      'pageSize=100',
    ];
    for (const query of queries) {
      const response = await get(`/api/ritme/trainings?${query}`);
      expect(response.status, query).toBe(200);
      const text = JSON.stringify(response.body);
      for (const title of draftTitles) expect(text, query).not.toContain(title);
      expect(text, query).not.toContain(draftOnly);
      const durations = response.body.data.map((entry: { durationMinutes: number }) => entry.durationMinutes);
      expect(durations, query).not.toContain(999);
    }
    expect((await get(`/api/ritme/trainings?filters[documentId][$eq]=${editedDraft}`)).body.data).toEqual([
      expect.objectContaining({ title: trainings[0]?.title, durationMinutes: trainings[0]?.durationMinutes }),
    ]);
    expect((await get(`/api/ritme/trainings/${draftOnly}`)).status).toBe(404);
    for (const query of ['status=draft', 'publicationState=preview', `status=draft&filters[documentId]=${draftOnly}`]) {
      const response = await get(`/api/ritme/trainings?${query}`);
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(response.body)).not.toContain(`${DRAFT_WORD}anker`);
    }
    // status=published is what Strapi's client may send by default: allowed, and it changes nothing.
    const published = await client()
      .collection('trainings')
      .find({ status: 'published', pagination: { pageSize: 100 } });
    expect(published.meta.pagination?.total).toBe(trainings.length);
  });
});

// ---------------------------------------------------------------------------
// Property: random allow-listed filter/sort/page combinations answer exactly
// what a JS reference over the fixtures answers.

type Condition = { field: keyof TrainingRow; op: string; value: unknown };

const textArb = fc
  .constantFrom(...WORDS)
  .chain((word) =>
    fc.tuple(fc.nat({ max: word.length - 1 }), fc.integer({ min: 1, max: 3 })).map(([at, n]) => word.slice(at, at + n)),
  );
const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({
    field: fc.constant('skill' as const),
    op: fc.constantFrom('$eq', '$ne'),
    value: fc.constantFrom(...SKILLS),
  }),
  fc.record({
    field: fc.constant('skill' as const),
    op: fc.constantFrom('$in', '$notIn'),
    value: fc.uniqueArray(fc.constantFrom(...SKILLS), { minLength: 1, maxLength: 3 }),
  }),
  fc
    .record({
      field: fc.constant('format' as const),
      op: fc.constantFrom('$in', '$notIn', '$eq', '$ne'),
      value: fc.oneof(
        fc.constantFrom(...FORMATS),
        fc.uniqueArray(fc.constantFrom(...FORMATS), { minLength: 1, maxLength: 3 }),
      ),
    })
    .filter(({ op, value }) => Array.isArray(value) === (op === '$in' || op === '$notIn')),
  fc.record({
    field: fc.constant('durationMinutes' as const),
    op: fc.constantFrom('$lt', '$lte', '$gt', '$gte', '$eq', '$ne'),
    value: fc.constantFrom(30, 60, 90, 120, 150, 75),
  }),
  fc.record({
    field: fc.constant('durationMinutes' as const),
    op: fc.constant('$between'),
    value: fc.tuple(fc.constantFrom(30, 60, 90), fc.constantFrom(90, 120, 150)),
  }),
  fc.record({
    field: fc.constant('title' as const),
    op: fc.constantFrom('$contains', '$containsi', '$startsWith', '$endsWith', '$notContains'),
    value: textArb,
  }),
);

function holds(row: TrainingRow, { field, op, value }: Condition): boolean {
  const actual = row[field];
  switch (op) {
    case '$eq':
      return actual === value;
    case '$ne':
      return actual !== value;
    case '$in':
      return (value as unknown[]).includes(actual);
    case '$notIn':
      return !(value as unknown[]).includes(actual);
    case '$lt':
      return (actual as number) < (value as number);
    case '$lte':
      return (actual as number) <= (value as number);
    case '$gt':
      return (actual as number) > (value as number);
    case '$gte':
      return (actual as number) >= (value as number);
    case '$between': {
      const [low, high] = value as [number, number];
      return (actual as number) >= low && (actual as number) <= high;
    }
    case '$contains':
    case '$containsi':
      return String(actual).includes(String(value));
    case '$notContains':
      return !String(actual).includes(String(value));
    case '$startsWith':
      return String(actual).startsWith(String(value));
    case '$endsWith':
      return String(actual).endsWith(String(value));
  }
  throw new Error(`no reference for ${op}`);
}

const toFilter = ({ field, op, value }: Condition) => ({ [field]: { [op]: value } });

interface Query {
  all: Condition[];
  any: Condition[];
  sort: string[];
  page: number;
  pageSize: number;
}

const queryArb: fc.Arbitrary<Query> = fc.record({
  all: fc.array(conditionArb, { maxLength: 2 }),
  any: fc.array(conditionArb, { maxLength: 2 }),
  sort: fc
    .uniqueArray(fc.constantFrom('title', 'durationMinutes', 'skill', 'format'), { maxLength: 2 })
    .chain((fields) => fc.tuple(...fields.map((field) => fc.constantFrom(`${field}:asc`, `${field}:desc`)))),
  page: fc.integer({ min: 1, max: 4 }),
  pageSize: fc.integer({ min: 1, max: 6 }),
});

function reference(query: Query) {
  const matching = trainings.filter(
    (row) => query.all.every((c) => holds(row, c)) && (query.any.length === 0 || query.any.some((c) => holds(row, c))),
  );
  // The caller's sort, then the type's own (title), then documentId: the plugin's documented total order.
  const keys = [...query.sort, 'title:asc', 'documentId:asc'].map(
    (entry) => entry.split(':') as [keyof TrainingRow, string],
  );
  const sorted = [...matching].sort((a, b) => {
    for (const [field, direction] of keys) {
      if (a[field] === b[field]) continue;
      return (a[field] < b[field] ? -1 : 1) * (direction === 'desc' ? -1 : 1);
    }
    return 0;
  });
  const start = (query.page - 1) * query.pageSize;
  return {
    ids: sorted.slice(start, start + query.pageSize).map((row) => row.documentId),
    pagination: {
      page: query.page,
      pageSize: query.pageSize,
      pageCount: Math.ceil(matching.length / query.pageSize),
      total: matching.length,
    },
  };
}

describe('property: the database answers what a reference filter answers', () => {
  it('for random filters, $or groups, sorts and pages (through @strapi/client)', async () => {
    await fc.assert(
      fc.asyncProperty(queryArb, async (query) => {
        const filters: Record<string, unknown> = {};
        const and = query.all.map(toFilter);
        if (and.length > 0) filters.$and = and;
        if (query.any.length > 0) filters.$or = query.any.map(toFilter);
        const result = await client()
          .collection('trainings')
          .find({
            filters,
            sort: query.sort.length > 0 ? query.sort : undefined,
            pagination: { page: query.page, pageSize: query.pageSize },
            fields: ['title'],
          });
        const expected = reference(query);
        expect(result.data.map((entry) => entry.documentId)).toEqual(expected.ids);
        expect(result.meta.pagination).toEqual(expected.pagination);
      }),
      { numRuns: 60 },
    );
  });
});
