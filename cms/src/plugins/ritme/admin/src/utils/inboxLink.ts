/**
 * The inbox's filters in its address (/plugins/ritme?status=new&kind=suggestion),
 * so the home page can link to "new suggestions". Written and read here only;
 * a value the inbox does not know is ignored.
 */
import type { InboxQuery } from '@ritme/shared';
import { CATEGORIES, KINDS, STATUSES } from '../constants';
import { PLUGIN_ID } from '../pluginId';

/** What the address can say: the filters (a page number is not worth sharing). */
export type InboxFilterQuery = Pick<InboxQuery, 'status' | 'category' | 'kind'>;

const KNOWN: { [K in keyof InboxFilterQuery]-?: readonly string[] } = {
  status: STATUSES,
  category: CATEGORIES,
  kind: KINDS,
};

export function inboxLink(query: InboxFilterQuery): string {
  const params = new URLSearchParams();
  for (const name of Object.keys(KNOWN) as (keyof InboxFilterQuery)[]) {
    const value = query[name];
    if (value) params.set(name, value);
  }
  const search = params.toString();
  return `/plugins/${PLUGIN_ID}${search ? `?${search}` : ''}`;
}

export function inboxQueryFrom(search: string): InboxFilterQuery {
  const params = new URLSearchParams(search);
  const query: Record<string, string> = {};
  for (const [name, values] of Object.entries(KNOWN)) {
    const value = params.get(name);
    if (value && values.includes(value)) query[name] = value;
  }
  return query as InboxFilterQuery;
}
