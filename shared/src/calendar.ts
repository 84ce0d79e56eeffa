/**
 * Calendar files (RFC 5545) for training sessions: what "Add to calendar" on
 * the intranet downloads, and what a sign-up confirmation will attach. Each
 * event is in the organisation's time zone (DTSTART/DTEND with TZID, and the
 * zone's VTIMEZONE rules, so a calendar in another zone shows the right hour),
 * with a UID that stays the same for the session (an update replaces it in the
 * calendar instead of adding a second one) and a DTSTAMP in UTC.
 *
 * ical-generator writes the file (with luxon for the zone's wall time);
 * timezones-ical-library gives the zone's VTIMEZONE rules from data bundled in
 * JavaScript (no files to read, so it works inside a site build). That
 * library names a zone by the one whose rules it shares (Europe/Amsterdam →
 * Europe/Brussels); the rules are the same, so the block is named after the
 * organisation's zone. ical-generator writes DTSTAMP in local time without "Z"
 * when the calendar itself has a time zone, so the zone is set per event and
 * its VTIMEZONE added here. Deterministic: the same input gives the same bytes
 * (DTSTAMP is when the session last changed, never "now").
 */
import ical from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';

export interface CalendarEvent {
  /** Stable and unique: `<session documentId>@<the intranet's host>`. */
  uid: string;
  /** ISO date-times. */
  start: string;
  end: string;
  /** When the event last changed (DTSTAMP). */
  changedAt: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  /** The page to read more (URL), e.g. the training on the intranet. */
  url?: string | null;
}

export interface CalendarOptions {
  /** The calendar's name in a calendar app (NAME, X-WR-CALNAME). */
  name: string;
  /** What the calendar holds (X-WR-CALDESC), for a feed to subscribe to. */
  description?: string | null;
  /** The page the calendar belongs to (URL). */
  url?: string | null;
  /** Where a subscribed calendar is fetched again (SOURCE). */
  source?: string | null;
  /** How often a subscribing app should fetch it again, in seconds (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshSeconds?: number | null;
  /** An IANA time zone, e.g. Europe/Amsterdam. */
  timeZone: string;
  events: CalendarEvent[];
}

const PRODUCT_ID = { company: 'Ritme', product: 'Intranet', language: 'NL' } as const;

/** Each zone's VTIMEZONE, made once: every session of every training page asks for the same one. */
const vtimezones = new Map<string, string | null>();

/** The VTIMEZONE component for `timeZone` (CRLF lines, the last one ended too), named `timeZone`; null when unknown. */
function vtimezoneOf(timeZone: string): string | null {
  if (!vtimezones.has(timeZone)) vtimezones.set(timeZone, readVtimezone(timeZone));
  return vtimezones.get(timeZone) ?? null;
}

function readVtimezone(timeZone: string): string | null {
  let block: string[] | string;
  try {
    block = tzlib_get_ical_block(timeZone);
  } catch {
    return null;
  }
  const [component, tzid] = Array.isArray(block) ? block : [];
  const shared = /^TZID=(.+)$/.exec(tzid ?? '')?.[1];
  if (!component || !shared || !component.startsWith('BEGIN:VTIMEZONE')) return null;
  return component
    .split(/\r?\n/)
    .filter((line) => line !== '' && !line.startsWith('LAST-MODIFIED:'))
    .map((line) =>
      line === `TZID:${shared}`
        ? `TZID:${timeZone}`
        : line === `X-LIC-LOCATION:${shared}`
          ? `X-LIC-LOCATION:${timeZone}`
          : line,
    )
    .map((line) => `${line}\r\n`)
    .join('');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f]/g;

/**
 * A TEXT value as RFC 5545 wants it (backslash, semicolon, comma and line breaks
 * escaped): ical-generator writes the calendar's own name and description as given.
 */
const escapeText = (text: string) =>
  text
    .replace(/[\\;,]/g, (char) => `\\${char}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    // Other control characters have no place in a calendar line.
    .replace(CONTROL, '');

/** A URI property's value: one line, no control characters (ical-generator writes it as given). */
const oneLine = (uri: string | null | undefined) => (uri ? uri.replace(CONTROL_OR_BREAK, '') : null);

/** The .ics text of `events` in `timeZone`. Throws for a time zone without known rules. */
export function calendarOf({
  name,
  description,
  url,
  source,
  refreshSeconds,
  timeZone,
  events,
}: CalendarOptions): string {
  const vtimezone = vtimezoneOf(timeZone);
  if (!vtimezone) throw new Error(`No time zone rules for "${timeZone}": use an IANA name such as Europe/Amsterdam.`);
  const calendar = ical({
    name: escapeText(name),
    prodId: PRODUCT_ID,
    description: description ? escapeText(description) : null,
    url: oneLine(url),
    source: oneLine(source),
    ttl: refreshSeconds ?? null,
  });
  const zoned = (iso: string) => DateTime.fromISO(iso, { zone: timeZone });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      start: zoned(event.start),
      end: zoned(event.end),
      timezone: timeZone,
      stamp: new Date(event.changedAt),
      summary: event.summary,
      description: event.description || null,
      location: event.location || null,
      url: event.url || null,
    });
  }
  const text = calendar.toString();
  // The zone's rules go before the first event (RFC 5545 allows them anywhere in the calendar): found as
  // whole lines, never inside a value (an escaped name may read "BEGIN:VEVENT").
  const first = text.indexOf('\r\nBEGIN:VEVENT\r\n');
  const at = first === -1 ? text.lastIndexOf('END:VCALENDAR') : first + 2;
  return `${text.slice(0, at)}${vtimezone}${text.slice(at)}`;
}
