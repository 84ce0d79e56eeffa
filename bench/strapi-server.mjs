#!/usr/bin/env node
/**
 * A real Ritme Strapi for the build benchmark, in a process of its own so the
 * benchmark's memory figures stay clean. Boots the demo app the way the API
 * test harness does (cms/tests/harness/strapi.ts), on a fresh SQLite file, on
 * a random loopback port, and can fill it with N published entries per locale.
 *
 * Needs the plugin built and the app compiled first (bench/site-build.mjs does
 * both): `pnpm --filter @ritme/strapi-plugin run build`, then `tsc -p cms`.
 *
 * Forked with an IPC channel (bench/site-build.mjs does that), it answers
 * messages `{ id, cmd, ...args }` with `{ id, ok, result | error }`:
 *   populate { n, method: 'auto'|'ds'|'bulk', budgetSeconds, counts? }  fill it (see below);
 *                                 `counts` overrides planCounts(n) per type, e.g. { group: 100 }
 *   verify                        check the rows as Strapi keeps them
 *   update-behaviour { marker }   change one behaviour's nl title, publish it
 *   publish-behaviour { index, marker }  the same for the index-th published nl behaviour (by documentId)
 *   live-flush                    send what the plugin's Live notifier still holds (builder option)
 *   pilot-invite { name, days }   a pilot invite for the preview server: { token, documentId }
 *   preview-token                 an API token with the preview server's permissions: { accessKey }
 *   memory                        this process's RSS figures
 *   stop                          shut Strapi down and exit
 * and exits when its parent goes away.
 *
 * Optional environment variables (without them nothing changes):
 *   RITME_BENCH_DATABASE_URL  a PostgreSQL database (made by the caller) instead of the SQLite file
 *   RITME_BENCH_SEED=demo     the demo seed's content (bench/lighthouse.mjs)
 *   RITME_BENCH_SETUP         a module whose `setup({ strapi, cmsRequire })` runs after
 *                             `strapi.load()` and before Strapi listens; the commands
 *                             it returns are added to the ones above
 *
 * Standalone, for poking at it by hand:
 *   node bench/strapi-server.mjs [--populate 1000] [--method auto] [--lifetime 3600]
 * prints a ready line with its URL and stops on Ctrl+C or after --lifetime seconds.
 *
 * How it fills: every document is created the way an editor (and the demo
 * seed) would, through the Document Service: Dutch, then English, then publish
 * both. At a few tens of ms per document that takes minutes for 10,000, so with
 * `method: 'auto'` it measures as it goes and, when the Document Service would
 * overrun `budgetSeconds`, writes the rest in bulk through Strapi's query layer
 * (`createMany`) and knex, in transactions, row for row as the Document Service
 * writes them: a draft and a published row per locale sharing one documentId,
 * `locale` and `publishedAt` set, relations linking draft to draft and
 * published to published in the same locale, with the same order columns.
 * `verify` checks exactly those invariants over every document, however made.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const CMS_DIR = path.join(ROOT, 'cms');
const DIST_DIR = path.join(CMS_DIR, 'dist');
const uid = (name) => `plugin::ritme.${name}`;
const LOCALES = ['nl', 'en'];
const DAY = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------
// Environment: a database of our own, throwaway secrets, nothing leaves loopback.
// ---------------------------------------------------------------------------
const secret = () => randomBytes(24).toString('base64');
let ownDir = null;
if (!process.env.DATABASE_FILENAME) {
  ownDir = mkdtempSync(path.join(tmpdir(), 'ritme-bench-db-'));
  process.env.DATABASE_FILENAME = path.join(ownDir, 'data.db');
}
const defaults = {
  APP_KEYS: [secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  NODE_ENV: 'production',
};
for (const [key, value] of Object.entries(defaults)) process.env[key] ??= value;
Object.assign(process.env, {
  // SQLite, unless the caller made a PostgreSQL database for us.
  DATABASE_URL: process.env.RITME_BENCH_DATABASE_URL ?? '',
  // The demo content only when asked (bench/lighthouse.mjs); the other benchmarks fill their own.
  RITME_SEED: process.env.RITME_BENCH_SEED === 'demo' ? 'demo' : '',
  STRAPI_TELEMETRY_DISABLED: 'true',
});

const cmsRequire = createRequire(path.join(CMS_DIR, 'package.json'));
// Strapi's ESM build cannot be loaded by Node directly (directory imports); its CommonJS build can.
const { createStrapi } = cmsRequire('@strapi/strapi');
const coreRequire = createRequire(createRequire(cmsRequire.resolve('@strapi/strapi')).resolve('@strapi/core'));
// The id generator Strapi itself uses for documentIds.
const { createId } = coreRequire('@paralleldrive/cuid2');
const { demoContent } = cmsRequire(path.join(DIST_DIR, 'src/seed/content.js'));

/** A copy of slugify() in shared/src/text.ts (the plugin's slug middleware uses that one). */
function slugify(input, maxLength = 80) {
  const base = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return base.length > 0 ? base : 'item';
}

// ---------------------------------------------------------------------------
// The content plan: N entries per locale, deterministic.
// ---------------------------------------------------------------------------

/** Shares of N per content type (the rest of the rounding goes to behaviours). */
export const SHARES = { person: 0.15, group: 0.15, behaviour: 0.4, training: 0.2, spotlight: 0.1 };
/** Types in dependency order; every relation points at something created before it. */
const ORDER = ['person', 'group', 'behaviour', 'training', 'training-session', 'spotlight'];
const PERSON_KINDS = ['leader', 'ambassador', 'coach'];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function planCounts(n, override = {}) {
  const counts = {};
  for (const [type, share] of Object.entries(SHARES)) counts[type] = Math.max(1, Math.round(n * share));
  counts.behaviour += n - Object.values(counts).reduce((a, b) => a + b, 0);
  for (const [type, count] of Object.entries(override ?? {})) {
    if (!(type in SHARES) && type !== 'training-session') throw new Error(`counts: unknown type ${type}`);
    if (!Number.isInteger(count) || count < 1) throw new Error(`counts.${type} must be a whole number ≥ 1`);
    counts[type] = count;
  }
  counts['training-session'] = override?.['training-session'] ?? Math.ceil(counts.training / 2);
  return counts;
}

/**
 * Every document to create: `{ type, index, fields(locale), refs }`, where refs
 * are relations to other planned documents as `{ attribute: [{ type, index }] }`.
 */
function makePlan(n, now, override) {
  const counts = planCounts(n, override);
  const random = mulberry32(20240611);
  /** k distinct indexes below `max`. */
  const pick = (k, max) => {
    const chosen = new Set();
    for (let attempt = 0; chosen.size < Math.min(k, max) && attempt < k * 20; attempt += 1) {
      chosen.add(Math.floor(random() * max));
    }
    return [...chosen];
  };
  const ref = (type) => (index) => ({ type, index });
  const plan = [];
  const cycle = (list, i) => list[i % list.length];
  const numbered = (text, i) => `${text} (${i + 1})`;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

  for (let i = 0; i < counts.person; i += 1) {
    const t = cycle(demoContent.people, i);
    plan.push({
      type: 'person',
      index: i,
      fields: (locale) => ({
        name: numbered(t.name, i),
        kind: PERSON_KINDS[i % PERSON_KINDS.length],
        roleTitle: t.roleTitle[locale],
        quote: t.quote[locale],
      }),
      refs: {},
    });
  }
  for (let i = 0; i < counts.group; i += 1) {
    const t = cycle(demoContent.groups, i);
    plan.push({
      type: 'group',
      index: i,
      fields: (locale) => ({ name: numbered(t.name[locale], i), kind: t.kind, description: t.description[locale] }),
      refs: { people: pick(3, counts.person).map(ref('person')) },
    });
  }
  for (let i = 0; i < counts.behaviour; i += 1) {
    const t = cycle(demoContent.behaviours, i);
    plan.push({
      type: 'behaviour',
      index: i,
      fields: (locale) => ({
        title: numbered(t.title[locale], i),
        insteadOf: t.insteadOf[locale],
        why: t.why[locale],
        how: t.how[locale],
        example: t.example[locale],
        cadence: t.cadence,
        skill: t.skill,
      }),
      refs: { groups: pick(2, counts.group).map(ref('group')) },
    });
  }
  for (let i = 0; i < counts.training; i += 1) {
    const t = cycle(demoContent.trainings, i);
    plan.push({
      type: 'training',
      index: i,
      fields: (locale) => ({
        title: numbered(t.title[locale], i),
        summary: t.summary[locale],
        body: t.body[locale],
        skill: t.skill,
        focus: t.focus,
        format: t.format,
        durationMinutes: t.durationMinutes,
      }),
      refs: { behaviours: pick(3, counts.behaviour).map(ref('behaviour')) },
    });
  }
  for (let i = 0; i < counts['training-session']; i += 1) {
    const trainingIndex = (i * 2) % counts.training;
    const t = cycle(demoContent.trainings, trainingIndex);
    const startsAt = new Date(today + ((i % 90) + 1) * DAY + (9 + (i % 6)) * 60 * 60 * 1000);
    const endsAt = new Date(startsAt.getTime() + (t.durationMinutes ?? 60) * 60 * 1000);
    const online = i % 3 === 0;
    plan.push({
      type: 'training-session',
      index: i,
      fields: (locale) => ({
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        location: online
          ? null
          : locale === 'nl'
            ? 'Leslokaal, hoofdkantoor Het Gemaal'
            : 'Training room, Het Gemaal head office',
        onlineUrl: online ? 'https://meet.example.org/ritme' : null,
        seats: 12 + (i % 20),
      }),
      refs: { training: [{ type: 'training', index: trainingIndex }] },
    });
  }
  for (let i = 0; i < counts.spotlight; i += 1) {
    const t = cycle(demoContent.spotlights, i);
    const date = new Date(today - (i % 365) * DAY).toISOString().slice(0, 10);
    plan.push({
      type: 'spotlight',
      index: i,
      fields: (locale) => ({ title: numbered(t.title[locale], i), story: t.story[locale], date }),
      refs: {
        person: pick(1, counts.person).map(ref('person')),
        group: pick(1, counts.group).map(ref('group')),
        behaviour: pick(1, counts.behaviour).map(ref('behaviour')),
      },
    });
  }
  plan.sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
  return { plan, counts };
}

// ---------------------------------------------------------------------------
// Strapi
// ---------------------------------------------------------------------------
let strapi = null;
const docs = (type) => strapi.documents(uid(type));
const knex = () => strapi.db.connection;

async function boot() {
  const started = performance.now();
  strapi = createStrapi({ appDir: CMS_DIR, distDir: DIST_DIR, autoReload: false, serveAdminPanel: false });
  strapi.log.level = process.env.RITME_BENCH_LOG ?? 'warn';
  await strapi.load();
  if (process.env.RITME_BENCH_SETUP) {
    const extension = await import(pathToFileURL(path.resolve(process.env.RITME_BENCH_SETUP)).href);
    const commands = (await extension.setup({ strapi, cmsRequire })) ?? {};
    for (const [name, handler] of Object.entries(commands)) {
      if (name in COMMANDS || name === 'stop') throw new Error(`RITME_BENCH_SETUP: command ${name} exists already`);
      COMMANDS[name] = handler;
    }
  }
  await new Promise((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  const address = strapi.server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('Strapi did not start listening.');
  return { url: `http://127.0.0.1:${address.port}`, bootMs: Math.round(performance.now() - started) };
}

/** Create (nl), translate (en) and publish one document through the Document Service; as the seed does. */
async function createWithDocumentService(entry, idOf) {
  const relations = Object.fromEntries(
    Object.entries(entry.refs).map(([attribute, targets]) => {
      const ids = targets.map(idOf);
      const single = strapi.db.metadata.get(uid(entry.type)).attributes[attribute].relation === 'manyToOne';
      return [attribute, single ? (ids[0] ?? null) : ids];
    }),
  );
  const { documentId } = await docs(entry.type).create({
    locale: 'nl',
    data: { ...entry.fields('nl'), ...relations },
  });
  await docs(entry.type).update({ documentId, locale: 'en', data: { ...entry.fields('en'), ...relations } });
  await docs(entry.type).publish({ documentId, locale: '*' });
  return documentId;
}

const VERSIONS = [
  ['nl', false],
  ['en', false],
  ['en', true],
  ['nl', true],
]; // the order in which the Document Service writes a document's rows
const versionKey = (locale, published) => `${locale}:${published ? 'published' : 'draft'}`;

/** documentId → { 'nl:draft': rowId, ... } for every row of a type. */
async function loadRowIds(type, into) {
  const table = strapi.db.metadata.get(uid(type)).tableName;
  const rows = await knex()(table).select('id', 'document_id', 'locale', 'published_at');
  for (const row of rows) {
    const versions = into.get(row.document_id) ?? {};
    versions[versionKey(row.locale, row.published_at !== null)] = row.id;
    into.set(row.document_id, versions);
  }
}

/**
 * Write `entries` (all of one type) in bulk, as the Document Service would have:
 * four rows per document (draft and published, nl and en) through the query
 * layer's createMany, then the relation rows through knex, in one transaction.
 */
async function createInBulk(entries, idOf, rowIds, inverseOrder, slugs) {
  const type = entries[0].type;
  const meta = strapi.db.metadata.get(uid(type));
  const created = [];
  const rows = [];
  let clock = Date.now();
  for (const entry of entries) {
    const documentId = createId();
    created.push(documentId);
    const fields = Object.fromEntries(LOCALES.map((locale) => [locale, entry.fields(locale)]));
    if (SLUG_SOURCE[type]) {
      for (const locale of LOCALES)
        fields[locale].slug = uniqueSlug(slugs, type, locale, fields[locale][SLUG_SOURCE[type]]);
    }
    const at = { nl: new Date(clock), en: new Date(clock + 1) };
    const publishedAt = new Date(clock + 2);
    clock += 3;
    for (const [locale, published] of VERSIONS) {
      rows.push({
        ...fields[locale],
        documentId,
        locale,
        createdAt: at[locale],
        updatedAt: at[locale],
        publishedAt: published ? publishedAt : null,
      });
    }
  }

  await strapi.db.transaction(async ({ trx }) => {
    await strapi.db.query(uid(type)).createMany({ data: rows });
    const ids = await knex()(meta.tableName)
      .transacting(trx)
      .select('id', 'document_id', 'locale', 'published_at')
      .whereIn('document_id', created);
    for (const row of ids) {
      const versions = rowIds.get(row.document_id) ?? {};
      versions[versionKey(row.locale, row.published_at !== null)] = row.id;
      rowIds.set(row.document_id, versions);
    }

    const links = new Map(); // join table → rows
    entries.forEach((entry, n) => {
      const documentId = created[n];
      for (const [attribute, targets] of Object.entries(entry.refs)) {
        const { joinTable } = meta.attributes[attribute];
        const list = links.get(joinTable.name) ?? [];
        links.set(joinTable.name, list);
        const orders = inverseOrder.get(joinTable.name) ?? new Map();
        inverseOrder.set(joinTable.name, orders);
        for (const [locale, published] of VERSIONS) {
          const source = rowIds.get(documentId)[versionKey(locale, published)];
          targets.forEach((target, k) => {
            const targetRow = rowIds.get(idOf(target))?.[versionKey(locale, published)];
            if (targetRow === undefined) throw new Error(`No ${locale} row for ${target.type} #${target.index}`);
            const link = { [joinTable.joinColumn.name]: source, [joinTable.inverseJoinColumn.name]: targetRow };
            if (joinTable.orderColumnName) link[joinTable.orderColumnName] = k + 1;
            if (joinTable.inverseOrderColumnName) {
              const next = (orders.get(targetRow) ?? 0) + 1;
              orders.set(targetRow, next);
              link[joinTable.inverseOrderColumnName] = next;
            }
            list.push(link);
          });
        }
      }
    });
    for (const [table, list] of links) {
      for (let start = 0; start < list.length; start += 500) {
        await knex()(table)
          .transacting(trx)
          .insert(list.slice(start, start + 500));
      }
    }
  });
  return created;
}

const SLUG_SOURCE = { person: 'name', group: 'name', behaviour: 'title', training: 'title', spotlight: 'title' };

/**
 * The slug the plugin's slug middleware would give (document-middlewares/slugs.ts):
 * slugify(source), or the first of `-2`, `-3`, … not taken in that locale. Long
 * titles that differ only after 80 characters end up there.
 */
function uniqueSlug(slugs, type, locale, source) {
  const key = `${type}:${locale}`;
  const taken = slugs.get(key) ?? new Set();
  slugs.set(key, taken);
  const base = slugify(source);
  let candidate = base;
  for (let n = 2; taken.has(candidate) && n < 1_000_000; n += 1) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}

/** Every slug already taken, per type and locale. */
async function loadSlugs() {
  const slugs = new Map();
  for (const type of Object.keys(SLUG_SOURCE)) {
    const rows = await knex()(strapi.db.metadata.get(uid(type)).tableName).distinct('locale', 'slug');
    for (const row of rows) {
      const key = `${type}:${row.locale}`;
      if (!slugs.has(key)) slugs.set(key, new Set());
      slugs.get(key).add(row.slug);
    }
  }
  return slugs;
}

/** The highest inverse order per target row, for every join table a bulk write may add to. */
async function loadInverseOrders() {
  const result = new Map();
  for (const type of ORDER) {
    for (const attribute of Object.values(strapi.db.metadata.get(uid(type)).attributes)) {
      const joinTable = attribute.joinTable;
      // The owning side only: the other side describes the same table the other way round.
      if (!joinTable?.inverseOrderColumnName || attribute.mappedBy || result.has(joinTable.name)) continue;
      const rows = await knex()(joinTable.name)
        .select(joinTable.inverseJoinColumn.name)
        .max({ ord: joinTable.inverseOrderColumnName })
        .groupBy(joinTable.inverseJoinColumn.name);
      result.set(joinTable.name, new Map(rows.map((row) => [row[joinTable.inverseJoinColumn.name], row.ord])));
    }
  }
  return result;
}

/** The two demo evaluation rounds (one open, one closed) and their answers; Document Service only. */
async function createRounds(groupIds, now) {
  for (const [n, round] of demoContent.rounds.entries()) {
    const open = round.state === 'open';
    const fields = (locale) => ({
      title: round.title[locale],
      intro: round.intro[locale],
      group: round.group ? groupIds[n % groupIds.length] : null,
      opensAt: new Date(now.getTime() - (open ? 7 : 60) * DAY).toISOString(),
      closesAt: new Date(now.getTime() + (open ? 21 : -30) * DAY).toISOString(),
      minimumResponses: round.minimumResponses,
      followUp: round.followUp ? round.followUp[locale] : null,
    });
    const { documentId } = await docs('evaluation-round').create({ locale: 'nl', data: fields('nl') });
    await docs('evaluation-round').update({ documentId, locale: 'en', data: fields('en') });
    await docs('evaluation-round').publish({ documentId, locale: '*' });
    for (const answers of round.responses) {
      await docs('evaluation-response').create({
        data: { round: documentId, group: round.group ? groupIds[n % groupIds.length] : null, answers },
      });
    }
  }
  return demoContent.rounds.length;
}

async function populate({ n, method = 'auto', budgetSeconds = 300, counts: override }) {
  if (!Number.isInteger(n) || n < 10) throw new Error('populate needs n ≥ 10');
  const now = new Date();
  const { plan, counts } = makePlan(n, now, override);
  const documentIds = new Map(); // `${type}#${index}` → documentId
  const idOf = (target) => {
    const id = documentIds.get(`${target.type}#${target.index}`);
    if (!id) throw new Error(`${target.type} #${target.index} is referenced before it exists`);
    return id;
  };
  const started = performance.now();
  const stats = {
    documentService: { documents: 0, ms: 0, lastMs: null },
    bulk: { documents: 0, ms: 0 },
    switchedAt: null,
  };

  // 1. The Document Service, in transactions of 50 documents, while it keeps within the budget.
  let next = 0;
  if (method !== 'bulk') {
    const BATCH = 50;
    while (next < plan.length) {
      const batch = plan.slice(next, next + BATCH);
      const t0 = performance.now();
      await strapi.db.transaction(async () => {
        for (const entry of batch)
          documentIds.set(`${entry.type}#${entry.index}`, await createWithDocumentService(entry, idOf));
      });
      const ms = performance.now() - t0;
      next += batch.length;
      stats.documentService.documents += batch.length;
      stats.documentService.ms += ms;
      stats.documentService.lastMs = ms / batch.length;
      const projected = stats.documentService.ms + (ms / batch.length) * (plan.length - next);
      if (method === 'auto' && next < plan.length && projected > budgetSeconds * 1000) {
        stats.switchedAt = { documents: next, projectedSeconds: Math.round(projected / 1000) };
        break;
      }
    }
  }

  // 2. The rest in bulk, a type at a time, in chunks of 250 documents.
  if (next < plan.length) {
    const t0 = performance.now();
    const rowIds = new Map();
    for (const type of ORDER) await loadRowIds(type, rowIds);
    const inverseOrder = await loadInverseOrders();
    const slugs = await loadSlugs();
    const rest = plan.slice(next);
    for (let start = 0; start < rest.length; ) {
      const type = rest[start].type;
      let end = start;
      while (end < rest.length && end - start < 250 && rest[end].type === type) end += 1;
      const chunk = rest.slice(start, end);
      const ids = await createInBulk(chunk, idOf, rowIds, inverseOrder, slugs);
      for (const [k, entry] of chunk.entries()) documentIds.set(`${entry.type}#${entry.index}`, ids[k]);
      start = end;
    }
    stats.bulk.documents = rest.length;
    stats.bulk.ms = performance.now() - t0;
  }

  const groupIds = [...documentIds.entries()].filter(([key]) => key.startsWith('group#')).map(([, id]) => id);
  const rounds = await createRounds(groupIds, now);
  return {
    n,
    counts: { ...counts, 'evaluation-round': rounds },
    method: stats.bulk.documents === 0 ? 'document-service' : stats.documentService.documents === 0 ? 'bulk' : 'mixed',
    documentService: {
      documents: stats.documentService.documents,
      seconds: +(stats.documentService.ms / 1000).toFixed(1),
      msPerDocument: stats.documentService.documents
        ? +(stats.documentService.ms / stats.documentService.documents).toFixed(1)
        : null,
      lastMsPerDocument: stats.documentService.lastMs === null ? null : +stats.documentService.lastMs.toFixed(1),
    },
    bulk: { documents: stats.bulk.documents, seconds: +(stats.bulk.ms / 1000).toFixed(1) },
    switchedAt: stats.switchedAt,
    seconds: +((performance.now() - started) / 1000).toFixed(1),
  };
}

/** Check every document is stored as Strapi keeps it, however it was made. */
async function verify() {
  const problems = [];
  const summary = {};
  for (const type of [...ORDER, 'evaluation-round']) {
    const meta = strapi.db.metadata.get(uid(type));
    const version = (locale, published) =>
      `sum(CASE WHEN locale = '${locale}' AND published_at IS ${published ? 'NOT ' : ''}NULL THEN 1 ELSE 0 END) = 1`;
    const bad = await knex()(meta.tableName)
      .select('document_id')
      .groupBy('document_id')
      .havingRaw(
        `NOT (count(*) = 4 AND ${version('nl', false)} AND ${version('nl', true)} AND ${version('en', false)} AND ${version('en', true)})`,
      )
      .limit(5);
    if (bad.length) problems.push(`${type}: documents without exactly one draft and one published row per locale`);
    const [{ documents }] = await knex()(meta.tableName).countDistinct({ documents: 'document_id' });
    const [{ rows }] = await knex()(meta.tableName).count({ rows: '*' });
    const [{ noSlug }] = meta.attributes.slug
      ? await knex()(meta.tableName).count({ noSlug: '*' }).whereNull('slug').orWhere('slug', '')
      : [{ noSlug: 0 }];
    // Counts come back as strings from PostgreSQL.
    if (Number(noSlug)) problems.push(`${type}: ${noSlug} rows without a slug`);
    let links = 0;
    for (const [name, attribute] of Object.entries(meta.attributes)) {
      const joinTable = attribute.joinTable;
      if (!joinTable || attribute.mappedBy || !attribute.target?.startsWith('plugin::ritme.')) continue;
      const target = strapi.db.metadata.get(attribute.target).tableName;
      const [{ mismatched }] = await knex()(`${joinTable.name} as l`)
        .join(`${meta.tableName} as s`, 's.id', `l.${joinTable.joinColumn.name}`)
        .join(`${target} as t`, 't.id', `l.${joinTable.inverseJoinColumn.name}`)
        .count({ mismatched: '*' })
        .whereRaw('s.locale <> t.locale OR (s.published_at IS NULL) <> (t.published_at IS NULL)');
      if (Number(mismatched)) problems.push(`${type}.${name}: ${mismatched} links cross locale or draft/published`);
      const [{ count }] = await knex()(joinTable.name).count({ count: '*' });
      links += Number(count);
    }
    summary[type] = { documents: Number(documents), rows: Number(rows), links };
  }
  return { ok: problems.length === 0, problems, summary };
}

/** Change one behaviour's Dutch title through the Document Service and publish it, as an editor would. */
async function updateBehaviour({ marker }) {
  const rows = strapi.db.query(uid('behaviour'));
  const count = await rows.count({ where: { locale: 'nl', publishedAt: { $notNull: true } } });
  const [row] = await rows.findMany({
    where: { locale: 'nl', publishedAt: { $notNull: true } },
    orderBy: { id: 'asc' },
    offset: Math.floor(count / 2),
    limit: 1,
    select: ['documentId', 'title', 'slug'],
  });
  const title = `${row.title.slice(0, 150)} ${marker}`;
  const started = performance.now();
  await docs('behaviour').update({ documentId: row.documentId, locale: 'nl', data: { title } });
  await docs('behaviour').publish({ documentId: row.documentId, locale: 'nl' });
  const after = await docs('behaviour').findOne({ documentId: row.documentId, locale: 'nl', status: 'published' });
  return {
    documentId: row.documentId,
    slug: after.slug,
    oldTitle: row.title,
    title: after.title,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Like updateBehaviour, for the `index`-th published Dutch behaviour (by documentId, which publishing
 * keeps, unlike the row id; modulo their number): a different one per index, so a Live benchmark can
 * publish one after the other.
 */
async function publishBehaviour({ index, marker }) {
  const rows = strapi.db.query(uid('behaviour'));
  const count = await rows.count({ where: { locale: 'nl', publishedAt: { $notNull: true } } });
  const [row] = await rows.findMany({
    where: { locale: 'nl', publishedAt: { $notNull: true } },
    orderBy: { documentId: 'asc' },
    offset: ((Number(index) % count) + count) % count,
    limit: 1,
    select: ['documentId', 'title', 'slug'],
  });
  const title = `${row.title.slice(0, 150)} ${marker}`;
  const started = performance.now();
  await docs('behaviour').update({ documentId: row.documentId, locale: 'nl', data: { title } });
  await docs('behaviour').publish({ documentId: row.documentId, locale: 'nl' });
  const ms = performance.now() - started;
  const after = await docs('behaviour').findOne({ documentId: row.documentId, locale: 'nl', status: 'published' });
  return { documentId: row.documentId, oldSlug: row.slug, slug: after.slug, title: after.title, ms: Math.round(ms) };
}

/** The plugin's Live notifier sends what it holds now (e.g. the fill's own events), so nothing is left over. */
async function liveFlush() {
  const live = strapi.plugin('ritme').service('live');
  await live.flush();
  return { enabled: live.enabled() };
}

/** A pilot invite (as the admin makes one), whose token logs in on the preview server. */
async function pilotInvite({ name = 'Bench', days = 1 }) {
  const created = await strapi
    .plugin('ritme')
    .service('codesign')
    .createInvite({ name, expiresAt: new Date(Date.now() + days * DAY).toISOString() });
  return { token: created.token, documentId: created.documentId };
}

/**
 * The preview server's API token, with the permissions the plugin names for it (as the demo's
 * bootstrap makes one, which it does not under NODE_ENV=production, as here).
 */
async function previewToken() {
  const { preview } = strapi.plugin('ritme').service('permissions');
  const created = await strapi.service('admin::api-token').create({
    name: `ritme-bench-preview-${Date.now()}`,
    description: 'Benchmark preview server',
    type: 'custom',
    kind: 'content-api',
    lifespan: null,
    permissions: preview,
  });
  return { accessKey: created.accessKey };
}

function memory() {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
  return { rssKb: kb('VmRSS'), peakRssKb: kb('VmHWM'), heapUsed: process.memoryUsage().heapUsed };
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  try {
    await strapi?.destroy();
  } catch {
    // exiting anyway
  }
  if (ownDir) rmSync(ownDir, { recursive: true, force: true });
  process.exit(code);
}

const COMMANDS = {
  populate,
  verify,
  'update-behaviour': updateBehaviour,
  'publish-behaviour': publishBehaviour,
  'live-flush': liveFlush,
  'pilot-invite': pilotInvite,
  'preview-token': previewToken,
  memory: async () => memory(),
};

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------
const { values: args } = parseArgs({
  options: {
    populate: { type: 'string' },
    method: { type: 'string', default: 'auto' },
    budget: { type: 'string', default: '300' },
    lifetime: { type: 'string', default: process.send ? '10800' : '3600' },
  },
});
// Never outlive our welcome: a hard stop after --lifetime seconds, whatever happens.
setTimeout(() => stop(3), Number(args.lifetime) * 1000).unref();
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  const { url, bootMs } = await boot();
  if (process.send) {
    process.on('disconnect', () => stop(0));
    process.on('message', async (message) => {
      if (!message || typeof message !== 'object') return;
      if (message.cmd === 'stop') {
        process.send({ id: message.id, ok: true, result: null }, () => stop(0));
        return;
      }
      const handler = COMMANDS[message.cmd];
      try {
        if (!handler) throw new Error(`Unknown command ${message.cmd}`);
        process.send({ id: message.id, ok: true, result: await handler(message) });
      } catch (error) {
        process.send({ id: message.id, ok: false, error: String(error?.stack ?? error) });
      }
    });
    process.send({ type: 'ready', url, bootMs, pid: process.pid });
  }
  console.log(`ritme bench strapi ready ${url} (booted in ${(bootMs / 1000).toFixed(1)} s, pid ${process.pid})`);
  if (!process.send && args.populate) {
    const result = await populate({
      n: Number(args.populate),
      method: args.method,
      budgetSeconds: Number(args.budget),
    });
    console.log(JSON.stringify(result));
    console.log(JSON.stringify(await verify()));
    console.log(`populated; serving ${url} until Ctrl+C (at most ${args.lifetime} s)`);
  }
} catch (error) {
  console.error(error);
  await stop(1);
}
