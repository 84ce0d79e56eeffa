/**
 * The Content Manager as a comms editor meets it: after the first start every
 * Ritme type has human labels, help and placeholders, an edit form with what
 * matters first, and a list with a main field, columns and sort. What an admin
 * changes by hand (over the Content Manager's own API) survives a restart,
 * while what nobody touched keeps following the plugin. Training sessions are
 * listed by a name the plugin makes from the training and the start.
 */
import { EDITOR_FIELDS } from '@ritme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminJwt } from './harness/admins';
import { call } from './harness/api';
import { createPage, docs } from './harness/fixtures';
import { bootStrapi, type TestStrapi } from './harness/strapi';

type Configuration = {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { edit: { name: string; size: number }[][]; list: string[] };
};

const path = (uid: string) => `/content-manager/content-types/${uid}/configuration`;

async function configurationOf(app: TestStrapi, jwt: string, uid: string): Promise<Configuration> {
  const response = await call(app.baseUrl, 'GET', path(uid), { token: jwt });
  expect(response.status).toBe(200);
  const { settings, metadatas, layouts } = response.body.data.contentType;
  return { settings, metadatas, layouts };
}

const names = (layout: Configuration['layouts']['edit']) => layout.flat().map((slot) => slot.name);

let app: TestStrapi;
let jwt: string;

beforeAll(async () => {
  app = await bootStrapi({ keepData: true });
  jwt = await adminJwt(app.strapi, app.baseUrl, 'views-admin@example.com', 'strapi-super-admin');
});

afterAll(async () => {
  await app?.stop();
  await app?.data.drop();
});

describe('the configuration the plugin writes at the first start', () => {
  it('gives a behaviour human labels, help and placeholders, the action and the vague phrase first', async () => {
    const behaviour = await configurationOf(app, jwt, 'plugin::ritme.behaviour');
    expect(behaviour.metadatas.insteadOf?.edit).toMatchObject({
      label: 'Instead of',
      description: 'Not: … the vague phrase this behaviour replaces, as people say it.',
      placeholder: 'e.g. Share your knowledge',
    });
    expect(behaviour.metadatas.insteadOf?.list.label).toBe('Instead of');
    expect(behaviour.metadatas.cadence?.edit.label).toBe('How often');
    expect(names(behaviour.layouts.edit).slice(0, 7)).toEqual([
      'title',
      'insteadOf',
      'why',
      'how',
      'cadence',
      'skill',
      'example',
    ]);
    expect(behaviour.layouts.edit[0]).toEqual([{ name: 'title', size: 12 }]);
    expect(behaviour.layouts.list).toEqual(['title', 'insteadOf', 'cadence', 'skill']);
    expect(behaviour.settings).toMatchObject({ mainField: 'title', defaultSortBy: 'title', defaultSortOrder: 'ASC' });
  });

  it('labels every field the texts name, on every Ritme type, and lists sessions by their name', async () => {
    for (const [type, fields] of Object.entries(EDITOR_FIELDS)) {
      const configuration = await configurationOf(app, jwt, `plugin::ritme.${type}`);
      for (const [name, texts] of Object.entries(fields)) {
        expect(configuration.metadatas[name]?.edit.label, `${type}.${name}`).toBe(texts.label.en);
      }
      // Every field Strapi shows in the form is still in it, once.
      const shown = names(configuration.layouts.edit);
      expect(new Set(shown).size).toBe(shown.length);
    }
    const sessions = await configurationOf(app, jwt, 'plugin::ritme.training-session');
    expect(sessions.settings).toMatchObject({
      mainField: 'title',
      defaultSortBy: 'startsAt',
      defaultSortOrder: 'DESC',
    });
    expect(sessions.layouts.list).toEqual(['title', 'training', 'startsAt', 'seats']);
    // A training's session picker shows the sessions' names too.
    const training = await configurationOf(app, jwt, 'plugin::ritme.training');
    expect(training.metadatas.sessions?.edit.mainField).toBe('title');
  });
});

describe('a restart', () => {
  it("keeps what an admin changed by hand and brings the rest up to the plugin's texts", async () => {
    const uid = 'plugin::ritme.behaviour';
    const before = await configurationOf(app, jwt, uid);
    const edited: Configuration = structuredClone(before);
    // The GET adds what the relation columns show; the admin leaves it out when it saves, as here.
    for (const meta of Object.values(edited.metadatas)) delete meta.list.mainField;
    (edited.metadatas.insteadOf as Configuration['metadatas'][string]).edit.label = 'Vervangt';
    (edited.metadatas.why as Configuration['metadatas'][string]).edit.description = 'Our own help';
    edited.layouts.edit = [
      [{ name: 'insteadOf', size: 12 }],
      ...before.layouts.edit
        .map((row) => row.filter((slot) => slot.name !== 'insteadOf'))
        .filter((row) => row.length > 0),
    ];
    edited.layouts.list = ['title', 'cadence'];
    edited.settings.defaultSortOrder = 'DESC';
    const put = await call(app.baseUrl, 'PUT', path(uid), { token: jwt, body: edited });
    expect(put.status, JSON.stringify(put.body)).toBe(200);

    // What an older plugin wrote, and a field that is new to the configuration (Strapi gives it its name).
    const store = app.strapi.store({ type: 'plugin', name: 'ritme' });
    const written = (await store.get({ key: 'content-manager-views' })) as Record<
      string,
      { fields: Record<string, { label: string }> }
    >;
    (written[uid] as { fields: Record<string, { label: string }> }).fields.how = {
      ...written[uid]?.fields.how,
      label: 'How (old text)',
    } as never;
    await store.set({ key: 'content-manager-views', value: written });
    const service = app.strapi.plugin('content-manager').service('content-types');
    const model = service.findContentType(uid);
    const stored = await service.findConfiguration(model);
    stored.metadatas.how.edit.label = 'How (old text)';
    stored.metadatas.example.edit.label = 'example';
    await service.updateConfiguration(model, stored);

    const { data } = app;
    await app.stop();
    app = await bootStrapi({ data, keepData: true });
    const login = await call(app.baseUrl, 'POST', '/admin/login', {
      body: { email: 'views-admin@example.com', password: 'Test-password-1' },
    });
    jwt = login.body.data.token;

    const after = await configurationOf(app, jwt, uid);
    expect(after.metadatas.insteadOf?.edit.label).toBe('Vervangt');
    expect(after.metadatas.why?.edit.description).toBe('Our own help');
    expect(after.layouts.edit).toEqual(edited.layouts.edit);
    expect(after.layouts.list).toEqual(['title', 'cadence']);
    expect(after.settings.defaultSortOrder).toBe('DESC');
    // Untouched by the admin: the plugin's current text, for an old text and for a field new to the configuration.
    expect(after.metadatas.how?.edit.label).toBe('How to do it');
    expect(after.metadatas.example?.edit.label).toBe('Example');
    expect(after.metadatas.insteadOf?.edit.placeholder).toBe('e.g. Share your knowledge');
    expect(after.settings.mainField).toBe('title');
    // Another type nobody touched is exactly as the first start left it.
    const group = await configurationOf(app, jwt, 'plugin::ritme.group');
    expect(group.metadatas.kind?.edit.label).toBe('Kind of group');
  });
});

describe('training sessions', () => {
  it('are named after the training and the start, follow them, and keep a name an editor typed', async () => {
    const training = await createPage(app.strapi, 'training', { title: 'Feedback geven', skill: 'giving_feedback' });
    const sessions = docs(app.strapi, 'training-session');
    const startsAt = '2027-01-12T13:00:00.000Z';
    const created = await sessions.create({
      locale: 'nl',
      data: { training, startsAt, endsAt: '2027-01-12T15:00:00.000Z' },
    });
    const row = () =>
      app.strapi.db
        .query('plugin::ritme.training-session' as never)
        .findOne({ where: { documentId: created.documentId, locale: 'nl' } }) as Promise<{ title: string }>;
    expect((await row()).title).toMatch(/^Feedback geven · 12 jan\.? 2027/);

    // The Content Manager sends the whole form back, the made-up name included: it follows the new start.
    await sessions.update({
      documentId: created.documentId,
      locale: 'nl',
      data: { title: (await row()).title, startsAt: '2027-02-03T09:00:00.000Z' },
    });
    expect((await row()).title).toMatch(/^Feedback geven · 3 feb\.? 2027/);

    await sessions.update({
      documentId: created.documentId,
      locale: 'nl',
      data: { title: 'Extra sessie voor het MT' },
    });
    await sessions.update({
      documentId: created.documentId,
      locale: 'nl',
      data: { startsAt: '2027-03-03T09:00:00.000Z' },
    });
    expect((await row()).title).toBe('Extra sessie voor het MT');
  });

  it('get their name when created in the Content Manager, relation and all', async () => {
    const training = await createPage(app.strapi, 'training', { title: 'Vragen stellen', skill: 'asking_questions' });
    const response = await call(
      app.baseUrl,
      'POST',
      '/content-manager/collection-types/plugin::ritme.training-session?locale=nl',
      {
        token: jwt,
        body: {
          startsAt: '2027-04-01T08:00:00.000Z',
          endsAt: '2027-04-01T10:00:00.000Z',
          training: { connect: [{ documentId: training, locale: 'nl' }], disconnect: [] },
        },
      },
    );
    expect(response.status).toBe(201);
    expect(response.body.data.title).toMatch(/^Vragen stellen · 1 apr\.? 2027/);
  });
});
