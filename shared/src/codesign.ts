/**
 * Co-design: pilot invites, feedback left on preview pages, the editors' inbox
 * and the public "you asked, we changed" board. One contract for the plugin,
 * its admin pages, the preview server and the feedback widget.
 */
import { z } from 'zod';
import { SUGGESTION_CATEGORIES, SUGGESTION_STATUSES } from './enums.js';
import { LocaleCode } from './locale-code.js';
import { documentId, personName, plainText, requiredText } from './text.js';

const isoDateTime = z.iso.datetime({ offset: true });
const contentRef = z.string().regex(/^[a-z0-9-]{1,40}:[a-z0-9]{10,64}$/, {
  message: 'Must look like "<type>:<documentId>".',
});
const sitePath = plainText(300).regex(/^\/[^\s]*$/, { message: 'Must be a site path starting with "/".' });

/**
 * The header in which the preview server tells Strapi which browser a pilot
 * log-in or feedback came from (it is the only client of those routes, so
 * Strapi would otherwise count every pilot as one). Strapi believes it only
 * from a caller with an API token, on the preview token's routes.
 */
export const PREVIEW_CLIENT_HEADER = 'x-ritme-client';

export const FEEDBACK_LIMITS = { message: 2000, section: 120, build: 80, reply: 4000, refs: 30, summary: 600 } as const;

/**
 * What an editor writes for the public board, per language: locale code → text
 * (a language without a summary is absent or null). The board never shows what
 * a pilot or employee typed: only this, once the item is done.
 */
export const PublicSummarySchema = z.record(LocaleCode, z.string().nullable());
export type PublicSummary = z.infer<typeof PublicSummarySchema>;

/** What the feedback widget sends to the preview server. */
export const FeedbackInputSchema = z.strictObject({
  message: requiredText(FEEDBACK_LIMITS.message),
  category: z.enum(SUGGESTION_CATEGORIES),
  pagePath: sitePath,
  locale: LocaleCode,
  /** The section the feedback is about (its heading's id), or absent for the whole page. */
  section: plainText(FEEDBACK_LIMITS.section)
    .regex(/^[A-Za-z0-9_-]*$/, { message: 'Must be a section id.' })
    .optional(),
  contentRefs: z.array(contentRef).max(FEEDBACK_LIMITS.refs).default([]),
  /** May the pilot's name be shown on the public "you asked, we changed" board? */
  showName: z.boolean().default(false),
});
export type FeedbackInput = z.infer<typeof FeedbackInputSchema>;

/**
 * What the preview server forwards to the plugin: the widget's input plus what
 * only the server knows — the preview build and the pilot invite (null for an
 * editor who came in through Strapi's Preview button).
 */
export const FeedbackSubmissionSchema = FeedbackInputSchema.extend({
  build: plainText(FEEDBACK_LIMITS.build).min(1),
  invite: documentId.nullable(),
});
export type FeedbackSubmission = z.infer<typeof FeedbackSubmissionSchema>;

export const INBOX_KINDS = ['feedback', 'suggestion'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** One item in the editors' co-design inbox. */
export const InboxItemSchema = z.object({
  kind: z.enum(INBOX_KINDS),
  documentId,
  message: z.string(),
  category: z.enum(SUGGESTION_CATEGORIES),
  pagePath: z.string().nullable(),
  locale: LocaleCode.nullable(),
  section: z.string().nullable(),
  contentRefs: z.array(z.string()),
  build: z.string().nullable(),
  /** The pilot's invite name (feedback) or the name given (suggestion). */
  author: z.string().nullable(),
  email: z.string().nullable(),
  showName: z.boolean(),
  status: z.enum(SUGGESTION_STATUSES),
  reply: z.string().nullable(),
  changedInBuild: z.string().nullable(),
  changedAt: z.string().nullable(),
  publicSummary: PublicSummarySchema,
  createdAt: z.string(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxQuerySchema = z.strictObject({
  status: z.enum(SUGGESTION_STATUSES).optional(),
  category: z.enum(SUGGESTION_CATEGORIES).optional(),
  kind: z.enum(INBOX_KINDS).optional(),
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

/** The inbox: newest first, with counts for the filters. */
export const InboxSchema = z.object({
  items: z.array(InboxItemSchema),
  counts: z.object({
    total: z.number().int(),
    byStatus: z.record(z.string(), z.number().int()),
    byCategory: z.record(z.string(), z.number().int()),
    byKind: z.record(z.string(), z.number().int()),
  }),
});
export type Inbox = z.infer<typeof InboxSchema>;

/**
 * What an editor may change on an inbox item. Marking it changed sets the
 * status to done. A public summary is set per language; an empty one removes it.
 */
export const InboxUpdateSchema = z
  .strictObject({
    status: z.enum(SUGGESTION_STATUSES).optional(),
    reply: plainText(FEEDBACK_LIMITS.reply).optional(),
    changedInBuild: plainText(FEEDBACK_LIMITS.build).optional(),
    /** Locale code → summary; an empty string removes that language's summary. */
    publicSummary: z
      .record(LocaleCode, plainText(FEEDBACK_LIMITS.summary))
      .refine((value) => Object.keys(value).length <= 50, { message: 'At most 50 languages.' })
      .optional(),
  })
  .refine((value) => Object.values(value).some((v) => v !== undefined), {
    message: 'Send a status, a reply, a build or a public summary.',
  });
export type InboxUpdate = z.infer<typeof InboxUpdateSchema>;

export const PilotInviteCreateSchema = z.strictObject({
  name: personName(100).refine((value) => value.length > 0, { message: 'Must not be empty.' }),
  email: z.email({ message: 'Must be an email address.' }).max(254).optional(),
  expiresAt: isoDateTime.refine((value) => Date.parse(value) > Date.now(), {
    message: 'Must be in the future.',
  }),
});
export type PilotInviteCreate = z.infer<typeof PilotInviteCreateSchema>;

export const INVITE_STATES = ['active', 'expired', 'revoked'] as const;
export type InviteState = (typeof INVITE_STATES)[number];

export const PilotInviteSchema = z.object({
  documentId,
  name: z.string(),
  email: z.string().nullable(),
  expiresAt: z.string(),
  revoked: z.boolean(),
  state: z.enum(INVITE_STATES),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PilotInvite = z.infer<typeof PilotInviteSchema>;

/** Returned once, when the invite is created: the only time the token exists outside the pilot's link. */
export const PilotInviteCreatedSchema = PilotInviteSchema.extend({ token: z.string(), link: z.string() });
export type PilotInviteCreated = z.infer<typeof PilotInviteCreatedSchema>;

/** A pilot's session as the preview server checks it. */
export const PilotSessionSchema = z.object({
  invite: documentId,
  name: z.string(),
  state: z.enum(INVITE_STATES),
  expiresAt: z.string(),
});
export type PilotSession = z.infer<typeof PilotSessionSchema>;

/**
 * One line on the public "you asked, we changed" board: only what an editor
 * approved. No words of the sender, no draft's path: the summary an editor
 * wrote (per language), a link only to a page that is public (per language),
 * and a name only when the pilot agreed to be named.
 */
export const ChangeSchema = z.object({
  documentId,
  kind: z.enum(INBOX_KINDS),
  summary: PublicSummarySchema,
  changedInBuild: z.string().nullable(),
  changedAt: isoDateTime,
  /** Locale code → the public page it links to in that language, or null; one key per locale Ritme serves. */
  links: z.record(LocaleCode, z.string().nullable()),
  author: z.string().nullable(),
});
export type Change = z.infer<typeof ChangeSchema>;
