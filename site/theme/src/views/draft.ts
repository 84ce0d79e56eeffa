/**
 * How a view tells a draft from published content. Entries and references
 * carry `preview` only on the preview server (never in the intranet build):
 * `published: false` for a version that is not published, and the required
 * fields a draft still lacks, whose values are placeholders that views leave out.
 */
import type { Locale, PreviewMark } from '@ritme/shared';
import { t } from '../i18n/strings';

type Marked = { preview?: PreviewMark | undefined };

export const isDraft = (entry: Marked) => entry.preview?.published === false;

/** True when `field` holds a placeholder: the draft left it empty. */
export const lacks = (entry: Marked, field: string) => entry.preview?.missing.includes(field) === true;

/** The missing fields, named in `locale` ("titel, vaardigheid"). */
export function missingFields(entry: Marked, locale: Locale): string {
  const names: Record<string, string> = t(locale).preview.fields;
  return (entry.preview?.missing ?? []).map((field) => names[field] ?? field).join(', ');
}

/** A title to show: the draft's own, or "(no title yet)" rather than an empty heading or link. */
export const titleOf = (text: string, locale: Locale) => text || t(locale).preview.untitled;
