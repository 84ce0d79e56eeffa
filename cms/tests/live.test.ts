/**
 * "Live": Strapi tells the build service (option `builder`) and a deploy hook
 * (option `deployHook`) what changed on the intranet, debounced, with the
 * build secret; drafts do not count; a build service that is down never fails
 * a save. GET /api/ritme/clock says when the intranet next changes by the
 * clock alone. The admin's build-status and rebuild routes proxy the build
 * service behind Ritme's admin permissions. The build service and the deploy
 * hook are real HTTP servers on loopback, started here.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BUILD_SECRET_HEADER, type BuildEvent, BuildHookBodySchema, nextWeekTurn } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call } from './harness/api';
import { docs } from './harness/fixtures';
import { bootStrapi, type TestStrapi } from './harness/strapi';

const SECRET = 'live-test-secret-0123456789';
const DEBOUNCE_MS = 500;
const MAX_WAIT_MS = 2000;
const GROUP = 'plugin::ritme.group';
const MEDIA = 'plugin::upload.file';
const PASSWORD = 'Test-password-1';

interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  at: number;
}

/** A stand-in for the build service and a static host's build hook: records every call. */
class Receiver {
  received: Received[] = [];
  /** Calls refused while down (the connection dropped before an answer). */
  dropped: string[] = [];
  /** up: answer; down: drop the connection; hang: never answer. */
  mode: 'up' | 'down' | 'hang' = 'up';
  status: unknown = {
    state: 'idle',
    current: { id: '41', finishedAt: new Date(Date.now() - 12_000).toISOString(), durationMs: 2300, pagesChanged: 3 },
    building: null,
    lastFailure: null,
    history: [
      { id: '41', finishedAt: new Date(Date.now() - 12_000).toISOString(), pagesChanged: 3, ok: true },
      { id: '40', finishedAt: new Date(Date.now() - 600_000).toISOString(), pagesChanged: 12, ok: true },
    ],
    nextClockBuild: { at: new Date(Date.now() + 3_600_000).toISOString(), reason: 'round-closes' },
  };
  private server: Server = createServer((request, response) => {
    if (this.mode === 'down') {
      this.dropped.push(request.url ?? '');
      request.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // keep the text
      }
      const path = request.url ?? '';
      this.received.push({ method: request.method ?? '', path, headers: request.headers, body, at: Date.now() });
      if (this.mode === 'hang') return;
      const isBuilder = path.startsWith('/_ritme/');
      if (isBuilder && request.headers[BUILD_SECRET_HEADER] !== SECRET) {
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad secret"}');
        return;
      }
      response.writeHead(path === '/_ritme/status' ? 200 : 202, { 'content-type': 'application/json' });
      response.end(JSON.stringify(path === '/_ritme/status' ? this.status : { ok: true }));
    });
  });

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  stop() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
  builderCalls(path = '/_ritme/hooks/build') {
    return this.received.filter((r) => r.path === path);
  }
  hookCalls() {
    return this.received.filter((r) => r.path === '/deploy/hook-123');
  }
  events(): BuildEvent[] {
    return this.builderCalls().flatMap((r) => BuildHookBodySchema.parse(r.body).events);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, what: string, timeoutMs = 8000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(25);
  }
}

const receiver = new Receiver();
let app: TestStrapi;
let strapi: Core.Strapi;
const warnings: string[] = [];
const LIVE_VARIABLES = [
  'RITME_BUILDER_URL',
  'RITME_BUILD_SECRET',
  'RITME_BUILD_DEBOUNCE_MS',
  'RITME_BUILD_MAX_WAIT_MS',
  'RITME_DEPLOY_HOOK_URL',
  'RITME_DEPLOY_HOOK_DEBOUNCE_MS',
];

const live = () => strapi.plugin('ritme').service('live') as unknown as { flush(): Promise<void>; enabled(): boolean };
/** Sends whatever is pending now, so "nothing was sent" is a fact and not a race. */
const settle = async () => {
  await live().flush();
  await sleep(50);
};

beforeAll(async () => {
  const url = await receiver.start();
  app = await bootStrapi({
    env: {
      RITME_BUILDER_URL: `${url}/`,
      RITME_BUILD_SECRET: SECRET,
      RITME_BUILD_DEBOUNCE_MS: String(DEBOUNCE_MS),
      RITME_BUILD_MAX_WAIT_MS: String(MAX_WAIT_MS),
      RITME_DEPLOY_HOOK_URL: `${url}/deploy/hook-123`,
      RITME_DEPLOY_HOOK_DEBOUNCE_MS: String(DEBOUNCE_MS),
    },
    beforeLoad: (created) => {
      const original = created.log.warn.bind(created.log);
      (created.log as unknown as { warn: (message: unknown) => unknown }).warn = (message: unknown) => {
        warnings.push(String(message));
        return original(message as string);
      };
    },
  });
  strapi = app.strapi;
});
afterAll(async () => {
  await app?.stop();
  await receiver.stop();
  for (const name of LIVE_VARIABLES) delete process.env[name];
});
beforeEach(async () => {
  if (strapi) await settle();
  receiver.received = [];
  receiver.mode = 'up';
});

const groups = () => docs(strapi, 'group') as ReturnType<typeof docs> & Record<string, (p: object) => Promise<unknown>>;
const draftGroup = async (name: string) =>
  (await groups().create({ locale: 'nl', data: { name, kind: 'team' } })).documentId;

describe('notifying the build service and the deploy hook', () => {
  it('a draft saved without publishing notifies nobody, nor a draft deleted', async () => {
    const id = await draftGroup('Alleen concept');
    await groups().update({ documentId: id, locale: 'nl', data: { name: 'Nog steeds concept' } });
    await groups().update({ documentId: id, locale: 'en', data: { name: 'Still a draft' } });
    await groups().delete({ documentId: id, locale: '*' });
    await settle();
    expect(receiver.received).toEqual([]);
  });

  it('publish: one call with the secret and the event, and the deploy hook with an empty body', async () => {
    const id = await draftGroup('Klantcontact');
    await groups().publish({ documentId: id, locale: '*' });
    await until(() => receiver.builderCalls().length > 0 && receiver.hookCalls().length > 0, 'both calls');
    const [build] = receiver.builderCalls();
    expect(build?.method).toBe('POST');
    expect(build?.headers[BUILD_SECRET_HEADER]).toBe(SECRET);
    expect(build?.headers['content-type']).toMatch(/application\/json/);
    expect(BuildHookBodySchema.parse(build?.body).events).toEqual([
      { event: 'publish', uid: GROUP, documentId: id, locale: null },
    ]);
    const [hook] = receiver.hookCalls();
    expect(hook).toMatchObject({ method: 'POST', body: {} });
    // The build secret is the build service's: a third-party hook never sees it.
    expect(hook?.headers[BUILD_SECRET_HEADER]).toBeUndefined();
    await settle();
    expect(receiver.builderCalls()).toHaveLength(1);
    expect(receiver.hookCalls()).toHaveLength(1);
  });

  it('editing a published entry: a draft edit waits for its publish; a published write and unpublish notify', async () => {
    const id = await draftGroup('Communicatie');
    await groups().publish({ documentId: id, locale: 'nl' });
    await settle();
    receiver.received = [];

    // The Content Manager's Save on a published entry writes its draft: the intranet does not change.
    await groups().update({ documentId: id, locale: 'nl', data: { name: 'Communicatie en pers' } });
    await settle();
    expect(receiver.received).toEqual([]);
    // …until it is published.
    await groups().publish({ documentId: id, locale: 'nl' });
    // Written straight to the published version.
    await groups().update({ documentId: id, locale: 'nl', status: 'published', data: { name: 'Pers' } });
    await until(() => receiver.events().length >= 2, 'publish and update');
    expect(receiver.events()).toEqual([
      { event: 'publish', uid: GROUP, documentId: id, locale: 'nl' },
      { event: 'update', uid: GROUP, documentId: id, locale: 'nl' },
    ]);

    receiver.received = [];
    await groups().update({ documentId: id, locale: 'nl', data: { name: 'Pers (concept)' } });
    await groups().discardDraft({ documentId: id, locale: 'nl' });
    await groups().unpublish({ documentId: id, locale: 'nl' });
    await until(() => receiver.events().length >= 2, 'discardDraft and unpublish');
    expect(receiver.events()).toEqual([
      { event: 'discardDraft', uid: GROUP, documentId: id, locale: 'nl' },
      { event: 'unpublish', uid: GROUP, documentId: id, locale: 'nl' },
    ]);
  });

  it('deleting a published entry notifies, in its locale (the default one when none is given)', async () => {
    const id = await draftGroup('Verdwijnt');
    await groups().publish({ documentId: id, locale: '*' });
    await settle();
    receiver.received = [];
    await groups().delete({ documentId: id });
    await until(() => receiver.events().length > 0, 'the delete');
    expect(receiver.events()).toEqual([{ event: 'delete', uid: GROUP, documentId: id, locale: 'nl' }]);
  });

  it('every page type counts: a training session published', async () => {
    const { documentId } = await docs(strapi, 'training-session').create({
      locale: 'nl',
      data: {
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        location: 'Zaal 1',
      },
    });
    await docs(strapi, 'training-session').publish({ documentId, locale: 'nl' });
    await until(() => receiver.events().length > 0, 'the session');
    expect(receiver.events()).toEqual([
      { event: 'publish', uid: 'plugin::ritme.training-session', documentId, locale: 'nl' },
    ]);
    // Gone again: the clock tests below count every published session.
    await (docs(strapi, 'training-session') as unknown as { delete(p: object): Promise<unknown> }).delete({
      documentId,
      locale: '*',
    });
    await until(() => receiver.events().some((e) => e.event === 'delete'), 'the session delete');
  });

  it('media: uploading and deleting a file notify', async () => {
    const jwt = await login('media@example.org', (await strapi.service('admin::role').getSuperAdmin()).id);
    const form = new FormData();
    form.append('files', new Blob(['Hallo intranet'], { type: 'text/plain' }), 'hallo.txt');
    const uploaded = await fetch(`${app.baseUrl}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}` },
      body: form,
    });
    const files = (await uploaded.json()) as { id: number; documentId: string }[];
    expect(uploaded.status, JSON.stringify(files)).toBe(201);
    const file = files[0] as { id: number; documentId: string };
    await until(() => receiver.events().some((e) => e.event === 'create'), 'the upload');
    expect(receiver.events()).toContainEqual({
      event: 'create',
      uid: MEDIA,
      documentId: file.documentId,
      locale: null,
    });

    receiver.received = [];
    const removed = await call(app.baseUrl, 'DELETE', `/upload/files/${file.id}`, { token: jwt });
    expect(removed.status).toBe(200);
    await until(() => receiver.events().some((e) => e.event === 'delete'), 'the file delete');
    expect(receiver.events()).toContainEqual({
      event: 'delete',
      uid: MEDIA,
      documentId: file.documentId,
      locale: null,
    });
  });

  it('twenty publishes in a row: one or two calls, carrying all twenty, and one or two deploy hooks', async () => {
    const ids: string[] = [];
    for (let n = 1; n <= 20; n += 1) ids.push(await draftGroup(`Team ${n}`));
    await settle();
    expect(receiver.received).toEqual([]);
    // A real pause between them (on SQLite a run of saves may never yield to timers otherwise), shorter than the debounce.
    for (const id of ids) {
      await groups().publish({ documentId: id, locale: 'nl' });
      await sleep(20);
    }
    await until(() => new Set(receiver.events().map((e) => e.documentId)).size === 20, 'all twenty');
    await sleep(DEBOUNCE_MS * 2);
    expect(receiver.builderCalls().length).toBeGreaterThanOrEqual(1);
    expect(receiver.builderCalls().length).toBeLessThanOrEqual(2);
    expect(new Set(receiver.events().map((e) => e.documentId))).toEqual(new Set(ids));
    expect(receiver.events()).toHaveLength(20);
    expect(receiver.hookCalls().length).toBeGreaterThanOrEqual(1);
    expect(receiver.hookCalls().length).toBeLessThanOrEqual(2);
  });

  it('a constant stream of changes still builds: a call at the latest maxWaitMs after the first', async () => {
    const ids: string[] = [];
    for (let n = 1; n <= 15; n += 1) ids.push(await draftGroup(`Stroom ${n}`));
    await settle();
    receiver.received = [];
    const started = Date.now();
    // A publish every 200 ms or so for at least 3 s: never a quiet period of 500 ms.
    for (const id of ids) {
      await groups().publish({ documentId: id, locale: 'nl' });
      await sleep(200);
    }
    const ended = Date.now();
    const first = receiver.builderCalls()[0];
    expect(first, 'a call while the stream went on').toBeDefined();
    expect(first?.at).toBeLessThan(ended);
    expect((first?.at ?? 0) - started).toBeLessThan(MAX_WAIT_MS + 1000);
    await until(() => new Set(receiver.events().map((e) => e.documentId)).size === 15, 'all fifteen');
  });

  it('the same change twice in one quiet period is sent once', async () => {
    const id = await draftGroup('Dubbel');
    // One after the other: two publishes of one document at the same moment race inside Strapi itself
    // (the second can fail its slug's uniqueness check against the first's new published row).
    await groups().publish({ documentId: id, locale: 'nl' });
    await groups().publish({ documentId: id, locale: 'nl' });
    await until(() => receiver.builderCalls().length > 0, 'the call');
    await settle();
    const event = { event: 'publish', uid: GROUP, documentId: id, locale: 'nl' };
    // Once per call; a machine slow enough to let the quiet period pass between the two makes two calls.
    for (const build of receiver.builderCalls()) expect(BuildHookBodySchema.parse(build.body).events).toEqual([event]);
    expect(receiver.builderCalls().length).toBeLessThanOrEqual(2);
  });

  it('a build service that is down never fails a save; it is logged once, and the changes follow once it answers', async () => {
    receiver.mode = 'down';
    warnings.length = 0;
    const first = await draftGroup('Storing 1');
    await groups().publish({ documentId: first, locale: 'nl' });
    await until(() => warnings.some((w) => /could not reach the build service/.test(w)), 'the warning');
    const second = await draftGroup('Storing 2');
    await groups().publish({ documentId: second, locale: 'nl' });
    // Strapi tries again (after 1 s, then 2 s…): a second failure, not a second warning.
    receiver.dropped = [];
    await until(() => receiver.dropped.filter((path) => path === '/_ritme/hooks/build').length >= 1, 'a retry');
    // The editor's saves went through.
    expect((await groups().findOne({ documentId: second, locale: 'nl', status: 'published' })) as unknown).toBeTruthy();
    expect(warnings.filter((w) => /could not reach the build service/.test(w))).toHaveLength(1);
    expect(warnings.find((w) => /build service/.test(w))).toMatch(/the change is saved, and is sent again/);

    receiver.mode = 'up';
    await until(() => new Set(receiver.events().map((e) => e.documentId)).size === 2, 'the retry', 15_000);
    expect(new Set(receiver.events().map((e) => e.documentId))).toEqual(new Set([first, second]));
  }, 30_000);
});

async function login(email: string, roleId: number | string): Promise<string> {
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: 'Live',
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [roleId],
  });
  const response = await call(app.baseUrl, 'POST', '/admin/login', { body: { email, password: PASSWORD } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.data.token;
}

/** An admin role holding exactly `actions` of Ritme's admin permissions. */
async function roleWith(name: string, actions: string[]) {
  const roles = strapi.service('admin::role');
  const role = await roles.create({ name, description: name });
  await roles.assignPermissions(
    role.id,
    actions.map((action) => ({ action, subject: null, conditions: [], properties: {} })),
  );
  return role.id as number;
}

describe('the admin: build status and rebuild', () => {
  let editorJwt: string;
  let readerJwt: string;
  let rebuilderJwt: string;

  beforeAll(async () => {
    editorJwt = await login(
      'editor@example.org',
      (await strapi.service('admin::role').findOne({ code: 'strapi-editor' })).id,
    );
    readerJwt = await login('reader@example.org', await roleWith('Live reader', ['plugin::ritme.build.read']));
    rebuilderJwt = await login(
      'rebuilder@example.org',
      await roleWith('Live rebuilder', ['plugin::ritme.build.read', 'plugin::ritme.build.rebuild']),
    );
  });

  it('an editor without build.read gets 403, and no JWT 401', async () => {
    expect((await call(app.baseUrl, 'GET', '/ritme/build-status', { token: editorJwt })).status).toBe(403);
    expect((await call(app.baseUrl, 'POST', '/ritme/rebuild', { token: editorJwt })).status).toBe(403);
    expect((await call(app.baseUrl, 'GET', '/ritme/build-status')).status).toBe(401);
    expect(receiver.received).toEqual([]);
  });

  it('with build.read: the build service status, plus configured and reachable', async () => {
    const response = await call(app.baseUrl, 'GET', '/ritme/build-status', { token: readerJwt });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      ...(receiver.status as object),
      configured: true,
      reachable: true,
      deployHook: true,
      lastNotifiedAt: expect.any(String),
      problem: null,
    });
    const [asked] = receiver.builderCalls('/_ritme/status');
    expect(asked?.method).toBe('GET');
    expect(asked?.headers[BUILD_SECRET_HEADER]).toBe(SECRET);
  });

  it('the build service down, hanging or answering nonsense: reachable false, never a 500', async () => {
    for (const mode of ['down', 'hang'] as const) {
      receiver.mode = mode;
      const started = Date.now();
      const response = await call(app.baseUrl, 'GET', '/ritme/build-status', { token: readerJwt });
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({
        configured: true,
        reachable: false,
        state: null,
        current: null,
        history: [],
        problem: expect.stringMatching(/does not answer/),
      });
      expect(Date.now() - started).toBeLessThan(5000);
    }
    receiver.mode = 'up';
    const saved = receiver.status;
    receiver.status = { hello: 'world' };
    try {
      const response = await call(app.baseUrl, 'GET', '/ritme/build-status', { token: readerJwt });
      expect(response.status).toBe(200);
      expect(response.body.data).toMatchObject({ reachable: false, problem: expect.stringMatching(/something else/) });
    } finally {
      receiver.status = saved;
    }
  }, 20_000);

  it('rebuild needs build.rebuild, and asks the build service (with the secret) and the deploy hook', async () => {
    expect((await call(app.baseUrl, 'POST', '/ritme/rebuild', { token: readerJwt })).status).toBe(403);
    expect(receiver.received).toEqual([]);
    const response = await call(app.baseUrl, 'POST', '/ritme/rebuild', { token: rebuilderJwt });
    expect(response.status, JSON.stringify(response.body)).toBe(202);
    expect(response.body.data.targets).toEqual([
      { target: 'builder', ok: true, status: 202, problem: null },
      { target: 'deployHook', ok: true, status: 202, problem: null },
    ]);
    const [rebuild] = receiver.builderCalls('/_ritme/rebuild');
    expect(rebuild).toMatchObject({ method: 'POST' });
    expect(rebuild?.headers[BUILD_SECRET_HEADER]).toBe(SECRET);
    expect(receiver.hookCalls()).toHaveLength(1);

    receiver.mode = 'down';
    const failed = await call(app.baseUrl, 'POST', '/ritme/rebuild', { token: rebuilderJwt });
    expect(failed.status).toBe(502);
    expect(failed.body.error.message).toMatch(/does not answer/);
  });
});

describe('GET /api/ritme/clock', () => {
  const SECOND = 1000;

  it('is the nearest published round open/close, session start/end or week turn; drafts and the past do not count', async () => {
    const base = Date.now();
    const at = (seconds: number) => new Date(base + seconds * SECOND).toISOString();
    const rounds = docs(strapi, 'evaluation-round');
    const sessions = docs(strapi, 'training-session');
    // Published, in the future.
    const round = await rounds.create({ locale: 'nl', data: { title: 'Ronde', opensAt: at(40), closesAt: at(90) } });
    await rounds.publish({ documentId: round.documentId, locale: 'nl' });
    const session = await sessions.create({ locale: 'nl', data: { startsAt: at(20), endsAt: at(60) } });
    await sessions.publish({ documentId: session.documentId, locale: 'nl' });
    // A draft that would come first, and an edit of the published round that is not published.
    await rounds.create({ locale: 'nl', data: { title: 'Concept', opensAt: at(5), closesAt: at(8) } });
    const draftSession = await sessions.create({ locale: 'nl', data: { startsAt: at(3), endsAt: at(4) } });
    await sessions.update({ documentId: draftSession.documentId, locale: 'nl', data: { location: 'Zaal 2' } });
    await rounds.update({ documentId: round.documentId, locale: 'nl', data: { opensAt: at(10), closesAt: at(90) } });
    // Published, in the past.
    const past = await rounds.create({
      locale: 'nl',
      data: { title: 'Voorbij', opensAt: at(-7200), closesAt: at(-3600) },
    });
    await rounds.publish({ documentId: past.documentId, locale: 'nl' });

    const response = await call(app.baseUrl, 'GET', '/api/ritme/clock');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const weekTurn = nextWeekTurn(new Date());
    const expected = (seconds: number, reason: string) =>
      weekTurn.getTime() <= base + seconds * SECOND
        ? { next: weekTurn.toISOString(), reason: 'week-turns' }
        : { next: at(seconds), reason };
    expect(response.body).toEqual({ data: expected(20, 'session-starts'), meta: {} });

    // The same answer later on: what comes next at each moment.
    const clock = strapi.plugin('ritme').service('clock') as unknown as {
      next(now: Date): Promise<{ next: string | null; reason: string | null }>;
    };
    const after = (seconds: number) => new Date(base + seconds * SECOND + 1);
    expect(await clock.next(after(20))).toEqual(expected(40, 'round-opens'));
    expect(await clock.next(after(40))).toEqual(expected(60, 'session-ends'));
    expect(await clock.next(after(60))).toEqual(expected(90, 'round-closes'));
    const late = after(90);
    expect(await clock.next(late)).toEqual({ next: nextWeekTurn(late).toISOString(), reason: 'week-turns' });
  });

  it('is public, accepts locale, and refuses any other query parameter', async () => {
    expect((await call(app.baseUrl, 'GET', '/api/ritme/clock?locale=en')).status).toBe(200);
    const refused = await call(app.baseUrl, 'GET', '/api/ritme/clock?status=draft');
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/status/);
  });
});
