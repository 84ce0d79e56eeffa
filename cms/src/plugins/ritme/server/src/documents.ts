/**
 * A loosely typed door to Strapi's Document Service and Query Engine for Ritme's
 * types. Strapi types `strapi.documents(uid)` from the host app's generated
 * registry, which a plugin cannot see; every caller maps results through the
 * read models, so nothing untyped leaks past this file.
 */
import type { Core } from '@strapi/strapi';
import type { Doc } from './read-models/refs';

export type RitmeUid = `plugin::ritme.${string}`;

export interface RitmeDocuments {
  findMany(params: Record<string, unknown>): Promise<Doc[]>;
  findFirst(params: Record<string, unknown>): Promise<Doc | null>;
  findOne(params: Record<string, unknown>): Promise<Doc | null>;
  count(params: Record<string, unknown>): Promise<number>;
  create(params: Record<string, unknown>): Promise<Doc>;
  update(params: Record<string, unknown>): Promise<Doc | null>;
  publish(params: Record<string, unknown>): Promise<unknown>;
  delete(params: Record<string, unknown>): Promise<unknown>;
}

export interface RitmeQuery {
  findOne(params: Record<string, unknown>): Promise<Doc | null>;
  findMany(params: Record<string, unknown>): Promise<Doc[]>;
  count(params: Record<string, unknown>): Promise<number>;
  update(params: Record<string, unknown>): Promise<Doc | null>;
  updateMany(params: Record<string, unknown>): Promise<{ count: number }>;
}

export const documents = (strapi: Core.Strapi, uid: RitmeUid): RitmeDocuments =>
  strapi.documents(uid as never) as unknown as RitmeDocuments;

export const rows = (strapi: Core.Strapi, uid: RitmeUid): RitmeQuery =>
  strapi.db.query(uid as never) as unknown as RitmeQuery;
