/** Feedback, suggestions and invites as the inbox, the preview server and the public board see them. */
import {
  DEFAULT_LOCALE,
  type InboxEmailed,
  type InboxItem,
  type InviteState,
  knownSectionHeading,
  LocaleCode,
  type PilotInvite,
  type PublicSummary,
} from '@ritme/shared';
import { asEnumValue, type Doc, iso, str, strOrNull } from './refs';

const isoOrNull = (value: unknown) => (value ? iso(value) : null);
const refsOf = (value: unknown) =>
  Array.isArray(value) ? value.filter((ref): ref is string => typeof ref === 'string') : [];

/** The stored { <locale>: text } summary, languages with text only; anything else (absent, malformed) is no summary. */
export const summaryOf = (value: unknown): PublicSummary => {
  const stored = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return Object.fromEntries(
    Object.entries(stored).flatMap(([locale, text]) =>
      LocaleCode.safeParse(locale).success && strOrNull(text) ? [[locale, strOrNull(text)]] : [],
    ),
  );
};
/** `/en/…` → en, `/de/…` → de; a path without a locale prefix is in the default locale (nl at /). */
const localeOfPath = (path: string) =>
  /^\/([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?:\/|$)/.exec(path)?.[1] ?? DEFAULT_LOCALE;
const localeOrNull = (value: unknown) => (LocaleCode.safeParse(value).success ? String(value) : null);

/** The heading the pilot saw; for older feedback (an id only) the theme's known heading, else null. */
const headingOf = (doc: Doc) => {
  const section = strOrNull(doc.section);
  if (!section) return null;
  return (
    strOrNull(doc.sectionHeading) ?? knownSectionHeading(section, strOrNull(doc.pagePath), localeOrNull(doc.locale))
  );
};

const emailedOf = (doc: Doc): InboxEmailed | null => {
  const to = strOrNull(doc.emailedTo);
  return doc.emailedAt && to ? { at: iso(doc.emailedAt), to, by: strOrNull(doc.emailedBy) } : null;
};

/** Filled in by the inbox service, which looks the entries up (services/inbox-entries.ts). */
const unresolved = (): Pick<InboxItem, 'entries' | 'pageUrl'> => ({ entries: [], pageUrl: null });

export const feedbackItem = (doc: Doc): InboxItem => ({
  kind: 'feedback',
  documentId: doc.documentId,
  message: str(doc.message),
  category: asEnumValue(doc.category),
  pagePath: strOrNull(doc.pagePath),
  locale: localeOrNull(doc.locale),
  section: strOrNull(doc.section),
  sectionHeading: headingOf(doc),
  contentRefs: refsOf(doc.contentRefs),
  ...unresolved(),
  build: strOrNull(doc.build),
  author: strOrNull(doc.author),
  email: null,
  showName: doc.showName === true,
  status: asEnumValue(doc.status),
  reply: strOrNull(doc.reply),
  emailed: null,
  changedInBuild: strOrNull(doc.changedInBuild),
  changedAt: isoOrNull(doc.changedAt),
  publicSummary: summaryOf(doc.publicSummary),
  createdAt: iso(doc.createdAt),
});

export const suggestionItem = (doc: Doc): InboxItem => {
  const pagePath = strOrNull(doc.pagePath);
  const contentRef = strOrNull(doc.contentRef);
  return {
    kind: 'suggestion',
    documentId: doc.documentId,
    message: str(doc.message),
    category: asEnumValue(doc.category),
    pagePath,
    locale: pagePath ? localeOfPath(pagePath) : null,
    section: null,
    sectionHeading: null,
    contentRefs: contentRef ? [contentRef] : [],
    ...unresolved(),
    build: null,
    author: strOrNull(doc.name),
    email: strOrNull(doc.email),
    showName: false,
    status: asEnumValue(doc.status),
    reply: strOrNull(doc.reply),
    emailed: emailedOf(doc),
    changedInBuild: strOrNull(doc.changedInBuild),
    changedAt: isoOrNull(doc.changedAt),
    publicSummary: summaryOf(doc.publicSummary),
    createdAt: iso(doc.createdAt),
  };
};

export function inviteState(doc: Doc, now = new Date()): InviteState {
  if (doc.revoked === true) return 'revoked';
  return Date.parse(iso(doc.expiresAt)) <= now.getTime() ? 'expired' : 'active';
}

export const inviteDto = (doc: Doc, now = new Date()): PilotInvite => ({
  documentId: doc.documentId,
  name: str(doc.name),
  email: strOrNull(doc.email),
  expiresAt: iso(doc.expiresAt),
  revoked: doc.revoked === true,
  state: inviteState(doc, now),
  lastUsedAt: isoOrNull(doc.lastUsedAt),
  createdAt: iso(doc.createdAt),
});
