/**
 * Co-design: pilot invites (only a hash of each token is stored), feedback from
 * preview pages, the editors' inbox of feedback and suggestions, and the public
 * "you asked, we changed" board of what was done.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type {
  Change,
  FeedbackSubmission,
  Inbox,
  InboxItem,
  InboxKind,
  InboxQuery,
  InboxUpdate,
  PilotInviteCreate,
  PilotInviteCreated,
  PilotSession,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { documents, rows } from '../documents';
import { feedbackItem, inviteDto, inviteState, suggestionItem } from '../read-models/codesign';
import { servedLocales } from './locales';
import { publicLinks } from './public-links';
import { SubmissionRejected } from './submissions';

const INVITE = 'plugin::ritme.pilot-invite';
const FEEDBACK = 'plugin::ritme.feedback';
const SUGGESTION = 'plugin::ritme.suggestion';
const UID = { feedback: FEEDBACK, suggestion: SUGGESTION } as const;
const TO_ITEM = { feedback: feedbackItem, suggestion: suggestionItem } as const;

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

const countBy = (items: InboxItem[], key: (item: InboxItem) => string) =>
  items.reduce<Record<string, number>>((counts, item) => {
    counts[key(item)] = (counts[key(item)] ?? 0) + 1;
    return counts;
  }, {});

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async createInvite(input: PilotInviteCreate, now = new Date()): Promise<PilotInviteCreated> {
    // 32 random bytes: guessing one is not practical.
    const token = randomBytes(32).toString('base64url');
    const doc = await documents(strapi, INVITE).create({
      data: {
        name: input.name,
        email: input.email ?? null,
        expiresAt: input.expiresAt,
        revoked: false,
        tokenHash: hashToken(token),
      },
    });
    const { url } = strapi.plugin('ritme').config('preview') as { url: string };
    const previewUrl = String(url).replace(/\/+$/, '');
    return { ...inviteDto(doc, now), token, link: `${previewUrl}/pilot/?token=${token}` };
  },

  async listInvites(now = new Date()) {
    const docs = await documents(strapi, INVITE).findMany({ sort: ['createdAt:desc'], limit: 500 });
    return docs.map((doc) => inviteDto(doc, now));
  },

  async revokeInvite(documentId: string, now = new Date()) {
    const doc = await documents(strapi, INVITE).update({ documentId, data: { revoked: true } });
    return doc ? inviteDto(doc, now) : null;
  },

  /** The session a token opens, or null for a token that matches no invite. */
  async sessionForToken(token: string, now = new Date()): Promise<PilotSession | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const hash = hashToken(token);
    const doc = await rows(strapi, INVITE).findOne({ where: { tokenHash: hash } });
    // The lookup is by hash; compare again in constant time so timing says nothing either way.
    if (!doc || !timingSafeEqual(Buffer.from(String(doc.tokenHash)), Buffer.from(hash))) return null;
    const state = inviteState(doc, now);
    if (state === 'active') {
      await rows(strapi, INVITE).update({ where: { id: doc.id }, data: { lastUsedAt: now.toISOString() } });
    }
    return { invite: doc.documentId, name: String(doc.name), state, expiresAt: inviteDto(doc, now).expiresAt };
  },

  /** Re-checked on every preview request, so a revoked invite stops working at once. */
  async sessionForInvite(documentId: string, now = new Date()): Promise<PilotSession | null> {
    const doc = await rows(strapi, INVITE).findOne({ where: { documentId } });
    if (!doc) return null;
    const dto = inviteDto(doc, now);
    return { invite: dto.documentId, name: dto.name, state: dto.state, expiresAt: dto.expiresAt };
  },

  async createFeedback(input: FeedbackSubmission, now = new Date()) {
    let author: string | null = null;
    if (input.invite !== null) {
      const session = await this.sessionForInvite(input.invite, now);
      if (session?.state !== 'active') {
        throw new SubmissionRejected('This pilot invite is not active.', [
          { path: ['invite'], message: 'The invite has expired, was revoked, or does not exist.' },
        ]);
      }
      author = session.name;
    }
    const doc = await documents(strapi, FEEDBACK).create({
      data: {
        message: input.message,
        category: input.category,
        pagePath: input.pagePath,
        locale: input.locale,
        section: input.section || null,
        contentRefs: input.contentRefs,
        build: input.build,
        invite: input.invite,
        author,
        showName: input.showName,
        status: 'new',
      },
    });
    return { documentId: doc.documentId, receivedAt: now.toISOString() };
  },

  async inbox(query: InboxQuery): Promise<Inbox> {
    const kinds: InboxKind[] = query.kind ? [query.kind] : ['feedback', 'suggestion'];
    const all: InboxItem[] = [];
    for (const kind of kinds) {
      const docs = await documents(strapi, UID[kind]).findMany({ sort: ['createdAt:desc'], limit: 1000 });
      all.push(...docs.map(TO_ITEM[kind]));
    }
    all.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const items = all.filter(
      (item) =>
        (!query.status || item.status === query.status) && (!query.category || item.category === query.category),
    );
    return {
      items,
      counts: {
        total: all.length,
        byStatus: countBy(all, (item) => item.status),
        byCategory: countBy(all, (item) => item.category),
        byKind: countBy(all, (item) => item.kind),
      },
    };
  },

  async updateInboxItem(kind: InboxKind, documentId: string, update: InboxUpdate, now = new Date()) {
    const data: Record<string, unknown> = {};
    if (update.status !== undefined) data.status = update.status;
    if (update.reply !== undefined) data.reply = update.reply || null;
    if (update.publicSummary !== undefined) {
      const current = await documents(strapi, UID[kind]).findOne({ documentId, fields: ['publicSummary'] });
      const stored = current?.publicSummary && typeof current.publicSummary === 'object' ? current.publicSummary : {};
      const merged = { ...(stored as Record<string, unknown>), ...update.publicSummary };
      data.publicSummary = Object.fromEntries(Object.entries(merged).filter(([, text]) => text));
    }
    if (update.changedInBuild !== undefined) {
      data.changedInBuild = update.changedInBuild || null;
      if (update.changedInBuild) {
        data.changedAt = now.toISOString();
        data.status = 'done';
      }
    }
    if (data.status === 'done' && data.changedAt === undefined) {
      const current = await documents(strapi, UID[kind]).findOne({ documentId });
      if (current && !current.changedAt) data.changedAt = now.toISOString();
    }
    const doc = await documents(strapi, UID[kind]).update({ documentId, data });
    return doc ? TO_ITEM[kind](doc) : null;
  },

  /**
   * The public board: items marked done that an editor gave a public summary,
   * newest change first. Never the sender's own words or a draft's path: a
   * link only to a page that is public, a name only with the pilot's consent.
   */
  async changes(): Promise<Change[]> {
    const done: InboxItem[] = [];
    for (const kind of ['feedback', 'suggestion'] as const) {
      const docs = await documents(strapi, UID[kind]).findMany({ filters: { status: 'done' }, limit: 1000 });
      done.push(...docs.map(TO_ITEM[kind]));
    }
    const locales = await servedLocales(strapi);
    const approved = done.filter((item) => locales.some((locale) => item.publicSummary[locale]));
    const links = await publicLinks(strapi, approved, locales);
    const noLinks = () => Object.fromEntries(locales.map((locale) => [locale, null]));
    return approved
      .map((item) => ({
        documentId: item.documentId,
        kind: item.kind,
        // Per served locale: the editor's text, or null.
        summary: Object.fromEntries(locales.map((locale) => [locale, item.publicSummary[locale] ?? null])),
        changedInBuild: item.changedInBuild,
        changedAt: item.changedAt ?? item.createdAt,
        links: links.get(item.documentId) ?? noLinks(),
        author: item.kind === 'feedback' && item.showName ? item.author : null,
      }))
      .sort((a, b) => b.changedAt.localeCompare(a.changedAt));
  },
});
