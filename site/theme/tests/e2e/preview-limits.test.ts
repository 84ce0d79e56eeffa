/**
 * The preview server's limit on pilot log-ins, with the server started as in
 * production (src/preview/server.mjs in front of the build): a client address
 * cannot be made up with X-Forwarded-For, only failed log-ins count — per
 * address and per invite — and Strapi is told which pilot is asking, so its
 * own limit does not lock out everyone behind the one preview server.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { clientAddress, trustedProxies } from '../../src/preview/client-address.mjs';
import { FAILED_LOGINS } from '../../src/preview/invites';
import { freePort, type PreviewServer, runPreviewServer, startPreviewServer } from './preview-server';

const SECRET = 'test-preview-secret-0123456789';
const MAX = FAILED_LOGINS.max;
let app: TestStrapi;
/** Reached directly: X-Forwarded-For is nobody's word. */
let direct: PreviewServer;
/** Behind a "proxy" (this test, on 127.0.0.1), named in RITME_TRUSTED_PROXIES. */
let proxied: PreviewServer;

beforeAll(async () => {
  const tokenFile = path.join(mkdtempSync(path.join(tmpdir(), 'ritme-token-')), 'token');
  const [port, proxiedPort] = [await freePort(), await freePort()];
  app = await bootStrapi({
    env: {
      PREVIEW_SECRET: SECRET,
      PREVIEW_URL: `http://127.0.0.1:${port}`,
      RITME_PREVIEW_TOKEN_FILE: tokenFile,
      // Strapi's own limit out of the way, except where a test sets it.
      RITME_RATE_LIMIT_PILOT_FAILURES: '1000',
    },
  });
  const options = { cmsUrl: app.baseUrl, token: readFileSync(tokenFile, 'utf8').trim(), secret: SECRET, build: 'b' };
  direct = await startPreviewServer({ ...options, port });
  proxied = await runPreviewServer(direct.buildDir, {
    ...options,
    port: proxiedPort,
    env: { RITME_TRUSTED_PROXIES: '127.0.0.1, ::1' },
  });
}, 300_000);
afterAll(async () => {
  await proxied?.stop();
  await direct?.stop();
  await app?.stop();
});

const codesign = () => app.strapi.plugin('ritme').service('codesign');
const invite = (name: string, days = 14) =>
  codesign().createInvite({ name, expiresAt: new Date(Date.now() + days * 86_400_000).toISOString() });
const madeUp = () => randomBytes(32).toString('base64url');

/** Opens /pilot/?token=… as a browser would, with the X-Forwarded-For given; the status (303 = logged in). */
const logIn = (server: PreviewServer, token: string, forwardedFor?: string) =>
  fetch(`${server.url}/pilot/?token=${token}`, {
    redirect: 'manual',
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  }).then((response) => response.status);

const times = (n: number, status: number) => Array<number>(n).fill(status);

describe('which address a request comes from', () => {
  const trusted = trustedProxies('10.0.0.5, 10.1.0.0/16, fd00::/8');

  it('is the connection’s, unless that is a trusted proxy', () => {
    expect(clientAddress('198.51.100.1', '203.0.113.9', trusted)).toBe('198.51.100.1');
    expect(clientAddress('::ffff:198.51.100.1', '203.0.113.9', null)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.5', undefined, trusted)).toBe('10.0.0.5');
  });

  it('behind trusted proxies, is the right-most address that is not one of them', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.9', trusted)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', '1.2.3.4, 203.0.113.9', trusted)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', ['1.2.3.4, 203.0.113.9', '10.1.2.3'], trusted)).toBe('203.0.113.9');
    expect(clientAddress('fd00::1', '[2001:db8::7]:443, fd00::2', trusted)).toBe('2001:db8::7');
    expect(clientAddress('10.0.0.5', '203.0.113.9:51234', trusted)).toBe('203.0.113.9');
    // Garbage where a proxy should have written an address: the proxy's own address, never the garbage.
    expect(clientAddress('10.0.0.5', '203.0.113.9, not-an-address', trusted)).toBe('10.0.0.5');
    // Only proxies in the chain: the first of them.
    expect(clientAddress('10.0.0.5', '10.1.0.1, 10.0.0.5', trusted)).toBe('10.1.0.1');
  });

  it('refuses a RITME_TRUSTED_PROXIES entry that is not an address or a range, naming it', () => {
    expect(() => trustedProxies('10.0.0.5, proxy.internal')).toThrow(/"proxy\.internal"/);
    expect(() => trustedProxies('10.0.0.0/33')).toThrow(/"10\.0\.0\.0\/33"/);
    expect(trustedProxies('')).toBeNull();
  });
});

describe('failed pilot log-ins on the preview server', () => {
  it('are counted per connection when nobody is trusted: a made-up X-Forwarded-For buys nothing', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < MAX + 2; i += 1) statuses.push(await logIn(direct, madeUp(), `192.0.2.${i + 1}`));
    expect(statuses).toEqual([...times(MAX, 401), 429, 429]);
  });

  it('are counted per address the trusted proxy saw, whatever the client wrote in front of it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < MAX + 2; i += 1)
      statuses.push(await logIn(proxied, madeUp(), `203.0.113.${i + 1}, 192.0.2.10`));
    expect(statuses).toEqual([...times(MAX, 401), 429, 429]);
    // Someone else behind the same proxy has their own budget.
    expect(await logIn(proxied, madeUp(), '192.0.2.11')).toBe(401);
  });

  it('never count a successful log-in: five pilots behind one address log in three times each', async () => {
    const pilots = await Promise.all(['Anna', 'Bram', 'Cas', 'Dewi', 'Eva'].map((name) => invite(name)));
    const statuses: number[] = [];
    for (let round = 0; round < 3; round += 1) {
      for (const pilot of pilots) statuses.push(await logIn(proxied, pilot.token, '192.0.2.20'));
    }
    expect(statuses).toEqual(times(15, 303));
  });

  it('are counted per invite: an expired link tried from many addresses', async () => {
    const expired = await invite('Fenna');
    await app.strapi.db.query('plugin::ritme.pilot-invite' as never).update({
      where: { documentId: expired.documentId },
      data: { expiresAt: new Date(Date.now() - 1000).toISOString() },
    });
    const statuses: number[] = [];
    for (let i = 0; i < MAX + 2; i += 1) statuses.push(await logIn(proxied, expired.token, `192.0.2.${100 + i}`));
    expect(statuses).toEqual([...times(MAX, 403), 429, 429]);
  });

  it('are reported to Strapi with the pilot’s address, so Strapi’s limit is per pilot too', async () => {
    app.strapi.config.set('plugin::ritme.rateLimit.pilotSessions', { points: 2, durationSeconds: 901 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push(await logIn(proxied, madeUp(), '192.0.2.30'));
      // The third is refused by Strapi (the preview server's own limit is at 10).
      expect(statuses).toEqual([401, 401, 429]);
      const pilot = await invite('Gijs');
      expect(await logIn(proxied, pilot.token, '192.0.2.31')).toBe(303);
    } finally {
      app.strapi.config.set('plugin::ritme.rateLimit.pilotSessions', { points: 1000, durationSeconds: 900 });
    }
  });
});
