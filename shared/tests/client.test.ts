/** The typed client against a local stub server: paging, parsing and errors that say what to do. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRitmeClient, RitmeApiError } from '../src/client';

const group = (i: number) => ({
  documentId: `group${String(i).padStart(8, '0')}`,
  locale: 'nl',
  slug: `groep-${i}`,
  updatedAt: '2026-11-27T10:00:00.000Z',
  localizations: [],
  name: `Groep ${i}`,
  kind: 'team',
  description: '',
  people: [],
  behaviours: [],
  spotlights: [],
});

let server: Server;
let baseUrl: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://stub');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/api/ritme/groups') {
      const page = Number(url.searchParams.get('page'));
      const pageSize = Number(url.searchParams.get('pageSize'));
      const total = 250;
      const data = Array.from({ length: Math.max(0, Math.min(pageSize, total - (page - 1) * pageSize)) }, (_, i) =>
        group((page - 1) * pageSize + i),
      );
      res.end(
        JSON.stringify({
          data,
          meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
        }),
      );
    } else if (url.pathname === '/api/ritme/behaviours') {
      res.end(
        JSON.stringify({
          data: [{ documentId: 'x' }],
          meta: { pagination: { page: 1, pageSize: 1, pageCount: 1, total: 1 } },
        }),
      );
    } else if (url.pathname === '/api/ritme/suggestions') {
      res.statusCode = 400;
      res.end(
        JSON.stringify({
          data: null,
          error: {
            status: 400,
            name: 'BadRequestError',
            message: 'Invalid suggestion.',
            details: { errors: [{ path: ['message'], message: 'Must not be empty.' }] },
          },
        }),
      );
    } else {
      res.statusCode = 200;
      res.setHeader('content-type', 'text/html');
      res.end('<html>not strapi</html>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createRitmeClient', () => {
  it('pages to the end, 100 at a time', async () => {
    requests.length = 0;
    const all = await createRitmeClient({ baseUrl }).listAll('groups', 'nl');
    expect(all).toHaveLength(250);
    expect(requests).toEqual([1, 2, 3].map((page) => `/api/ritme/groups?locale=nl&page=${page}&pageSize=100`));
  });

  it('names the field when the CMS answers in a shape Ritme does not know', async () => {
    await expect(createRitmeClient({ baseUrl }).list('behaviours')).rejects.toThrow(
      /does not match Ritme's schema \(data\.0\./,
    );
  });

  it('passes field errors on from a 400', async () => {
    const error = await createRitmeClient({ baseUrl })
      .sendSuggestion({ message: 'x', category: 'idea' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RitmeApiError);
    expect((error as RitmeApiError).status).toBe(400);
    expect((error as RitmeApiError).fieldErrors).toEqual([{ path: ['message'], message: 'Must not be empty.' }]);
  });

  it('says the URL is not Strapi when the answer is not JSON', async () => {
    await expect(createRitmeClient({ baseUrl }).home('nl')).rejects.toThrow(/not JSON.*CMS_URL/);
  });

  it('says how to start the CMS when it cannot be reached', async () => {
    const error = await createRitmeClient({ baseUrl: 'http://127.0.0.1:9' })
      .home()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RitmeApiError);
    expect((error as RitmeApiError).status).toBe(0);
    expect((error as Error).message).toMatch(/Cannot reach the CMS at http:\/\/127\.0\.0\.1:9.*npm start.*CMS_URL/);
  });
});
