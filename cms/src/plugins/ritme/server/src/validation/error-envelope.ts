/**
 * Strapi's error envelope, for answers the plugin writes itself (before a
 * route is matched, or with a status Strapi's ctx helpers don't offer), so
 * every refusal reads the same to a client as Strapi's own.
 */
type Answerable = { status: number; body: unknown };

export function answerError(
  ctx: Answerable,
  status: number,
  name: string,
  message: string,
  details: Record<string, unknown> = {},
) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details } };
}
