/**
 * Ritme's content API takes JSON only, and reads it itself: the host's body
 * parser settings (Strapi's defaults: 1 MB of JSON, multipart for every route,
 * a malformed body logged as a 500 with its stack trace) do not decide what
 * Ritme accepts. Mounted in front of Strapi's own middlewares, for a request
 * to /api/ritme with a body this
 *
 * - answers a multipart body with a 400 before anything parses it;
 * - answers a body larger than BODY_LIMIT_BYTES with a 413, by its
 *   Content-Length or while it arrives;
 * - reads a JSON body (UTF-8, not compressed) and answers malformed JSON with
 *   a 400, then hands the parsed value on as `ctx.request.body` and marks the
 *   request as read, so Strapi's body parser leaves it alone.
 *
 * Other content types go on to Strapi's parser, and the routes refuse what is
 * not `{"data": …}`. Other routes (the admin's media uploads) are left alone.
 *
 * The body is parsed before any route is matched, so "under /api/ritme" has to
 * cover every spelling that might reach a Ritme route and more: Strapi's router
 * ignores case and a trailing slash, and the path is also compared here
 * percent-decoded, with backslashes, repeated slashes and dot segments folded.
 */
import type { IncomingMessage } from 'node:http';
import type { Core } from '@strapi/strapi';
import { answerError } from '../validation/error-envelope';
import { foldedPath } from './request-path';

/** Submissions are a few kB and trainings a few dozen; anything much larger is refused before it is read. */
export const BODY_LIMIT_BYTES = 256 * 1024;
const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);
const USAGE = 'Send a JSON body of the form {"data": {…}} with Content-Type: application/json.';

type Ctx = {
  path: string;
  method: string;
  status: number;
  body: unknown;
  req: IncomingMessage;
  request: { body?: unknown };
  is(...types: string[]): string | false | null;
};

/** Is `path` in the API under `prefix`? The prefix ends at a slash or at anything that is not part of a name. */
export function isUnder(path: string, prefix: string): boolean {
  const folded = foldedPath(path);
  const base = foldedPath(prefix).replace(/\/+$/, '');
  return folded.startsWith(base) && !/^[a-z0-9_-]/.test(folded.slice(base.length));
}

class BodyRefused extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    message: string,
  ) {
    super(message);
  }
}

const tooLarge = () =>
  new BodyRefused(413, 'PayloadTooLargeError', `The request body is larger than ${BODY_LIMIT_BYTES / 1024} kB.`);

/** The whole body, or a refusal once it passes the limit (the rest is not read). */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error?: Error) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (error) {
        // Stop reading; the answer is sent, and the connection is not kept for the rest.
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) done(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => done();
    const onError = (error: Error) =>
      done(
        new BodyRefused(400, 'BadRequestError', `The request body could not be read (${error.message.slice(0, 80)}).`),
      );
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

async function readJson(ctx: Ctx): Promise<unknown> {
  const declared = Number(ctx.req.headers['content-length']);
  if (Number.isFinite(declared) && declared > BODY_LIMIT_BYTES) throw tooLarge();
  const encoding = String(ctx.req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') {
    throw new BodyRefused(400, 'BadRequestError', 'Send the JSON body uncompressed (no Content-Encoding).');
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(String(ctx.req.headers['content-type'] ?? ''))?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) {
    throw new BodyRefused(400, 'BadRequestError', `Send the JSON body as UTF-8, not ${charset.slice(0, 20)}.`);
  }
  const raw = (await readBody(ctx.req)).toString('utf8');
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new BodyRefused(
      400,
      'BadRequestError',
      `The request body could not be read (${String((error as Error).message).slice(0, 120)}). Send well-formed JSON.`,
    );
  }
}

export const jsonOnly = (strapi: Core.Strapi) => {
  const base = () => `${String(strapi.config.get('api.rest.prefix', '/api'))}/ritme`;
  return async (ctx: Ctx, next: () => Promise<void>) => {
    if (!METHODS_WITH_BODY.has(ctx.method.toUpperCase()) || !isUnder(ctx.path, base())) return next();
    if (ctx.is('multipart/*')) {
      answerError(ctx, 400, 'BadRequestError', `Ritme's API takes JSON only. ${USAGE}`, {
        errors: [{ path: [], message: USAGE }],
      });
      return;
    }
    const declared = Number(ctx.req.headers['content-length']);
    if (Number.isFinite(declared) && declared > BODY_LIMIT_BYTES) {
      const refused = tooLarge();
      answerError(ctx, refused.status, refused.errorName, refused.message);
      return;
    }
    if (!ctx.is('json', '+json')) return next();
    let body: unknown;
    try {
      body = await readJson(ctx);
    } catch (error) {
      if (!(error instanceof BodyRefused)) throw error;
      answerError(ctx, error.status, error.errorName, error.message, { errors: [{ path: [], message: USAGE }] });
      return;
    }
    ctx.request.body = body;
    // The body is read: without a length or transfer encoding, Strapi's parser finds none to parse.
    delete ctx.req.headers['content-length'];
    delete ctx.req.headers['transfer-encoding'];
    return next();
  };
};
