/**
 * Render only what changed, and still build the same site: the build service
 * syncs incrementally and renders only the pages whose content changed, taking
 * the rest from its last build. After each step of a random sequence of edits
 * in a seeded Strapi (publish, edit, unpublish one language or all, delete,
 * a renamed person shown on group pages, a relation removed, a session moved),
 * the served build must equal, file for file and byte for byte, a clean full
 * `astro build` of the same content made from scratch.
 *
 * The sequence comes from fast-check with a seed printed on failure (set
 * RITME_EDITS_SEED to replay one).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPage } from '../../../../cms/tests/harness/fixtures';
import { bootStrapi, type TestStrapi } from '../../../../cms/tests/harness/strapi';
import { type BuildService, startBuildService } from './build-service';
import { buildSite, removeBuild, SITE_DIR } from './site';

const SECRET = randomBytes(24).toString('hex');
const WORK = mkdtempSync(path.join(SITE_DIR, '.preview-test-incremental-'));
const BUILDS = path.join(WORK, 'builds');
const STEPS = 6;
/** What a static `astro build` leaves beside the pages that is no page (Astro's content-layer modules). */
const NOT_SITE = new Set(['content-assets.mjs', 'content-modules.mjs']);

let app: TestStrapi;
let service: BuildService;

type Edit =
  | { kind: 'create'; n: number }
  | { kind: 'retitle'; pick: number }
  | { kind: 'unpublish-all'; pick: number }
  | { kind: 'unpublish-en'; pick: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'rename-person'; pick: number }
  | { kind: 'drop-from-group'; pick: number }
  | { kind: 'move-session'; pick: number; days: number };

const pick = fc.nat({ max: 1000 });
const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), n: fc.nat({ max: 9999 }) }),
  fc.record({ kind: fc.constant('retitle' as const), pick }),
  fc.record({ kind: fc.constant('unpublish-all' as const), pick }),
  fc.record({ kind: fc.constant('unpublish-en' as const), pick }),
  fc.record({ kind: fc.constant('delete' as const), pick }),
  fc.record({ kind: fc.constant('rename-person' as const), pick }),
  fc.record({ kind: fc.constant('drop-from-group' as const), pick }),
  fc.record({ kind: fc.constant('move-session' as const), pick, days: fc.integer({ min: 1, max: 20 }) }),
);

type Documents = {
  findMany(params: object): Promise<{ documentId: string; [key: string]: unknown }[]>;
  update(params: object): Promise<unknown>;
  publish(params: object): Promise<unknown>;
  unpublish(params: object): Promise<unknown>;
  delete(params: object): Promise<unknown>;
};
const documents = (strapi: TestStrapi['strapi'], name: string) =>
  strapi.documents(`plugin::ritme.${name}` as never) as unknown as Documents;

async function published(name: string, populate?: object) {
  return documents(app.strapi, name).findMany({ status: 'published', locale: 'nl', ...(populate ? { populate } : {}) });
}
const choose = <T>(items: T[], index: number) => (items.length === 0 ? undefined : items[index % items.length]);

/** Applies one edit through the Document Service, as an editor would; says what it did. */
async function apply(edit: Edit): Promise<string> {
  const behaviours = await published('behaviour');
  const behaviour = choose(behaviours, 'pick' in edit ? edit.pick : 0);
  switch (edit.kind) {
    case 'create': {
      const documentId = await createPage(
        app.strapi,
        'behaviour',
        {
          title: `Nieuw voorbeeldgedrag ${edit.n}`,
          slug: `nieuw-voorbeeldgedrag-${edit.n}-${randomBytes(3).toString('hex')}`,
          insteadOf: 'Stuur geen mail.',
          why: 'Zo leest iedereen mee.',
          cadence: 'weekly',
          skill: 'making_work_visible',
        },
        {
          title: `New example behaviour ${edit.n}`,
          slug: `new-example-behaviour-${edit.n}-${randomBytes(3).toString('hex')}`,
          insteadOf: 'Send no e-mail.',
          why: 'Everyone can read along.',
          cadence: 'weekly',
          skill: 'making_work_visible',
        },
      );
      return `created behaviour ${documentId}`;
    }
    case 'retitle': {
      if (!behaviour) return 'nothing to retitle';
      await documents(app.strapi, 'behaviour').update({
        documentId: behaviour.documentId,
        locale: 'nl',
        data: { title: `${String(behaviour.title).slice(0, 60)} (bijgewerkt ${randomBytes(2).toString('hex')})` },
      });
      await documents(app.strapi, 'behaviour').publish({ documentId: behaviour.documentId, locale: 'nl' });
      return `retitled ${behaviour.documentId}`;
    }
    case 'unpublish-all':
    case 'unpublish-en': {
      if (!behaviour) return 'nothing to unpublish';
      const locale = edit.kind === 'unpublish-all' ? '*' : 'en';
      await documents(app.strapi, 'behaviour').unpublish({ documentId: behaviour.documentId, locale });
      return `unpublished ${behaviour.documentId} (${locale})`;
    }
    case 'delete': {
      if (!behaviour) return 'nothing to delete';
      await documents(app.strapi, 'behaviour').delete({ documentId: behaviour.documentId, locale: '*' });
      return `deleted ${behaviour.documentId}`;
    }
    case 'rename-person': {
      const person = choose(await published('person'), edit.pick);
      if (!person) return 'no person';
      await documents(app.strapi, 'person').update({
        documentId: person.documentId,
        locale: 'nl',
        data: { name: `${String(person.name).split(' (')[0]} (${randomBytes(2).toString('hex')})` },
      });
      await documents(app.strapi, 'person').publish({ documentId: person.documentId, locale: 'nl' });
      return `renamed person ${person.documentId}`;
    }
    case 'drop-from-group': {
      const groups = (await published('group', { behaviours: { fields: ['documentId'] } })).filter(
        (group) => Array.isArray(group.behaviours) && group.behaviours.length > 0,
      );
      const group = choose(groups, edit.pick);
      if (!group) return 'no group with behaviours';
      const kept = (group.behaviours as { documentId: string }[]).slice(1).map((b) => b.documentId);
      await documents(app.strapi, 'group').update({
        documentId: group.documentId,
        locale: 'nl',
        data: { behaviours: kept },
      });
      await documents(app.strapi, 'group').publish({ documentId: group.documentId, locale: 'nl' });
      return `dropped a behaviour from group ${group.documentId}`;
    }
    case 'move-session': {
      const sessions = await published('training-session');
      const session = choose(sessions, edit.pick);
      if (!session) return 'no session';
      const startsAt = new Date(Date.parse(String(session.startsAt)) + edit.days * 86_400_000);
      const endsAt = new Date(Date.parse(String(session.endsAt)) + edit.days * 86_400_000);
      await documents(app.strapi, 'training-session').update({
        documentId: session.documentId,
        locale: 'nl',
        data: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() },
      });
      await documents(app.strapi, 'training-session').publish({ documentId: session.documentId, locale: 'nl' });
      return `moved session ${session.documentId} by ${edit.days} days`;
    }
  }
}

/** Every file of a built site, relative, without what is not part of the site. */
function filesOf(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !NOT_SITE.has(file))
    .sort();
}

/** The differences between two builds, as lines a person can read (empty: the same site). */
function differences(incremental: string, full: string): string[] {
  const a = filesOf(incremental);
  const b = filesOf(full);
  const lines: string[] = [];
  for (const file of a.filter((f) => !b.includes(f))) lines.push(`only in the incremental build: ${file}`);
  for (const file of b.filter((f) => !a.includes(f))) lines.push(`only in the full build: ${file}`);
  for (const file of a.filter((f) => b.includes(f))) {
    const left = readFileSync(path.join(incremental, file));
    const right = readFileSync(path.join(full, file));
    if (!left.equals(right)) {
      const at = [...left].findIndex((byte, i) => byte !== right[i]);
      const around = (buffer: Buffer) => buffer.subarray(Math.max(0, at - 80), at + 80).toString('utf8');
      lines.push(`different: ${file}\n  incremental: …${around(left)}…\n  full:        …${around(right)}…`);
    }
  }
  return lines;
}

beforeAll(async () => {
  app = await bootStrapi({ seed: true, env: { RITME_RATE_LIMIT_POINTS: '100000' } });
  service = await startBuildService({ cmsUrl: app.baseUrl, secret: SECRET, buildsDir: BUILDS });
  await service.waitForBuild(0);
}, 300_000);

afterAll(async () => {
  await service?.stop();
  await app?.stop();
  rmSync(WORK, { recursive: true, force: true });
});

describe('incremental builds', () => {
  it('equal a clean full build after every edit of a random sequence', async () => {
    const seed = Number(process.env.RITME_EDITS_SEED ?? Date.now() % 2_147_483_647);
    const [edits] = fc.sample(fc.array(editArbitrary, { minLength: STEPS, maxLength: STEPS }), { seed, numRuns: 1 });
    const done: string[] = [];
    let rendered = 0;
    let total = 0;
    for (const [step, edit] of (edits as Edit[]).entries()) {
      const before = Number((await service.status()).current?.id ?? 0);
      done.push(await apply(edit));
      expect((await service.call('POST', '/_ritme/hooks/build', { body: '{}' })).status).toBe(202);
      const status = await service.waitForBuild(before);
      const live = path.join(BUILDS, String(status.current?.id));
      const full = await buildSite(app.baseUrl);
      try {
        const found = differences(live, full.dir);
        expect(found, `seed ${seed}, step ${step + 1}: ${done.join('; ')}\n${found.slice(0, 5).join('\n')}`).toEqual(
          [],
        );
      } finally {
        removeBuild(full);
      }
      const line = service
        .output()
        .match(/(\d+) of (\d+) page\(s\) rendered/g)
        ?.at(-1)
        ?.match(/(\d+) of (\d+)/);
      rendered += Number(line?.[1] ?? 0);
      total += Number(line?.[2] ?? 0);
    }
    // It rendered only part of the site: otherwise this would test full builds against full builds.
    expect(rendered).toBeLessThan(total / 2);
  }, 900_000);
});
