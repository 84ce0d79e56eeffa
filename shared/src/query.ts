/**
 * The query string every read route accepts. Unknown keys are refused with a
 * message rather than passed on: Strapi's strictParams would answer them with a
 * bare 400, and forwarding them would let callers reach `status=draft`.
 */
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, SUGGESTION_STATUSES } from './enums';

export const MAX_PAGE_SIZE = 100;

const positiveInt = (fallback: number, max?: number) => {
  const schema = z.coerce
    .number()
    .int({ message: 'Must be a whole number.' })
    .min(1, { message: 'Must be 1 or more.' });
  return (max === undefined ? schema : schema.max(max, { message: `Must be at most ${max}.` })).default(fallback);
};

export const ListQuerySchema = z.strictObject({
  locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
  page: positiveInt(1, 100_000),
  pageSize: positiveInt(25, MAX_PAGE_SIZE),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

export const LocaleQuerySchema = z.strictObject({
  locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
});

export const PaginationSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
});
export type Pagination = z.infer<typeof PaginationSchema>;

export const listResponseSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), meta: z.object({ pagination: PaginationSchema }) });

export const itemResponseSchema = <T extends z.ZodType>(item: T) => z.object({ data: item });

/** Strapi's error envelope, which the plugin also uses. */
export const ApiErrorSchema = z.object({
  data: z.null().optional(),
  error: z.object({
    status: z.number(),
    name: z.string(),
    message: z.string(),
    details: z
      .object({
        errors: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
      })
      .passthrough()
      .optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** zod issues in the shape Strapi uses for ValidationError details. */
export function toFieldErrors(error: z.ZodError): { path: (string | number)[]; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
    message: issue.code === 'unrecognized_keys' ? `Unknown field(s): ${issue.keys.join(', ')}.` : issue.message,
  }));
}

const pageParams = {
  page: positiveInt(1, 100_000),
  pageSize: positiveInt(25, MAX_PAGE_SIZE),
};

/** Editors' list of suggestions (API token with the plugin's editor permissions). */
export const SuggestionListQuerySchema = z.strictObject({
  ...pageParams,
  status: z.enum(SUGGESTION_STATUSES).optional(),
});
