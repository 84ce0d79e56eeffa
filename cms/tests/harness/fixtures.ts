/**
 * Creates published test content through the Document Service, the way the
 * admin would: Dutch first, then English, then publish both.
 */
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

type Data = Record<string, unknown>;
type Docs = {
  create(params: Data): Promise<{ documentId: string; slug?: string }>;
  update(params: Data): Promise<{ documentId: string; slug?: string } | null>;
  publish(params: Data): Promise<unknown>;
};

export const docs = (strapi: Core.Strapi, name: string) =>
  strapi.documents(`plugin::ritme.${name}` as never) as unknown as Docs;

/** Create a document in nl (and en when given), publish unless `draft`; returns its documentId. */
export async function createPage(
  strapi: Core.Strapi,
  name: string,
  nl: Data,
  en?: Data,
  options: { draft?: boolean } = {},
): Promise<string> {
  const { documentId } = await docs(strapi, name).create({ locale: 'nl', data: nl });
  if (en) await docs(strapi, name).update({ documentId, locale: 'en', data: en });
  if (!options.draft) await docs(strapi, name).publish({ documentId, locale: '*' });
  return documentId;
}

const DAY = 24 * 60 * 60 * 1000;

/** An evaluation round open from a week ago to three weeks from now (or closed, if asked). */
export function roundDates(state: 'open' | 'closed' | 'upcoming', now = Date.now()) {
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  if (state === 'open') return { opensAt: at(-7), closesAt: at(21) };
  if (state === 'closed') return { opensAt: at(-60), closesAt: at(-30) };
  return { opensAt: at(7), closesAt: at(30) };
}

/** A documentId as Strapi makes them (lowercase letters and digits), for rows inserted straight into the database. */
export const newDocumentId = () =>
  Array.from(randomBytes(24), (byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36]).join('');
