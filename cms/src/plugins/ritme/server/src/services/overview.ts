/**
 * The editors' home (GET /ritme/overview): what needs attention, one part at a
 * time. Every number is a count in the database — never all rows loaded — and
 * the rounds are a short list; the controller decides which parts an admin may see.
 */
import {
  DRAFT_TYPES,
  type DraftType,
  type Overview,
  type OverviewRound,
  PILOTS_RECENT_DAYS,
  ROUNDS_CLOSING_WITHIN_DAYS,
  ROUNDS_LISTED,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { rows } from '../documents';
import { type Doc, iso, str } from '../read-models/refs';
import { enabledLocales } from './locales';

const DAY_MS = 24 * 60 * 60 * 1000;
const ROUND = 'plugin::ritme.evaluation-round';
/** Rows read per group of rounds: one per locale of each round listed, with room to spare. */
const ROUND_ROWS = 200;

type Knex = ((table: string) => KnexQuery) & { raw(sql: string, bindings?: unknown[]): unknown };
interface KnexQuery {
  whereNull(column: string): KnexQuery;
  whereNotExists(callback: (this: KnexQuery) => void): KnexQuery;
  whereExists(callback: (this: KnexQuery) => void): KnexQuery;
  select(...columns: unknown[]): KnexQuery;
  from(table: string): KnexQuery;
  whereRaw(sql: string, bindings?: unknown[]): KnexQuery;
  whereNotNull(column: string): KnexQuery;
  countDistinct(column: Record<string, string>): Promise<{ count: number | string }[]>;
}
interface Meta {
  tableName: string;
  attributes: Record<string, { columnName?: string }>;
}

export const draftUid = (type: DraftType) => `plugin::ritme.${type}`;

/**
 * Documents of `uid` with a draft (in some locale) the published version does not match: never
 * published (`draft`), or edited since (`modified`: the draft is newer, as the Content Manager decides).
 */
async function waitingDrafts(strapi: Core.Strapi, uid: string) {
  const meta = (strapi.db as unknown as { metadata: { get(uid: string): Meta } }).metadata.get(uid);
  const knex = strapi.db.connection as unknown as Knex;
  const column = (name: string) => meta.attributes[name]?.columnName ?? name;
  const [documentId, publishedAt, updatedAt, locale] = ['documentId', 'publishedAt', 'updatedAt', 'locale'].map(column);
  const published = (query: KnexQuery) =>
    query
      .select(knex.raw('1'))
      .from(`${meta.tableName} as p`)
      .whereRaw(`p.${documentId} = d.${documentId}`)
      .whereRaw(`p.${locale} is not distinct from d.${locale}`)
      .whereNotNull(`p.${publishedAt}`);
  const count = async (query: KnexQuery) =>
    Number((await query.countDistinct({ count: `d.${documentId}` }))[0]?.count ?? 0);
  const drafts = () => knex(`${meta.tableName} as d`).whereNull(`d.${publishedAt}`);
  const draft = await count(
    drafts().whereNotExists(function () {
      published(this);
    }),
  );
  const modified = await count(
    drafts().whereExists(function () {
      published(this).whereRaw(`p.${updatedAt} < d.${updatedAt}`);
    }),
  );
  return { draft, modified };
}

/** The published rounds `where` matches, one per document (in the first locale it has), soonest first. */
async function roundsWhere(strapi: Core.Strapi, where: Record<string, unknown>, order: 'asc' | 'desc') {
  const locales = await enabledLocales(strapi);
  const found = await rows(strapi, ROUND).findMany({
    where: { ...where, publishedAt: { $notNull: true } },
    select: ['documentId', 'title', 'closesAt', 'locale'],
    orderBy: [{ closesAt: order }, { id: 'asc' }],
    limit: ROUND_ROWS,
  });
  const rank = (row: Doc) => {
    const index = locales.indexOf(str(row.locale));
    return index === -1 ? locales.length : index;
  };
  const byDocument = new Map<string, Doc>();
  for (const row of found) {
    const seen = byDocument.get(row.documentId);
    if (!seen || rank(row) < rank(seen)) byDocument.set(row.documentId, row);
  }
  const items: OverviewRound[] = [...byDocument.values()].map((row) => ({
    documentId: row.documentId,
    title: str(row.title) || row.documentId,
    closesAt: iso(row.closesAt),
  }));
  return { total: items.length, items: items.slice(0, ROUNDS_LISTED) };
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async voices(): Promise<NonNullable<Overview['voices']>> {
    const suggestions = await rows(strapi, 'plugin::ritme.suggestion').count({ where: { status: 'new' } });
    const feedback = await rows(strapi, 'plugin::ritme.feedback').count({ where: { status: 'new' } });
    return { suggestions, feedback };
  },

  async rounds(now = new Date()): Promise<NonNullable<Overview['rounds']>> {
    const soon = new Date(now.getTime() + ROUNDS_CLOSING_WITHIN_DAYS * DAY_MS);
    const closingSoon = await roundsWhere(
      strapi,
      { closesAt: { $gt: now.toISOString(), $lte: soon.toISOString() } },
      'asc',
    );
    const awaitingFollowUp = await roundsWhere(
      strapi,
      { closesAt: { $lte: now.toISOString() }, $or: [{ followUp: { $null: true } }, { followUp: '' }] },
      'desc',
    );
    return { withinDays: ROUNDS_CLOSING_WITHIN_DAYS, closingSoon, awaitingFollowUp };
  },

  /** Waiting drafts of the types `readable` lets through (the admin's Content Manager read permission). */
  async drafts(readable: (uid: string) => boolean): Promise<NonNullable<Overview['drafts']>> {
    const types = DRAFT_TYPES.filter((type) => readable(draftUid(type)));
    const counts: NonNullable<Overview['drafts']> = [];
    for (const type of types)
      counts.push({ type, uid: draftUid(type), ...(await waitingDrafts(strapi, draftUid(type))) });
    return counts;
  },

  async pilots(now = new Date()): Promise<NonNullable<Overview['pilots']>> {
    const active = {
      $or: [{ revoked: false }, { revoked: { $null: true } }],
      expiresAt: { $gt: now.toISOString() },
    };
    const since = new Date(now.getTime() - PILOTS_RECENT_DAYS * DAY_MS).toISOString();
    const invites = rows(strapi, 'plugin::ritme.pilot-invite');
    const count = await invites.count({ where: active });
    const usedRecently = await invites.count({ where: { ...active, lastUsedAt: { $gte: since } } });
    return { active: count, usedRecently, recentDays: PILOTS_RECENT_DAYS };
  },
});
