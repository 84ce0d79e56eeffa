/**
 * Smaller trust boundaries of the API: an Idempotency-Key is bound to what was
 * sent with it; the honeypot is checked by the server; names refuse
 * direction-control characters; links editors type must be http(s); CORS names
 * its origins and never allows credentials; no X-Powered-By; the SQLite file
 * is private to its owner.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countRows } from '../harness/api';
import { createPage, docs } from '../harness/fixtures';
import { bootStrapi, DIST_DIR, type TestStrapi } from '../harness/strapi';

let app: TestStrapi;
const key = () => `key-${Math.random().toString(36).slice(2)}-${Date.now()}`;
const suggest = (data: unknown, headers: Record<string, string> = {}) =>
  call(app.baseUrl, 'POST', '/api/ritme/suggestions', { body: { data }, headers });

beforeAll(async () => {
  app = await bootStrapi({ env: { RITME_RATE_LIMIT_POINTS: '1000', CORS_ORIGINS: 'https://intranet.example' } });
});
afterAll(async () => {
  await app?.stop();
});

describe('idempotency keys', () => {
  it('refuses the same key with another body (422) and stores only the first', async () => {
    const k = key();
    const first = await suggest({ message: 'Eerste client', category: 'idea' }, { 'Idempotency-Key': k });
    expect(first.status).toBe(201);
    const other = await suggest({ message: 'Tweede client', category: 'idea' }, { 'Idempotency-Key': k });
    expect(other.status, JSON.stringify(other.body)).toBe(422);
    expect(other.body.error.message).toMatch(/already used for a different submission/);
    expect(await countRows(app.strapi, 'suggestion', { message: 'Tweede client' })).toBe(0);
    // The very same submission again is a retry: the first receipt.
    const retry = await suggest({ category: 'idea', message: 'Eerste client' }, { 'Idempotency-Key': k });
    expect(retry.status).toBe(200);
    expect(retry.body.data.documentId).toBe(first.body.data.documentId);
  });

  it('binds answers to their key as well', async () => {
    const round = await createPage(app.strapi, 'evaluation-round', {
      title: 'Sleutels',
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const k = key();
    const send = (text: string) =>
      call(app.baseUrl, 'POST', '/api/ritme/evaluation-responses', {
        body: { data: { round, answers: { works_well: text } } },
        headers: { 'Idempotency-Key': k },
      });
    expect((await send('A')).status).toBe(201);
    expect((await send('B')).status).toBe(422);
    expect((await send('A')).status).toBe(200);
    expect(await countRows(app.strapi, 'evaluation-response', { round })).toBe(1);
  });
});

describe('the honeypot', () => {
  it('answers a filled-in honeypot like a success and stores nothing', async () => {
    const before = await countRows(app.strapi, 'suggestion');
    const bot = await suggest({ message: 'Koop nu!', category: 'idea', website: 'https://spam.example' });
    expect(bot.status).toBe(201);
    expect(bot.body.data.documentId).toMatch(/^[a-z0-9]{10,64}$/);
    expect(await countRows(app.strapi, 'suggestion')).toBe(before);
    expect((await suggest({ message: 'Echt', category: 'idea', website: '' })).status).toBe(201);
    expect(await countRows(app.strapi, 'suggestion')).toBe(before + 1);
  });
});

describe('names', () => {
  const spoofs = ['Anna\u202Egnarts', 'Bob\u2066x\u2069', '\u200FEva', 'Jan\u061C'];
  it('refuses direction-control characters in a sender’s name', async () => {
    for (const name of spoofs) {
      const response = await suggest({ message: 'Hallo', category: 'idea', name });
      expect(response.status, JSON.stringify(name)).toBe(400);
    }
    expect((await suggest({ message: 'Hallo', category: 'idea', name: 'Zoë Ünal-Ben Ali' })).status).toBe(201);
  });

  it("refuses them in people's names and titles that editors type", async () => {
    await expect(
      docs(app.strapi, 'person').create({ locale: 'nl', data: { name: 'Direc\u202Eteur', kind: 'leader' } }),
    ).rejects.toThrow(/text-direction/);
    await expect(
      docs(app.strapi, 'group').create({ locale: 'nl', data: { name: '\u200FGroep', kind: 'team' } }),
    ).rejects.toThrow(/text-direction/);
  });
});

describe('links editors type', () => {
  const hostile = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/relative/path',
    'https://user:pass@evil.example/',
    'ftp://files.example/',
  ];
  it('refuses every session link that is not an absolute http(s) URL', async () => {
    const training = await createPage(app.strapi, 'training', { title: 'Links', skill: 'asking_questions' });
    for (const onlineUrl of hostile) {
      await expect(
        docs(app.strapi, 'training-session').create({
          locale: 'nl',
          data: { training, startsAt: '2030-01-01T09:00:00.000Z', endsAt: '2030-01-01T10:00:00.000Z', onlineUrl },
        }),
        JSON.stringify(onlineUrl),
      ).rejects.toThrow(/http/);
    }
    const ok = await docs(app.strapi, 'training-session').create({
      locale: 'nl',
      data: {
        training,
        startsAt: '2030-01-01T09:00:00.000Z',
        endsAt: '2030-01-01T10:00:00.000Z',
        onlineUrl: ' https://meet.example/abc ',
      },
    });
    const row = await app.strapi.db.query('plugin::ritme.training-session' as never).findOne({
      where: { documentId: ok.documentId },
    });
    expect(row.onlineUrl).toBe('https://meet.example/abc');
  });

  it('refuses every chat link on a person that is not an absolute http(s) URL, and a malformed e-mail address', async () => {
    for (const chatUrl of hostile) {
      await expect(
        docs(app.strapi, 'person').create({ locale: 'nl', data: { name: 'Chat Test', kind: 'coach', chatUrl } }),
        JSON.stringify(chatUrl),
      ).rejects.toThrow(/http/);
    }
    for (const email of ['anna@', 'anna example.org', 'anna@example.org\r\nBcc: x@example.org']) {
      await expect(
        docs(app.strapi, 'person').create({ locale: 'nl', data: { name: 'Mail Test', kind: 'coach', email } }),
        JSON.stringify(email),
      ).rejects.toThrow();
    }
  });

  it("serves a person's e-mail address and chat link, the same in every language", async () => {
    const documentId = await createPage(
      app.strapi,
      'person',
      { name: 'Noor Bakker', kind: 'coach', email: 'noor.bakker@example.org', chatUrl: 'https://chat.example/dm/noor' },
      { name: 'Noor Bakker', kind: 'coach' },
    );
    for (const locale of ['nl', 'en']) {
      const response = await fetch(`${app.baseUrl}/api/ritme/people?locale=${locale}&pageSize=100`);
      const person = (await response.json()).data.find((p: { documentId: string }) => p.documentId === documentId);
      expect(person, locale).toMatchObject({
        email: 'noor.bakker@example.org',
        chatUrl: 'https://chat.example/dm/noor',
      });
    }
  });
});

describe('CORS and headers', () => {
  it('echoes only configured origins and never allows credentials', async () => {
    for (const origin of ['https://evil.example', 'http://localhost:4322', 'null']) {
      const response = await fetch(`${app.baseUrl}/admin/access-token`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(response.headers.get('access-control-allow-origin'), origin).not.toBe(origin);
      expect(response.headers.get('access-control-allow-origin'), origin).not.toBe('*');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const allowed = await fetch(`${app.baseUrl}/api/ritme/home?locale=nl`, {
      headers: { origin: 'https://intranet.example' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://intranet.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('does not name the server software', async () => {
    const response = await fetch(`${app.baseUrl}/api/ritme/home?locale=nl`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('the SQLite database file', () => {
  it('is created readable by its owner only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ritme-dbmode-'));
    const filename = path.join(dir, 'nested', 'data.db');
    const saved = { url: process.env.DATABASE_URL, file: process.env.DATABASE_FILENAME };
    try {
      process.env.DATABASE_URL = '';
      process.env.DATABASE_FILENAME = filename;
      const config = createRequire(import.meta.url)(path.join(DIST_DIR, 'config/database.js')).default;
      const env = Object.assign((name: string, fallback?: string) => process.env[name] || fallback, {
        int: (_: string, fallback: number) => fallback,
        bool: (_: string, fallback: boolean) => fallback,
      });
      const result = config({ env });
      expect(result.connection.connection.filename).toBe(filename);
      expect(statSync(filename).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(filename)).mode & 0o077).toBe(0);
    } finally {
      const restore = (name: string, value: string | undefined) => {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      };
      restore('DATABASE_URL', saved.url);
      restore('DATABASE_FILENAME', saved.file);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
