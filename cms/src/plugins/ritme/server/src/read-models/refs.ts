/**
 * Raw Strapi documents → the small "reference" shapes other entries embed.
 * Kept apart from the full read models so a relation is always shown the same way.
 */
import type { BehaviourRef, GroupRef, PersonRef, PreviewMark, TrainingRef } from '@ritme/shared';

/** A document as the Document Service returns it: we only trust what we map. */
export type Doc = Record<string, unknown> & { documentId: string };

/**
 * Set on raw documents by preview reads only (see scope.ts), under a symbol so
 * no field of the document can carry it; public reads never set it, so public
 * answers never have `preview`.
 */
export const PREVIEW_MARK = Symbol('ritme.preview-mark');
export type MarkedDoc = Doc & { [PREVIEW_MARK]?: PreviewMark };
export const previewMark = (doc: Doc): { preview?: PreviewMark } => {
  const mark = (doc as MarkedDoc)[PREVIEW_MARK];
  return mark ? { preview: mark } : {};
};

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
export const strOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
export const numOrNull = (value: unknown): number | null => (typeof value === 'number' ? value : null);
/** Datetimes come back as Date, ISO string or epoch milliseconds depending on the database. */
export const iso = (value: unknown): string =>
  new Date(value instanceof Date || typeof value === 'number' ? value : String(value)).toISOString();
export const isoDate = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : str(value);
export const many = (value: unknown): Doc[] => (Array.isArray(value) ? (value as Doc[]) : []);
export const one = (value: unknown): Doc | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Doc) : null;

// Strapi's enumerations are typed as plain strings in raw documents; the
// shared schemas check them again on the way out of every response test.
const asEnum = <T extends string>(value: unknown) => value as T;

export const refFields = {
  group: ['documentId', 'slug', 'name', 'kind'],
  behaviour: ['documentId', 'slug', 'title', 'insteadOf', 'cadence'],
  training: ['documentId', 'slug', 'title', 'skill', 'focus', 'format'],
  person: ['documentId', 'slug', 'name', 'roleTitle', 'kind', 'email', 'chatUrl'],
  spotlight: ['documentId', 'slug', 'title', 'date'],
} as const;

export const photoPopulate = { photo: { fields: ['url', 'alternativeText', 'width', 'height'] } } as const;
export const personRefPopulate = { fields: [...refFields.person], populate: photoPopulate } as const;

export function photo(value: unknown): PersonRef['photo'] {
  const media = one(value);
  if (!media) return null;
  return {
    url: str(media.url),
    alternativeText: strOrNull(media.alternativeText),
    width: numOrNull(media.width),
    height: numOrNull(media.height),
  };
}

export const groupRef = (doc: Doc): GroupRef => ({
  documentId: doc.documentId,
  slug: str(doc.slug),
  name: str(doc.name),
  kind: asEnum(doc.kind),
  ...previewMark(doc),
});

export const behaviourRef = (doc: Doc): BehaviourRef => ({
  documentId: doc.documentId,
  slug: str(doc.slug),
  title: str(doc.title),
  insteadOf: str(doc.insteadOf),
  cadence: asEnum(doc.cadence),
  ...previewMark(doc),
});

export const trainingRef = (doc: Doc): TrainingRef => ({
  documentId: doc.documentId,
  slug: str(doc.slug),
  title: str(doc.title),
  skill: asEnum(doc.skill),
  focus: asEnum(doc.focus),
  format: asEnum(doc.format),
  ...previewMark(doc),
});

export const personRef = (doc: Doc): PersonRef => ({
  documentId: doc.documentId,
  slug: str(doc.slug),
  name: str(doc.name),
  roleTitle: str(doc.roleTitle),
  kind: asEnum(doc.kind),
  photo: photo(doc.photo),
  ...contactOf(doc),
  ...previewMark(doc),
});

/** A person's e-mail address and chat link, or null for what is not given. */
export const contactOf = (doc: Doc) => ({
  email: typeof doc.email === 'string' && doc.email.trim() !== '' ? doc.email.trim() : null,
  chatUrl: typeof doc.chatUrl === 'string' && doc.chatUrl.trim() !== '' ? doc.chatUrl.trim() : null,
});

export const spotlightRef = (doc: Doc) => ({
  documentId: doc.documentId,
  slug: str(doc.slug),
  title: str(doc.title),
  date: isoDate(doc.date),
  ...previewMark(doc),
});

export const asEnumValue = asEnum;
