/**
 * Which Ritme type a Content Manager page shows and in which language the
 * admin reads it, for the Content Manager's hooks, which run outside React:
 * the model is in the address (`/content-manager/collection-types/<uid>/…`),
 * the admin's interface language is what Strapi keeps in localStorage.
 */
import type { ShippedLocale } from '@ritme/shared';
import { type EditorType, editorLocale, editorTypeOf } from '@ritme/shared/editor-fields';

/** Where Strapi's admin keeps the interface language the admin chose. */
const LANGUAGE_KEY = 'strapi-admin-language';

export function adminLocale(): ShippedLocale {
  try {
    return editorLocale(window.localStorage.getItem(LANGUAGE_KEY));
  } catch {
    // Storage can be blocked by the browser; the admin then reads English, as Strapi does.
    return editorLocale(null);
  }
}

export function pageType(): EditorType | undefined {
  const match = /\/content-manager\/(?:collection-types|single-types)\/([^/?#]+)/.exec(window.location.pathname);
  return match?.[1] ? editorTypeOf(decodeURIComponent(match[1])) : undefined;
}
