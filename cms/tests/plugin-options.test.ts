/**
 * The plugin's options in the host's config/plugins.ts (set here through the
 * demo config's environment variables): a wrong one fails the boot and names
 * itself; `publicAccess` grants the Public role its actions once and a second
 * start changes nothing, `false` grants nothing; the served locales are every
 * locale Strapi's i18n has enabled — a third one (de) included — or exactly
 * the `locales` option.
 */
import type { Core } from '@strapi/strapi';
import { afterAll, describe, expect, it } from 'vitest';
import { call } from './harness/api';
import { createPage, docs } from './harness/fixtures';
import { bootStrapi, type TestData, type TestStrapi } from './harness/strapi';

/** Every option variable a boot here may set, unset before each boot (process.env outlives a boot). */
const OPTION_VARIABLES = [
  'PREVIEW_URL',
  'RITME_LOCALES',
  'RITME_PUBLIC_ACCESS',
  'RITME_BUILDER_URL',
  'RITME_BUILD_SECRET',
  'RITME_BUILD_DEBOUNCE_MS',
  'RITME_DEPLOY_HOOK_URL',
];
const boot = (options: Parameters<typeof bootStrapi>[0] = {}) => {
  for (const name of OPTION_VARIABLES) delete process.env[name];
  return bootStrapi(options);
};

const kept: TestData[] = [];
afterAll(async () => {
  for (const data of kept) await data.drop().catch(() => {});
});

/** One Strapi at a time in this process: each test stops its own before the next boots. */
async function withApp(options: Parameters<typeof bootStrapi>[0], test: (app: TestStrapi) => Promise<void>) {
  const app = await boot(options);
  try {
    await test(app);
  } finally {
    await app.stop();
  }
}

/** A boot that must fail: its error message (and no Strapi left running). */
async function bootError(env: Record<string, string>): Promise<string> {
  let created: Core.Strapi | undefined;
  try {
    const app = await boot({
      env,
      beforeLoad: (strapi) => {
        created = strapi;
      },
    });
    created = undefined;
    await app.stop();
    return '(booted)';
  } catch (error) {
    return String((error as Error).message);
  } finally {
    await created?.destroy().catch(() => {});
  }
}

const PUBLIC = 'plugin::users-permissions.role';
const PERMISSION = 'plugin::users-permissions.permission';
async function publicPermissions(strapi: Core.Strapi) {
  const role = await strapi.db.query(PUBLIC).findOne({ where: { type: 'public' } });
  const rows: { id: number; action: string }[] = await strapi.db
    .query(PERMISSION)
    .findMany({ where: { role: role.id, action: { $startsWith: 'plugin::ritme.' } }, orderBy: { id: 'asc' } });
  return rows.map((row) => ({ id: row.id, action: row.action }));
}

/** Every message the plugin logs while Strapi loads (whatever the log level lets through). */
function logOf(strapi: Core.Strapi, lines: string[]) {
  for (const level of ['info', 'warn'] as const) {
    const original = strapi.log[level].bind(strapi.log);
    (strapi.log as unknown as Record<string, (message: unknown) => unknown>)[level] = (message: unknown) => {
      lines.push(String(message));
      return original(message as string);
    };
  }
}

describe('a wrong option', () => {
  it('fails the boot with a message naming the option and what was expected', async () => {
    const url = await bootError({ PREVIEW_URL: 'localhost:4322 please' });
    expect(url).toMatch(/ritme\.config\.preview\.url: .*URL/);
    const locale = await bootError({ RITME_LOCALES: 'nl,Deutsch' });
    expect(locale).toMatch(/ritme\.config\.locales\[1\]: .*locale code/);
    const secret = 'a-build-secret-of-enough-length';
    const builderUrl = await bootError({ RITME_BUILDER_URL: 'localhost:4321', RITME_BUILD_SECRET: secret });
    expect(builderUrl).toMatch(/ritme\.config\.builder\.url: .*http\(s\) URL/);
    const shortSecret = await bootError({ RITME_BUILD_SECRET: 'too-short' });
    expect(shortSecret).toMatch(/ritme\.config\.builder\.secret: .*16 characters/);
    // A build service URL without a secret is no half-configured build service.
    expect(await bootError({ RITME_BUILDER_URL: 'http://localhost:4321' })).toMatch(/ritme\.config\.builder\.secret/);
    const debounce = await bootError({ RITME_BUILD_SECRET: secret, RITME_BUILD_DEBOUNCE_MS: '-5' });
    expect(debounce).toMatch(/ritme\.config\.builder\.debounceMs: /);
    const hook = await bootError({ RITME_DEPLOY_HOOK_URL: 'ftp://hooks.example.org/build' });
    expect(hook).toMatch(/ritme\.config\.deployHook\.url: .*http\(s\) URL/);
    // A good value boots (the failures above are the options, not the harness).
    await withApp({ env: { RITME_LOCALES: 'nl,en' } }, async (fine) => {
      expect(fine.strapi.plugin('ritme').config('locales')).toEqual(['nl', 'en']);
      // Neither builder nor deployHook: nobody is told of changes, and the admin says so.
      const live = fine.strapi.plugin('ritme').service('live');
      expect(live.enabled()).toBe(false);
      expect(await live.status()).toMatchObject({ configured: false, reachable: false, deployHook: false });
      expect(await live.rebuild()).toBeNull();
    });
  });
});

describe('publicAccess', () => {
  it('grants the Public role its actions at the first start, and a second start changes nothing', async () => {
    const firstLog: string[] = [];
    const first = await boot({ keepData: true, beforeLoad: (strapi) => logOf(strapi, firstLog) });
    kept.push(first.data);
    const { public: expected } = first.strapi.plugin('ritme').service('permissions') as unknown as {
      public: string[];
    };
    const granted = await publicPermissions(first.strapi);
    expect(granted.map((row) => row.action).sort()).toEqual([...expected].sort());
    expect(firstLog.join('\n')).toMatch(/ritme: granted the Public role .*plugin::ritme\.group\.find/);
    expect((await call(first.baseUrl, 'GET', '/api/ritme/groups?locale=nl')).status).toBe(200);
    await first.stop();

    const secondLog: string[] = [];
    const second = await boot({ data: first.data, keepData: true, beforeLoad: (strapi) => logOf(strapi, secondLog) });
    expect(await publicPermissions(second.strapi)).toEqual(granted);
    expect(secondLog.join('\n')).toMatch(/Public role already has exactly Ritme's \d+ public actions; nothing changed/);
    expect(secondLog.join('\n')).not.toMatch(/granted the Public role|revoked from the Public role/);
    await second.stop();
  });

  it('false: the plugin grants nothing, and the public reads are refused', async () => {
    await withApp({ env: { RITME_PUBLIC_ACCESS: 'false' } }, async (app) => {
      expect(await publicPermissions(app.strapi)).toEqual([]);
      expect((await call(app.baseUrl, 'GET', '/api/ritme/groups?locale=nl')).status).toBe(403);
      expect((await call(app.baseUrl, 'GET', '/api/ritme/home?locale=nl')).status).toBe(403);
    });
  });
});

/** A group in nl, en and de, published; a suggestion about it marked done with a German summary. */
async function germanContent(app: TestStrapi) {
  const locales = app.strapi.plugin('i18n').service('locales');
  await locales.create({ code: 'de', name: 'German (de)' });
  const documentId = await createPage(
    app.strapi,
    'group',
    { name: 'Klantcontact', kind: 'team' },
    { name: 'Customer contact', kind: 'team' },
    { draft: true },
  );
  await docs(app.strapi, 'group').update({ documentId, locale: 'de', data: { name: 'Kundenkontakt', kind: 'team' } });
  await docs(app.strapi, 'group').publish({ documentId, locale: '*' });
  const suggestion = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
    body: { data: { message: 'Meer uitleg graag', category: 'idea', contentRef: `group:${documentId}` } },
  });
  expect(suggestion.status).toBe(201);
  await app.strapi
    .plugin('ritme')
    .service('codesign')
    .updateInboxItem('suggestion', suggestion.body.data.documentId, {
      status: 'done',
      publicSummary: { nl: 'Uitleg toegevoegd', de: 'Erklärung ergänzt' },
    });
  return documentId;
}

describe('the locales Ritme serves', () => {
  it('are every locale i18n has enabled: a third one (de) is read, linked and on the board', async () => {
    await withApp({}, async (app) => {
      const id = await germanContent(app);
      expect(await app.strapi.plugin('ritme').service('locales').served()).toEqual(['nl', 'en', 'de']);

      const one = await call(app.baseUrl, 'GET', `/api/ritme/groups/${id}?locale=de`);
      expect(one.status).toBe(200);
      expect(one.body.data).toMatchObject({ name: 'Kundenkontakt', locale: 'de', slug: 'kundenkontakt' });
      expect(one.body.data.localizations.map((l: { locale: string }) => l.locale).sort()).toEqual(['en', 'nl']);
      const list = await call(app.baseUrl, 'GET', '/api/ritme/groups?locale=de');
      expect(list.body.data.map((group: { name: string }) => group.name)).toEqual(['Kundenkontakt']);
      const dutch = await call(app.baseUrl, 'GET', `/api/ritme/groups/${id}?locale=nl`);
      expect(dutch.body.data.localizations).toContainEqual({ locale: 'de', slug: 'kundenkontakt', documentId: id });

      const board = await call(app.baseUrl, 'GET', '/api/ritme/changes');
      expect(board.status).toBe(200);
      expect(board.body.data).toHaveLength(1);
      expect(board.body.data[0].summary).toEqual({ nl: 'Uitleg toegevoegd', en: null, de: 'Erklärung ergänzt' });
      expect(board.body.data[0].links).toEqual({
        nl: '/groepen/klantcontact/',
        en: '/en/groups/customer-contact/',
        de: '/de/groups/kundenkontakt/',
      });
      // The plugin reads its JSON itself, whatever the host's body parser allows: 256 kB at most, well-formed.
      const big = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
        rawBody: JSON.stringify({ data: { message: 'x'.repeat(300 * 1024), category: 'idea' } }),
      });
      expect(big.status).toBe(413);
      const broken = await call(app.baseUrl, 'POST', '/api/ritme/suggestions', { rawBody: '{"data":' });
      expect(broken.status).toBe(400);
      expect(broken.body.error.message).toMatch(/well-formed JSON/);
      // A locale i18n does not have is not served.
      expect((await call(app.baseUrl, 'GET', '/api/ritme/groups?locale=fr')).status).toBe(400);
    });
  });

  it('are exactly the locales option when the host sets it', async () => {
    await withApp({ env: { RITME_LOCALES: 'nl,en' } }, async (app) => {
      const id = await germanContent(app);
      expect(await app.strapi.plugin('ritme').service('locales').served()).toEqual(['nl', 'en']);
      const german = await call(app.baseUrl, 'GET', `/api/ritme/groups/${id}?locale=de`);
      expect(german.status).toBe(400);
      expect(german.body.error.message).toMatch(/Ritme serves nl, en/);
      const dutch = await call(app.baseUrl, 'GET', `/api/ritme/groups/${id}?locale=nl`);
      expect(dutch.body.data.localizations.map((l: { locale: string }) => l.locale)).toEqual(['en']);
      const board = await call(app.baseUrl, 'GET', '/api/ritme/changes');
      expect(Object.keys(board.body.data[0].links)).toEqual(['nl', 'en']);
      expect(board.body.data[0].summary).toEqual({ nl: 'Uitleg toegevoegd', en: null });
    });
  });
});
