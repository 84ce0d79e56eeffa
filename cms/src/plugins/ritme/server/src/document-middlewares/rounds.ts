/**
 * Keeps evaluation rounds sane whoever edits them. Questions are one list for
 * every language (`[{ key, label: { nl, en } }]`, see @ritme/shared
 * round-questions): the seed blog's three are filled in when none are given,
 * a saved list must be well-formed with unique keys, a question that already
 * has answers cannot be removed or turned from open into a scale (1–5) or
 * back (its answers would vanish from the results),
 * and a list in the old per-language shape keeps the keys the round asks and
 * only relabels its own language. A round must close after it opens, its
 * anonymity minimum is never below the floor, and once closed for good (only
 * the admin's close action sets that) it cannot be reopened by its dates.
 */
import {
  DEFAULT_LOCALE,
  defaultStoredQuestions,
  fromLegacy,
  MINIMUM_RESPONSES_FLOOR,
  questionsProblem,
  type StoredQuestion,
  StoredQuestionsSchema,
  withoutEmptyLabels,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { rows } from '../documents';
import type { Doc } from '../read-models/refs';
import type { DocumentContext } from './slugs';

const ROUND = 'plugin::ritme.evaluation-round';
const RESPONSE = 'plugin::ritme.evaluation-response';

/** The locale being written; Strapi's Document Service writes the default locale when none is given. */
const localeOf = (value: unknown) =>
  typeof value === 'string' && value !== '' && value !== '*' ? value : DEFAULT_LOCALE;

/** A date as the database or a request gives it (Date or ISO string), in ms; NaN when missing. */
const timeOf = (value: unknown) => (value ? new Date(value as string).getTime() : Number.NaN);

type RoundRow = Doc;

const sharedList = (found: RoundRow[]) =>
  found.some((row) => StoredQuestionsSchema.min(1).safeParse(row.questions).success);

/**
 * The questions the document asks today: the shared list when a row has one,
 * else the old per-language lists merged into one (each language's labels).
 */
function currentQuestions(found: RoundRow[]): StoredQuestion[] | null {
  for (const row of found) {
    const stored = StoredQuestionsSchema.min(1).safeParse(row.questions);
    if (stored.success) return stored.data;
  }
  let merged: StoredQuestion[] | null = null;
  for (const row of found) {
    merged = fromLegacy(row.questions, String(row.locale), merged ?? []) ?? merged;
  }
  return merged;
}

/** Keys of `removed` that already have an answer (non-empty) for this round. */
async function answeredKeys(strapi: Core.Strapi, documentId: string, removed: string[]): Promise<string[]> {
  if (removed.length === 0) return [];
  const responses = await rows(strapi, RESPONSE).findMany({ where: { round: documentId }, select: ['answers'] });
  return removed.filter((key) =>
    responses.some((response) => String((response.answers as Record<string, unknown> | null)?.[key] ?? '').trim()),
  );
}

async function questionsToStore(
  strapi: Core.Strapi,
  context: DocumentContext,
  found: RoundRow[],
  locale: string,
): Promise<StoredQuestion[] | undefined> {
  const data = context.params.data as Record<string, unknown>;
  const current = currentQuestions(found);
  const given = data.questions;
  const empty = given === undefined || given === null || (Array.isArray(given) && given.length === 0);
  if (empty) {
    // Left out of an update of a language the round has: nothing changes.
    if (given === undefined && found.some((row) => row.locale === locale)) return undefined;
    return current ?? defaultStoredQuestions();
  }

  let next: StoredQuestion[];
  const legacy = fromLegacy(given, locale, current ?? []);
  if (legacy) {
    // One language's list in the old shape: it may relabel, not ask something else.
    const keys = (list: StoredQuestion[]) => list.map((question) => question.key).join(',');
    if (current && found.some((row) => row.locale !== locale) && keys(legacy) !== keys(current)) {
      throw new errors.ValidationError(
        `Questions must have the same keys in every language: the round asks ${current.map((q) => q.key).join(', ')}. Translate the labels, keep the keys — or edit the questions in the Content Manager, where one list serves every language.`,
      );
    }
    next = legacy;
  } else {
    const cleaned = withoutEmptyLabels(given);
    const problem = questionsProblem(cleaned);
    if (problem) throw new errors.ValidationError(problem);
    next = StoredQuestionsSchema.parse(cleaned);
    if (current && !sharedList(found)) {
      // The first shared list for a round kept per language: each language's own labels stay where none was given.
      next = next.map((question) => ({
        ...question,
        label: { ...current.find((known) => known.key === question.key)?.label, ...question.label },
      }));
    }
  }

  const documentId = context.params.documentId;
  if (documentId && current) {
    const kept = new Set(next.map((question) => question.key));
    const removed = current.map((question) => question.key).filter((key) => !kept.has(key));
    // A question turned from open to scale (or back) would drop or garble what was answered.
    const kindOf = (question: StoredQuestion | undefined) => question?.kind ?? 'text';
    const rekinded = next
      .filter((question) => {
        const before = current.find((known) => known.key === question.key);
        return before !== undefined && kindOf(before) !== kindOf(question);
      })
      .map((question) => question.key);
    const answered = await answeredKeys(strapi, documentId, [...removed, ...rekinded]);
    if (answered.length > 0) {
      const labels = answered.map((key) => {
        const label = current.find((question) => question.key === key)?.label ?? {};
        return `"${label[locale] ?? Object.values(label)[0] ?? key}"`;
      });
      throw new errors.ValidationError(
        `${labels.join(', ')} already ${answered.length === 1 ? 'has' : 'have'} answers: removing ${answered.length === 1 ? 'it' : 'them'} or changing how ${answered.length === 1 ? 'it is' : 'they are'} answered would take those answers out of the results. Keep the question as it is (you may reword it), or start a new round.`,
      );
    }
  }
  return next;
}

export function roundMiddleware(strapi: Core.Strapi) {
  return async (context: DocumentContext, next: () => Promise<unknown>) => {
    const data = context.params.data as Record<string, unknown> | undefined;
    if (context.uid !== ROUND || !data) return next();
    if (context.action !== 'create' && context.action !== 'update') return next();
    const locale = localeOf(context.params.locale);
    const documentId = context.params.documentId;
    const found = (
      documentId
        ? await rows(strapi, ROUND).findMany({
            where: { documentId },
            select: ['locale', 'questions', 'closesAt', 'closedForGoodAt'],
          })
        : []
    ) satisfies RoundRow[];

    const questions = await questionsToStore(strapi, context, found, locale);
    if (questions !== undefined) data.questions = questions;

    // Set only by the admin's "Close for good" (it writes the rows itself), never through a document write.
    delete data.closedForGoodAt;
    const closedForGood = found.find((row) => row.closedForGoodAt)?.closedForGoodAt;
    if (closedForGood && data.closesAt !== undefined) {
      const stored = found.find((row) => row.closesAt)?.closesAt;
      if (timeOf(data.closesAt) !== timeOf(stored)) {
        throw new errors.ValidationError(
          'This round was closed for good: its closing date can no longer change, so it cannot be reopened. Start a new round instead.',
        );
      }
    }

    if (data.opensAt && data.closesAt && Date.parse(String(data.closesAt)) <= Date.parse(String(data.opensAt))) {
      throw new errors.ValidationError('A round must close after it opens.');
    }
    if (data.minimumResponses !== undefined && data.minimumResponses !== null) {
      const minimum = Number(data.minimumResponses);
      if (!Number.isInteger(minimum) || minimum < MINIMUM_RESPONSES_FLOOR) {
        throw new errors.ValidationError(
          `A round shows results only from ${MINIMUM_RESPONSES_FLOOR} answers up: set minimumResponses to ${MINIMUM_RESPONSES_FLOOR} or more (5 is the default).`,
        );
      }
    }
    return next();
  };
}
