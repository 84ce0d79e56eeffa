/**
 * The editors' home: what needs attention, in parts an admin may or may not be
 * allowed to see. `GET /ritme/overview` (admin) answers every part the admin
 * holds the permission for, or the one part asked for with `?part=`.
 */
import { z } from 'zod';
import type { BuildStatus } from './live.js';

export const OVERVIEW_PARTS = ['voices', 'rounds', 'drafts', 'pilots', 'build'] as const;
export type OverviewPart = (typeof OVERVIEW_PARTS)[number];

/** "Closing soon" is within this many days from now. */
export const ROUNDS_CLOSING_WITHIN_DAYS = 7;
/** A pilot "used the preview recently" within this many days. */
export const PILOTS_RECENT_DAYS = 7;
/** At most this many rounds are listed per group; `total` says how many there are. */
export const ROUNDS_LISTED = 10;

/** The Ritme types with draft & publish whose waiting drafts the home counts, by their short name. */
export const DRAFT_TYPES = [
  'behaviour',
  'training',
  'training-session',
  'group',
  'person',
  'spotlight',
  'evaluation-round',
] as const;
export type DraftType = (typeof DRAFT_TYPES)[number];

export const OverviewQuerySchema = z.strictObject({ part: z.enum(OVERVIEW_PARTS).optional() });
export type OverviewQuery = z.infer<typeof OverviewQuerySchema>;

export interface OverviewRound {
  documentId: string;
  title: string;
  closesAt: string;
}

export interface Overview {
  /** Suggestions and pilot feedback nobody has answered yet (status new). With inbox.read. */
  voices?: { suggestions: number; feedback: number };
  /** Published rounds closing within the next days, and rounds closed without a follow-up. With read on rounds. */
  rounds?: {
    /** "Closing soon" means within this many days (ROUNDS_CLOSING_WITHIN_DAYS). */
    withinDays: number;
    closingSoon: { total: number; items: OverviewRound[] };
    awaitingFollowUp: { total: number; items: OverviewRound[] };
  };
  /**
   * Per type the admin may read in the Content Manager: documents with a locale never published
   * (`draft`) or with changes not published yet (`modified`), as the Content Manager's status says.
   */
  drafts?: { type: DraftType; uid: string; draft: number; modified: number }[];
  /** Invites neither revoked nor expired, and how many of those opened the preview in the last `recentDays`. With invites.manage. */
  pilots?: { active: number; usedRecently: number; recentDays: number };
  /** The intranet's build state, as GET /ritme/build-status. With build.read. */
  build?: BuildStatus;
}
