/**
 * Incomplete drafts, made safe to show. Strapi checks required fields only when
 * an entry is published, so a draft may lack its title, its skill or a round's
 * dates, and one such draft used to break every preview page. Preview reads
 * fill what is missing with placeholders the shared schemas accept and list
 * the fields as missing, so the page renders and the views flag or hide them.
 * Public reads never come here: they only see published, complete entries.
 */
import type { Core } from '@strapi/strapi';
import type { RitmeUid } from '../documents';
import { type Doc, iso } from './refs';

/** A window that has not opened yet: a round without dates shows no form and no results. */
export const NOT_PLANNED = '9999-12-31T00:00:00.000Z';

/** Left out rather than filled: a session is nothing but its time. */
const LEFT_OUT_WITHOUT_TIME = new Set<string>(['plugin::ritme.training-session']);

export interface Attribute {
  type: string;
  required?: boolean;
  enum?: string[];
  default?: unknown;
  /** A relation's type. */
  target?: string;
}

/** A Ritme type's attributes as Strapi loaded them (Strapi types getModel from the host app's registry). */
export const attributesOf = (strapi: Core.Strapi, uid: string): Record<string, Attribute> =>
  (strapi as unknown as { getModel(uid: string): { attributes?: Record<string, Attribute> } | undefined }).getModel(uid)
    ?.attributes ?? {};

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/**
 * `doc` with placeholders for its missing required values, and their names;
 * or null when the draft cannot be shown at all. Only the fields the read
 * selected are looked at: a field that was not asked for is not missing.
 */
export function completeDraft(strapi: Core.Strapi, uid: RitmeUid, doc: Doc): { doc: Doc; missing: string[] } | null {
  const attributes = attributesOf(strapi, uid);
  const missing: string[] = [];
  const filled: Doc = { ...doc };
  let window = false;
  for (const [name, attribute] of Object.entries(attributes)) {
    if (!(name in doc) || !isEmpty(doc[name])) continue;
    // The slug is filled from the title; a draft without either still needs an address.
    if (attribute.type === 'uid') filled[name] = doc.documentId;
    if (!attribute.required) continue;
    missing.push(name);
    switch (attribute.type) {
      case 'enumeration':
        filled[name] = typeof attribute.default === 'string' ? attribute.default : attribute.enum?.[0];
        break;
      case 'datetime':
        if (LEFT_OUT_WITHOUT_TIME.has(uid)) return null;
        window = true;
        break;
      case 'date':
        // The day of the last edit: a plausible place in a list sorted by date.
        filled[name] = iso(doc.updatedAt ?? Date.now()).slice(0, 10);
        break;
      default:
        // Text, numbers and JSON: the read models already turn an empty value into '' or a default.
        break;
    }
  }
  // A window is all or nothing: with one end missing, the round has not opened (a form would take answers).
  if (window) {
    for (const [name, attribute] of Object.entries(attributes)) {
      if (attribute.type === 'datetime' && attribute.required && name in doc) filled[name] = NOT_PLANNED;
    }
  }
  return { doc: filled, missing };
}
