/**
 * The inbox's filters in its address (/plugins/ritme?status=new&kind=suggestion),
 * so the home page can link to "new suggestions". Written and read here only;
 * a value the inbox does not know is ignored.
 */
import type { InboxQuery } from '@ritme/shared';
import { CATEGORIES, KINDS, STATUSES } from '../constants';
import { PLUGIN_ID } from '../pluginId';

const KNOWN: { [K in keyof InboxQuery]-?: readonly string[] } = { status: STATUSES, category: CATEGORIES, kind: KINDS };

export function inboxLink(query: InboxQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  return `/plugins/${PLUGIN_ID}${search ? `?${search}` : ''}`;
}

export function inboxQueryFrom(search: string): InboxQuery {
  const params = new URLSearchParams(search);
  const query: Record<string, string> = {};
  for (const [name, values] of Object.entries(KNOWN)) {
    const value = params.get(name);
    if (value && values.includes(value)) query[name] = value;
  }
  return query as InboxQuery;
}
