/**
 * The query string every read route accepts. Unknown keys are refused with a
 * message rather than passed on: Strapi's strictParams would answer them with a
 * bare 400, and forwarding them would let callers reach `status=draft`.
 */
import { z } from 'zod';
import { CONTENT_SCHEMAS, type ContentRoute, type DraftScope, DraftScopeSchema } from './content.js';
import {
  CADENCES,
  DEFAULT_LOCALE,
  GROUP_KINDS,
  type Locale,
  PERSON_KINDS,
  SKILLS,
  SUGGESTION_STATUSES,
  TRAINING_FOCUSES,
  TRAINING_FORMATS,
} from './enums.js';
import { LocaleCode } from './locale-code.js';

export const MAX_PAGE_SIZE = 100;

const positiveInt = (fallback: number, max?: number) => {
  const schema = z.coerce
    .number()
    .int({ message: 'Must be a whole number.' })
    .min(1, { message: 'Must be 1 or more.' });
  return (max === undefined ? schema : schema.max(max, { message: `Must be at most ${max}.` })).default(fallback);
};

export const ListQuerySchema = z.strictObject({
  locale: LocaleCode.default(DEFAULT_LOCALE),
  page: positiveInt(1, 100_000),
  pageSize: positiveInt(25, MAX_PAGE_SIZE),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

export const LocaleQuerySchema = z.strictObject({
  locale: LocaleCode.default(DEFAULT_LOCALE),
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

/** One entry, in Strapi's envelope (`meta` is `{}`; older plugins sent no `meta`). */
export const itemResponseSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: item, meta: z.object({}).passthrough().optional() });

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

// ---------------------------------------------------------------------------
// Strapi's REST conventions on the public read routes (`/api/ritme/<route>`):
// pagination[…], sort, filters, fields and populate, as Strapi's own REST API
// and its JS client (@strapi/client) spell them — on allow-lists. Every name a
// caller may use is listed here; anything else is a 400 naming the parameter,
// and nothing a caller sends reaches the Document Service unchecked.

/** How a public field may be filtered and sorted. */
export type QueryFieldKind = 'id' | 'text' | 'enum' | 'integer' | 'date' | 'datetime';
export interface QueryField {
  kind: QueryFieldKind;
  values?: readonly string[];
}

const idField: QueryField = { kind: 'id' };
const textField: QueryField = { kind: 'text' };
const integerField: QueryField = { kind: 'integer' };
const dateField: QueryField = { kind: 'date' };
const datetimeField: QueryField = { kind: 'datetime' };
const oneOf = (values: readonly string[]): QueryField => ({ kind: 'enum', values });

/** The operators each kind of field accepts in `filters`. */
export const FILTER_OPERATORS: { [K in QueryFieldKind]: readonly string[] } = (() => {
  const equality = ['$eq', '$ne', '$in', '$notIn'];
  const presence = ['$null', '$notNull'];
  const ordered = [...equality, '$lt', '$lte', '$gt', '$gte', '$between', ...presence];
  return {
    id: equality,
    text: [
      ...equality,
      '$contains',
      '$notContains',
      '$containsi',
      '$notContainsi',
      '$startsWith',
      '$endsWith',
      ...presence,
    ],
    enum: [...equality, ...presence],
    integer: ordered,
    date: ordered,
    datetime: ordered,
  };
})();
/** Logical operators over filter objects: `filters[$or][0][slug][$eq]=a`. */
export const LOGICAL_FILTER_OPERATORS = ['$and', '$or', '$not'] as const;

const commonFields = { documentId: idField, slug: textField, updatedAt: datetimeField };

/** What a filter may test on a related entry (one level: `filters[groups][slug][$eq]=x`). */
const REF_FIELDS = {
  group: { documentId: idField, slug: textField, name: textField, kind: oneOf(GROUP_KINDS) },
  behaviour: {
    documentId: idField,
    slug: textField,
    title: textField,
    cadence: oneOf(CADENCES),
    skill: oneOf(SKILLS),
  },
  training: {
    documentId: idField,
    slug: textField,
    title: textField,
    skill: oneOf(SKILLS),
    focus: oneOf(TRAINING_FOCUSES),
    format: oneOf(TRAINING_FORMATS),
  },
  person: { documentId: idField, slug: textField, name: textField, kind: oneOf(PERSON_KINDS) },
  spotlight: { documentId: idField, slug: textField, title: textField, date: dateField },
  session: { documentId: idField, startsAt: datetimeField, endsAt: datetimeField, seats: integerField },
  /** A person's photo: served, never filtered on. */
  media: {},
} satisfies Record<string, Record<string, QueryField>>;

export interface ContentQuerySpec {
  /** Stored fields served under the same name: `filters[<field>]` and `sort=<field>`. */
  fields: Record<string, QueryField>;
  /** Served relations: `populate=<relation>`, and `filters[<relation>][<field>]` on the listed fields. */
  relations: Record<string, Record<string, QueryField>>;
}

/** The allow-lists, per route. `fields=` takes any key of the served entry (see `selectableFields`). */
export const CONTENT_QUERY_SPECS: { [R in ContentRoute]: ContentQuerySpec } = {
  groups: {
    fields: { ...commonFields, name: textField, kind: oneOf(GROUP_KINDS), description: textField },
    relations: { people: REF_FIELDS.person, behaviours: REF_FIELDS.behaviour, spotlights: REF_FIELDS.spotlight },
  },
  behaviours: {
    fields: {
      ...commonFields,
      title: textField,
      insteadOf: textField,
      why: textField,
      how: textField,
      cadence: oneOf(CADENCES),
      skill: oneOf(SKILLS),
      example: textField,
    },
    relations: { groups: REF_FIELDS.group, trainings: REF_FIELDS.training },
  },
  trainings: {
    fields: {
      ...commonFields,
      title: textField,
      summary: textField,
      body: textField,
      skill: oneOf(SKILLS),
      focus: oneOf(TRAINING_FOCUSES),
      format: oneOf(TRAINING_FORMATS),
      durationMinutes: integerField,
    },
    relations: { sessions: REF_FIELDS.session, behaviours: REF_FIELDS.behaviour },
  },
  people: {
    fields: {
      ...commonFields,
      name: textField,
      roleTitle: textField,
      kind: oneOf(PERSON_KINDS),
      quote: textField,
      email: textField,
      chatUrl: textField,
    },
    relations: { photo: REF_FIELDS.media, groups: REF_FIELDS.group },
  },
  spotlights: {
    fields: { ...commonFields, title: textField, story: textField, date: dateField },
    relations: { person: REF_FIELDS.person, group: REF_FIELDS.group, behaviour: REF_FIELDS.behaviour },
  },
  'evaluation-rounds': {
    fields: {
      ...commonFields,
      title: textField,
      intro: textField,
      opensAt: datetimeField,
      closesAt: datetimeField,
      followUp: textField,
    },
    relations: { group: REF_FIELDS.group },
  },
};

/** Always in an entry, whatever `fields` asks for (and `preview` on preview reads). */
export const ALWAYS_SERVED_FIELDS = ['documentId', 'locale'] as const;

/** The keys of a served entry that `fields=` may name. */
export const selectableFields = (route: ContentRoute): string[] =>
  Object.keys(CONTENT_SCHEMAS[route].shape).filter((key) => key !== 'preview');

/** A `filters` tree as the Document Service takes it, every name and operator checked. */
export type ContentFilters = { [key: string]: unknown };

export interface ContentEntryQuery {
  locale: Locale;
  /** Served keys asked for with `fields`, plus relations named in `populate`; undefined: the whole entry. */
  select?: string[];
}

export interface ContentListQuery extends ContentEntryQuery {
  /** `page`/`pageSize` (either spelling), or `pagination[start]`/`pagination[limit]`. */
  paging: 'page' | 'offset';
  page: number;
  pageSize: number;
  start: number;
  limit: number;
  /** `pagination[withCount]=false` leaves out `total` and `pageCount`. */
  withCount: boolean;
  /** `field:asc|desc`, fields from the route's allow-list. */
  sort: string[];
  filters?: ContentFilters;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const FILTER_TEXT_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_FILTER_VALUES = 100;

const flag = (message: string) =>
  z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')], {
    error: () => ({ message }),
  });

function filterValue(field: QueryField): z.ZodType {
  switch (field.kind) {
    case 'id':
      return z
        .string({ error: 'Must be a documentId.' })
        .regex(/^[a-z0-9]{1,64}$/, { message: 'Must be a documentId.' });
    case 'text':
      return z
        .string({ error: 'Must be text.' })
        .max(500, { message: 'Must be at most 500 characters.' })
        .refine((value) => !FILTER_TEXT_FORBIDDEN.test(value), { message: 'Contains control characters.' });
    case 'enum': {
      const values = field.values ?? [];
      return z.enum(values as [string, ...string[]], { error: () => `Must be one of: ${values.join(', ')}.` });
    }
    case 'integer':
      return z
        .union([z.number().int(), z.string().regex(/^-?\d{1,12}$/)], { error: () => 'Must be a whole number.' })
        .transform(Number);
    case 'date':
      return z
        .string({ error: 'Must be a date (YYYY-MM-DD).' })
        .refine((value) => DATE_ONLY.test(value) && !Number.isNaN(Date.parse(value)), {
          message: 'Must be a date (YYYY-MM-DD).',
        });
    case 'datetime':
      return z
        .string({ error: 'Must be an ISO 8601 date or date-time.' })
        .refine((value) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)), {
          message: 'Must be an ISO 8601 date or date-time.',
        })
        .transform((value) => new Date(value).toISOString());
  }
}

function operand(operator: string, field: QueryField): z.ZodType {
  const value = filterValue(field);
  switch (operator) {
    case '$in':
    case '$notIn':
      return z.union([z.array(value).min(1).max(MAX_FILTER_VALUES), value.transform((one: unknown) => [one])], {
        error: () => `A list of 1 to ${MAX_FILTER_VALUES} values: ${operator}[0]=…&${operator}[1]=…`,
      });
    case '$between':
      return z.array(value).length(2, { message: 'Two values: $between[0]=from&$between[1]=to.' });
    case '$null':
    case '$notNull':
      return flag('Must be true or false.');
    default:
      return value;
  }
}

/** `filters[slug]=x` is Strapi's short form of `filters[slug][$eq]=x`. */
const asCondition = (raw: unknown) =>
  typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? { $eq: raw } : raw;

function conditionSchema(field: QueryField): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const operator of FILTER_OPERATORS[field.kind]) shape[operator] = operand(operator, field).optional();
  return z.preprocess(asCondition, z.strictObject(shape, { error: () => 'Must be a value or {"$operator": value}.' }));
}

function filterSchema(
  fields: Record<string, QueryField>,
  relations: Record<string, Record<string, QueryField>>,
): z.ZodType<ContentFilters> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(fields)) shape[name] = conditionSchema(field).optional();
  for (const [name, target] of Object.entries(relations)) {
    if (Object.keys(target).length > 0) shape[name] = filterSchema(target, {}).optional();
  }
  const self: z.ZodType<ContentFilters> = z.lazy(() =>
    z.strictObject(
      {
        ...shape,
        $and: z.array(self).min(1).max(20).optional(),
        $or: z.array(self).min(1).max(20).optional(),
        $not: self.optional(),
      },
      { error: () => 'Must be filters[field][$operator]=value.' },
    ),
  );
  return self;
}

/** `a,b` or `[a, b]` (as qs parses `x[0]=a&x[1]=b`) → trimmed names. */
const nameList = (raw: unknown): string[] | undefined => {
  if (typeof raw === 'string') return raw.split(',').map((part) => part.trim());
  if (Array.isArray(raw) && raw.every((part) => typeof part === 'string'))
    return raw.flatMap((part) => part.split(',').map((name) => name.trim()));
  return undefined;
};

/** Issue paths into a list parameter: `sort[1]` when it came as an array, `sort` when as `a,b`. */
const indexPath =
  (raw: unknown) =>
  (index: number): (string | number)[] =>
    Array.isArray(raw) ? [index] : [];

function sortSchema(spec: ContentQuerySpec) {
  const sortable = Object.keys(spec.fields);
  return z.unknown().transform((raw, ctx) => {
    const parts = nameList(raw);
    if (!parts) {
      ctx.addIssue({ code: 'custom', message: 'Must be sort=field:asc, a comma list, or sort[0]=field:desc.' });
      return z.NEVER;
    }
    const out: string[] = [];
    const at = indexPath(raw);
    parts.slice(0, 6).forEach((part, index) => {
      const match = /^([A-Za-z][A-Za-z0-9]*)(?::(asc|desc))?$/i.exec(part);
      const name = match?.[1];
      if (!match || !name) {
        ctx.addIssue({ code: 'custom', path: at(index), message: `"${part}" is not field, field:asc or field:desc.` });
      } else if (!sortable.includes(name)) {
        ctx.addIssue({
          code: 'custom',
          path: at(index),
          message: `"${name}" is not a field you can sort on. Sortable: ${sortable.join(', ')}.`,
        });
      } else out.push(`${name}:${(match[2] ?? 'asc').toLowerCase()}`);
    });
    if (parts.length > 6) ctx.addIssue({ code: 'custom', message: 'At most 6 sort fields.' });
    return out;
  });
}

function fieldsSchema(route: ContentRoute) {
  const selectable = selectableFields(route);
  return z.unknown().transform((raw, ctx) => {
    const names = nameList(raw);
    if (!names) {
      ctx.addIssue({ code: 'custom', message: 'Must be fields=a,b or fields[0]=a&fields[1]=b.' });
      return z.NEVER;
    }
    const at = indexPath(raw);
    names.forEach((name, index) => {
      if (!selectable.includes(name)) {
        ctx.addIssue({
          code: 'custom',
          path: at(index),
          message: `"${name}" is not a field of ${route}. Fields: ${selectable.join(', ')}.`,
        });
      }
    });
    return names;
  });
}

function populateSchema(route: ContentRoute, spec: ContentQuerySpec) {
  const relations = Object.keys(spec.relations);
  const accepted = `Relations are always served; populate may name ${relations.join(', ')}.`;
  return z.unknown().transform((raw, ctx) => {
    let names: string[] | undefined = nameList(raw);
    if (!names && raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const entries = Object.entries(raw);
      const nested = entries.find(([, value]) => value !== true && value !== 'true');
      if (nested) {
        ctx.addIssue({
          code: 'custom',
          path: [nested[0]],
          message: `Nested populate is not accepted: a relation is served as a reference. ${accepted}`,
        });
        return z.NEVER;
      }
      names = entries.map(([name]) => name);
    }
    if (!names) {
      ctx.addIssue({ code: 'custom', message: `Must be populate=a,b or populate[0]=a. ${accepted}` });
      return z.NEVER;
    }
    const list = names;
    const keyed = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
    const at = (index: number): (string | number)[] => (keyed ? [list[index] ?? index] : indexPath(raw)(index));
    list.forEach((name, index) => {
      if (name === '*')
        ctx.addIssue({ code: 'custom', path: at(index), message: `populate=* is not accepted. ${accepted}` });
      else if (!relations.includes(name))
        ctx.addIssue({
          code: 'custom',
          path: at(index),
          message: `"${name}" is not a relation of ${route}. ${accepted}`,
        });
    });
    return names;
  });
}

const wholeNumber = (min: number, max: number) =>
  z
    .union([z.number(), z.string().regex(/^-?\d{1,12}$/)], { error: () => 'Must be a whole number.' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int({ message: 'Must be a whole number.' })
        .min(min, { message: `Must be ${min} or more.` })
        .max(max, { message: `Must be at most ${max}.` }),
    );

const MAX_PAGE = 100_000;
const PaginationParamsSchema = z.strictObject({
  page: wholeNumber(1, MAX_PAGE).optional(),
  pageSize: wholeNumber(1, MAX_PAGE_SIZE).optional(),
  start: wholeNumber(0, MAX_PAGE * MAX_PAGE_SIZE).optional(),
  limit: wholeNumber(1, MAX_PAGE_SIZE).optional(),
  withCount: flag('Must be true or false.').optional(),
});

const PublishedOnly = z
  .literal('published', { error: () => 'The public API serves published content only: leave status out.' })
  .optional();

function entryShape(route: ContentRoute) {
  const spec = CONTENT_QUERY_SPECS[route];
  return {
    locale: LocaleCode.optional(),
    fields: fieldsSchema(route).optional(),
    populate: populateSchema(route, spec).optional(),
    status: PublishedOnly,
  };
}

const selection = (fields: string[] | undefined, populate: string[] | undefined) =>
  fields === undefined ? undefined : [...new Set([...ALWAYS_SERVED_FIELDS, ...fields, ...(populate ?? [])])];

/** Preview reads also take `drafts` (see the preview controller); public reads do not. */
export interface ContentQueryOptions {
  preview?: boolean;
}
const extraShape = (options: ContentQueryOptions) => (options.preview ? { drafts: DraftScopeSchema.optional() } : {});

/**
 * The query of `GET /api/ritme/<route>`: Strapi's `pagination[page|pageSize|start|limit|withCount]`,
 * `sort`, `filters`, `fields`, `populate`, `locale` and `status=published`, plus the plugin's short
 * `page` and `pageSize` (which must agree with `pagination[…]` when both are sent).
 */
export function contentListQuerySchema(route: ContentRoute, options: ContentQueryOptions = {}) {
  const spec = CONTENT_QUERY_SPECS[route];
  return z
    .strictObject({
      ...entryShape(route),
      page: wholeNumber(1, MAX_PAGE).optional(),
      pageSize: wholeNumber(1, MAX_PAGE_SIZE).optional(),
      pagination: PaginationParamsSchema.optional(),
      sort: sortSchema(spec).optional(),
      filters: filterSchema(spec.fields, spec.relations).optional(),
      ...extraShape(options),
    })
    .superRefine((query, ctx) => {
      const long = query.pagination ?? {};
      for (const key of ['page', 'pageSize'] as const) {
        if (query[key] !== undefined && long[key] !== undefined && query[key] !== long[key]) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `${key}=${query[key]} disagrees with pagination[${key}]=${long[key]}: send one of them.`,
          });
        }
      }
      const byPage = [query.page, query.pageSize, long.page, long.pageSize].some((value) => value !== undefined);
      if (byPage && (long.start !== undefined || long.limit !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['pagination'],
          message: 'Page by page and pageSize, or by start and limit, not both.',
        });
      }
    })
    .transform((query) => {
      const long = query.pagination ?? {};
      const offset = long.start !== undefined || long.limit !== undefined;
      const pageSize = long.pageSize ?? query.pageSize ?? 25;
      const page = long.page ?? query.page ?? 1;
      const limit = long.limit ?? 25;
      const start = long.start ?? 0;
      const { fields, populate, sort, filters, locale } = query;
      const normalized: ContentListQuery & { drafts?: DraftScope } = {
        ...('drafts' in query && query.drafts !== undefined ? { drafts: query.drafts as DraftScope } : {}),
        locale: locale ?? DEFAULT_LOCALE,
        paging: offset ? 'offset' : 'page',
        page: offset ? Math.floor(start / limit) + 1 : page,
        pageSize: offset ? limit : pageSize,
        start: offset ? start : (page - 1) * pageSize,
        limit: offset ? limit : pageSize,
        withCount: long.withCount ?? true,
        sort: sort ?? [],
        ...(filters && Object.keys(filters).length > 0 ? { filters } : {}),
        ...(fields ? { select: selection(fields, populate) } : {}),
      };
      return normalized;
    });
}

/** The query of `GET /api/ritme/<route>/:idOrSlug`: `locale`, `fields`, `populate`, `status=published`. */
export function contentEntryQuerySchema(route: ContentRoute, options: ContentQueryOptions = {}) {
  return z.strictObject({ ...entryShape(route), ...extraShape(options) }).transform((query) => {
    const { fields, populate, locale } = query;
    const normalized: ContentEntryQuery & { drafts?: DraftScope } = {
      ...('drafts' in query && query.drafts !== undefined ? { drafts: query.drafts as DraftScope } : {}),
      locale: locale ?? DEFAULT_LOCALE,
      ...(fields ? { select: selection(fields, populate) } : {}),
    };
    return normalized;
  });
}

/** A query parameter as it is written in a URL: `['filters', 'slug', '$eq']` → `filters[slug][$eq]`. */
export const parameterName = (path: readonly (string | number)[]) =>
  path.length === 0
    ? '(query)'
    : `${path[0]}${path
        .slice(1)
        .map((part) => `[${part}]`)
        .join('')}`;

const TOP_LEVEL_HINTS: Record<string, string> = {
  publicationState: 'Only published content is served: leave publicationState out.',
};

/** Where an unknown key sits in a `filters` tree: a field name, or an operator of `field`. */
function filterPosition(spec: ContentQuerySpec, path: readonly (string | number)[]) {
  const names = path.slice(1).filter((part) => typeof part === 'string' && !part.startsWith('$')) as string[];
  const [first, second] = names;
  if (first === undefined) return { kind: 'field' as const, allowed: Object.keys(spec.fields) };
  const relation = spec.relations[first];
  if (relation && second === undefined) return { kind: 'field' as const, allowed: Object.keys(relation) };
  const field = relation ? relation[second as string] : spec.fields[first];
  return { kind: 'operator' as const, allowed: field ? [...FILTER_OPERATORS[field.kind]] : [] };
}

/**
 * zod's issues for a content query, one per bad parameter, each naming the
 * parameter as written in the URL (`parameter`) and saying what is accepted.
 */
export function contentQueryErrors(
  route: ContentRoute,
  error: z.ZodError,
  accepted: readonly string[],
): { path: (string | number)[]; parameter: string; message: string }[] {
  const spec = CONTENT_QUERY_SPECS[route];
  return error.issues.flatMap((issue) => {
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
    if (issue.code !== 'unrecognized_keys') return [{ path, parameter: parameterName(path), message: issue.message }];
    return issue.keys.map((key) => {
      const at = [...path, key];
      let message: string;
      if (path.length === 0) {
        message = TOP_LEVEL_HINTS[key] || `Unknown parameter. Accepted: ${accepted.join(', ')}.`;
      } else if (path[0] === 'pagination') {
        message = 'Unknown pagination parameter. Accepted: page, pageSize, start, limit, withCount.';
      } else if (path[0] === 'filters') {
        const position = filterPosition(spec, at.slice(0, -1));
        if (key.startsWith('$')) {
          message =
            position.kind === 'operator'
              ? `Operator ${key} is not accepted here. Accepted: ${position.allowed.join(', ')}.`
              : `Operator ${key} is not accepted here. Accepted: ${LOGICAL_FILTER_OPERATORS.join(', ')} or a field name.`;
        } else {
          message =
            position.kind === 'field'
              ? `"${key}" is not a field you can filter on. Filterable: ${position.allowed.join(', ')}.`
              : `Expected an operator (${position.allowed.join(', ')}), not "${key}".`;
        }
      } else {
        message = `Unknown key "${key}".`;
      }
      return { path: at, parameter: parameterName(at), message };
    });
  });
}

/** The parameters the list routes accept at the top level (for messages and docs). */
export const CONTENT_LIST_PARAMETERS = [
  'locale',
  'page',
  'pageSize',
  'pagination',
  'sort',
  'filters',
  'fields',
  'populate',
  'status',
] as const;
export const CONTENT_ENTRY_PARAMETERS = ['locale', 'fields', 'populate', 'status'] as const;
