/**
 * The shape of the demo content. Every text exists in both locales; entries
 * refer to each other by `key`, which the seed turns into documentIds.
 */
import type { Cadence, GroupKind, PersonKind, Skill, TrainingFocus, TrainingFormat } from '@ritme/shared';

export interface Localized<T = string> {
  nl: T;
  en: T;
}

export interface SeedPerson {
  key: string;
  name: string;
  kind: PersonKind;
  roleTitle: Localized;
  quote: Localized;
  /** How colleagues reach them (one value in every language). */
  email?: string;
  chatUrl?: string;
}

/**
 * A demo entry left as a draft, never published: `shared` lets the demo pilot
 * see it on the preview server ("Share with pilots" on), `unshared` does not.
 */
export type SeedDraft = 'shared' | 'unshared';

export interface SeedGroup {
  key: string;
  draft?: SeedDraft;
  kind: GroupKind;
  name: Localized;
  description: Localized;
  /** Person keys. */
  people: string[];
}

export interface SeedBehaviour {
  key: string;
  draft?: SeedDraft;
  cadence: Cadence;
  skill: Skill;
  /** Group keys. */
  groups: string[];
  /** The concrete action. */
  title: Localized;
  /** The vague phrase it replaces. */
  insteadOf: Localized;
  why: Localized;
  /** Steps, one per line. */
  how: Localized;
  /** An example of it done well. */
  example: Localized;
}

export interface SeedSession {
  /** Days after the day the demo is first seeded. */
  inDays: number;
  /** Local start hour (24h). */
  hour: number;
  durationMinutes: number;
  location: Localized | null;
  onlineUrl: string | null;
  seats: number;
}

export interface SeedTraining {
  key: string;
  skill: Skill;
  focus: TrainingFocus;
  format: TrainingFormat;
  durationMinutes: number;
  /** Behaviour keys. */
  behaviours: string[];
  title: Localized;
  summary: Localized;
  /** Markdown. */
  body: Localized;
  sessions: SeedSession[];
}

export interface SeedSpotlight {
  key: string;
  person?: string;
  group?: string;
  behaviour?: string;
  daysAgo: number;
  title: Localized;
  story: Localized;
}

export interface SeedRound {
  key: string;
  state: 'open' | 'closed';
  group?: string;
  title: Localized;
  intro: Localized;
  /** The "what changed" follow-up; required for a closed round. */
  followUp: Localized | null;
  minimumResponses: number;
  /** Anonymous answers, keyed by the default question keys (works_well, obstacles, next_steps). */
  responses: { works_well: string; obstacles: string; next_steps: string }[];
}

/** Something employees asked that was changed, with the summary an editor wrote for the public board. */
export interface SeedChange {
  key: string;
  /** What the employee wrote (private: only editors read it). */
  message: string;
  category: 'idea' | 'problem' | 'question' | 'praise';
  /** The published behaviour it was about, if any (the board links to it). */
  behaviour?: string;
  summary: Localized;
  build: string;
}

export interface SeedContent {
  people: SeedPerson[];
  groups: SeedGroup[];
  behaviours: SeedBehaviour[];
  trainings: SeedTraining[];
  spotlights: SeedSpotlight[];
  rounds: SeedRound[];
  changes: SeedChange[];
}
