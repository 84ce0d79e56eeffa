/**
 * The e-mails of a session sign-up, in the sign-up's language (Dutch, or
 * English for any other): confirmed (with the session as a calendar file),
 * on the waiting list (with the place), and confirmed from the waiting list.
 * Each holds the cancel link. Names and titles were typed by people, so every
 * header is cleaned and the HTML part escaped.
 */
import { DEFAULT_LOCALE, paths, safeHttpUrl } from '@ritme/shared';
import { calendarOf } from '@ritme/shared/calendar';
import type { Core } from '@strapi/strapi';
import { escapeHtml, headerText, isSafeAddress } from './reply-mail';

export type SignupMailKind = 'confirmed' | 'waiting' | 'promoted';

export interface SignupMailSession {
  documentId: string;
  title: string;
  trainingSlug: string | null;
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  location: string | null;
  onlineUrl: string | null;
}

export interface SignupMailInput {
  kind: SignupMailKind;
  name: string;
  to: string;
  locale: string;
  position: number | null;
  token: string;
  session: SignupMailSession;
}

export interface SignupMail {
  subject: string;
  text: string;
  html: string;
  /** The session as an .ics file, for a confirmed seat. */
  calendar: { filename: string; content: string } | null;
}

const TEXTS = {
  nl: {
    subject: {
      confirmed: (title: string, when: string) => `Aangemeld: ${title}, ${when}`,
      waiting: (title: string, when: string) => `Op de wachtlijst: ${title}, ${when}`,
      promoted: (title: string, when: string) => `Er is plek: je bent aangemeld voor ${title}, ${when}`,
    },
    greeting: (name: string) => `Hallo ${name},`,
    intro: {
      confirmed: (title: string) => `Je bent aangemeld voor ${title}.`,
      waiting: (title: string, position: number) =>
        `${title} is vol. Je staat op de wachtlijst, op plaats ${position}. Komt er een plaats vrij, dan ben je meteen aangemeld en krijg je bericht.`,
      promoted: (title: string) => `Er is een plaats vrijgekomen: je bent nu aangemeld voor ${title}.`,
    },
    when: 'Wanneer',
    where: 'Waar',
    online: 'Online',
    calendar: 'De afspraak zit als agendabestand bij deze e-mail.',
    page: 'Meer over de training',
    cancel: {
      confirmed: 'Kun je toch niet? Annuleer je aanmelding, dan gaat je plaats naar de eerste op de wachtlijst:',
      waiting: 'Wil je niet meer op de wachtlijst staan? Annuleer je aanmelding:',
      promoted: 'Kun je toch niet? Annuleer je aanmelding, dan gaat je plaats naar de volgende op de wachtlijst:',
    },
    signOff: 'Met vriendelijke groet,\nHet intranetteam',
    dateLocale: 'nl-NL',
  },
  en: {
    subject: {
      confirmed: (title: string, when: string) => `Signed up: ${title}, ${when}`,
      waiting: (title: string, when: string) => `On the waiting list: ${title}, ${when}`,
      promoted: (title: string, when: string) => `A seat came free: you are signed up for ${title}, ${when}`,
    },
    greeting: (name: string) => `Hello ${name},`,
    intro: {
      confirmed: (title: string) => `You are signed up for ${title}.`,
      waiting: (title: string, position: number) =>
        `${title} is full. You are on the waiting list, number ${position}. When a seat comes free, you are signed up at once and we let you know.`,
      promoted: (title: string) => `A seat came free: you are now signed up for ${title}.`,
    },
    when: 'When',
    where: 'Where',
    online: 'Online',
    calendar: 'The session is attached to this e-mail as a calendar file.',
    page: 'More about the training',
    cancel: {
      confirmed: 'Can’t make it after all? Cancel your sign-up and your seat goes to the first one waiting:',
      waiting: 'No longer want to wait? Cancel your sign-up:',
      promoted: 'Can’t make it after all? Cancel your sign-up and your seat goes to the next one waiting:',
    },
    signOff: 'Kind regards,\nThe intranet team',
    dateLocale: 'en-GB',
  },
} as const;

/** "dinsdag 8 december 2026, 14:00 – 16:30" (or with the end's own date when it ends on another day). */
export function sessionTimeText(startsAt: string, endsAt: string, dateLocale: string, timeZone: string) {
  const day = new Intl.DateTimeFormat(dateLocale, { dateStyle: 'full', timeZone });
  const time = new Intl.DateTimeFormat(dateLocale, { timeStyle: 'short', timeZone });
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)}, ${time.format(start)} – ${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

const shortDate = (startsAt: string, dateLocale: string, timeZone: string) =>
  new Intl.DateTimeFormat(dateLocale, { day: 'numeric', month: 'long', timeZone }).format(new Date(startsAt));

export function composeSignupMail(
  input: Omit<SignupMailInput, 'to'>,
  options: { siteUrl: string; timeZone: string },
): SignupMail {
  const language = (input.locale || DEFAULT_LOCALE) === 'nl' ? 'nl' : 'en';
  const texts = TEXTS[language];
  const locale = input.locale || DEFAULT_LOCALE;
  const { session } = input;
  const title = headerText(session.title);
  const name = headerText(input.name);
  const when = sessionTimeText(session.startsAt, session.endsAt, texts.dateLocale, options.timeZone);
  // An http(s) URL only: an editor-typed link never becomes a javascript: one in a mail.
  const joinUrl = safeHttpUrl(session.onlineUrl);
  const where = session.location ?? (joinUrl ? `${texts.online}: ${joinUrl}` : texts.online);
  const site = new URL(options.siteUrl);
  const cancelUrl = new URL(`${paths.cancelSignup(locale)}#token=${input.token}`, site).href;
  const pageUrl = session.trainingSlug
    ? new URL(paths.item(locale, 'trainings', session.trainingSlug), site).href
    : null;
  const seated = input.kind !== 'waiting';
  const intro =
    input.kind === 'waiting' ? texts.intro.waiting(title, input.position ?? 1) : texts.intro[input.kind](title);

  // A line is text, or text followed by a link (kept a link in the HTML part).
  type Line = string | { text: string; url: string };
  const paragraphs: Line[][] = [
    [texts.greeting(name)],
    [intro],
    [`${texts.when}: ${when}`, `${texts.where}: ${where}`],
    ...(seated ? [[texts.calendar]] : []),
    ...(pageUrl ? [[{ text: `${texts.page}: `, url: pageUrl }]] : []),
    [texts.cancel[input.kind], { text: '', url: cancelUrl }],
    [texts.signOff],
  ];
  const plain = (line: Line) => (typeof line === 'string' ? line : `${line.text}${line.url}`);
  const rich = (line: Line) =>
    typeof line === 'string'
      ? escapeHtml(line).replace(/\n/g, '<br>\n')
      : `${escapeHtml(line.text)}<a href="${escapeHtml(line.url)}">${escapeHtml(line.url)}</a>`;
  const text = `${paragraphs.map((lines) => lines.map(plain).join('\n')).join('\n\n')}\n`;
  const html = paragraphs.map((lines) => `<p>${lines.map(rich).join('<br>\n')}</p>`).join('\n');

  const calendar = seated
    ? {
        filename: `${session.trainingSlug ?? 'training'}-${session.startsAt.slice(0, 10)}.ics`,
        content: calendarOf({
          name: title,
          timeZone: options.timeZone,
          events: [
            {
              // The same UID as the intranet's "Add to calendar": a calendar app keeps one event.
              uid: `${session.documentId}@${site.hostname}`,
              start: session.startsAt,
              end: session.endsAt,
              changedAt: session.updatedAt,
              summary: title,
              location: where,
              url: joinUrl ?? pageUrl,
            },
          ],
        }),
      }
    : null;
  return {
    subject: headerText(
      texts.subject[input.kind](title, shortDate(session.startsAt, texts.dateLocale, options.timeZone)),
    ),
    text,
    html,
    calendar,
  };
}

/** Where cancel links point: the plugin's `siteUrl`, else the first allowed origin. */
export function siteUrlOf(strapi: Core.Strapi): string {
  const config = (key: string) => strapi.plugin('ritme').config(key) as unknown;
  const siteUrl = config('siteUrl') as string | undefined;
  if (siteUrl) return siteUrl;
  const origins = config('allowedOrigins');
  const list = typeof origins === 'function' ? (origins as () => string[])() : (origins as string[] | undefined);
  const first = list?.[0];
  if (!first) throw new Error('ritme: set the siteUrl option: sign-up e-mails link to the intranet.');
  return first;
}

/** Sends through Strapi's email plugin, with the calendar file attached for a confirmed seat. */
export async function sendSignupMail(strapi: Core.Strapi, input: SignupMailInput) {
  if (!isSafeAddress(input.to)) throw new Error(`"${headerText(input.to)}" is not a plain e-mail address.`);
  const mail = composeSignupMail(input, {
    siteUrl: siteUrlOf(strapi),
    timeZone: (strapi.plugin('ritme').config('timeZone') as string | undefined) ?? 'Europe/Amsterdam',
  });
  const email = strapi.plugin('email').service('email') as { send(options: Record<string, unknown>): Promise<unknown> };
  await email.send({
    to: input.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(mail.calendar
      ? {
          attachments: [
            {
              filename: mail.calendar.filename,
              content: mail.calendar.content,
              contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            },
          ],
        }
      : {}),
  });
}
