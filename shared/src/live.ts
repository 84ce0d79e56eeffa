/**
 * "Live": the contract between Strapi (the Ritme plugin) and the build service
 * beside the static intranet. Strapi POSTs what changed to
 * `<builder>/_ritme/hooks/build` (header `x-ritme-build-secret`), asks
 * `<builder>/_ritme/status` for the editors' screen, and answers
 * `GET /api/ritme/clock` with the next moment a page changes by the clock alone.
 */
import { z } from 'zod';

/** The header the build service checks on every call from Strapi. */
export const BUILD_SECRET_HEADER = 'x-ritme-build-secret';

/** What happened to an entry: the Document Service's action, or a media file's. */
export const BUILD_EVENT_KINDS = ['publish', 'unpublish', 'update', 'discardDraft', 'delete', 'create'] as const;
export type BuildEventKind = (typeof BUILD_EVENT_KINDS)[number];

export const BuildEventSchema = z.strictObject({
  event: z.enum(BUILD_EVENT_KINDS),
  /** `plugin::ritme.<type>`, or `plugin::upload.file` for media. */
  uid: z.string(),
  documentId: z.string(),
  /** The locale written; null for every locale (`'*'`) and for media. */
  locale: z.string().nullable(),
});
export type BuildEvent = z.infer<typeof BuildEventSchema>;

/** The body of `POST /_ritme/hooks/build`: every event since the last call, each once. */
export const BuildHookBodySchema = z.strictObject({ events: z.array(BuildEventSchema) });
export type BuildHookBody = z.infer<typeof BuildHookBodySchema>;

export const CLOCK_REASONS = ['round-opens', 'round-closes', 'session-starts', 'session-ends', 'week-turns'] as const;
export type ClockReason = (typeof CLOCK_REASONS)[number];

/** `GET /api/ritme/clock` → data: the earliest future moment some page changes by the clock alone. */
export const ClockSchema = z.strictObject({
  next: z.iso.datetime().nullable(),
  reason: z.enum(CLOCK_REASONS).nullable(),
});
export type Clock = z.infer<typeof ClockSchema>;

/** What the build service answers on `GET /_ritme/status`. */
export const BuilderStatusSchema = z.object({
  state: z.string(),
  current: z
    .object({ id: z.string(), finishedAt: z.string(), durationMs: z.number(), pagesChanged: z.number() })
    .nullable(),
  building: z.object({ id: z.string(), startedAt: z.string() }).nullable(),
  lastFailure: z.object({ id: z.string(), at: z.string(), reason: z.string() }).nullable(),
  history: z.array(z.object({ id: z.string(), finishedAt: z.string(), pagesChanged: z.number(), ok: z.boolean() })),
  nextClockBuild: z.object({ at: z.string(), reason: z.string() }).nullable(),
});
export type BuilderStatus = z.infer<typeof BuilderStatusSchema>;

/**
 * `GET /ritme/build-status` (admin) → data: the build service's status (its
 * fields null / empty when it is not configured or does not answer) and what
 * Strapi knows itself.
 */
export type BuildStatus = Omit<BuilderStatus, 'state'> & {
  /** The build service's state (e.g. idle, building, failed); null when it is not configured or does not answer. */
  state: string | null;
  /** A build service (`builder` option) is configured. */
  configured: boolean;
  /** It answered its status within 3 s. */
  reachable: boolean;
  /** A deploy hook (`deployHook` option) is configured. */
  deployHook: boolean;
  /** When Strapi last told the build service or the deploy hook about a change (ISO), or null. */
  lastNotifiedAt: string | null;
  /** Why the status is missing, when configured and not reachable. */
  problem: string | null;
};

/** `POST /ritme/rebuild` (admin) → data: whom Strapi asked for a rebuild, and how each answered. */
export interface RebuildResult {
  targets: { target: 'builder' | 'deployHook'; ok: boolean; status: number | null; problem: string | null }[];
}
