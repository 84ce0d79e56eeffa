/**
 * "New since your last visit" in the browser (views/WhatsNew.astro): which of the
 * home page's recent entries are newer than the visitor's last visit, remembered
 * in localStorage only. Pure, so it is tested without a browser; the page's
 * script applies it.
 */

/** Where the browser keeps the time of the last visit to the home page. */
export const LAST_VISIT_KEY = 'ritme:last-visit';

export type WhatsNewState =
  /** No earlier visit (or an unreadable one): nothing is "new", a neutral line says what will come. */
  | { kind: 'first' }
  /** An earlier visit and nothing changed since. */
  | { kind: 'none'; since: number }
  /** The indexes of the entries changed since the last visit. */
  | { kind: 'new'; since: number; shown: number[] };

/** What to show, from the stored last visit (an ISO time or null) and the entries' ISO times. */
export function whatsNew(lastVisit: string | null, updated: string[]): WhatsNewState {
  const since = lastVisit ? Date.parse(lastVisit) : Number.NaN;
  if (Number.isNaN(since)) return { kind: 'first' };
  const shown = updated.flatMap((time, index) => (Date.parse(time) > since ? [index] : []));
  return shown.length > 0 ? { kind: 'new', since, shown } : { kind: 'none', since };
}
