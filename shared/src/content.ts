/**
 * What the plugin's read API serves, one schema per content type. The plugin
 * shapes its responses to these and the site's loader parses them with the same
 * schemas, so a renamed field breaks a test instead of a page.
 */
import { z } from 'zod';
import { CADENCES, GROUP_KINDS, PERSON_KINDS, SKILLS, TRAINING_FOCUSES, TRAINING_FORMATS } from './enums.js';
import { LocaleCode } from './locale-code.js';
import { MINIMUM_RESPONSES_FLOOR } from './rounds.js';
import { documentId, slug } from './text.js';

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const locale = LocaleCode;

/** The same document in another locale: enough for a language switcher. */
export const LocalizationSchema = z.object({ locale, slug, documentId });
export type Localization = z.infer<typeof LocalizationSchema>;

/**
 * Only in the preview API's answers (never on public routes): whether the
 * version shown is the published one, whether editors shared the entry's draft
 * with pilots, and which required fields a draft still lacks (Strapi does not
 * require them before publishing). A missing value is served as a placeholder
 * so the page still renders; views hide what is listed here.
 */
export const PreviewMarkSchema = z.object({
  published: z.boolean(),
  sharedWithPilots: z.boolean(),
  missing: z.array(z.string()),
});
export type PreviewMark = z.infer<typeof PreviewMarkSchema>;
const preview = PreviewMarkSchema.optional();

/**
 * Which drafts a preview read may show, besides published content: `shared`
 * (every draft an editor shared with pilots) or one documentId (the draft an
 * editor opened with Strapi's Preview button, in the locale asked for).
 */
export const DRAFTS_SHARED = 'shared';
export const DraftScopeSchema = z.union([z.literal(DRAFTS_SHARED), documentId]);
export type DraftScope = z.infer<typeof DraftScopeSchema>;

const base = {
  documentId,
  locale,
  slug,
  updatedAt: isoDateTime,
  localizations: z.array(LocalizationSchema),
  preview,
};

export const GroupRefSchema = z.object({
  documentId,
  slug,
  name: z.string(),
  kind: z.enum(GROUP_KINDS),
  preview,
});
export type GroupRef = z.infer<typeof GroupRefSchema>;

export const BehaviourRefSchema = z.object({
  documentId,
  slug,
  title: z.string(),
  insteadOf: z.string(),
  cadence: z.enum(CADENCES),
  preview,
});
export type BehaviourRef = z.infer<typeof BehaviourRefSchema>;

export const TrainingRefSchema = z.object({
  documentId,
  slug,
  title: z.string(),
  skill: z.enum(SKILLS),
  focus: z.enum(TRAINING_FOCUSES),
  format: z.enum(TRAINING_FORMATS),
  preview,
});
export type TrainingRef = z.infer<typeof TrainingRefSchema>;

export const PhotoSchema = z.object({
  url: z.string(),
  alternativeText: z.string().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});

/**
 * How to reach a person, one value in every language: an e-mail address and a
 * chat link (http(s) only, checked by the plugin on save). Null when not given.
 */
const contact = {
  email: z.email().nullable(),
  chatUrl: z.string().nullable(),
};

export const PersonRefSchema = z.object({
  documentId,
  slug,
  name: z.string(),
  roleTitle: z.string(),
  kind: z.enum(PERSON_KINDS),
  photo: PhotoSchema.nullable(),
  ...contact,
  preview,
});
export type PersonRef = z.infer<typeof PersonRefSchema>;

export const SpotlightRefSchema = z.object({
  documentId,
  slug,
  title: z.string(),
  date: isoDate,
  preview,
});

export const TrainingSessionSchema = z.object({
  documentId,
  /** When the session last changed: a calendar file's DTSTAMP, so an update replaces the event. */
  updatedAt: isoDateTime,
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  location: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  seats: z.number().int().nullable(),
});
export type TrainingSession = z.infer<typeof TrainingSessionSchema>;

export const GroupSchema = z.object({
  ...base,
  name: z.string(),
  kind: z.enum(GROUP_KINDS),
  description: z.string(),
  people: z.array(PersonRefSchema),
  behaviours: z.array(BehaviourRefSchema),
  spotlights: z.array(SpotlightRefSchema),
});
export type Group = z.infer<typeof GroupSchema>;

export const BehaviourSchema = z.object({
  ...base,
  title: z.string(),
  insteadOf: z.string(),
  why: z.string(),
  /** The steps, one per line in the editor, served as a list. */
  how: z.array(z.string()),
  cadence: z.enum(CADENCES),
  skill: z.enum(SKILLS),
  example: z.string(),
  groups: z.array(GroupRefSchema),
  trainings: z.array(TrainingRefSchema),
});
export type Behaviour = z.infer<typeof BehaviourSchema>;

export const TrainingSchema = z.object({
  ...base,
  title: z.string(),
  summary: z.string(),
  /** Markdown. */
  body: z.string(),
  skill: z.enum(SKILLS),
  focus: z.enum(TRAINING_FOCUSES),
  format: z.enum(TRAINING_FORMATS),
  durationMinutes: z.number().int().nullable(),
  sessions: z.array(TrainingSessionSchema),
  behaviours: z.array(BehaviourRefSchema),
});
export type Training = z.infer<typeof TrainingSchema>;

export const PersonSchema = z.object({
  ...base,
  name: z.string(),
  roleTitle: z.string(),
  kind: z.enum(PERSON_KINDS),
  quote: z.string(),
  photo: PhotoSchema.nullable(),
  ...contact,
  groups: z.array(GroupRefSchema),
});
export type Person = z.infer<typeof PersonSchema>;

export const SpotlightSchema = z.object({
  ...base,
  title: z.string(),
  story: z.string(),
  date: isoDate,
  person: PersonRefSchema.nullable(),
  group: GroupRefSchema.nullable(),
  behaviour: BehaviourRefSchema.nullable(),
});
export type Spotlight = z.infer<typeof SpotlightSchema>;

/** How a question is answered: in the employee's own words (the default), or on a scale from 1 to 5. */
export const QUESTION_KINDS = ['text', 'scale'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const RoundQuestionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().min(1).max(300),
  /** Left out for an open question. */
  kind: z.enum(QUESTION_KINDS).optional(),
});
export type RoundQuestion = z.infer<typeof RoundQuestionSchema>;

export const EvaluationRoundSchema = z.object({
  ...base,
  title: z.string(),
  intro: z.string(),
  questions: z.array(RoundQuestionSchema).min(1),
  group: GroupRefSchema.nullable(),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  /** Never below MINIMUM_RESPONSES_FLOOR: the plugin refuses lower values and serves at least the floor. */
  minimumResponses: z.number().int().min(MINIMUM_RESPONSES_FLOOR),
  /** "What changed": published once the round has been followed up. */
  followUp: z.string(),
});
export type EvaluationRound = z.infer<typeof EvaluationRoundSchema>;

export const UpcomingSessionSchema = TrainingSessionSchema.extend({ training: TrainingRefSchema });
export type UpcomingSession = z.infer<typeof UpcomingSessionSchema>;

/** Everything the home page needs, in one response. */
export const HomeSchema = z.object({
  locale,
  /** Weeks since 1970-01-05 (a Monday): the rotation index of the focus behaviour. */
  week: z.number().int(),
  focusBehaviour: BehaviourSchema.nullable(),
  upcomingSessions: z.array(UpcomingSessionSchema),
  latestSpotlights: z.array(SpotlightSchema),
  openRound: EvaluationRoundSchema.nullable(),
  people: z.array(PersonRefSchema),
});
export type Home = z.infer<typeof HomeSchema>;

/** The readable content types, by their route name. */
export const CONTENT_SCHEMAS = {
  groups: GroupSchema,
  behaviours: BehaviourSchema,
  trainings: TrainingSchema,
  people: PersonSchema,
  spotlights: SpotlightSchema,
  'evaluation-rounds': EvaluationRoundSchema,
} as const;
export type ContentRoute = keyof typeof CONTENT_SCHEMAS;
export type ContentOf<R extends ContentRoute> = z.infer<(typeof CONTENT_SCHEMAS)[R]>;
export const CONTENT_ROUTES = Object.keys(CONTENT_SCHEMAS) as ContentRoute[];

/**
 * One entry whose draft editors shared with pilots, as the co-design page
 * lists it (GET /ritme/shared-drafts): what pilots see that the intranet does not.
 */
export const SharedDraftSchema = z.object({
  route: z.enum(CONTENT_ROUTES as [ContentRoute, ...ContentRoute[]]),
  /** Strapi's name for the type, for a link to the entry in the Content Manager. */
  uid: z.string(),
  documentId,
  /** In the default locale when it has one, else in the first locale the draft exists in. */
  title: z.string(),
  /** Per locale the draft exists in: never published, published with unpublished changes, or as published. */
  locales: z.array(z.object({ locale, status: z.enum(['draft', 'modified', 'published']) })),
  updatedAt: isoDateTime,
});
export type SharedDraft = z.infer<typeof SharedDraftSchema>;
