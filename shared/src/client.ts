/**
 * A typed client for the plugin's content API. Every response is parsed with the
 * shared schemas; every failure says which request failed and what to do next.
 */
import { z } from 'zod';
import { type Change, ChangeSchema } from './codesign.js';
import {
  CONTENT_SCHEMAS,
  type ContentOf,
  type ContentRoute,
  type DraftScope,
  type Home,
  HomeSchema,
} from './content.js';
import type { Locale } from './enums.js';
import { ApiErrorSchema, itemResponseSchema, listResponseSchema, MAX_PAGE_SIZE, type Pagination } from './query.js';
import { type RoundResults, RoundResultsSchema } from './rounds.js';
import {
  type EvaluationResponseInput,
  IDEMPOTENCY_KEY_HEADER,
  type SubmissionReceipt,
  SubmissionReceiptSchema,
  type SuggestionInput,
} from './submissions.js';
import { SYNC_PAGE_SIZE, type SyncMeta, syncResponseSchemaOf } from './sync.js';

export interface RitmeClientOptions {
  /** The Strapi origin, e.g. http://localhost:1337 */
  baseUrl: string;
  /** An API token; only needed for editor routes and previews. */
  token?: string;
  /**
   * Read through the plugin's preview routes, with the drafts of this scope
   * besides published content: `'shared'` (what editors shared with pilots) or
   * one documentId (an editor's Preview link). Needs a token with the preview
   * permissions; only ever used server-side by the preview server. Entries then
   * carry `preview` (published or not, shared or not, missing fields).
   */
  drafts?: DraftScope;
  fetch?: typeof globalThis.fetch;
}

export type FieldError = { path: (string | number)[]; message: string };

export interface SendOptions {
  /**
   * Makes the request safe to retry: send the same key again (after a timeout
   * or a dropped connection) and the CMS returns the first receipt instead of
   * storing a second copy. Use a fresh random key, e.g. `crypto.randomUUID()`,
   * per submission (8–100 characters of A-Z, a-z, 0-9, "_", "-").
   */
  idempotencyKey?: string;
}

export class RitmeApiError extends Error {
  override readonly name = 'RitmeApiError';
  constructor(
    message: string,
    /** HTTP status, or 0 when the CMS could not be reached at all. */
    readonly status: number,
    readonly url: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }
}

export interface Page<T> {
  data: T[];
  pagination: Pagination;
}

/** Like the data, the key is checked by the CMS: a malformed one is a 400 with a message. */
const idempotencyHeaders = (send: SendOptions): Record<string, string> =>
  send.idempotencyKey === undefined ? {} : { [IDEMPOTENCY_KEY_HEADER]: send.idempotencyKey };

export function createRitmeClient(options: RitmeClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const reads = options.drafts ? '/preview' : '';
  const scope = options.drafts ? { drafts: options.drafts } : {};

  async function request<S extends z.ZodType>(
    path: string,
    schema: S,
    init: {
      method?: string;
      body?: unknown;
      query?: Record<string, string | number | undefined>;
      headers?: Record<string, string>;
      fetch?: typeof globalThis.fetch;
    } = {},
  ): Promise<z.infer<S>> {
    const url = new URL(`${baseUrl}/api/ritme${path}`);
    for (const [key, value] of Object.entries(init.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    const method = init.method ?? 'GET';
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await (init.fetch ?? doFetch)(url, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    } catch (cause) {
      throw new RitmeApiError(
        `Cannot reach the CMS at ${baseUrl} (${method} ${url.pathname}): ${(cause as Error).message}. ` +
          'Start it with `npm start`, or set CMS_URL to where Strapi runs.',
        0,
        url.toString(),
      );
    }

    const text = await response.text();
    let body: unknown;
    try {
      body = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      throw new RitmeApiError(
        `${method} ${url} answered ${response.status} with something that is not JSON (${text.slice(0, 120)}…). ` +
          'Is CMS_URL pointing at Strapi?',
        response.status,
        url.toString(),
      );
    }

    if (!response.ok) {
      const parsed = ApiErrorSchema.safeParse(body);
      const detail = parsed.success ? parsed.data.error.message : response.statusText;
      const fieldErrors = parsed.success ? (parsed.data.error.details?.errors ?? []) : [];
      throw new RitmeApiError(
        `${method} ${url} failed with ${response.status}: ${detail}`,
        response.status,
        url.toString(),
        fieldErrors,
      );
    }

    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const where = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ');
      throw new RitmeApiError(
        `${method} ${url} returned data that does not match Ritme's schema (${where}). ` +
          'Are the CMS plugin and this site the same Ritme version?',
        response.status,
        url.toString(),
      );
    }
    return parsed.data;
  }

  return {
    baseUrl,

    /** One page of published entries of a content type. */
    async list<R extends ContentRoute>(
      route: R,
      query: { locale?: Locale; page?: number; pageSize?: number } = {},
    ): Promise<Page<ContentOf<R>>> {
      const result = await request(`${reads}/${route}`, listResponseSchema(CONTENT_SCHEMAS[route]), {
        query: { ...query, ...scope },
      });
      return { data: result.data as ContentOf<R>[], pagination: result.meta.pagination };
    },

    /** Every published entry of a content type in one locale, paging to the end. */
    async listAll<R extends ContentRoute>(route: R, locale: Locale): Promise<ContentOf<R>[]> {
      const all: ContentOf<R>[] = [];
      for (let page = 1; ; page += 1) {
        const result = await this.list(route, { locale, page, pageSize: MAX_PAGE_SIZE });
        all.push(...result.data);
        if (page >= result.pagination.pageCount) return all;
      }
    },

    /** One published entry by slug or documentId. */
    async get<R extends ContentRoute>(route: R, idOrSlug: string, locale?: Locale): Promise<ContentOf<R>> {
      const result = await request(
        `${reads}/${route}/${encodeURIComponent(idOrSlug)}`,
        itemResponseSchema(CONTENT_SCHEMAS[route]),
        { query: { locale, ...scope } },
      );
      return result.data as ContentOf<R>;
    },

    /**
     * One page of an incremental sync (see sync.ts): `{ since, until, after }` from the last
     * page's meta, or none for a cold sync; `ids` asks for those documents' current state.
     * `bytes` is the size of the response body read.
     */
    async syncPage<R extends ContentRoute>(
      route: R,
      locale: Locale,
      window: { since?: string; until?: string; after?: string; limit?: number; ids?: readonly string[] } = {},
    ): Promise<{ data: ContentOf<R>[]; tombstones: string[]; meta: SyncMeta; bytes: number }> {
      let bytes = 0;
      const counting: typeof globalThis.fetch = async (input, init) => {
        const response = await doFetch(input, init);
        const text = await response.text();
        bytes += new TextEncoder().encode(text).length;
        return new Response(text, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
      };
      const result = await request(`/sync/${route}`, syncResponseSchemaOf(route), {
        query: {
          locale,
          since: window.since,
          until: window.until,
          after: window.after,
          limit: window.limit ?? (window.ids ? undefined : SYNC_PAGE_SIZE),
          ids: window.ids ? window.ids.join(',') : undefined,
        },
        fetch: counting,
      });
      return { data: result.data as ContentOf<R>[], tombstones: result.tombstones, meta: result.meta, bytes };
    },

    async home(locale?: Locale): Promise<Home> {
      return (await request(`${reads}/home`, itemResponseSchema(HomeSchema), { query: { locale, ...scope } })).data;
    },

    async roundResults(idOrSlug: string, locale?: Locale): Promise<RoundResults> {
      return (
        await request(
          `/evaluation-rounds/${encodeURIComponent(idOrSlug)}/results`,
          itemResponseSchema(RoundResultsSchema),
          { query: { locale } },
        )
      ).data;
    },

    /** The public "you asked, we changed" board. */
    async changes(): Promise<Change[]> {
      return (await request('/changes', itemResponseSchema(z.array(ChangeSchema)))).data;
    },

    async sendSuggestion(data: SuggestionInput, send: SendOptions = {}): Promise<SubmissionReceipt> {
      return (
        await request('/suggestions', itemResponseSchema(SubmissionReceiptSchema), {
          method: 'POST',
          body: { data },
          headers: idempotencyHeaders(send),
        })
      ).data;
    },

    async sendEvaluationResponse(data: EvaluationResponseInput, send: SendOptions = {}): Promise<SubmissionReceipt> {
      return (
        await request('/evaluation-responses', itemResponseSchema(SubmissionReceiptSchema), {
          method: 'POST',
          body: { data },
          headers: idempotencyHeaders(send),
        })
      ).data;
    },
  };
}
export type RitmeClient = ReturnType<typeof createRitmeClient>;
