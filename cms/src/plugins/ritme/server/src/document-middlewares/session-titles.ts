/**
 * Gives every training session a name to be listed by: the training's title
 * and the start ("Feedback geven · 12 jan 2027, 14:00"), filled in when an
 * editor leaves it empty. Without one the Content Manager lists sessions as
 * "Untitled" and relation pickers cannot tell them apart. A name the plugin
 * made follows the session when its training or start changes; a name an
 * editor typed is kept as it is.
 */
import type { Core } from '@strapi/strapi';
import { rows } from '../documents';
import type { Doc } from '../read-models/refs';
import type { DocumentContext } from './slugs';

const SESSION = 'plugin::ritme.training-session';
const TRAINING = 'plugin::ritme.training';

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** The title and start a session name is made from, formatted in the entry's language and the server's time zone. */
export function sessionTitle(trainingTitle: unknown, startsAt: unknown, locale: string): string | null {
  const parts: string[] = [];
  if (filled(trainingTitle)) parts.push(trainingTitle.trim());
  const start = typeof startsAt === 'string' || startsAt instanceof Date ? new Date(startsAt) : null;
  if (start && !Number.isNaN(start.getTime())) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    } catch {
      format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    }
    parts.push(format.format(start));
  }
  return parts.length > 0 ? parts.join(' · ').slice(0, 250) : null;
}

type Ref = { documentId?: string; id?: number } | null;

/**
 * The training a save points the session at, in any shape the Document Service takes
 * (a documentId, an id, `{ connect | set: [...] }`, `{ documentId }`): undefined when the
 * save does not touch the relation, null when it removes it.
 */
function trainingRef(value: unknown): Ref | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'string') return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (Array.isArray(value)) return value.length > 0 ? trainingRef(value[0]) : null;
  if (typeof value === 'object') {
    const relation = value as Record<string, unknown>;
    for (const key of ['set', 'connect'] as const) {
      const list = relation[key];
      if (Array.isArray(list) && list.length > 0) return trainingRef(list[list.length - 1]);
    }
    if (Array.isArray(relation.set)) return null;
    if (typeof relation.documentId === 'string') return { documentId: relation.documentId };
    if (typeof relation.id === 'number') return { id: relation.id };
    if (Array.isArray(relation.disconnect) && relation.disconnect.length > 0) return null;
    return undefined;
  }
  return undefined;
}

async function trainingTitle(strapi: Core.Strapi, ref: Ref, locale: string): Promise<unknown> {
  if (!ref) return null;
  const where = ref.documentId ? { documentId: ref.documentId, locale } : { id: ref.id };
  const row = await rows(strapi, TRAINING).findOne({ where, select: ['title'] });
  if (row || !ref.documentId) return row?.title ?? null;
  // The training may not exist in this language yet: take its title in another one.
  return (await rows(strapi, TRAINING).findOne({ where: { documentId: ref.documentId }, select: ['title'] }))?.title;
}

export function sessionTitleMiddleware(strapi: Core.Strapi) {
  return async (context: DocumentContext, next: () => Promise<unknown>) => {
    const data = context.params.data;
    if (context.uid !== SESSION || !data || (context.action !== 'create' && context.action !== 'update')) {
      return next();
    }
    const locale = context.params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    const documentId = context.params.documentId;
    // Every stored version of the session (each language, draft and published): the names the plugin made for them.
    const versions: Doc[] =
      context.action === 'update' && documentId
        ? await rows(strapi, SESSION).findMany({
            where: { documentId },
            populate: { training: { select: ['title', 'documentId'] } },
          })
        : [];
    const stored = versions.find((row) => row.locale === locale) ?? null;
    const storedTraining = (stored?.training as Doc | null | undefined)?.title;
    const madeByPlugin = new Set(
      versions.map((row) =>
        sessionTitle((row.training as Doc | null | undefined)?.title, row.startsAt, String(row.locale)),
      ),
    );

    const given = data.title === undefined ? stored?.title : data.title;
    // An editor's own name stays; an empty one, or one the plugin made (in this language or copied
    // from another by "Fill in from another locale"), is made again for this language.
    if (filled(given) && !madeByPlugin.has(given)) return next();

    // A save that leaves the training as it is: this language's training, or, for a language the
    // session does not have yet, the training another language points at, by its title in this one.
    const other = versions
      .map((row) => row.training as Doc | null | undefined)
      .find((training) => training?.documentId);
    const ref = trainingRef(data.training) ?? (stored || !other ? undefined : { documentId: other.documentId });
    const title = ref === undefined ? storedTraining : await trainingTitle(strapi, ref, locale);
    data.title = sessionTitle(title, data.startsAt === undefined ? stored?.startsAt : data.startsAt, locale);
    return next();
  };
}
