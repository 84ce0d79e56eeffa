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
  InboxEmailReply,
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
import { resolveInboxItems } from './inbox-entries';
import { inboxPage } from './inbox-page';
import { servedLocales } from './locales';
import { publicLinks } from './public-links';
import { composeReply, mailConfigured, ReplyNotSent, sendReplyMail } from './reply-mail';
import { SubmissionRejected } from './submissions';

const INVITE = 'plugin::ritme.pilot-invite';
const FEEDBACK = 'plugin::ritme.feedback';
const SUGGESTION = 'plugin::ritme.suggestion';
const UID = { feedback: FEEDBACK, suggestion: SUGGESTION } as const;
const TO_ITEM = { feedback: feedbackItem, suggestion: suggestionItem } as const;

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

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
        sectionHeading: (input.section && input.sectionHeading) || null,
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
    const page = await inboxPage(strapi, query);
    return {
      ...page,
      items: await resolveInboxItems(strapi, page.items),
      mail: { configured: mailConfigured(strapi) },
    };
  },

  /**
   * E-mails `input.reply` to the address the suggestion's sender left, through Strapi's email
   * plugin. The reply (and status) is stored first, so nothing is lost when the mail cannot go
   * out; a claim on the row makes a second request (a double click) wait its turn instead of
   * sending twice, and the same reply already e-mailed to the same address is not sent again.
   */
  async emailReply(documentId: string, input: InboxEmailReply, editor: string | null, now = new Date()) {
    const found = await rows(strapi, SUGGESTION).findOne({ where: { documentId } });
    if (!found) throw new ReplyNotSent(404, 'not-found', `No suggestion "${documentId}".`);
    const status = input.status ?? (found.status === 'new' ? 'in_progress' : undefined);
    const store = () =>
      this.updateInboxItem('suggestion', documentId, { reply: input.reply, ...(status ? { status } : {}) }, now);
    const to = typeof found.email === 'string' ? found.email : '';
    if (!to) {
      await store();
      throw new ReplyNotSent(
        409,
        'no-address',
        'This suggestion has no e-mail address: the reply was saved, not sent.',
      );
    }
    if (!mailConfigured(strapi)) {
      await store();
      throw new ReplyNotSent(
        503,
        'not-configured',
        'E-mail is not set up on this Strapi (set SMTP_HOST and the other SMTP_* variables): the reply was saved, not sent.',
      );
    }
    // Claim the row for this send; a claim older than two minutes is from a crashed send.
    const staleBefore = new Date(now.getTime() - 2 * 60_000).toISOString();
    const claim = await rows(strapi, SUGGESTION).updateMany({
      where: { id: found.id, $or: [{ emailSendingAt: null }, { emailSendingAt: { $lt: staleBefore } }] },
      data: { emailSendingAt: now.toISOString() },
    });
    if (claim.count !== 1) {
      throw new ReplyNotSent(
        409,
        'sending',
        'A reply to this suggestion is being sent right now: wait a moment and reload.',
      );
    }
    const release = (data: Record<string, unknown> = {}) =>
      rows(strapi, SUGGESTION).update({ where: { id: found.id }, data: { ...data, emailSendingAt: null } });
    try {
      const current = await rows(strapi, SUGGESTION).findOne({ where: { id: found.id } });
      if (current?.emailedAt && current.reply === input.reply && current.emailedTo === to) {
        throw new ReplyNotSent(
          409,
          'already-sent',
          `This reply was already e-mailed to ${to}; change it to send another.`,
        );
      }
      const stored = await store();
      const mail = composeReply({
        locale: stored?.locale ?? null,
        name: stored?.author ?? null,
        message: String(found.message ?? ''),
        reply: input.reply,
        createdAt: stored?.createdAt ?? now.toISOString(),
      });
      try {
        await sendReplyMail(strapi, to, mail);
      } catch (caught) {
        if (caught instanceof ReplyNotSent) throw caught;
        const reason = caught instanceof Error ? caught.message : String(caught);
        throw new ReplyNotSent(502, 'failed', `The reply was saved but could not be e-mailed to ${to}: ${reason}`);
      }
      await release({ emailedAt: now.toISOString(), emailedTo: to, emailedBy: editor });
    } catch (caught) {
      await release();
      throw caught;
    }
    const sent = (await rows(strapi, SUGGESTION).findOne({ where: { id: found.id } })) ?? found;
    const [item] = await resolveInboxItems(strapi, [suggestionItem(sent)]);
    return item;
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
    if (!doc) return null;
    const [item] = await resolveInboxItems(strapi, [TO_ITEM[kind](doc)]);
    return item ?? null;
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
