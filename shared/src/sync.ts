/**
 * Incremental sync: the contract between the plugin's `GET /api/ritme/sync/:route`
 * and what reads it (the Astro loaders and the build service's renderer).
 *
 * A sync asks for one content route in one locale. Without `since` it is a cold
 * sync: every published entry, paged by documentId. With `since` (the `until` of
 * the last complete sync) it answers only what may have changed in the window
 * `(since − SYNC_OVERLAP_MS, until]`:
 *
 * - `data`: the entries of this route, in this locale, as the list route shapes
 *   them, whose own row changed in the window in any locale (so the language
 *   switcher of the other locale follows), or that now embed a document of any
 *   Ritme type, a training session or a media file that changed in the window;
 * - `tombstones`: documentIds of this route that changed or were unpublished or
 *   deleted in the window and have no published version in this locale now;
 * - `meta.changed`: every documentId (of any type) that changed, was
 *   unpublished or was deleted in the window, so a reader can refresh stored
 *   entries that embedded one and no longer do (a removed relation). null on a
 *   cold sync, and when more than SYNC_MAX_CHANGED changed (read it all again).
 *
 * Paging: the first page fixes `until` (the server's clock); every next page
 * sends the same `since` and `until` and `after` = `meta.next.after`, until
 * `meta.next` is null. The window is ordered by documentId, so pages never
 * overlap or skip. `meta.reset` is true when `since` is older than the plugin
 * keeps tombstones for (SYNC_RETENTION_DAYS): the answer is then a cold sync,
 * and a reader drops what it had for this route and locale first.
 *
 * `ids=a,b,c` (at most SYNC_MAX_IDS) asks for those documents' current state
 * instead: published ones in `data`, the rest in `tombstones`; no window, no paging.
 */
import { z } from 'zod';
import { CONTENT_SCHEMAS, type ContentOf, type ContentRoute } from './content.js';
import type { Locale } from './enums.js';

/** Entries per sync page (the list routes' maximum is 100; sync pages are bigger to save round trips). */
export const SYNC_PAGE_SIZE = 500;
/** How far a window reaches back before `since`, for writes that committed with an earlier timestamp. */
export const SYNC_OVERLAP_MS = 5_000;
/** How long the plugin keeps tombstones: a `since` older than this is answered as a cold sync. */
export const SYNC_RETENTION_DAYS = 30;
/** More changed documents than this in one window: `meta.changed` is null. */
export const SYNC_MAX_CHANGED = 2_000;
/** At most this many documentIds in one `ids` request. */
export const SYNC_MAX_IDS = 200;

const isoDateTime = z.iso.datetime({ offset: true });

export const SyncQuerySchema = z.strictObject({
  locale: z.string().min(2).max(35),
  since: isoDateTime.optional(),
  until: isoDateTime.optional(),
  after: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(SYNC_PAGE_SIZE).optional(),
  ids: z
    .string()
    .max(SYNC_MAX_IDS * 40)
    .optional(),
});
export type SyncQuery = z.infer<typeof SyncQuerySchema>;

export const SyncMetaSchema = z.object({
  since: isoDateTime.nullable(),
  until: isoDateTime,
  next: z.object({ after: z.string() }).nullable(),
  reset: z.boolean(),
  changed: z.array(z.string()).nullable(),
});
export type SyncMeta = z.infer<typeof SyncMetaSchema>;

export const syncResponseSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), tombstones: z.array(z.string()), meta: SyncMetaSchema });

export const syncResponseSchemaOf = (route: ContentRoute) => syncResponseSchema(CONTENT_SCHEMAS[route]);

/** One complete sync of a route and locale, every page read. */
export interface SyncResult<R extends ContentRoute> {
  route: R;
  locale: Locale;
  /** Whether this was a cold sync (no `since`, or `reset`): the entries are everything there is. */
  complete: boolean;
  entries: ContentOf<R>[];
  tombstones: string[];
  /** See SyncMeta.changed; null on a complete sync. */
  changed: string[] | null;
  /** The `since` of the next sync. */
  until: string;
  /** Bytes of the response bodies read (for the benchmark and the build log). */
  bytes: number;
}
