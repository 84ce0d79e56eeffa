/**
 * The focus behaviour of the week. The seed blog asks to keep repeating concrete
 * examples; rotating one behaviour a week through the home page does that
 * without an editor having to remember to.
 */

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
// 1970-01-05 was a Monday, so weeks roll over on Monday 00:00 UTC.
const FIRST_MONDAY_MS = Date.UTC(1970, 0, 5);

/** Whole weeks since Monday 1970-01-05 (UTC): the same number all week long. */
export function weekNumber(date: Date): number {
  return Math.floor((date.getTime() - FIRST_MONDAY_MS) / WEEK_MS);
}

/** The next Monday 00:00 UTC strictly after `date`: when the focus of the week changes. */
export function nextWeekTurn(date: Date): Date {
  return new Date(FIRST_MONDAY_MS + (weekNumber(date) + 1) * WEEK_MS);
}

/**
 * Pick the focus of the week from a list. Items are ordered by documentId first,
 * so every locale and every server picks the same behaviour in the same week.
 */
export function focusOfTheWeek<T extends { documentId: string }>(items: readonly T[], date: Date): T | null {
  if (items.length === 0) return null;
  const ordered = [...items].sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
  const week = weekNumber(date);
  const index = ((week % ordered.length) + ordered.length) % ordered.length;
  return ordered[index] ?? null;
}
