/** Sorting by text the way people of each language expect. */
import type { Locale } from '@ritme/shared';

const collators = new Map<string, Intl.Collator>();
const collator = (locale: Locale) => {
  let found = collators.get(locale);
  if (!found) {
    found = new Intl.Collator(locale);
    collators.set(locale, found);
  }
  return found;
};

/**
 * By `text` in the locale's collation; entries with the same text by documentId
 * (as the CMS breaks ties), so the order — and with it every list page — is total.
 */
export const byText =
  <T>(locale: Locale, text: (item: T) => string) =>
  (a: T, b: T) => {
    const order = collator(locale).compare(text(a), text(b));
    if (order !== 0) return order;
    const [x, y] = [idOf(a), idOf(b)];
    return x === y ? 0 : x < y ? -1 : 1;
  };

const idOf = (item: unknown) =>
  item && typeof item === 'object' && 'documentId' in item ? String((item as { documentId: unknown }).documentId) : '';

/**
 * By id: the order a content-layer store's entries are read in. Stores keep entries in the order
 * syncs wrote them, which differs between a cold and an incremental sync of the same content, and
 * the pages must not (data/content.ts and render/source.ts both read this way).
 */
export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
