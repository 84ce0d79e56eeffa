/**
 * Behind a load balancer (TRUST_PROXY=true), Strapi sees the client address the
 * proxy added — the right-most X-Forwarded-For entry — and never what a client
 * wrote to the left of it; a body that cannot be parsed is a 400 on any path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../harness/api';
import { bootStrapi, type TestStrapi } from '../harness/strapi';

let app: TestStrapi;

beforeAll(async () => {
  app = await bootStrapi({ env: { TRUST_PROXY: 'true', RITME_RATE_LIMIT_POINTS: '2' } });
});
afterAll(async () => {
  await app?.stop();
});

const suggest = (forwardedFor: string) =>
  call(app.baseUrl, 'POST', '/api/ritme/suggestions', {
    body: { data: { message: 'Achter de proxy', category: 'idea' } },
    headers: { 'x-forwarded-for': forwardedFor },
  });

describe('behind a trusted proxy', () => {
  it('limits per client the proxy saw, whatever the client wrote in front of it', async () => {
    expect((await suggest('1.1.1.1, 203.0.113.5')).status).toBe(201);
    expect((await suggest('2.2.2.2, 203.0.113.5')).status).toBe(201);
    expect((await suggest('3.3.3.3, 203.0.113.5')).status).toBe(429);
    // Another client behind the same proxy has its own budget.
    expect((await suggest('1.1.1.1, 203.0.113.6')).status).toBe(201);
  });
});

describe('bodies that cannot be read', () => {
  it('are a 400 on any path, never a 500', async () => {
    const broken = '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated';
    for (const path of ['/api/nothing', '/foo', '/admin/login', '/api/ritme/suggestions']) {
      const multipart = await call(app.baseUrl, 'POST', path, {
        rawBody: broken,
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'x-forwarded-for': '198.51.100.9' },
      });
      expect(multipart.status, `multipart ${path}`).toBe(400);
      const json = await call(app.baseUrl, 'POST', path, {
        rawBody: '{"data": ',
        headers: { 'x-forwarded-for': '198.51.100.10' },
      });
      expect(json.status, `json ${path}`).toBe(400);
    }
  });
});
