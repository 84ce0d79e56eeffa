/**
 * Every page's meta description, from what the page shows: the entry's own
 * summary where it has one (a group's description, a behaviour's why, a
 * training's summary, a round's intro), else a sentence about the section.
 * Plain text, at most about 160 characters, cut at a word.
 */
import type { Strings } from '../i18n/strings';
import type { PageProps } from './pages';

const LIMIT = 160;

/** Markdown and extra whitespace out, cut at the last word before the limit. */
export function plainSummary(text: string, limit = LIMIT): string {
  const plain = text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= limit) return plain;
  const cut = plain.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

type Described = Record<string, string | undefined>;

/** What each detail view's own text is, in order of preference. */
const OWN_TEXT: Record<string, (item: Described) => (string | undefined)[]> = {
  group: (group) => [group.description],
  behaviour: (behaviour) => [behaviour.why, behaviour.how],
  training: (training) => [training.summary, training.body],
  round: (round) => [round.intro],
  spotlight: (spotlight) => [spotlight.story],
};

const SECTION_OF: Record<string, keyof Strings['describe']> = {
  home: 'site',
  groups: 'groups',
  group: 'groups',
  behaviours: 'behaviours',
  behaviour: 'behaviours',
  trainings: 'trainings',
  training: 'trainings',
  people: 'people',
  rounds: 'rounds',
  round: 'rounds',
  spotlight: 'spotlights',
  suggestion: 'suggestion',
  changes: 'changes',
  cancel: 'cancel',
  search: 'search',
};

export function describePage(props: PageProps, strings: Strings, tagline?: string): string {
  const own = OWN_TEXT[props.view];
  const item = props[props.view] as Described | undefined;
  const text = own && item ? own(item).find((value) => typeof value === 'string' && value.trim() !== '') : undefined;
  if (text) return plainSummary(text);
  if (props.view === 'home' && tagline) return plainSummary(`${tagline}. ${strings.describe.site}`);
  return strings.describe[SECTION_OF[props.view] ?? 'site'];
}
