/**
 * What editors read of the voices that came back: suggestions and evaluation
 * responses, newest first, a page at a time.
 */
import type { Core } from '@strapi/strapi';
import { documents, type RitmeUid } from '../documents';
import type { Doc } from '../read-models/refs';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async page<T>(
    uid: RitmeUid,
    filters: Record<string, unknown>,
    query: { page: number; pageSize: number },
    toDto: (doc: Doc) => T,
  ) {
    const [docs, total] = await Promise.all([
      documents(strapi, uid).findMany({
        filters,
        sort: ['createdAt:desc'],
        limit: query.pageSize,
        start: (query.page - 1) * query.pageSize,
      }),
      documents(strapi, uid).count({ filters }),
    ]);
    return {
      data: docs.map(toDto),
      meta: {
        pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total },
      },
    };
  },
});
