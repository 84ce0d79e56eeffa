/**
 * The site's loader against a real, seeded Strapi: every published entry of
 * every route in both locales arrives, keyed by locale and documentId; a second
 * sync rewrites nothing; a change rewrites one entry; an unpublished one goes.
 */
import { CONTENT_ROUTES } from '@ritme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../cms/tests/harness/api';
import { docs } from '../../../../cms/tests/harness/fixtures';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { syncRoute } from '../../src/loaders/ritme';
import { fakeLoaderContext } from '../fake-store';

let app: TestStrapi;
beforeAll(async () => {
  app = await bootStrapi({ seed: true });
});
afterAll(async () => {
  await app?.stop();
});

const options = () => ({ cmsUrl: app.baseUrl, locales: ['nl', 'en'] as const });

describe('the Ritme loader against a seeded Strapi', () => {
  it('loads every published entry of every route, in both locales', async () => {
    for (const route of CONTENT_ROUTES) {
      const { context, entries } = fakeLoaderContext();
      const stats = await syncRoute(route, options(), context);
      let expected = 0;
      for (const locale of ['nl', 'en']) {
        const total = (await call(app.baseUrl, 'GET', `/api/ritme/${route}?locale=${locale}&pageSize=1`)).body.meta
          .pagination.total;
        expect(
          [...entries.keys()].filter((id) => id.startsWith(`${locale}:`)),
          `${route} ${locale}`,
        ).toHaveLength(total);
        expected += total;
      }
      expect(expected, route).toBeGreaterThan(0);
      expect(stats).toEqual({ written: expected, unchanged: 0, deleted: 0 });
    }
  });

  it('rewrites only what changed and removes what was unpublished', async () => {
    const { context, entries } = fakeLoaderContext();
    const first = await syncRoute('behaviours', options(), context);
    expect(await syncRoute('behaviours', options(), context)).toEqual({
      written: 0,
      unchanged: first.written,
      deleted: 0,
    });

    const [someId] = [...entries.keys()].filter((id) => id.startsWith('nl:'));
    const documentId = (someId as string).slice(3);
    await docs(app.strapi, 'behaviour').update({ documentId, locale: 'nl', data: { why: 'Omdat het werkt.' } });
    await docs(app.strapi, 'behaviour').publish({ documentId, locale: 'nl' });
    expect(await syncRoute('behaviours', options(), context)).toEqual({
      written: 1,
      unchanged: first.written - 1,
      deleted: 0,
    });
    expect(entries.get(`nl:${documentId}`)?.data.why).toBe('Omdat het werkt.');

    await (
      app.strapi.documents('plugin::ritme.behaviour' as never) as unknown as { unpublish(p: object): Promise<unknown> }
    ).unpublish({
      documentId,
      locale: '*',
    });
    const after = await syncRoute('behaviours', options(), context);
    expect(after.deleted).toBe(2);
    expect(entries.has(`nl:${documentId}`)).toBe(false);
    expect(entries.has(`en:${documentId}`)).toBe(false);
  });
});
