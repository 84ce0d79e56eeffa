/**
 * The CMS goes away between two builds. The intranet is built once from a
 * seeded Strapi; then Strapi stops (or answers only errors) and the site is
 * built again into the same folder. That build must fail, saying that Ritme
 * could not load its content and what to do, and leave the site that is being
 * served exactly as it was: same files, same bytes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { type BuiltSite, buildSite, removeBuild } from './site';

let app: TestStrapi | undefined;
let cmsUrl: string;
let site: BuiltSite;
let before: Map<string, string>;

/** Every file below `dir`, by relative path, with the sha256 of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const relative = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(relative);
      else
        files.set(
          relative,
          createHash('sha256')
            .update(readFileSync(path.join(dir, relative)))
            .digest('hex'),
        );
    }
  };
  walk('');
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** Build again into the same folder; resolves with the build's output, which must be a failure. */
async function rebuildFails(url: string): Promise<string> {
  const error = await buildSite(url, {}, { into: path.dirname(site.dir) }).then(
    () => null,
    (e: Error & { output?: string }) => e,
  );
  expect(error, 'the second build should have failed').not.toBeNull();
  return error?.output ?? String(error);
}

beforeAll(async () => {
  app = await bootStrapi({ seed: true, env: { RITME_RATE_LIMIT_POINTS: '1000' } });
  cmsUrl = app.baseUrl;
  site = await buildSite(cmsUrl);
  before = snapshot(site.dir);
});
afterAll(async () => {
  await app?.stop();
  if (site) removeBuild(site);
});

describe('a build while the CMS is down', () => {
  it('starts from a complete first build', () => {
    expect(before.size).toBeGreaterThan(20);
    expect(before.has('index.html')).toBe(true);
    expect(before.has(path.join('en', 'index.html'))).toBe(true);
  });

  it('fails with a clear message when Strapi has stopped, and leaves the previous site untouched', async () => {
    await app?.stop();
    app = undefined;
    const output = await rebuildFails(cmsUrl);
    expect(output).toContain('Ritme could not load');
    expect(output).toContain(`Cannot reach the CMS at ${cmsUrl}`);
    expect(output).toMatch(/Start it with `npm start`, or set CMS_URL to where Strapi runs\./);
    expect(snapshot(site.dir)).toEqual(before);
  }, 240_000);

  it('fails with a clear message when the CMS answers with errors, and leaves the previous site untouched', async () => {
    const broken: Server = createServer((_req, res) => {
      res.statusCode = 503;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({ data: null, error: { status: 503, name: 'ServiceUnavailable', message: 'Maintenance' } }),
      );
    });
    await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
      const output = await rebuildFails(url);
      expect(output).toContain('Ritme could not load');
      expect(output).toMatch(/failed with 503: Maintenance/);
      expect(output).toContain('Check the CMS log for the cause.');
      expect(snapshot(site.dir)).toEqual(before);
    } finally {
      await new Promise<void>((resolve) => broken.close(() => resolve()));
    }
  }, 240_000);
});
