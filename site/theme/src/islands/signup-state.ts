/**
 * The sign-up islands' logic without React: what a session's seats say, what
 * the button says, what a receipt tells the person, the checks of the form
 * before it is sent, and reading what the plugin answers — as hostile input:
 * anything that is not the expected shape is ignored, never shown.
 *
 * The rules of SignupInputSchema, SessionAvailabilitySchema, SignupReceiptSchema
 * and SignupLookupSchema (@ritme/shared/signups) are repeated here, because
 * importing @ritme/shared into an island bundles zod; tests/unit/signup-state.test.ts
 * keeps them equal.
 */

/** The plugin's limits (LIMITS.name, LIMITS.email, AVAILABILITY_MAX_IDS in @ritme/shared). */
export const SIGNUP_LIMITS = { name: 100, email: 254 } as const;
export const AVAILABILITY_MAX_IDS = 50;
/** The fragment parameter of a cancel link (CANCEL_TOKEN_PARAM) and its token's form (CancelTokenSchema). */
export const CANCEL_TOKEN_PARAM = 'token';
export const CANCEL_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** zod's e-mail pattern (z.email()), the one the plugin checks with. */
export const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

export interface SeatsTexts {
  /** "{seats} plaatsen": the static page's text, before the seats taken are known. */
  seats: string;
  /** "Nog {left} van {seats} plaatsen vrij" */
  seatsLeft: string;
  /** "Vol — wachtlijst: {waiting}" */
  fullWaiting: string;
  /** "Vol — je kunt op de wachtlijst" (nobody waiting yet) */
  full: string;
  /** "{confirmed} aangemeld" (a session without a seat limit) */
  signedUp: string;
}

export interface Availability {
  session: string;
  seats: number | null;
  confirmed: number;
  waiting: number;
  seatsLeft: number | null;
  open: boolean;
}

export interface Receipt {
  status: 'confirmed' | 'waiting';
  position: number | null;
  seatsLeft: number | null;
}

export interface Lookup {
  status: 'confirmed' | 'waiting' | 'cancelled';
  name: string;
  session: { documentId: string; title: string; startsAt: string; endsAt: string; location: string | null };
}

/** `{name}` placeholders filled in; one without a value stays as it is (as fillIn in i18n/strings.ts). */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (values[key] === undefined ? whole : String(values[key])));

/**
 * The seats line of a session: the static seats until the availability is
 * known, then how many are left, or that it is full and how many wait. Null
 * when there is nothing to say (no limit and nobody signed up).
 */
export function seatsText(seats: number | null, availability: Availability | undefined, texts: SeatsTexts) {
  if (!availability) return seats === null ? null : fill(texts.seats, { seats });
  if (availability.seats === null || availability.seatsLeft === null) {
    return availability.confirmed > 0 ? fill(texts.signedUp, { confirmed: availability.confirmed }) : null;
  }
  if (availability.seatsLeft > 0)
    return fill(texts.seatsLeft, { left: availability.seatsLeft, seats: availability.seats });
  return availability.waiting > 0 ? fill(texts.fullWaiting, { waiting: availability.waiting }) : texts.full;
}

/** Whether a sign-up now goes on the waiting list (the button says so). */
export const isFull = (availability: Availability | undefined) =>
  availability !== undefined && availability.seatsLeft !== null && availability.seatsLeft <= 0;

/** A session takes sign-ups until it starts: by the availability once known, else by the browser's clock. */
export function isOpen(startsAt: string, availability: Availability | undefined, now = new Date()) {
  if (availability) return availability.open;
  return Date.parse(startsAt) > now.getTime();
}

const count = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const countOrNull = (value: unknown): value is number | null => value === null || count(value);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** `{ data: SessionAvailability[] }` → by session; entries of another shape are left out. */
export function readAvailability(body: unknown): Map<string, Availability> {
  const out = new Map<string, Availability>();
  const data = isObject(body) ? body.data : undefined;
  if (!Array.isArray(data)) return out;
  for (const item of data) {
    if (!isObject(item) || typeof item.session !== 'string') continue;
    const { session, seats, confirmed, waiting, seatsLeft, open } = item;
    if (!countOrNull(seats) || !count(confirmed) || !count(waiting) || !countOrNull(seatsLeft)) continue;
    if (typeof open !== 'boolean') continue;
    out.set(session, { session, seats, confirmed, waiting, seatsLeft, open });
  }
  return out;
}

/** `{ data: SignupReceipt }` → the receipt, or null when the answer has another shape. */
export function readReceipt(body: unknown): Receipt | null {
  const data = isObject(body) ? body.data : undefined;
  if (!isObject(data)) return null;
  const { status, position, seatsLeft } = data;
  if (status !== 'confirmed' && status !== 'waiting') return null;
  if (!(position === null || (count(position) && position > 0)) || !countOrNull(seatsLeft)) return null;
  return { status, position, seatsLeft };
}

/** `{ data: SignupLookup }` → the sign-up, or null when the answer has another shape. */
export function readLookup(body: unknown): Lookup | null {
  const data = isObject(body) ? body.data : undefined;
  if (!isObject(data) || !isObject(data.session)) return null;
  const { status, name } = data;
  const { documentId, title, startsAt, endsAt, location } = data.session;
  if (status !== 'confirmed' && status !== 'waiting' && status !== 'cancelled') return null;
  if (typeof name !== 'string' || typeof documentId !== 'string' || typeof title !== 'string') return null;
  if (typeof startsAt !== 'string' || Number.isNaN(Date.parse(startsAt))) return null;
  if (typeof endsAt !== 'string' || Number.isNaN(Date.parse(endsAt))) return null;
  if (location !== null && typeof location !== 'string') return null;
  return { status, name, session: { documentId, title, startsAt, endsAt, location } };
}

export interface ReceiptTexts {
  confirmedTitle: string;
  /** "We hebben een bevestiging gestuurd naar {email}." */
  confirmedBody: string;
  /** "Je staat op de wachtlijst, plaats {position}" */
  waitingTitle: string;
  /** Without a position (an answer that gave none). */
  waitingTitleNoPosition: string;
  /** "Komt er een plaats vrij, dan krijg je een mail op {email}." */
  waitingBody: string;
}

/** What the confirmation says after signing up: confirmed, or waiting with the place on the list. */
export function receiptText(receipt: Receipt | null, email: string, texts: ReceiptTexts) {
  if (receipt?.status === 'waiting') {
    return {
      title:
        receipt.position === null
          ? texts.waitingTitleNoPosition
          : fill(texts.waitingTitle, { position: receipt.position }),
      body: fill(texts.waitingBody, { email }),
    };
  }
  return { title: texts.confirmedTitle, body: fill(texts.confirmedBody, { email }) };
}

export interface CheckTexts {
  required: string;
  tooLong: string;
  invalid: string;
}

/** The form's own check, with the plugin's rules: the errors per field (empty: fine to send). */
export function checkSignup(values: { name: string; email: string }, texts: CheckTexts): Record<string, string> {
  const errors: Record<string, string> = {};
  const name = values.name.trim();
  if (name.length === 0) errors.name = texts.required;
  else if (name.length > SIGNUP_LIMITS.name) errors.name = texts.tooLong;
  else if (CONTROL_CHARACTERS.test(name) || BIDI.test(name)) errors.name = texts.invalid;
  const email = values.email.trim();
  if (email.length === 0) errors.email = texts.required;
  else if (email.length > SIGNUP_LIMITS.email) errors.email = texts.tooLong;
  else if (!EMAIL.test(email)) errors.email = texts.invalid;
  return errors;
}

/** The token of a cancel link's fragment (`#token=…`), or null when it has none of the right form. */
export function tokenOf(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get(CANCEL_TOKEN_PARAM);
  return token !== null && CANCEL_TOKEN.test(token) ? token : null;
}

/** A calendar file as the link that downloads it (no request: the file is in the link). */
export const calendarHref = (ics: string) => `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;

/** The lines every one of `texts` starts with (the calendar, its time zone): sent to the island once. */
export function sharedStart(texts: string[]): string {
  const [first, ...others] = texts;
  if (first === undefined) return '';
  let length = first.length;
  for (const other of others) {
    let same = 0;
    while (same < length && same < other.length && first[same] === other[same]) same += 1;
    length = same;
  }
  const end = first.lastIndexOf('\n', length - 1);
  return end < 0 ? '' : first.slice(0, end + 1);
}
