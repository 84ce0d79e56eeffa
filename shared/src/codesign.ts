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

export const FEEDBACK_LIMITS = {
  message: 2000,
  section: 120,
  sectionHeading: 200,
  build: 80,
  reply: 4000,
  refs: 30,
  summary: 600,
} as const;

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
  /** The section's heading as the pilot saw it, so editors read "How to do it" instead of "#how". */
  sectionHeading: plainText(FEEDBACK_LIMITS.sectionHeading).optional(),
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

/**
 * An entry an inbox item is about (a content reference such as "behaviour:<documentId>"),
 * resolved for the editor: its title in the item's language (or any other), where to edit it
 * in the Content Manager, and its published page on the intranet. A deleted entry keeps its
 * reference and says so (`deleted`), with no links.
 */
export const InboxEntrySchema = z.object({
  ref: z.string(),
  /** The content type's short name (behaviour, training, …), or the reference's own first part. */
  type: z.string(),
  documentId: z.string(),
  title: z.string().nullable(),
  /** The language the title and the Content Manager link are in. */
  locale: LocaleCode.nullable(),
  deleted: z.boolean(),
  /** A path in the admin panel (`/admin/content-manager/…`), or null for a deleted entry or an unknown type. */
  adminPath: z.string().nullable(),
  /** The entry's published page on the intranet (absolute URL), or null when it has none. */
  pageUrl: z.string().nullable(),
});
export type InboxEntry = z.infer<typeof InboxEntrySchema>;

/** A reply that was e-mailed: when, to whom and by which editor. */
export const InboxEmailedSchema = z.object({
  at: z.string(),
  to: z.string(),
  by: z.string().nullable(),
});
export type InboxEmailed = z.infer<typeof InboxEmailedSchema>;

/** One item in the editors' co-design inbox. */
export const InboxItemSchema = z.object({
  kind: z.enum(INBOX_KINDS),
  documentId,
  message: z.string(),
  category: z.enum(SUGGESTION_CATEGORIES),
  pagePath: z.string().nullable(),
  locale: LocaleCode.nullable(),
  section: z.string().nullable(),
  /** The section's heading: as the pilot saw it, else the theme's known heading for its id, else null. */
  sectionHeading: z.string().nullable(),
  contentRefs: z.array(z.string()),
  /** The content references, resolved (same order). */
  entries: z.array(InboxEntrySchema),
  /** The page the item was sent from, as a link (the preview server for feedback, the intranet for suggestions). */
  pageUrl: z.string().nullable(),
  build: z.string().nullable(),
  /** The pilot's invite name (feedback) or the name given (suggestion). */
  author: z.string().nullable(),
  email: z.string().nullable(),
  showName: z.boolean(),
  status: z.enum(SUGGESTION_STATUSES),
  reply: z.string().nullable(),
  /** The last e-mailed reply's delivery, or null when no reply was e-mailed. */
  emailed: InboxEmailedSchema.nullable(),
  changedInBuild: z.string().nullable(),
  changedAt: z.string().nullable(),
  publicSummary: PublicSummarySchema,
  createdAt: z.string(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const INBOX_MAX_PAGE_SIZE = 100;
export const INBOX_DEFAULT_PAGE_SIZE = 25;

/** Query strings arrive as text: "2" → 2. */
const positiveInt = (max: number) =>
  z.coerce.number({ message: 'Must be a whole number.' }).int({ message: 'Must be a whole number.' }).min(1).max(max);

export const InboxQuerySchema = z.strictObject({
  status: z.enum(SUGGESTION_STATUSES).optional(),
  category: z.enum(SUGGESTION_CATEGORIES).optional(),
  kind: z.enum(INBOX_KINDS).optional(),
  page: positiveInt(1_000_000).optional(),
  pageSize: positiveInt(INBOX_MAX_PAGE_SIZE).optional(),
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

/** The inbox: one page of items newest first, how many match, and counts for the filters (over the whole inbox). */
export const InboxSchema = z.object({
  items: z.array(InboxItemSchema),
  pagination: z.object({
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
    total: z.number().int(),
  }),
  /** Whether Strapi can send e-mail (its email plugin has a provider other than the unconfigured default). */
  mail: z.object({ configured: z.boolean() }),
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

/**
 * An editor's reply to a suggestion, e-mailed to the address its sender left. The reply is
 * stored before it is sent, so a failed send loses nothing; `status` defaults to the item's
 * own, or "in progress" for a new one.
 */
export const InboxEmailReplySchema = z.strictObject({
  reply: requiredText(FEEDBACK_LIMITS.reply),
  status: z.enum(SUGGESTION_STATUSES).optional(),
});
export type InboxEmailReply = z.infer<typeof InboxEmailReplySchema>;

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
