/**
 * The round questions field on the server: a `json` column holding one
 * ordered list for every language. What it may hold is checked by the round
 * middleware (document-middlewares/rounds.ts), whoever writes.
 */
import type { Core } from '@strapi/strapi';
import { ROUND_QUESTIONS_FIELD } from '../content-types/attributes';

export function registerRoundQuestionsField(strapi: Core.Strapi) {
  strapi.customFields.register({ name: ROUND_QUESTIONS_FIELD, plugin: 'ritme', type: 'json' });
}
