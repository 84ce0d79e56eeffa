/**
 * Which public page an inbox item may link to on the "you asked, we changed"
 * board. Feedback is often about a draft seen on the preview server: its path
 * would publish the draft's slug. So an item links, per language, only to the
 * published page of the entry it refers to, or to a list page (which is always
 * public) — never to the path as it was sent.
 */
import {
  type ContentRoute,
  type InboxItem,
  type Locale,
  listPageOf,
  pathForEntry,
  paths,
  type Section,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { rows } from '../documents';
import { READ_MODELS } from '../read-models';

/** Locale code → a public path, or null; one key per locale Ritme serves. */
type Links = Record<Locale, string | null>;

/** The first part of a content reference ("behaviour:abc…") → the route that reads it. */
export const ROUTE_OF_REF: Record<string, ContentRoute> = {
  group: 'groups',
  behaviour: 'behaviours',
  training: 'trainings',
  person: 'people',
  spotlight: 'spotlights',
  round: 'evaluation-rounds',
  'evaluation-round': 'evaluation-rounds',
};

const SECTIONS: Section[] = ['groups', 'behaviours', 'trainings', 'people', 'rounds', 'suggestion', 'changes'];

/**
 * A list page's path in every served language, or null when `path` is not one. Page n of a list
 * links to its first page: what is on page n moves as entries come and go.
 */
function listPage(path: string | null, locales: readonly Locale[]): Links | null {
  if (!path) return null;
  const wanted = path.endsWith('/') ? path : `${path}/`;
  for (const locale of locales) {
    if (wanted === paths.home(locale)) return Object.fromEntries(locales.map((l) => [l, paths.home(l)]));
    for (const section of SECTIONS) {
      if (wanted === paths.section(locale, section) || listPageOf(locale, section, wanted) !== null) {
        return Object.fromEntries(locales.map((l) => [l, paths.section(l, section)]));
      }
    }
  }
  return null;
}

export async function publicLinks(
  strapi: Core.Strapi,
  items: InboxItem[],
  locales: readonly Locale[],
): Promise<Map<string, Links>> {
  const refs = items.flatMap((item) =>
    item.contentRefs.flatMap((ref) => {
      const [type, documentId] = ref.split(':');
      const route = type ? ROUTE_OF_REF[type] : undefined;
      return route && documentId ? [{ item: item.documentId, route, documentId }] : [];
    }),
  );
  // Published slugs per route and document, per language.
  const published = new Map<string, Map<Locale, string>>();
  for (const route of new Set(refs.map((ref) => ref.route))) {
    const ids = [...new Set(refs.filter((ref) => ref.route === route).map((ref) => ref.documentId))];
    const found = await rows(strapi, READ_MODELS[route].uid).findMany({
      where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
      select: ['documentId', 'locale', 'slug'],
    });
    for (const row of found) {
      const key = `${route}:${row.documentId}`;
      if (!published.has(key)) published.set(key, new Map());
      if (typeof row.slug === 'string' && row.slug) published.get(key)?.set(row.locale as Locale, row.slug);
    }
  }

  const result = new Map<string, Links>();
  for (const item of items) {
    // Feedback on a list page is about the list (its refs name every entry it showed).
    const list = listPage(item.pagePath, locales);
    if (list) {
      result.set(item.documentId, list);
      continue;
    }
    const links: Links = Object.fromEntries(locales.map((locale) => [locale, null]));
    for (const ref of refs.filter((r) => r.item === item.documentId)) {
      for (const [locale, slug] of published.get(`${ref.route}:${ref.documentId}`) ?? []) {
        if (locale in links) links[locale] ??= pathForEntry(ref.route, locale, slug);
      }
    }
    result.set(item.documentId, links);
  }
  return result;
}
