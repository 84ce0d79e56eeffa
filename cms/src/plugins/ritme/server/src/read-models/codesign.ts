/** Feedback, suggestions and invites as the inbox, the preview server and the public board see them. */
import type { InboxItem, InviteState, PilotInvite, PublicSummary } from '@ritme/shared';
import { asEnumValue, type Doc, iso, str, strOrNull } from './refs';

const isoOrNull = (value: unknown) => (value ? iso(value) : null);
const refsOf = (value: unknown) =>
  Array.isArray(value) ? value.filter((ref): ref is string => typeof ref === 'string') : [];

/** The stored { nl, en } summary; anything else (absent, malformed) is no summary. */
export const summaryOf = (value: unknown): PublicSummary => {
  const stored = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { nl: strOrNull(stored.nl), en: strOrNull(stored.en) };
};

export const feedbackItem = (doc: Doc): InboxItem => ({
  kind: 'feedback',
  documentId: doc.documentId,
  message: str(doc.message),
  category: asEnumValue(doc.category),
  pagePath: strOrNull(doc.pagePath),
  locale: doc.locale === 'nl' || doc.locale === 'en' ? doc.locale : null,
  section: strOrNull(doc.section),
  contentRefs: refsOf(doc.contentRefs),
  build: strOrNull(doc.build),
  author: strOrNull(doc.author),
  email: null,
  showName: doc.showName === true,
  status: asEnumValue(doc.status),
  reply: strOrNull(doc.reply),
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
    locale: pagePath ? (pagePath.startsWith('/en/') ? 'en' : 'nl') : null,
    section: null,
    contentRefs: contentRef ? [contentRef] : [],
    build: null,
    author: strOrNull(doc.name),
    email: strOrNull(doc.email),
    showName: false,
    status: asEnumValue(doc.status),
    reply: strOrNull(doc.reply),
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
