/**
 * Entry pages list related entries (a group's people and behaviours, a
 * training's dates, …). At scale one entry can be linked to hundreds: a page
 * shows the first RELATED_LIMIT and says how many more there are.
 */
export const RELATED_LIMIT = 24;

export function capped<T>(items: readonly T[], limit = RELATED_LIMIT): { shown: T[]; more: number } {
  return { shown: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}

/**
 * The numbers a pagination nav links to: the first and last page, and two on
 * each side of the current one; null where numbers are left out ("…").
 */
export function pageNumbers(page: number, pages: number, around = 2): (number | null)[] {
  const wanted = new Set([1, pages]);
  for (let n = page - around; n <= page + around; n += 1) if (n >= 1 && n <= pages) wanted.add(n);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const [index, n] of sorted.entries()) {
    const before = sorted[index - 1];
    if (before !== undefined && n - before === 2) out.push(before + 1);
    else if (before !== undefined && n - before > 2) out.push(null);
    out.push(n);
  }
  return out;
}
