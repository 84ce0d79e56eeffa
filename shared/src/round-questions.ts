/**
 * A round's questions as editors keep them: one ordered list for every
 * language (answers are stored by key, so no language may ask something else),
 * each question with a label per language and a key made once from its first
 * label. Readers get `{ key, label }` in their own language; rounds saved
 * before questions were shared (a `[{ key, label }]` list per language) still
 * read as they are.
 */
import { z } from 'zod';
import { QUESTION_KINDS, type RoundQuestion, RoundQuestionSchema } from './content.js';
import { LOCALES, type Locale } from './enums.js';
import { DEFAULT_QUESTIONS } from './rounds.js';

export const MAX_ROUND_QUESTIONS = 10;
export const MAX_QUESTION_LABEL = 300;
export const QUESTION_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
const KEY_LENGTH = 40;

const label = z.string().trim().min(1).max(MAX_QUESTION_LABEL);

/** One stored question: its key and its label in each language that has one. */
export const StoredQuestionSchema = z
  .object({
    key: z.string().regex(QUESTION_KEY_PATTERN),
    label: z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/), label),
    /** Left out for an open question; `scale` is answered 1 to 5. */
    kind: z.enum(QUESTION_KINDS).optional(),
  })
  .strict();
export type StoredQuestion = z.infer<typeof StoredQuestionSchema>;

export const StoredQuestionsSchema = z.array(StoredQuestionSchema);

/** The old per-language shape, `[{ key, label }]`, as rounds saved before kept it. */
const LegacyQuestionsSchema = z.array(RoundQuestionSchema).min(1);

/**
 * What is wrong with a list an editor saved, in words for them, or null when
 * it is fine: 1–10 questions, each with a label (at most 300 characters) in at
 * least one language, and unique keys.
 */
export function questionsProblem(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'A round asks at least one question: add one.';
  if (value.length > MAX_ROUND_QUESTIONS) {
    return `A round asks at most ${MAX_ROUND_QUESTIONS} questions (this one has ${value.length}): remove some.`;
  }
  const keys = new Set<string>();
  for (const [index, question] of value.entries()) {
    const which = `Question ${index + 1}`;
    const labels = (question as { label?: unknown } | null)?.label;
    if (labels && typeof labels === 'object' && Object.keys(labels).length === 0) {
      return `${which} has no label: write it in at least one language.`;
    }
    const parsed = StoredQuestionSchema.safeParse(question);
    if (!parsed.success) {
      const tooLong = parsed.error.issues.some((issue) => issue.code === 'too_big');
      return tooLong
        ? `${which}: a label is at most ${MAX_QUESTION_LABEL} characters. Shorten it.`
        : `${which} must be { "key": "lower_snake_case", "label": { "nl": "…", "en": "…" }, "kind"?: "text" | "scale" }, with no empty label.`;
    }
    if (keys.has(parsed.data.key))
      return `${which} has the key "${parsed.data.key}" of an earlier question: keys must be unique.`;
    keys.add(parsed.data.key);
  }
  return null;
}

/** Drops empty labels (a language not yet written) and trims the rest, so they read as missing, not as blank. */
export function withoutEmptyLabels(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((question) => {
    if (!question || typeof question !== 'object' || Array.isArray(question)) return question;
    const labels = (question as { label?: unknown }).label;
    if (!labels || typeof labels !== 'object' || Array.isArray(labels)) return question;
    const kept = Object.entries(labels as Record<string, unknown>)
      .map(([locale, text]) => [locale, typeof text === 'string' ? text.trim() : text] as const)
      .filter(([, text]) => text !== '');
    return { ...question, label: Object.fromEntries(kept) };
  });
}

/** A legacy `[{ key, label }]` list, written in `locale`, as stored questions (other languages' labels kept from `current`). */
export function fromLegacy(value: unknown, locale: Locale, current: StoredQuestion[] = []): StoredQuestion[] | null {
  const parsed = LegacyQuestionsSchema.safeParse(value);
  if (!parsed.success) return null;
  return parsed.data.map((question) => {
    const known = current.find((candidate) => candidate.key === question.key);
    const kind = question.kind ?? known?.kind;
    return { key: question.key, label: { ...known?.label, [locale]: question.label }, ...(kind ? { kind } : {}) };
  });
}

/** The label in `locale`, else in `fallback`, else in any language. */
const labelIn = (labels: Record<string, string>, locale: Locale, fallback: Locale) =>
  labels[locale] ?? labels[fallback] ?? Object.values(labels)[0] ?? '';

/**
 * A round's questions as readers see them, in `locale` (falling back to
 * `fallback`, then any language): stored questions are mapped, the legacy
 * per-language list is read as it is, anything else is null.
 */
export function questionsIn(value: unknown, locale: Locale, fallback: Locale): RoundQuestion[] | null {
  const stored = StoredQuestionsSchema.min(1).safeParse(value);
  if (stored.success) {
    return stored.data.map((question) => ({
      key: question.key,
      label: labelIn(question.label, locale, fallback),
      ...(question.kind === 'scale' ? { kind: 'scale' as const } : {}),
    }));
  }
  const legacy = LegacyQuestionsSchema.safeParse(value);
  return legacy.success ? legacy.data : null;
}

/** The stored questions of a value in either shape (legacy labels go to `locale`), or null. */
export function storedQuestionsOf(value: unknown, locale: Locale): StoredQuestion[] | null {
  const stored = StoredQuestionsSchema.min(1).safeParse(value);
  return stored.success ? stored.data : fromLegacy(value, locale);
}

/** The seed blog's three questions in every language whose text ships. */
export const defaultStoredQuestions = (): StoredQuestion[] =>
  DEFAULT_QUESTIONS[LOCALES[0]].map((question) => ({
    key: question.key,
    label: Object.fromEntries(
      LOCALES.map((locale) => [
        locale,
        DEFAULT_QUESTIONS[locale].find((known) => known.key === question.key)?.label ?? question.label,
      ]),
    ),
  }));

/**
 * The key for a new question, made from its first label: lower_snake_case
 * without accents, starting with a letter, at most 40 characters, and not one
 * of `taken` (a number is added). Made once: later label edits keep it.
 */
export function questionKey(text: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let base = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!/^[a-z]/.test(base)) base = `question${base ? `_${base}` : ''}`;
  base = base.slice(0, KEY_LENGTH).replace(/_+$/, '');
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `_${n}`;
    const candidate = `${base.slice(0, KEY_LENGTH - suffix.length).replace(/_+$/, '')}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
