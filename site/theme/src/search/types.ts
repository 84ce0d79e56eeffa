/**
 * What the search index holds, decided per page view: an entry's own page, a
 * page of the people list (people have no page of their own) and the two pages
 * about the intranet itself. Lists of groups, behaviours and trainings repeat
 * their entries' text, and the home page, the rounds list, the search page and
 * the not-found pages would only crowd the results: they are left out.
 */

/** The kinds of result, in the order their groups are shown. */
export const SEARCH_TYPES = ['group', 'behaviour', 'training', 'people', 'spotlight', 'round', 'other'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

const TYPE_OF_VIEW: Record<string, SearchType> = {
  group: 'group',
  behaviour: 'behaviour',
  training: 'training',
  people: 'people',
  spotlight: 'spotlight',
  round: 'round',
  changes: 'other',
  suggestion: 'other',
};

/** The kind of result a page of `view` is, or null when the page is not indexed. */
export const searchTypeOf = (view: string): SearchType | null => TYPE_OF_VIEW[view] ?? null;

/** Where the built site's search index lives (Pagefind's bundle), and the script that opens it. */
export const SEARCH_BUNDLE = '/pagefind/';
export const SEARCH_SCRIPT = `${SEARCH_BUNDLE}pagefind.js`;
