/**
 * Keeps evaluation rounds sane whoever edits them: the seed blog's three
 * questions are filled in when none are given, custom questions must be
 * well-formed with unique keys, and a round must close after it opens.
 */
import { DEFAULT_QUESTIONS, RoundQuestionSchema } from '@ritme/shared';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { DocumentContext } from './slugs';

const QuestionsSchema = z
  .array(RoundQuestionSchema)
  .min(1)
  .max(10)
  .refine((questions) => new Set(questions.map((q) => q.key)).size === questions.length, {
    message: 'Question keys must be unique.',
  });

export function roundMiddleware() {
  return async (context: DocumentContext, next: () => Promise<unknown>) => {
    const data = context.params.data;
    if (context.uid !== 'plugin::ritme.evaluation-round' || !data) return next();
    if (context.action !== 'create' && context.action !== 'update') return next();

    const empty =
      data.questions === undefined ||
      data.questions === null ||
      (Array.isArray(data.questions) && data.questions.length === 0);
    if (empty && context.action === 'create') {
      data.questions = DEFAULT_QUESTIONS[context.params.locale === 'en' ? 'en' : 'nl'];
    } else if (!empty) {
      const parsed = QuestionsSchema.safeParse(data.questions);
      if (!parsed.success) {
        throw new errors.ValidationError(
          'Questions must be a list of { "key": "lower_snake_case", "label": "The question" } with unique keys.',
        );
      }
    }

    if (data.opensAt && data.closesAt && Date.parse(String(data.closesAt)) <= Date.parse(String(data.opensAt))) {
      throw new errors.ValidationError('A round must close after it opens.');
    }
    return next();
  };
}
