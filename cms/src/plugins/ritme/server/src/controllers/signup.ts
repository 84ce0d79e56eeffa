/**
 * Sign-ups for training sessions, for anyone on the intranet: sign up (create),
 * see a session's seats (availability), and — with the token of a cancel link
 * — look a sign-up up and cancel it. A cancel link only ever cancels through
 * POST: mail scanners open links, and opening one must not cancel anything.
 */
import {
  AVAILABILITY_MAX_IDS,
  CancelInputSchema,
  documentId,
  IDEMPOTENCY_KEY_HEADER,
  SignupInputSchema,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { SignupRefused } from '../services/signups';
import { IdempotencyConflict } from '../services/submissions';
import { answerError } from '../validation/error-envelope';
import { type HttpContext, idempotencyKeyHeader, parseBody, parseQuery } from '../validation/request';

const AvailabilityQuery = z.strictObject({
  ids: z
    .string()
    .max(AVAILABILITY_MAX_IDS * 65)
    .transform((value) => [...new Set(value.split(',').filter(Boolean))])
    .pipe(
      z
        .array(documentId)
        .min(1, { message: 'Name at least one session.' })
        .max(AVAILABILITY_MAX_IDS, { message: `Ask for at most ${AVAILABILITY_MAX_IDS} sessions at once.` }),
    ),
});

const service = (strapi: Core.Strapi) => strapi.plugin('ritme').service('signups');

/** A refusal in Strapi's envelope, with the code the intranet's forms react to. */
async function answering(ctx: HttpContext, work: () => Promise<void>) {
  try {
    await work();
  } catch (error) {
    if (error instanceof SignupRefused) {
      const name = error.status === 404 ? 'NotFoundError' : 'ConflictError';
      return answerError(ctx, error.status, name, error.message, { code: error.code });
    }
    if (error instanceof IdempotencyConflict) {
      return answerError(ctx, 422, 'UnprocessableEntityError', error.message, {
        errors: [{ path: [IDEMPOTENCY_KEY_HEADER], message: error.message }],
      });
    }
    throw error;
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: HttpContext) {
    const options = idempotencyKeyHeader(ctx);
    if (!options) return;
    const input = parseBody(ctx, SignupInputSchema, 'sign-up');
    if (!input) return;
    // The honeypot: a bot gets an answer that looks real, and nothing is stored or sent.
    if (input.website) {
      ctx.status = 201;
      ctx.body = { data: { status: 'confirmed', position: null, seatsLeft: null } };
      return;
    }
    await answering(ctx, async () => {
      const { receipt, replayed } = await service(strapi).signUp(input, options);
      ctx.status = replayed ? 200 : 201;
      if (replayed) ctx.set?.('Idempotent-Replayed', 'true');
      ctx.body = { data: receipt };
    });
  },

  async availability(ctx: HttpContext) {
    const query = parseQuery(ctx, AvailabilityQuery);
    if (!query) return;
    ctx.set?.('Cache-Control', 'no-store');
    ctx.body = { data: await service(strapi).availability(query.ids) };
  },

  async lookup(ctx: HttpContext) {
    const input = parseBody(ctx, CancelInputSchema, 'cancel link');
    if (!input) return;
    await answering(ctx, async () => {
      ctx.body = { data: await service(strapi).lookup(input.token) };
    });
  },

  async cancel(ctx: HttpContext) {
    const input = parseBody(ctx, CancelInputSchema, 'cancel link');
    if (!input) return;
    await answering(ctx, async () => {
      ctx.body = { data: await service(strapi).cancel(input.token) };
    });
  },
});
