/**
 * Evaluation rounds for the admin's round pages: the list with each round's
 * state and answers so far against its minimum, one round's results, and
 * "Close for good". Results come from the results service — the snapshot
 * frozen at the close, nothing while open, nothing below the minimum — so an
 * editor sees what employees see and no more: answers are never returned
 * below the minimum, and never while answers still come in (two looks at a
 * growing list would line up one person's answers across questions).
 */
import {
  type AdminRoundDetail,
  type AdminRoundState,
  type AdminRoundSummary,
  type CloseRefusal,
  DEFAULT_LOCALE,
  effectiveMinimum,
  type Locale,
  receivedInWindow,
  roundState,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { rows } from '../documents';
import { questionsOf } from '../read-models';
import { type Doc, iso, numOrNull, str } from '../read-models/refs';

const ROUND = 'plugin::ritme.evaluation-round';
const RESPONSE = 'plugin::ritme.evaluation-response';
const FIELDS = ['documentId', 'locale', 'publishedAt', 'title', 'opensAt', 'closesAt', 'minimumResponses'];

/** The row to show of one document's rows: the asked language, else the default, else any; drafts first. */
function rowIn(found: Doc[], locale: string): Doc {
  const byDraft = [...found].sort((a, b) => Number(a.publishedAt !== null) - Number(b.publishedAt !== null));
  return (
    byDraft.find((row) => row.locale === locale) ??
    byDraft.find((row) => row.locale === DEFAULT_LOCALE) ??
    (byDraft[0] as Doc)
  );
}

const stateOf = (row: Doc, closedForGoodAt: unknown, now: Date): AdminRoundState =>
  closedForGoodAt ? 'closed_for_good' : roundState({ opensAt: iso(row.opensAt), closesAt: iso(row.closesAt) }, now);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function responsesIn(round: Doc): Promise<number> {
    const found = await rows(strapi, RESPONSE).findMany({ where: { round: round.documentId }, select: ['createdAt'] });
    const window = { opensAt: iso(round.opensAt), closesAt: iso(round.closesAt) };
    return found.filter((response) => receivedInWindow(window, iso(response.createdAt))).length;
  }

  function summaryOf(row: Doc, found: Doc[], responses: number, now: Date): AdminRoundSummary {
    const closedForGoodAt = found.find((candidate) => candidate.closedForGoodAt)?.closedForGoodAt ?? null;
    return {
      documentId: row.documentId,
      title: str(row.title),
      locale: str(row.locale),
      state: stateOf(row, closedForGoodAt, now),
      opensAt: iso(row.opensAt),
      closesAt: iso(row.closesAt),
      responses,
      minimum: effectiveMinimum(numOrNull(row.minimumResponses)),
      closedForGoodAt: closedForGoodAt ? iso(closedForGoodAt) : null,
    };
  }

  /** The published follow-up in every language the round has ('' where none is published). */
  function followUpsOf(found: Doc[]) {
    const locales = [...new Set(found.map((row) => str(row.locale)))].sort();
    return locales.map((locale) => ({
      locale,
      text: str(found.find((row) => row.locale === locale && row.publishedAt !== null)?.followUp).trim(),
    }));
  }

  function refusalOf(summary: AdminRoundSummary, followUps: { locale: string; text: string }[]): CloseRefusal | null {
    if (summary.state === 'closed_for_good') return { reason: 'already_closed', locales: [] };
    if (summary.state !== 'closed') return { reason: 'not_closed', locales: [] };
    const missing = followUps.filter((followUp) => followUp.text === '').map((followUp) => followUp.locale);
    return missing.length > 0 ? { reason: 'follow_up_missing', locales: missing } : null;
  }

  async function documentRows(documentId: string) {
    return rows(strapi, ROUND).findMany({
      where: { documentId },
      select: [...FIELDS, 'questions', 'followUp', 'closedForGoodAt'],
    });
  }

  return {
    async list(locale: string, now = new Date()): Promise<AdminRoundSummary[]> {
      const all = await rows(strapi, ROUND).findMany({ select: [...FIELDS, 'closedForGoodAt'] });
      const byDocument = new Map<string, Doc[]>();
      for (const row of all) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
      const summaries = await Promise.all(
        [...byDocument.values()].map(async (found) => {
          const row = rowIn(found, locale);
          return summaryOf(row, found, await responsesIn(row), now);
        }),
      );
      // Newest window first: what closes last is what an editor is working on.
      return summaries.sort((a, b) => b.closesAt.localeCompare(a.closesAt) || a.title.localeCompare(b.title));
    },

    async detail(documentId: string, locale: string, now = new Date()): Promise<AdminRoundDetail | null> {
      const found = await documentRows(documentId);
      if (found.length === 0) return null;
      const row = rowIn(found, locale);
      const summary = summaryOf(row, found, await responsesIn(row), now);
      const round = {
        documentId,
        opensAt: summary.opensAt,
        closesAt: summary.closesAt,
        minimumResponses: summary.minimum,
        questions: questionsOf(row.questions, (locale || DEFAULT_LOCALE) as Locale),
      };
      const results = await strapi.plugin('ritme').service('results').forRound(round, now);
      const followUps = followUpsOf(found);
      return { ...summary, followUps, results, closeRefusal: refusalOf(summary, followUps) };
    },

    /** Marks the round closed for good, or says why it may not be (null when there is no such round). */
    async closeForGood(
      documentId: string,
      locale: string,
      now = new Date(),
    ): Promise<{ refused: CloseRefusal } | { detail: AdminRoundDetail } | null> {
      const detail = await this.detail(documentId, locale, now);
      if (!detail) return null;
      if (detail.closeRefusal) return { refused: detail.closeRefusal };
      // Every row (each language, draft and published) at once: the field is shared and never edited by hand.
      await rows(strapi, ROUND).updateMany({ where: { documentId }, data: { closedForGoodAt: now.toISOString() } });
      return { detail: (await this.detail(documentId, locale, now)) as AdminRoundDetail };
    },
  };
};
