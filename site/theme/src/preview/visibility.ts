/**
 * What a preview session may see, and what the banner says about it. Pilots:
 * published content and the drafts editors shared with pilots. Editors: the
 * draft of the one document their Preview link was for, in its locale, and
 * everything else as published (or only published, for a published preview).
 */
import type { DraftScope, Locale, PreviewMark } from '@ritme/shared';
import type { PageProps } from '../data/pages';
import type { PreviewSession } from './session';

/** The drafts the preview API is asked for on behalf of `session`, for pages in `locale`; undefined: none. */
export function draftsFor(session: PreviewSession, locale: Locale): DraftScope | undefined {
  if (session.kind === 'pilot') return 'shared';
  return session.status === 'draft' && session.locale === locale ? session.documentId : undefined;
}

/** What the page being rendered shows as its main entry, for the banner. */
export type ShownEntry = PreviewMark;
const shown = new WeakMap<object, ShownEntry>();

/** Called by the middleware once it knows the page: the preview mark of the entry a detail page shows, if any. */
export function rememberShownEntry(locals: object, props: PageProps) {
  const entry = props[props.view] as { preview?: PreviewMark } | undefined;
  if (entry && typeof entry === 'object' && entry.preview) shown.set(locals, entry.preview);
}

export const shownEntry = (locals: object): ShownEntry | undefined => shown.get(locals);
