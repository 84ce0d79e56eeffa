/**
 * Fills and de-duplicates slugs. Strapi's Document Service leaves uid fields
 * empty (only the admin UI fills them), so without this an entry created by
 * the API or the seed would have no URL. Slugs are unique per locale.
 */
import { slugify } from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { type RitmeUid, rows } from '../documents';

type Data = Record<string, unknown>;
export type DocumentContext = {
  uid: string;
  action: string;
  params: { data?: Data; locale?: string; documentId?: string };
};

/** Which field each slug is made from. */
export const SLUG_SOURCES: Record<string, string> = {
  'plugin::ritme.group': 'name',
  'plugin::ritme.behaviour': 'title',
  'plugin::ritme.training': 'title',
  'plugin::ritme.person': 'name',
  'plugin::ritme.spotlight': 'title',
  'plugin::ritme.evaluation-round': 'title',
};

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

export async function uniqueSlug(
  strapi: Core.Strapi,
  uid: RitmeUid,
  wanted: string,
  locale: string,
  documentId: string | undefined,
): Promise<string> {
  const base = slugify(wanted);
  const taken = new Set(
    (
      await rows(strapi, uid).findMany({
        where: {
          locale,
          slug: { $startsWith: base },
          ...(documentId ? { documentId: { $ne: documentId } } : {}),
        },
        select: ['slug'],
      })
    ).map((row) => String(row.slug)),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Whether `slug` is another language's slug of the same document that this language does not have yet:
 * what the admin's "Fill in from another locale" copies along with the text. The translation then gets
 * a slug of its own, from its own title, so the English page does not live at the Dutch URL.
 */
async function copiedFromAnotherLocale(
  strapi: Core.Strapi,
  uid: RitmeUid,
  slug: string,
  locale: string,
  documentId: string | undefined,
): Promise<boolean> {
  if (!documentId) return false;
  const versions = await rows(strapi, uid).findMany({ where: { documentId }, select: ['locale', 'slug'] });
  const own = versions.filter((row) => row.locale === locale).map((row) => row.slug);
  if (own.includes(slug)) return false;
  return versions.some((row) => row.locale !== locale && row.slug === slug);
}

export function slugMiddleware(strapi: Core.Strapi) {
  return async (context: DocumentContext, next: () => Promise<unknown>) => {
    const source = SLUG_SOURCES[context.uid];
    const data = context.params.data;
    if (!source || !data || (context.action !== 'create' && context.action !== 'update')) return next();

    const uid = context.uid as RitmeUid;
    const locale = context.params.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale());
    const documentId = context.params.documentId;

    let wanted: string | null = null;
    if (filled(data.slug)) {
      wanted =
        (await copiedFromAnotherLocale(strapi, uid, data.slug, locale, documentId)) && filled(data[source])
          ? data[source]
          : data.slug;
    } else if (filled(data[source])) {
      // On update, keep the slug this locale already has; a new locale (or an emptied slug) gets one.
      const existing =
        context.action === 'update' && documentId && data.slug === undefined
          ? await rows(strapi, uid).findOne({ where: { documentId, locale }, select: ['slug'] })
          : null;
      if (!filled(existing?.slug)) wanted = data[source];
    }
    if (wanted !== null) data.slug = await uniqueSlug(strapi, uid, wanted, locale, documentId);
    return next();
  };
}
