/**
 * Tells the build service what changed on the intranet: every publish,
 * unpublish, discarded draft and delete of a page type, and every create or
 * update written straight to the published version (`status: 'published'`),
 * once it has succeeded. A draft saved without publishing (an edit of a
 * published entry included: the intranet shows the published version until
 * the next publish) is no change to the intranet: the preview server shows it.
 * Media: every file uploaded, changed or deleted (upload plugin lifecycles).
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
    if (!kind || !live(strapi).enabled()) return next();

    // Deleting a document that was never published changes no page.
    let wasPublished = true;
    if (kind === 'delete' && typeof params.documentId === 'string') {
      const published = await rows(strapi, context.uid as `plugin::ritme.${string}`).count({
        where: { documentId: params.documentId, publishedAt: { $notNull: true } },
      });
      wasPublished = published > 0;
    }

    const result = await next();
    if (!wasPublished) return result;
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

/** Media: a file uploaded, replaced or changed, or deleted. */
export function subscribeMedia(strapi: Core.Strapi) {
  const note = (kind: BuildEventKind) => (event: FileEvent) => {
    const documentId = event.result?.documentId;
    if (typeof documentId !== 'string' || !live(strapi).enabled()) return;
    live(strapi).record([{ event: kind, uid: MEDIA_UID, documentId, locale: null }]);
  };
  strapi.db.lifecycles.subscribe({
    models: [MEDIA_UID],
    afterCreate: note('create'),
    afterUpdate: note('update'),
    afterDelete: note('delete'),
  } as never);
}
