/** Suggestions as editors see them (evaluation responses are never shown one by one). */
import type { Suggestion } from '@ritme/shared';
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
