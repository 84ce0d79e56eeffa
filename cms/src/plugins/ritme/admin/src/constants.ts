/**
 * The closed vocabularies the admin pages list. Only TYPES come from
 * @ritme/shared (the admin bundle must not pull in zod); the Records below make
 * the compiler fail if the shared lists gain or lose a value.
 */
import type { InboxKind, SuggestionCategory, SuggestionStatus } from '@ritme/shared';

const keys = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[];

export const STATUSES = keys<SuggestionStatus>({
  new: true,
  planned: true,
  in_progress: true,
  done: true,
  declined: true,
});
export const CATEGORIES = keys<SuggestionCategory>({ idea: true, problem: true, question: true, praise: true });
export const KINDS = keys<InboxKind>({ feedback: true, suggestion: true });
