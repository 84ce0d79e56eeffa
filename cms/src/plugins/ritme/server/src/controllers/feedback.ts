/** Feedback from preview pages, forwarded by the preview server (which adds the build and the invite). */
import { FeedbackSubmissionSchema } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { SubmissionRejected } from '../services/submissions';
import { type HttpContext, parseBody } from '../validation/request';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async create(ctx: HttpContext) {
    const input = parseBody(ctx, FeedbackSubmissionSchema, 'feedback');
    if (!input) return;
    try {
      ctx.status = 201;
      ctx.body = { data: await strapi.plugin('ritme').service('codesign').createFeedback(input) };
    } catch (error) {
      if (!(error instanceof SubmissionRejected)) throw error;
      ctx.badRequest(error.message, { errors: error.errors });
    }
  },
});
