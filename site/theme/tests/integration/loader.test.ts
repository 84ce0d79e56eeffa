/**
 * The site's loader against a real, seeded Strapi and its sync route: the first
 * sync brings every published entry of every route in both locales, keyed by
 * locale and documentId; the next one fetches next to nothing and rewrites
 * nothing; a change rewrites one entry; an unpublished one goes; a renamed
 * behaviour reaches the groups that embed it.
 */
import { CONTENT_ROUTES, SYNC_OVERLAP_MS } from '@ritme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../../cms/tests/harness/api';
import { docs } from '../../../../cms/tests/harness/fixtures';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { SYNC_CURSOR_KEY, syncRoute } from '../../src/loaders/ritme';
import { fakeLoaderContext } from '../fake-store';

let app: TestStrapi;
beforeAll(async () => {
  app = await bootStrapi({ seed: true });
});
afterAll(async () => {
  await app?.stop();
});

const options = () => ({ cmsUrl: app.baseUrl, locales: ['nl', 'en'] as const });
/** Past the overlap of the next window, so what the last sync read is not read again. */
const pastOverlap = () => new Promise((resolve) => setTimeout(resolve, SYNC_OVERLAP_MS + 200));

describe('the Ritme loader against a seeded Strapi', () => {
  it('loads every published entry of every route, in both locales', async () => {
    for (const route of CONTENT_ROUTES) {
      const { context, entries, meta } = fakeLoaderContext();
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
      expect(stats).toMatchObject({ written: expected, unchanged: 0, deleted: 0, mode: 'cold' });
      expect(JSON.parse(meta.get(SYNC_CURSOR_KEY) ?? 'null')).toMatchObject({ version: 1, route });
    }
  });

  it('then fetches only what changed: nothing, one entry, an unpublished one', async () => {
    const { context, entries } = fakeLoaderContext();
    // The seed's writes are older than the overlap of the first window: nothing is read twice.
    await pastOverlap();
    const first = await syncRoute('behaviours', options(), context);
    await pastOverlap();

    const unchanged = await syncRoute('behaviours', options(), context);
    expect(unchanged).toMatchObject({ written: 0, unchanged: first.written, deleted: 0, mode: 'incremental' });
    expect(unchanged.bytes).toBeLessThanOrEqual(Math.max(first.bytes / 100, 1_000));

    const [someId] = [...entries.keys()].filter((id) => id.startsWith('nl:'));
    const documentId = (someId as string).slice(3);
    await docs(app.strapi, 'behaviour').update({ documentId, locale: 'nl', data: { why: 'Omdat het werkt.' } });
    await docs(app.strapi, 'behaviour').publish({ documentId, locale: 'nl' });
    expect(await syncRoute('behaviours', options(), context)).toMatchObject({
      written: 1,
      unchanged: first.written - 1,
      deleted: 0,
      mode: 'incremental',
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

  it('brings a renamed behaviour into the groups that embed it', async () => {
    const { context, entries } = fakeLoaderContext();
    await syncRoute('groups', options(), context);
    const embedding = [...entries.values()].find(
      (entry) => entry.id.startsWith('nl:') && (entry.data.behaviours as { documentId: string }[]).length > 0,
    );
    if (!embedding) throw new Error('The seed has no group with a behaviour.');
    const behaviour = (embedding.data.behaviours as { documentId: string }[])[0]?.documentId as string;
    await pastOverlap();

    await docs(app.strapi, 'behaviour').update({ documentId: behaviour, locale: 'nl', data: { title: 'Hernoemd' } });
    await docs(app.strapi, 'behaviour').publish({ documentId: behaviour, locale: 'nl' });
    const stats = await syncRoute('groups', options(), context);

    expect(stats.mode).toBe('incremental');
    expect(stats.written).toBeGreaterThanOrEqual(1);
    const refs = entries.get(embedding.id)?.data.behaviours as { documentId: string; title: string }[];
    expect(refs.find((ref) => ref.documentId === behaviour)?.title).toBe('Hernoemd');
  });
});
