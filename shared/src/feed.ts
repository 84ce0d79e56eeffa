/**
 * Atom feeds (RFC 4287): what a feed reader subscribes to for a locale's new
 * behaviours and spotlights. Written here rather than with a feed library, so
 * that every value goes through one escaping function: titles and summaries
 * are what editors typed, and hostile (`<script>`, `&`, `]]>`, quotes). Text
 * is escaped, never wrapped in CDATA; characters XML 1.0 cannot hold at all
 * (most control characters, lone surrogates) are left out. Deterministic: the
 * same input gives the same bytes (the feed's `updated` is its newest entry's).
 */

export interface AtomEntry {
  /** A permanent, unique IRI: the entry's page. */
  id: string;
  title: string;
  /** The entry's page (URL). */
  url: string;
  /** ISO date-time of the entry's last change. */
  updated: string;
  /** ISO date-time it was first published, when known. */
  published?: string | null;
  /** Plain text. */
  summary?: string | null;
  /** A category term, e.g. the kind of entry. */
  category?: { term: string; label: string } | null;
}

export interface AtomFeed {
  /** The feed's permanent IRI: its own URL. */
  id: string;
  title: string;
  subtitle?: string | null;
  /** Who writes the feed (Atom wants an author): e.g. the intranet's name. */
  author: string;
  /** BCP 47 language of the feed's text (xml:lang). */
  language: string;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** The site the feed belongs to (rel="alternate"). */
  home: string;
  /** The entries, in the order to write them (newest first). */
  entries: AtomEntry[];
  /** When no entry gives one: the feed's `updated` (ISO date-time). */
  emptyUpdated?: string;
  generator?: string;
}

/** Characters XML 1.0 allows: tab, newline, carriage return, and U+0020 up, without lone surrogates or U+FFFE/FFFF. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Text or an attribute value, escaped for XML: `&`, `<`, `>`, both quotes; characters XML cannot hold
 * are dropped, and line ends are `\n` (what an XML parser makes of `\r\n` and `\r` anyway).
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[&<>"']/g, (char) => ESCAPES[char] as string);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** An ISO date-time as Atom's date construct wants it (RFC 3339, UTC). */
const dateOf = (iso: string) => new Date(iso).toISOString();

/**
 * Plain text of at most `max` characters: whitespace collapsed, cut at a word
 * where it can be, with an ellipsis when cut.
 */
export function plainSummary(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The newest of `dates` (ISO), or null for none. */
const newest = (dates: string[]) =>
  dates.reduce<string | null>((max, date) => (max === null || Date.parse(date) > Date.parse(max) ? date : max), null);

/** The Atom XML of `feed`. */
export function atomOf(feed: AtomFeed): string {
  const x = escapeXml;
  const updated = newest(feed.entries.map((entry) => entry.updated)) ?? feed.emptyUpdated ?? '1970-01-01T00:00:00Z';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${x(feed.language)}">`,
    `  <id>${x(feed.id)}</id>`,
    `  <title type="text">${x(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${x(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${dateOf(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(feed.home)}"/>`,
    `  <author><name>${x(feed.author)}</name></author>`,
    ...(feed.generator ? [`  <generator>${x(feed.generator)}</generator>`] : []),
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    <id>${x(entry.id)}</id>`,
      `    <title type="text">${x(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(entry.url)}"/>`,
      `    <updated>${dateOf(entry.updated)}</updated>`,
      ...(entry.published ? [`    <published>${dateOf(entry.published)}</published>`] : []),
      ...(entry.category
        ? [`    <category term="${x(entry.category.term)}" label="${x(entry.category.label)}"/>`]
        : []),
      ...(entry.summary ? [`    <summary type="text">${x(entry.summary)}</summary>`] : []),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
