/**
 * Keeps evaluation rounds sane whoever edits them: the seed blog's three
 * questions are filled in when none are given, custom questions must be
 * well-formed with unique keys — the same keys in every language (labels are
 * per language; answers are stored by key) — a round must close after it
 * opens, and its anonymity minimum is never below the floor.
 */
import {
  DEFAULT_LOCALE,
  defaultQuestions,
  MINIMUM_RESPONSES_FLOOR,
  type RoundQuestion,
  RoundQuestionSchema,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { rows } from '../documents';
import type { DocumentContext } from './slugs';

const ROUND = 'plugin::ritme.evaluation-round';

const QuestionsSchema = z
  .array(RoundQuestionSchema)
  .min(1)
  .max(10)
  .refine((questions) => new Set(questions.map((q) => q.key)).size === questions.length, {
    message: 'Question keys must be unique.',
  });

const keysOf = (questions: RoundQuestion[]) => questions.map((question) => question.key).sort();
const sameKeys = (a: RoundQuestion[], b: RoundQuestion[]) => keysOf(a).join(',') === keysOf(b).join(',');
/** The locale being written; Strapi's Document Service writes the default locale when none is given. */
const localeOf = (value: unknown) =>
  typeof value === 'string' && value !== '' && value !== '*' ? value : DEFAULT_LOCALE;

/**
 * What the round's document already holds: whether this language has a row,
 * and the questions another language asks (any row of the document), if any.
 */
async function existingLanguages(strapi: Core.Strapi, documentId: string | undefined, locale: string) {
  const found = documentId
    ? await rows(strapi, ROUND).findMany({ where: { documentId }, select: ['locale', 'questions'] })
    : [];
  let other: { locale: string; questions: RoundQuestion[] } | null = null;
  for (const row of found.filter((r) => r.locale !== locale)) {
    const parsed = QuestionsSchema.safeParse(row.questions);
    if (parsed.success) {
      other = { locale: String(row.locale), questions: parsed.data };
      break;
    }
  }
  return { thisLanguageExists: found.some((row) => row.locale === locale), other };
}

export function roundMiddleware(strapi: Core.Strapi) {
  return async (context: DocumentContext, next: () => Promise<unknown>) => {
    const data = context.params.data;
    if (context.uid !== ROUND || !data) return next();
    if (context.action !== 'create' && context.action !== 'update') return next();
    const locale = localeOf(context.params.locale);
    const { thisLanguageExists, other } = await existingLanguages(strapi, context.params.documentId, locale);

    const empty =
      data.questions === undefined ||
      data.questions === null ||
      (Array.isArray(data.questions) && data.questions.length === 0);
    if (empty && (context.action === 'create' || !thisLanguageExists)) {
      // A new round, or a new language of one: the other language's keys, labelled in this language when they are the defaults.
      const defaults = defaultQuestions(locale);
      data.questions = !other || sameKeys(other.questions, defaults) ? defaults : other.questions;
    } else if (!empty) {
      const parsed = QuestionsSchema.safeParse(data.questions);
      if (!parsed.success) {
        throw new errors.ValidationError(
          'Questions must be a list of { "key": "lower_snake_case", "label": "The question" } with unique keys.',
        );
      }
      if (other && !sameKeys(parsed.data, other.questions)) {
        throw new errors.ValidationError(
          `Questions must have the same keys in every language: the "${other.locale}" version asks ${keysOf(other.questions).join(', ')}. Translate the labels, keep the keys.`,
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
