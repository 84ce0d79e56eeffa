/**
 * Rate limits, against a real Strapi: one budget per route however its path is
 * spelled; the JSON-only guard under every spelling; pilot log-ins limited by
 * their failures only, per client address (as the preview server reports it)
 * and per invite; feedback limited per pilot invite and per editor address;
 * and a wrong option that fails the boot naming itself.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pluginConfig from '../src/plugins/ritme/server/src/config';
import { startChild } from './hardening/support';
import { call, countRows, createPreviewToken } from './harness/api';
import { bootStrapi, type TestStrapi } from './harness/strapi';

let app: TestStrapi;
let previewToken: string;
const valid = { message: 'Kunnen we een groep voor nieuwe collega’s maken?', category: 'idea' };
const FAILURES = 3;
const FEEDBACK = 4;

beforeAll(async () => {
  app = await bootStrapi({
    env: {
      RITME_RATE_LIMIT_POINTS: '3',
      RITME_RATE_LIMIT_PILOT_FAILURES: String(FAILURES),
      RITME_RATE_LIMIT_FEEDBACK_POINTS: String(FEEDBACK),
    },
  });
  previewToken = await createPreviewToken(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

/** A request with its path sent exactly as written (fetch would resolve dot segments first). */
function raw(
  method: string,
  target: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
  const { hostname, port } = new URL(app.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path: target, headers: options.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const postJson = (target: string, data: unknown, headers: Record<string, string> = {}) =>
  raw('POST', target, { headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ data }) });

/** Fresh counts for the public submission routes: a new window is a new limit. */
let windows = 600;
const freshSubmissionLimit = (points: number) => {
  windows += 1;
  app.strapi.config.set('plugin::ritme.rateLimit.submissions', { points, durationSeconds: windows });
};

/**
 * Every spelling of POST /api/ritme/suggestions we could think of. Strapi's
 * router ignores case and one trailing slash; it does not decode the path,
 * collapse slashes or resolve dot segments (those answer 404/405 and reach no
 * route — the test checks that nothing is stored through them either).
 */
const REACHES_THE_ROUTE = [
  '/api/ritme/Suggestions',
  '/api/ritme/suggestions/',
  '/API/RITME/SUGGESTIONS',
  '/Api/Ritme/Suggestions/',
  '/api/ritme/suggestions?locale=nl',
  '/api/ritme/suggestions/?',
  '/api/ritme/suggestions#', // Koa reads what follows # as a fragment
];
const VARIANTS = [
  ...REACHES_THE_ROUTE,
  '/api/ritme/suggestions//',
  '/api/ritme//suggestions',
  '/api//ritme/suggestions',
  '//api/ritme/suggestions',
  '/api/ritme/%73uggestions',
  '/api/ritme/%53UGGESTIONS',
  '/api/%72itme/suggestions',
  '/%61pi/ritme/suggestions',
  '/api/ritme/suggestions%2F',
  '/api/ritme/suggestions%2f',
  '/api%2Fritme%2Fsuggestions',
  '/api/ritme/%2573uggestions',
  '/api/ritme/./suggestions',
  '/api/ritme/x/../suggestions',
  '/api/./ritme/suggestions',
  '/api/ritme/suggestions/.',
  '/api/ritme/suggestions;',
  '/api/ritme/suggestions%20',
  '/api/ritme/suggestions%00',
  '/api/ritme/suggestions.json',
  '/api/ritme/%C5%BFuggestions', // ſ (long s) upper-cases to S
  '/api/ritme\\suggestions',
];

describe('one limit per route, however its path is spelled', () => {
  it('counts differently spelled submissions against one budget', async () => {
    freshSubmissionLimit(3);
    const spelled = ['/api/ritme/Suggestions', '/api/ritme/suggestions/', '/API/RITME/SUGGESTIONS/'];
    for (const target of spelled) expect((await postJson(target, valid)).status).toBe(201);
    const refused = await postJson('/api/ritme/suggestions', valid);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.error.message).toMatch(/try again in \d+ seconds/);
  });

  it('refuses every spelling of POST /suggestions once the canonical one used the budget', async () => {
    freshSubmissionLimit(3);
    const before = await countRows(app.strapi, 'suggestion');
    for (let i = 0; i < 3; i += 1) {
      expect((await postJson('/api/ritme/suggestions', { ...valid, message: `Idee ${i}` })).status).toBe(201);
    }
    const answers: Record<string, number> = {};
    for (const variant of VARIANTS) answers[variant] = (await postJson(variant, valid)).status;

    for (const variant of REACHES_THE_ROUTE) expect([variant, answers[variant]]).toEqual([variant, 429]);
    // The rest reach no route at all (404, or 405 from the admin panel's catch-all GET).
    const elsewhere = Object.entries(answers).filter(([variant]) => !REACHES_THE_ROUTE.includes(variant));
    expect(elsewhere.filter(([, status]) => ![404, 405].includes(status))).toEqual([]);
    expect(await countRows(app.strapi, 'suggestion')).toBe(before + 3);
  });

  it('ignores X-Ritme-Client on public routes: a made-up address buys no fresh budget', async () => {
    freshSubmissionLimit(2);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await postJson('/api/ritme/suggestions', valid, { 'X-Ritme-Client': `192.0.2.${i + 1}` })).status);
    }
    expect(statuses).toEqual([201, 201, 429, 429]);
  });
});

describe('JSON only, however the path is spelled', () => {
  const brokenMultipart = {
    headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
    body: '--XYZ\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"message":"half a bo',
  };

  it('answers a broken multipart body with a 400 under every spelling of /api/ritme, and logs nothing', async () => {
    const logged = vi.spyOn(app.strapi.log, 'error');
    try {
      const answers: [string, number, string][] = [];
      for (const variant of ['/api/ritme/suggestions', ...VARIANTS, '/api/ritme', '/API/RITME/', '/api/ritme;x']) {
        const response = await raw('POST', variant, brokenMultipart);
        answers.push([variant, response.status, String(response.body?.error?.message ?? response.body)]);
      }
      const wrong = answers.filter(([, status, message]) => status !== 400 || !/takes JSON only/.test(message));
      expect(wrong).toEqual([]);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('leaves other routes alone', async () => {
    const response = await raw('POST', '/api/ritmex/suggestions', {
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      body: '--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--XYZ--\r\n',
    });
    expect(response.status).not.toBe(400);
  });
});

const codesign = () => app.strapi.plugin('ritme').service('codesign');
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const invite = async (name: string) => codesign().createInvite({ name, expiresAt: inFuture(14) });
const logIn = (token: string, client: string) =>
  call(app.baseUrl, 'POST', '/api/ritme/pilot-sessions', {
    token: previewToken,
    body: { data: { token } },
    headers: { 'X-Ritme-Client': client },
  });
const madeUpToken = () => randomBytes(32).toString('base64url');

describe('pilot log-ins (POST /pilot-sessions, from the preview server)', () => {
  it('never counts a successful log-in: a whole office logs in through the one preview server', async () => {
    const pilots = await Promise.all(['Anna', 'Bram', 'Cas', 'Dewi'].map(invite));
    const statuses: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      for (const pilot of pilots) statuses.push((await logIn(pilot.token, '203.0.113.7')).status);
    }
    expect(statuses).toEqual(Array(12).fill(200));
  });

  it('counts failed log-ins per client address, and only that address has to wait', async () => {
    const pilot = await invite('Eva');
    const statuses: number[] = [];
    for (let i = 0; i < FAILURES; i += 1) statuses.push((await logIn(madeUpToken(), '198.51.100.20')).status);
    expect(statuses).toEqual(Array(FAILURES).fill(404));

    const refused = await logIn(madeUpToken(), '198.51.100.20');
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/failed log-ins/);
    // Locked out means locked out, even with the right token…
    expect((await logIn(pilot.token, '198.51.100.20')).status).toBe(429);
    // …but a colleague at another address logs in as usual.
    expect((await logIn(pilot.token, '198.51.100.21')).status).toBe(200);
  });

  it('counts an IPv6 /64 network as one address, as one subscriber usually has a whole one', async () => {
    const statuses: number[] = [];
    for (const host of ['a', 'b', 'c', 'd']) {
      statuses.push((await logIn(madeUpToken(), `2001:db8:1:1::${host}`)).status);
    }
    expect(statuses).toEqual([...Array(FAILURES).fill(404), 429]);
    expect((await logIn(madeUpToken(), '2001:0db8:0001:0001:ffff:0:0:1')).status).toBe(429);
    expect((await logIn(madeUpToken(), '2001:db8:1:2::a')).status).toBe(404);
  });

  it('counts failed log-ins per invite: an expired link tried from many addresses', async () => {
    const expired = await invite('Fenna');
    await app.strapi.db.query('plugin::ritme.pilot-invite' as never).update({
      where: { documentId: expired.documentId },
      data: { expiresAt: new Date(Date.now() - 1000).toISOString() },
    });
    const answers: (string | number)[] = [];
    for (let i = 0; i < FAILURES + 2; i += 1) {
      const response = await logIn(expired.token, `198.51.100.${40 + i}`);
      answers.push(response.status === 200 ? response.body.data.state : response.status);
    }
    expect(answers).toEqual([...Array(FAILURES).fill('expired'), 429, 429]);
  });

  it('holds under a burst: of 10 simultaneous failed log-ins from one address, exactly the limit is answered', async () => {
    const statuses = await Promise.all(Array.from({ length: 10 }, () => logIn(madeUpToken(), '198.51.100.60')));
    const counts = statuses.reduce<Record<number, number>>(
      (acc, { status }) => Object.assign(acc, { [status]: (acc[status] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ 404: FAILURES, 429: 10 - FAILURES });
  });
});

describe('feedback (POST /feedback, from the preview server)', () => {
  const feedback = (pilotInvite: string | null, client: string) =>
    call(app.baseUrl, 'POST', '/api/ritme/feedback', {
      token: previewToken,
      headers: { 'X-Ritme-Client': client },
      body: {
        data: {
          message: 'Mooi zo',
          category: 'praise',
          pagePath: '/',
          locale: 'nl',
          build: 'b1',
          invite: pilotInvite,
        },
      },
    });

  it('is limited per pilot invite, wherever the pilot is', async () => {
    const [one, other] = await Promise.all([invite('Gijs'), invite('Hanna')]);
    const statuses: number[] = [];
    for (let i = 0; i < FEEDBACK + 1; i += 1) {
      statuses.push((await feedback(one.documentId, `198.51.100.${80 + i}`)).status);
    }
    expect(statuses).toEqual([...Array(FEEDBACK).fill(201), 429]);
    expect((await feedback(other.documentId, '198.51.100.80')).status).toBe(201);
  });

  it('is limited per address for editors (who have no invite)', async () => {
    const before = await countRows(app.strapi, 'feedback');
    const statuses: number[] = [];
    for (let i = 0; i < FEEDBACK + 1; i += 1) statuses.push((await feedback(null, '198.51.100.90')).status);
    expect(statuses).toEqual([...Array(FEEDBACK).fill(201), 429]);
    expect((await feedback(null, '198.51.100.91')).status).toBe(201);
    expect(await countRows(app.strapi, 'feedback')).toBe(before + FEEDBACK + 1);
  });
});

describe('the rate-limit options', () => {
  const base = pluginConfig.default;
  const validate = (rateLimit: unknown) => () => pluginConfig.validator({ ...base, rateLimit });

  it('are checked at boot, and a wrong one names itself', () => {
    expect(validate({ ...base.rateLimit, store: { kind: 'mongo' } })).toThrow(/rateLimit\.store\.kind/);
    expect(validate({ ...base.rateLimit, store: { kind: 'redis', prefix: 'x:' } })).toThrow(/rateLimit\.store\.url/);
    expect(validate({ ...base.rateLimit, store: { kind: 'redis', url: 'http://cache:6379', prefix: 'x:' } })).toThrow(
      /rateLimit\.store\.url/,
    );
    expect(validate({ ...base.rateLimit, feedback: { points: 0, durationSeconds: 60 } })).toThrow(
      /rateLimit\.feedback\.points/,
    );
    expect(
      validate({ ...base.rateLimit, store: { kind: 'redis', url: 'redis://cache:6379', prefix: 'ritme:' } }),
    ).not.toThrow();
  });

  it('refuse to boot with the PostgreSQL store on SQLite, saying which option', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ritme-rl-'));
    try {
      const sqlite = {
        kind: 'sqlite' as const,
        env: { DATABASE_URL: '', DATABASE_FILENAME: path.join(dir, 'data.db') },
        query: async () => [],
        drop: async () => {},
      };
      const boot = startChild(sqlite, { env: { RITME_RATE_LIMIT_STORE: 'postgres' } });
      await expect(boot).rejects.toThrow(/rateLimit\.store.*PostgreSQL/s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
