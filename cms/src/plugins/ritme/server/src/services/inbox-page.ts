/**
 * One page of the co-design inbox, straight from the database: feedback and
 * suggestions live in two tables, so the page is cut from their union (newest
 * first) by the database, and every count is a database count — nothing here
 * loads the whole inbox, however many thousands of items it holds.
 */
import {
  INBOX_DEFAULT_PAGE_SIZE,
  INBOX_KINDS,
  type Inbox,
  type InboxKind,
  type InboxQuery,
  SUGGESTION_CATEGORIES,
  SUGGESTION_STATUSES,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { documents, rows } from '../documents';
import { feedbackItem, suggestionItem } from '../read-models/codesign';
import type { Doc } from '../read-models/refs';

type Knex = Core.Strapi['db']['connection'];

export const INBOX_UID = { feedback: 'plugin::ritme.feedback', suggestion: 'plugin::ritme.suggestion' } as const;
const TO_ITEM = { feedback: feedbackItem, suggestion: suggestionItem } as const;

interface Meta {
  tableName: string;
  attributes: Record<string, { columnName?: string }>;
}

const column = (meta: Meta, attribute: string) => meta.attributes[attribute]?.columnName ?? attribute;

/** The documents of one kind that match the filters, as (kind, documentId, createdAt, id) rows. */
function keysOf(strapi: Core.Strapi, knex: Knex, kind: InboxKind, query: InboxQuery) {
  const meta = strapi.db.metadata.get(INBOX_UID[kind]) as unknown as Meta;
  const select = knex(meta.tableName).select(
    knex.raw('? as kind', [kind]),
    `${column(meta, 'documentId')} as document_id`,
    `${column(meta, 'createdAt')} as created_at`,
    `${column(meta, 'id')} as row_id`,
  );
  if (query.status) select.where(column(meta, 'status'), query.status);
  if (query.category) select.where(column(meta, 'category'), query.category);
  return select;
}

/** Database counts of each value of `attribute`, and all, for one kind. */
async function countsOf(strapi: Core.Strapi, kind: InboxKind) {
  const count = (where: Record<string, unknown> = {}) => rows(strapi, INBOX_UID[kind]).count({ where });
  const [total, statuses, categories] = await Promise.all([
    count(),
    Promise.all(SUGGESTION_STATUSES.map(async (status) => [status, await count({ status })] as const)),
    Promise.all(SUGGESTION_CATEGORIES.map(async (category) => [category, await count({ category })] as const)),
  ]);
  return { total, statuses, categories };
}

/** `{ value: n }` for the values with a count above 0 (summed over kinds). */
const nonZero = (pairs: (readonly [string, number])[]) =>
  pairs.reduce<Record<string, number>>((counts, [value, n]) => {
    if (n > 0) counts[value] = (counts[value] ?? 0) + n;
    return counts;
  }, {});

export async function inboxPage(strapi: Core.Strapi, query: InboxQuery): Promise<Omit<Inbox, 'mail'>> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? INBOX_DEFAULT_PAGE_SIZE;
  const kinds: readonly InboxKind[] = query.kind ? [query.kind] : INBOX_KINDS;
  const knex = strapi.db.connection;

  const filters = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.category ? { category: query.category } : {}),
  };
  const [matching, perKind] = await Promise.all([
    Promise.all(kinds.map((kind) => rows(strapi, INBOX_UID[kind]).count({ where: filters }))),
    Promise.all(INBOX_KINDS.map(async (kind) => [kind, await countsOf(strapi, kind)] as const)),
  ]);
  const total = matching.reduce((sum, n) => sum + n, 0);

  const [first, ...rest] = kinds.map((kind) => keysOf(strapi, knex, kind, query));
  if (!first) throw new Error('The inbox has no kinds to list.');
  const union = rest.length > 0 ? first.unionAll(rest) : first;
  // Ties (the same millisecond) in a fixed order, so no item shows on two pages or on none.
  const keys = (await knex
    .select('kind', 'document_id')
    .from(union.as('inbox'))
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'kind', order: 'asc' },
      { column: 'row_id', order: 'desc' },
    ])
    .limit(pageSize)
    .offset((page - 1) * pageSize)) as { kind: InboxKind; document_id: string }[];

  const items = [];
  const docs = new Map<string, Doc>();
  for (const kind of kinds) {
    const ids = keys.filter((key) => key.kind === kind).map((key) => key.document_id);
    if (ids.length === 0) continue;
    for (const doc of await documents(strapi, INBOX_UID[kind]).findMany({
      filters: { documentId: { $in: ids } },
      limit: ids.length,
    })) {
      docs.set(`${kind}:${doc.documentId}`, doc);
    }
  }
  for (const key of keys) {
    const doc = docs.get(`${key.kind}:${key.document_id}`);
    if (doc) items.push(TO_ITEM[key.kind](doc));
  }

  return {
    items,
    pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
    counts: {
      total: perKind.reduce((sum, [, counts]) => sum + counts.total, 0),
      byStatus: nonZero(perKind.flatMap(([, counts]) => counts.statuses)),
      byCategory: nonZero(perKind.flatMap(([, counts]) => counts.categories)),
      byKind: nonZero(perKind.map(([kind, counts]) => [kind, counts.total] as const)),
    },
  };
}
