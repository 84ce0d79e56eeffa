/**
 * Tells the build service what changed on the intranet: every publish,
 * unpublish, discarded draft and delete of a page type, and every create or
 * update written straight to the published version (`status: 'published'`),
 * once it has succeeded. A draft saved without publishing (an edit of a
 * published entry included: the intranet shows the published version until
 * the next publish) is no change to the intranet: the preview server shows it.
 * Media: every file uploaded, changed or deleted (upload plugin lifecycles).
 *
 * Whatever the build service, every unpublish and delete (of a document that
 * had a published version) and every media delete also leaves a tombstone
 * for the incremental sync (services/sync.ts), written in the same
 * transaction as the change, so no sync can see the one without the other.
 */
import type { BuildEvent, BuildEventKind } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { rows } from '../documents';
import type { DocumentContext } from './slugs';

/** The page types the intranet shows. */
export const LIVE_TYPES = new Set([
  'plugin::ritme.group',
  'plugin::ritme.behaviour',
  'plugin::ritme.training',
  'plugin::ritme.training-session',
  'plugin::ritme.person',
  'plugin::ritme.spotlight',
  'plugin::ritme.evaluation-round',
]);

export const MEDIA_UID = 'plugin::upload.file';

type Params = DocumentContext['params'] & { status?: string; locale?: string | string[] };

interface Live {
  enabled(): boolean;
  record(events: BuildEvent[]): void;
}
const live = (strapi: Core.Strapi) => strapi.plugin('ritme').service('live') as unknown as Live;

interface Tombstones {
  remember(uid: string, documentId: string, locales: (string | null)[]): Promise<void>;
  pruneIfDue(): Promise<void>;
}
const tombstones = (strapi: Core.Strapi) => strapi.plugin('ritme').service('sync') as unknown as Tombstones;

/** Unpublish and delete take a published version away: a sync must hear of it. */
const leavesTombstone = (kind: BuildEventKind) => kind === 'unpublish' || kind === 'delete';

/** Pruning is housekeeping: a failure is logged, never the editor's problem. */
const pruneLater = (strapi: Core.Strapi) =>
  tombstones(strapi)
    .pruneIfDue()
    .catch((error: Error) => strapi.log.warn(`ritme: could not prune sync tombstones: ${error.message}`));

/** The locales an action wrote: '*' (and a list of every locale) is null, none is the default locale. */
async function localesOf(strapi: Core.Strapi, locale: Params['locale']): Promise<(string | null)[]> {
  if (locale === '*') return [null];
  if (Array.isArray(locale)) return locale.length > 0 ? locale : [null];
  if (typeof locale === 'string' && locale !== '') return [locale];
  return [await strapi.plugin('i18n').service('locales').getDefaultLocale()];
}

const documentIdOf = (params: Params, result: unknown): string | undefined => {
  if (typeof params.documentId === 'string') return params.documentId;
  const found = result as { documentId?: unknown; entries?: { documentId?: unknown }[] } | null;
  if (typeof found?.documentId === 'string') return found.documentId;
  const first = found?.entries?.[0]?.documentId;
  return typeof first === 'string' ? first : undefined;
};

/** Which action changes the intranet; null when it does not (a draft). */
function kindOf(action: string, params: Params): BuildEventKind | null {
  switch (action) {
    case 'publish':
    case 'unpublish':
    case 'discardDraft':
    case 'delete':
      return action;
    case 'update':
    case 'create':
      return params.status === 'published' ? action : null;
    default:
      return null;
  }
}

export function liveMiddleware(strapi: Core.Strapi) {
  return async (context: DocumentContext, next: () => Promise<unknown>) => {
    if (!LIVE_TYPES.has(context.uid)) return next();
    const params = context.params as Params;
    const kind = kindOf(context.action, params);
    const notify = kind !== null && live(strapi).enabled();
    const tombstone = kind !== null && leavesTombstone(kind);
    if (!kind || (!notify && !tombstone)) return next();

    // Deleting a document that was never published changes no page; unpublishing one leaves nothing to remove.
    let wasPublished = true;
    if (tombstone && typeof params.documentId === 'string') {
      const published = await rows(strapi, context.uid as `plugin::ritme.${string}`).count({
        where: { documentId: params.documentId, publishedAt: { $notNull: true } },
      });
      wasPublished = published > 0;
    }

    let written = false;
    const result =
      tombstone && wasPublished
        ? await strapi.db.transaction(async () => {
            const done = await next();
            const documentId = documentIdOf(params, done);
            if (documentId) {
              await tombstones(strapi).remember(context.uid, documentId, await localesOf(strapi, params.locale));
              written = true;
            }
            return done;
          })
        : await next();
    if (written) await pruneLater(strapi);
    // Notifications as before: an unpublish always, a delete only of what was published.
    if (!notify || (kind === 'delete' && !wasPublished)) return result;
    try {
      const documentId = documentIdOf(params, result);
      if (documentId) {
        const locales = await localesOf(strapi, params.locale);
        live(strapi).record(locales.map((locale) => ({ event: kind, uid: context.uid, documentId, locale })));
      }
    } catch (error) {
      strapi.log.warn(`ritme: could not note a change for the build service: ${(error as Error).message}`);
    }
    return result;
  };
}

type FileEvent = { result?: { documentId?: unknown } | null };

/** Media: a file uploaded, replaced or changed, or deleted; a deleted file also leaves a tombstone. */
export function subscribeMedia(strapi: Core.Strapi) {
  const note = (kind: BuildEventKind) => async (event: FileEvent) => {
    const documentId = event.result?.documentId;
    if (typeof documentId !== 'string') return;
    if (kind === 'delete') {
      await tombstones(strapi).remember(MEDIA_UID, documentId, [null]);
      await pruneLater(strapi);
    }
    if (!live(strapi).enabled()) return;
    live(strapi).record([{ event: kind, uid: MEDIA_UID, documentId, locale: null }]);
  };
  strapi.db.lifecycles.subscribe({
    models: [MEDIA_UID],
    afterCreate: note('create'),
    afterUpdate: note('update'),
    afterDelete: note('delete'),
  } as never);
}
