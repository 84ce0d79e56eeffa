/**
 * Preview links open once. The id of every link that opened a session is kept
 * here, in this process's memory, until the link would have expired anyway
 * (Strapi signs links for ten minutes), so the list stays as small as the
 * number of links opened in the last ten minutes.
 *
 * Per process: run one preview server process, or a second one (behind a load
 * balancer, or after a restart within those ten minutes) accepts a link the
 * first one already opened once more.
 */
const used = new Map<string, number>();

/** True the first time a link id is used (and remembers it); false for every later use. */
export function claimLink(id: string, expiresAt: number, now = Date.now()): boolean {
  for (const [seen, until] of used) if (until <= now) used.delete(seen);
  if (used.has(id)) return false;
  used.set(id, expiresAt);
  return true;
}
