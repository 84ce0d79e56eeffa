/**
 * POST /preview-api/feedback — the feedback widget sends here (same origin).
 * The input is validated with the shared schema; the server adds what only it
 * knows (the preview build and the pilot's invite) and forwards it to Strapi
 * with the preview token.
 */
import { FeedbackInputSchema, type FeedbackSubmission, toFieldErrors } from '@ritme/shared';
import type { APIRoute } from 'astro';
import { clientOf } from '../client-address.mjs';
import { previewConfig } from '../config';
import { CLIENT_HEADER } from '../invites';

/** A browser always sends Origin on a cross-site POST; it must name this host. */
function sameOrigin(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === headers.get('host');
  } catch {
    return false;
  }
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const POST: APIRoute = async (context) => {
  const config = previewConfig();
  const session = context.locals.ritmePreview?.session;
  if (!session) return json(401, { error: { status: 401, name: 'UnauthorizedError', message: 'No preview session.' } });
  if (!sameOrigin(context.request.headers)) {
    return json(403, {
      error: { status: 403, name: 'ForbiddenError', message: 'Feedback is only accepted from preview pages.' },
    });
  }
  const body = (await context.request.json().catch(() => null)) as { data?: unknown } | null;
  const parsed = FeedbackInputSchema.safeParse(body?.data);
  if (!parsed.success) {
    const errors = toFieldErrors(parsed.error);
    return json(400, {
      error: { status: 400, name: 'ValidationError', message: 'Invalid feedback.', details: { errors } },
    });
  }
  const submission: FeedbackSubmission = {
    ...parsed.data,
    showName: session.kind === 'pilot' ? parsed.data.showName : false,
    build: config.build,
    invite: session.kind === 'pilot' ? session.invite : null,
  };
  let response: Response;
  try {
    response = await fetch(`${config.cmsUrl}/api/ritme/feedback`, {
      method: 'POST',
      // The browser's address (see server.mjs): Strapi limits editors' feedback per address.
      headers: {
        authorization: `Bearer ${config.token}`,
        'content-type': 'application/json',
        [CLIENT_HEADER]: clientOf(context),
      },
      body: JSON.stringify({ data: submission }),
    });
  } catch {
    return json(503, {
      error: { status: 503, name: 'ServiceUnavailableError', message: 'The CMS cannot be reached.' },
    });
  }
  return new Response(await response.text(), {
    status: response.status,
    headers: { 'content-type': 'application/json' },
  });
};
