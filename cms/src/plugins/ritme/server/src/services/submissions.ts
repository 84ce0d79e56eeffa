/**
 * Stores what the public sends: suggestions and evaluation answers. Inputs
 * arrive already parsed by the shared schemas; this service adds the checks
 * that need the database (the round exists, is open, and asks these questions).
 * Only parsed fields are written, so nothing a caller adds reaches a row.
 */
import {
  type EvaluationResponseInput,
  type Locale,
  roundState,
  type SuggestionInput,
  type SuggestionUpdate,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { documents, rows } from '../documents';
import { questionsOf } from '../read-models';
import { iso, one, strOrNull } from '../read-models/refs';

export class SubmissionRejected extends Error {
  constructor(
    message: string,
    readonly errors: { path: string[]; message: string }[],
  ) {
    super(message);
  }
}

const SUGGESTION = 'plugin::ritme.suggestion';
const RESPONSE = 'plugin::ritme.evaluation-response';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async createSuggestion(input: SuggestionInput) {
    const doc = await documents(strapi, SUGGESTION).create({
      data: {
        message: input.message,
        category: input.category,
        pagePath: input.pagePath ?? null,
        contentRef: input.contentRef ?? null,
        name: input.name || null,
        email: input.email ?? null,
        status: 'new',
        reply: null,
      },
    });
    return { documentId: doc.documentId, receivedAt: new Date().toISOString() };
  },

  async updateSuggestion(documentId: string, update: SuggestionUpdate) {
    return documents(strapi, SUGGESTION).update({
      documentId,
      data: {
        ...(update.status !== undefined ? { status: update.status } : {}),
        ...(update.reply !== undefined ? { reply: update.reply || null } : {}),
      },
    });
  },

  async createEvaluationResponse(input: EvaluationResponseInput, now = new Date()) {
    // Any published locale of the round will do: answers belong to the document.
    const round = await rows(strapi, 'plugin::ritme.evaluation-round').findOne({
      where: { documentId: input.round, publishedAt: { $notNull: true } },
      populate: { group: { select: ['documentId'] } },
    });
    if (!round) {
      throw new SubmissionRejected('There is no published evaluation round with this id.', [
        { path: ['round'], message: 'Unknown evaluation round.' },
      ]);
    }
    const state = roundState({ opensAt: iso(round.opensAt), closesAt: iso(round.closesAt) }, now);
    if (state !== 'open') {
      throw new SubmissionRejected(
        state === 'upcoming' ? 'This evaluation round is not open yet.' : 'This evaluation round has closed.',
        [{ path: ['round'], message: state === 'upcoming' ? 'The round is not open yet.' : 'The round has closed.' }],
      );
    }

    const questions = questionsOf(round.questions, (round.locale as Locale) ?? 'nl');
    const allowed = new Set(questions.map((question) => question.key));
    const unknown = Object.keys(input.answers).filter((key) => !allowed.has(key));
    if (unknown.length > 0) {
      throw new SubmissionRejected(`This round does not ask: ${unknown.join(', ')}.`, [
        ...unknown.map((key) => ({ path: ['answers', key], message: 'This round has no such question.' })),
      ]);
    }

    const roundGroup = strOrNull(one(round.group)?.documentId);
    let group = roundGroup;
    if (input.group !== undefined) {
      if (roundGroup !== null && input.group !== roundGroup) {
        throw new SubmissionRejected('This round is for another group.', [
          { path: ['group'], message: 'This round is for another group.' },
        ]);
      }
      const exists = await rows(strapi, 'plugin::ritme.group').count({
        where: { documentId: input.group, publishedAt: { $notNull: true } },
      });
      if (exists === 0) {
        throw new SubmissionRejected('There is no published group with this id.', [
          { path: ['group'], message: 'Unknown group.' },
        ]);
      }
      group = input.group;
    }

    const answers = Object.fromEntries(questions.map((question) => [question.key, input.answers[question.key] ?? '']));
    const doc = await documents(strapi, RESPONSE).create({ data: { round: input.round, group, answers } });
    return { documentId: doc.documentId, receivedAt: now.toISOString() };
  },
});
