/**
 * An editor's reply to a suggestion, as the e-mail its sender receives: in the
 * suggestion's language (Dutch or English), plain text only, quoting what they
 * wrote. Everything in it was typed by someone (the sender, the editor), so the
 * address and subject are checked for header injection, and the HTML part (the
 * nodemailer provider would otherwise send the plain text as HTML) is escaped.
 */
import { DEFAULT_LOCALE } from '@ritme/shared';
import type { Core } from '@strapi/strapi';

/** Why a reply was not e-mailed; `status` is the HTTP answer. The reply itself is stored either way. */
export class ReplyNotSent extends Error {
  constructor(
    readonly status: 400 | 404 | 409 | 502 | 503,
    readonly code:
      | 'not-found'
      | 'no-address'
      | 'bad-address'
      | 'not-configured'
      | 'sending'
      | 'already-sent'
      | 'failed',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Strapi's email plugin without configuration uses its "sendmail" provider, which needs a
 * sendmail binary on the server: that is taken as "e-mail is not set up".
 */
export function mailConfigured(strapi: Core.Strapi): boolean {
  const settings = strapi.config.get('plugin::email') as { provider?: string } | undefined;
  const provider = settings?.provider?.toLowerCase();
  return Boolean(provider) && provider !== 'sendmail';
}

/**
 * One plain address, as the suggestion form accepted it: no display name, no list, and none of
 * the characters that would end a mail header or start another (CR, LF) or change its meaning.
 */
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
export const isSafeAddress = (value: string) => value.length <= 254 && ADDRESS.test(value);

/** Text for one header line: every line break and control character becomes a space. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
export const headerText = (value: string) => value.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ').trim();

const quote = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => `> ${line}`)
    .join('\n');

const TEXTS = {
  nl: {
    subject: 'Antwoord op je suggestie',
    greeting: (name: string | null) => (name ? `Hallo ${name},` : 'Hallo,'),
    intro: 'Bedankt voor je suggestie op het intranet. Dit is ons antwoord:',
    youWrote: (date: string) => `Je schreef op ${date}:`,
    signOff: 'Met vriendelijke groet,\nHet intranetteam',
  },
  en: {
    subject: 'Reply to your suggestion',
    greeting: (name: string | null) => (name ? `Hello ${name},` : 'Hello,'),
    intro: 'Thank you for your suggestion on the intranet. This is our reply:',
    youWrote: (date: string) => `On ${date} you wrote:`,
    signOff: 'Kind regards,\nThe intranet team',
  },
} as const;

export interface ReplyMail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
/** Escaped paragraphs, line breaks kept. */
const htmlLines = (text: string) => escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>\n');

/** The e-mail for `reply` to a suggestion in `locale` (nl → Dutch, any other language → English). */
export function composeReply(input: {
  locale: string | null;
  name: string | null;
  message: string;
  reply: string;
  createdAt: string;
}): ReplyMail {
  const language = (input.locale ?? DEFAULT_LOCALE) === 'nl' ? 'nl' : 'en';
  const texts = TEXTS[language];
  const date = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(input.createdAt));
  const name = input.name ? headerText(input.name) : null;
  const html = [
    `<p>${htmlLines(texts.greeting(name))}</p>`,
    `<p>${htmlLines(texts.intro)}</p>`,
    `<p>${htmlLines(input.reply)}</p>`,
    `<p>${htmlLines(texts.youWrote(date))}</p>`,
    `<blockquote>${htmlLines(input.message)}</blockquote>`,
    `<p>${htmlLines(texts.signOff)}</p>`,
  ].join('\n');
  return {
    subject: headerText(texts.subject),
    html,
    text: [
      texts.greeting(name),
      '',
      texts.intro,
      '',
      input.reply,
      '',
      texts.youWrote(date),
      quote(input.message),
      '',
      texts.signOff,
      '',
    ].join('\n'),
  };
}

/** Sends through Strapi's email plugin (its configured provider, from and reply-to addresses). */
export async function sendReplyMail(strapi: Core.Strapi, to: string, mail: ReplyMail) {
  if (!isSafeAddress(to))
    throw new ReplyNotSent(400, 'bad-address', `"${headerText(to)}" is not a plain e-mail address.`);
  const email = strapi.plugin('email').service('email') as { send(options: Record<string, unknown>): Promise<unknown> };
  await email.send({ to, subject: headerText(mail.subject), text: mail.text, html: mail.html });
}
