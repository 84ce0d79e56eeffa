/**
 * GET /clock: when the intranet next changes by the clock alone (a round
 * opening or closing, a session starting or ending, the week turning), from
 * published content only. For the build service, which schedules a build then.
 * Takes no query parameters (a `locale` is accepted and ignored: moments are
 * the same in every language).
 */
import { LocaleCode } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { type HttpContext, parseQuery } from '../validation/request';

const ClockQuerySchema = z.strictObject({ locale: LocaleCode.optional() });

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async index(ctx: HttpContext) {
    if (!parseQuery(ctx, ClockQuerySchema)) return;
    ctx.body = { data: await strapi.plugin('ritme').service('clock').next(), meta: {} };
  },
});
