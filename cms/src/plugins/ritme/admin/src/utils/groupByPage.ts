import type { InboxItem } from '@ritme/shared';

export interface PageGroup {
  pagePath: string | null;
  items: InboxItem[];
}

/** Items grouped by the page they are about; groups keep the order of their newest item. */
export function groupByPage(items: InboxItem[]): PageGroup[] {
  const groups = new Map<string | null, InboxItem[]>();
  for (const item of items) {
    const group = groups.get(item.pagePath);
    if (group) group.push(item);
    else groups.set(item.pagePath, [item]);
  }
  return [...groups].map(([pagePath, grouped]) => ({ pagePath, items: grouped }));
}
