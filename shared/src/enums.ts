/**
 * The closed vocabularies of Ritme. The Strapi schemas import these lists, so an
 * enum value exists in exactly one place.
 */

/**
 * The locales whose interface text ships complete. Ritme serves any locale
 * Strapi's i18n has enabled; a locale not listed here falls back to English
 * for the strings a team has not translated itself.
 */
export const LOCALES = ['nl', 'en'] as const;
export type ShippedLocale = (typeof LOCALES)[number];
/** A locale code as Strapi's i18n spells it: `nl`, `en`, `de`, `fr-BE`, `pt-BR`, … */
export type Locale = string;
export const DEFAULT_LOCALE: Locale = 'nl';
/** The locale every missing string and URL segment falls back to. */
export const FALLBACK_LOCALE: ShippedLocale = 'en';
export const isShippedLocale = (locale: string): locale is ShippedLocale =>
  (LOCALES as readonly string[]).includes(locale);

export const GROUP_KINDS = ['team', 'project', 'department', 'community'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** How often an example behaviour is meant to happen. */
export const CADENCES = ['daily', 'weekly', 'every_two_weeks', 'monthly', 'per_meeting', 'once'] as const;
export type Cadence = (typeof CADENCES)[number];

/** The four attitude skills from the seed blog, plus the tool basics ("buttons"). */
export const SKILLS = [
  'asking_questions',
  'giving_feedback',
  'making_work_visible',
  'responding_constructively',
  'tool_basics',
] as const;
export type Skill = (typeof SKILLS)[number];

export const TRAINING_FOCUSES = ['attitude', 'buttons'] as const;
export type TrainingFocus = (typeof TRAINING_FOCUSES)[number];

export const TRAINING_FORMATS = ['workshop', 'e_learning', 'video', 'coaching', 'peer_session'] as const;
export type TrainingFormat = (typeof TRAINING_FORMATS)[number];

export const PERSON_KINDS = ['leader', 'ambassador', 'coach'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const SUGGESTION_CATEGORIES = ['idea', 'problem', 'question', 'praise'] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];

export const SUGGESTION_STATUSES = ['new', 'planned', 'in_progress', 'done', 'declined'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
