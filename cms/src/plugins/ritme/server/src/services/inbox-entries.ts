/**
 * What an inbox item is about, for the editor who reads it: each content
 * reference ("behaviour:<documentId>") as the entry's title in the item's
 * language (else any), a link to edit it in the Content Manager and one to its
 * published page on the intranet — or, for an entry that was deleted, a plain
 * "deleted" — and the page the item was sent from as a link.
 */
import {
  type ContentRoute,
  DEFAULT_LOCALE,
  type InboxEntry,
  type InboxItem,
  type Locale,
  pathForEntry,
} from '@ritme/shared';
import type { Core } from '@strapi/strapi';
import { rows } from '../documents';
import { READ_MODELS } from '../read-models';
import { ROUTE_OF_REF } from './public-links';

/** The field that names an entry of each route (the one its slug is made from). */
const TITLE_FIELD: Record<ContentRoute, string> = {
  groups: 'name',
  behaviours: 'title',
  trainings: 'title',
  people: 'name',
  spotlights: 'title',
  'evaluation-rounds': 'title',
};

interface Row {
  documentId: string;
  locale: string;
  title: string | null;
  slug: string | null;
  published: boolean;
}

/** `${origin}${path}` when the result stays on that origin (a path like `//evil.example` must not leave it). */
export function linkOn(origin: string | undefined, path: string | null): string | null {
  if (!origin || !path?.startsWith('/')) return null;
  const base = origin.replace(/\/+$/, '');
  try {
    const url = new URL(`${base}${path}`);
    return url.origin === new URL(base).origin ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Every row (draft and published, each language) of the referenced entries, by route. */
async function rowsOf(strapi: Core.Strapi, refs: { route: ContentRoute; documentId: string }[]) {
  const found = new Map<string, Row[]>();
  for (const route of new Set(refs.map((ref) => ref.route))) {
    const ids = [...new Set(refs.filter((ref) => ref.route === route).map((ref) => ref.documentId))];
    const field = TITLE_FIELD[route];
    const docs = await rows(strapi, READ_MODELS[route].uid).findMany({
      where: { documentId: { $in: ids } },
      select: ['documentId', 'locale', 'slug', 'publishedAt', field],
    });
    for (const doc of docs) {
      const key = `${route}:${doc.documentId}`;
      const title = typeof doc[field] === 'string' && doc[field] ? String(doc[field]) : null;
      const slug = typeof doc.slug === 'string' && doc.slug ? doc.slug : null;
      found.set(key, [
        ...(found.get(key) ?? []),
        { documentId: doc.documentId, locale: String(doc.locale), title, slug, published: Boolean(doc.publishedAt) },
      ]);
    }
  }
  return found;
}

/** The row in `locale` if there is one, else any; a published row before a draft, a titled one before none. */
function pick(candidates: Row[], locale: string | null): Row | undefined {
  const rank = (row: Row) => (row.locale === locale ? 0 : 4) + (row.title ? 0 : 2) + (row.published ? 0 : 1);
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0];
}

interface ParsedRef {
  ref: string;
  type: string;
  documentId: string;
  /** Undefined for a type Ritme does not know. */
  route: ContentRoute | undefined;
}

const parseRef = (ref: string): ParsedRef => {
  const [type = '', documentId = ''] = ref.split(':');
  return { ref, type, documentId, route: Object.hasOwn(ROUTE_OF_REF, type) ? ROUTE_OF_REF[type] : undefined };
};

export async function resolveInboxItems(strapi: Core.Strapi, items: InboxItem[]): Promise<InboxItem[]> {
  const config = strapi.plugin('ritme').config as (key: string) => unknown;
  const siteUrl = config('siteUrl') as string | undefined;
  const previewUrl = (config('preview') as { url: string }).url;
  const parsed = items.flatMap((item) => item.contentRefs.map(parseRef));
  const found = await rowsOf(
    strapi,
    parsed.flatMap((ref) => (ref.route ? [{ route: ref.route, documentId: ref.documentId }] : [])),
  );

  const entryOf = (item: InboxItem, ref: ParsedRef): InboxEntry => {
    const route = ref.route;
    const candidates = route ? (found.get(`${route}:${ref.documentId}`) ?? []) : [];
    // An item in no particular language (a suggestion sent from no page) reads the default one.
    const locale = item.locale ?? DEFAULT_LOCALE;
    const shown = pick(candidates, locale);
    if (!route || !shown) {
      // A known type with no row left: the entry was deleted.
      const deleted = Boolean(route);
      const { ref: name, type, documentId } = ref;
      return { ref: name, type, documentId, title: null, locale: null, deleted, adminPath: null, pageUrl: null };
    }
    const uid = READ_MODELS[route].uid;
    const published = pick(
      candidates.filter((row) => row.published && row.slug),
      locale,
    );
    return {
      ref: ref.ref,
      type: uid.replace(/^plugin::ritme\./, ''),
      documentId: ref.documentId,
      title: shown.title,
      locale: shown.locale,
      deleted: false,
      // The Content Manager's own link shape (brackets as it writes them; the locale is a checked code).
      adminPath: `/admin/content-manager/collection-types/${uid}/${encodeURIComponent(ref.documentId)}?plugins[i18n][locale]=${encodeURIComponent(shown.locale)}`,
      pageUrl: published?.slug
        ? linkOn(siteUrl, pathForEntry(route, published.locale as Locale, published.slug))
        : null,
    };
  };

  return items.map((item) => ({
    ...item,
    entries: item.contentRefs.map((ref) => entryOf(item, parseRef(ref))),
    // Feedback was seen on the preview server (often a draft); a suggestion on the intranet.
    pageUrl: linkOn(item.kind === 'feedback' ? previewUrl : siteUrl, item.pagePath),
  }));
}
