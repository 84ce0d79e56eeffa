/**
 * Request validation for every route: bodies must be `{ "data": { … } }` and
 * match the shared schema; query strings may hold only the keys a route knows.
 * A rejection is a 400 in Strapi's error format with one message per field.
 */
import { randomBytes } from 'node:crypto';
import {
  type ContentRoute,
  contentQueryErrors,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKeySchema,
  toFieldErrors,
} from '@ritme/shared';
import { z } from 'zod';
import { IdempotencyConflict, SubmissionRejected } from '../services/submissions';
import { answerError } from './error-envelope';

export interface HttpContext {
  query: Record<string, unknown>;
  params: Record<string, string>;
  request: { body?: unknown; headers?: Record<string, string | string[] | undefined> };
  badRequest(message: string, details?: unknown): void;
  notFound(message: string, details?: unknown): void;
  status: number;
  body: unknown;
  set?(name: string, value: string): void;
}

const Envelope = z.strictObject({ data: z.unknown() });

function reject(ctx: HttpContext, what: string, errors: { path: (string | number)[]; message: string }[]) {
  const summary = errors
    .slice(0, 3)
    .map((error) => `${error.path.join('.') || '(body)'}: ${error.message}`)
    .join('; ');
  ctx.badRequest(`Invalid ${what}. ${summary}`, { errors });
}

/** Parse `ctx.query`; on failure answer 400 and return undefined. */
export function parseQuery<S extends z.ZodType>(ctx: HttpContext, schema: S): z.infer<S> | undefined {
  const parsed = schema.safeParse(ctx.query ?? {});
  if (parsed.success) return parsed.data;
  reject(ctx, 'query', toFieldErrors(parsed.error));
  return undefined;
}

/**
 * Parse the query of a content read route (Strapi's `pagination`, `sort`,
 * `filters`, `fields`, `populate`, or the short forms) as Strapi's koa query
 * parser left it in `ctx.query` (brackets already nested into objects). On
 * failure answer 400 naming each bad parameter as written in the URL
 * (`filters[title][$regex]`), and return undefined.
 */
export function parseContentQuery<S extends z.ZodType>(
  ctx: HttpContext,
  route: ContentRoute,
  schema: S,
  accepted: readonly string[],
): z.infer<S> | undefined {
  const parsed = schema.safeParse(ctx.query ?? {});
  if (parsed.success) return parsed.data;
  const errors = contentQueryErrors(route, parsed.error, accepted);
  const summary = errors
    .slice(0, 3)
    .map((error) => `${error.parameter}: ${error.message}`)
    .join('; ');
  ctx.badRequest(`Invalid query parameter${errors.length === 1 ? '' : 's'}. ${summary}`, { errors });
  return undefined;
}

/** Parse a `{ data }` body; on failure answer 400 and return undefined. */
export function parseBody<S extends z.ZodType>(ctx: HttpContext, schema: S, what: string): z.infer<S> | undefined {
  const envelope = Envelope.safeParse(ctx.request.body);
  if (!envelope.success || envelope.data.data === undefined) {
    reject(ctx, what, [
      { path: [], message: 'Send a JSON body of the form {"data": {…}} with Content-Type: application/json.' },
      ...(envelope.success ? [] : toFieldErrors(envelope.error)),
    ]);
    return undefined;
  }
  const parsed = schema.safeParse(envelope.data.data);
  if (parsed.success) return parsed.data;
  reject(ctx, what, toFieldErrors(parsed.error));
  return undefined;
}

const IdOrSlug = z.string().regex(/^[a-z0-9-]{1,120}$/);

/** The `:id` route parameter, a documentId or a slug; anything else is simply not found. */
export function idParam(ctx: HttpContext): string | undefined {
  const parsed = IdOrSlug.safeParse(ctx.params.id);
  if (parsed.success) return parsed.data;
  ctx.notFound('Not found.');
  return undefined;
}

/**
 * The optional `Idempotency-Key` header of a public submission. Absent → `{}`;
 * well-formed → `{ idempotencyKey }`; anything else (empty, too short or long,
 * other characters, sent twice) → 400 with a message, and undefined.
 */
export function idempotencyKeyHeader(ctx: HttpContext): { idempotencyKey?: string } | undefined {
  const raw = ctx.request.headers?.[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (raw === undefined) return {};
  const parsed = IdempotencyKeySchema.safeParse(raw);
  if (parsed.success) return { idempotencyKey: parsed.data };
  const message = parsed.error.issues[0]?.message ?? 'Invalid.';
  ctx.badRequest(`Invalid ${IDEMPOTENCY_KEY_HEADER} header. ${message} Leave it out to send without one.`, {
    errors: [{ path: [IDEMPOTENCY_KEY_HEADER], message }],
  });
  return undefined;
}

/**
 * Answer a stored submission: 201 with its receipt, or — for a retry whose
 * idempotency key was seen before — 200 with the first receipt and the header
 * `Idempotent-Replayed: true`.
 */
export function sendReceipt(ctx: HttpContext, receipt: { documentId: string; receivedAt: string; replayed: boolean }) {
  ctx.status = receipt.replayed ? 200 : 201;
  if (receipt.replayed) ctx.set?.('Idempotent-Replayed', 'true');
  ctx.body = { data: { documentId: receipt.documentId, receivedAt: receipt.receivedAt } };
}

/**
 * Store a public submission and answer it: the receipt; 400 with the reason
 * (and its code) when the round refuses it; 422 when its Idempotency-Key
 * belongs to another submission. A filled-in honeypot (`website`, a field no
 * person sees) is a bot: it gets a receipt that looks real and nothing is stored.
 */
export async function sendSubmission(
  ctx: HttpContext,
  input: { website?: string | undefined },
  store: () => Promise<{ documentId: string; receivedAt: string; replayed: boolean }>,
) {
  if (input.website) {
    const decoy = randomBytes(18)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')
      .slice(0, 24);
    return sendReceipt(ctx, { documentId: decoy, receivedAt: new Date().toISOString(), replayed: false });
  }
  try {
    sendReceipt(ctx, await store());
  } catch (error) {
    if (error instanceof SubmissionRejected) {
      return ctx.badRequest(error.message, { errors: error.errors, ...(error.code ? { code: error.code } : {}) });
    }
    if (error instanceof IdempotencyConflict) {
      return answerError(ctx, 422, 'UnprocessableEntityError', error.message, {
        errors: [{ path: [IDEMPOTENCY_KEY_HEADER], message: error.message }],
      });
    }
    throw error;
  }
}
