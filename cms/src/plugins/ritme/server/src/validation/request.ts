/**
 * Request validation for every route: bodies must be `{ "data": { … } }` and
 * match the shared schema; query strings may hold only the keys a route knows.
 * A rejection is a 400 in Strapi's error format with one message per field.
 */
import { toFieldErrors } from '@ritme/shared';
import { z } from 'zod';

export interface HttpContext {
  query: Record<string, unknown>;
  params: Record<string, string>;
  request: { body?: unknown };
  badRequest(message: string, details?: unknown): void;
  notFound(message: string, details?: unknown): void;
  status: number;
  body: unknown;
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
