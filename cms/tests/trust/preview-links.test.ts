/**
 * A Preview link opens once across every preview server process: its one-time
 * id is claimed in Strapi's database, by the preview token only. The first
 * claim wins, even among simultaneous ones; every later one is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, countRows, createEditorToken, createPreviewToken } from '../harness/api';
import { bootStrapi, type TestStrapi } from '../harness/strapi';

let app: TestStrapi;
let previewToken: string;
const soon = () => new Date(Date.now() + 10 * 60_000).toISOString();
const claim = (id: string, token?: string, expiresAt = soon()) =>
  call(app.baseUrl, 'POST', '/api/ritme/preview-link-uses', { body: { data: { id, expiresAt } }, token });

beforeAll(async () => {
  app = await bootStrapi();
  previewToken = await createPreviewToken(app.strapi);
});
afterAll(async () => {
  await app?.stop();
});

describe('claiming a preview link', () => {
  it('succeeds once and is refused afterwards', async () => {
    const id = 'a1B2c3D4e5F6g7H8i9J0';
    expect((await claim(id, previewToken)).status).toBe(201);
    const again = await claim(id, previewToken);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already used/);
  });

  it('lets exactly one of many simultaneous opens through', async () => {
    const id = 'simultaneous-open-0001';
    const statuses = (await Promise.all(Array.from({ length: 10 }, () => claim(id, previewToken)))).map(
      (response) => response.status,
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
    expect(await countRows(app.strapi, 'preview-link-use', { linkId: id })).toBe(1);
  });

  it('forgets ids whose link has expired', async () => {
    await claim('expired-link-id-000001', previewToken, new Date(Date.now() - 1000).toISOString());
    await claim('another-link-id-000002', previewToken);
    expect(await countRows(app.strapi, 'preview-link-use', { linkId: 'expired-link-id-000001' })).toBe(0);
  });

  it('is for the preview token only, and takes only a link id', async () => {
    const editor = await createEditorToken(app.strapi);
    for (const token of [undefined, editor]) {
      expect((await claim('not-for-you-00000001', token)).status).toBe(403);
    }
    for (const id of ['short', 'has spaces in it 0001', '<script>alert(1)</script>x']) {
      expect((await claim(id, previewToken)).status, id).toBe(400);
    }
  });
});
