/** Suggestions and evaluation responses as editors see them. */
import type { EvaluationResponse, Suggestion } from '@ritme/shared';
import { asEnumValue, type Doc, iso, str, strOrNull } from './refs';

export const suggestionDto = (doc: Doc): Suggestion => ({
  documentId: doc.documentId,
  message: str(doc.message),
  category: asEnumValue(doc.category),
  pagePath: strOrNull(doc.pagePath),
  contentRef: strOrNull(doc.contentRef),
  name: strOrNull(doc.name),
  email: strOrNull(doc.email),
  status: asEnumValue(doc.status),
  reply: strOrNull(doc.reply),
  createdAt: iso(doc.createdAt),
});

export const evaluationResponseDto = (doc: Doc): EvaluationResponse => ({
  documentId: doc.documentId,
  round: str(doc.round),
  group: strOrNull(doc.group),
  answers: (doc.answers && typeof doc.answers === 'object' ? doc.answers : {}) as Record<string, string>,
  createdAt: iso(doc.createdAt),
});
