/**
 * The next moment a page of the intranet changes by the clock alone, from
 * published content only: an evaluation round opening or closing (the round
 * pages and the home page), a training session starting or ending (the
 * upcoming lists), or the week turning (the focus of the week). The build
 * service schedules a build for it.
 */
import { type Clock, type ClockReason, nextWeekTurn } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { rows } from '../documents';

/** Which field of which type, and what it means when that moment comes. */
const MOMENTS: { uid: `plugin::ritme.${string}`; field: string; reason: ClockReason }[] = [
  { uid: 'plugin::ritme.evaluation-round', field: 'opensAt', reason: 'round-opens' },
  { uid: 'plugin::ritme.evaluation-round', field: 'closesAt', reason: 'round-closes' },
  { uid: 'plugin::ritme.training-session', field: 'startsAt', reason: 'session-starts' },
  { uid: 'plugin::ritme.training-session', field: 'endsAt', reason: 'session-ends' },
];

const toDate = (value: unknown): Date | null => {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
  return Number.isNaN(date.getTime()) ? null : date;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The earliest moment after `now`; on a tie the first reason of CLOCK_REASONS' order. */
  async next(now = new Date()): Promise<Clock> {
    // One row per field: the smallest future value among published rows (the query engine sorts and limits in SQL).
    const found = await Promise.all(
      MOMENTS.map(async ({ uid, field, reason }) => {
        const [row] = await rows(strapi, uid).findMany({
          where: { publishedAt: { $notNull: true }, [field]: { $gt: now } },
          select: [field],
          orderBy: { [field]: 'asc' },
          limit: 1,
        });
        const at = toDate(row?.[field]);
        return at && at.getTime() > now.getTime() ? { at, reason } : null;
      }),
    );
    const candidates = [...found, { at: nextWeekTurn(now), reason: 'week-turns' as const }].filter(
      (candidate): candidate is { at: Date; reason: ClockReason } => candidate !== null,
    );
    let best: { at: Date; reason: ClockReason } | null = null;
    for (const candidate of candidates) if (!best || candidate.at < best.at) best = candidate;
    return best ? { next: best.at.toISOString(), reason: best.reason } : { next: null, reason: null };
  },
});
