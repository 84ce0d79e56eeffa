/**
 * A real SMTP server on loopback for tests (the `smtp-server` package): it
 * accepts every message without TLS or login and keeps what arrived, with the
 * envelope, the headers and the decoded plain-text body. `stop()` takes it
 * down, so a test can see what Strapi does when the mail server is gone.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO), which is where the mail really goes. */
  rcptTo: string[];
  mailFrom: string;
  headers: Record<string, string[]>;
  subject: string;
  /** The text/plain part, decoded. */
  text: string;
  /** The text/html part, decoded ('' without one). */
  html: string;
  raw: string;
}

export interface TestSmtp {
  port: number;
  mails: ReceivedMail[];
  /** Resolves once `count` mails have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** The first mail to `to` among those after the first `from` (or rejects after `timeoutMs`). */
  waitForMailTo(to: string, from?: number, timeoutMs?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
  /** Listens again on the same port after `stop()`. */
  restart(): Promise<void>;
}

const decodeQuotedPrintable = (text: string) =>
  Buffer.from(
    text
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

function parseHeaders(block: string): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at <= 0) continue;
    const name = line.slice(0, at).trim().toLowerCase();
    headers[name] = [...(headers[name] ?? []), line.slice(at + 1).trim()];
  }
  return headers;
}

/** The headers of a message, and its part of `type` (text/plain, text/html) decoded, or '' without one. */
function partOf(raw: string, type: 'text/plain' | 'text/html'): { headers: Record<string, string[]>; body: string } {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = parseHeaders(raw.slice(0, split));
  let body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  let partHeaders = headers;
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type']?.[0] ?? '')?.[1];
  if (boundary) {
    const wanted = new RegExp(`content-type:\\s*${type.replace('/', '\\/')}`, 'i');
    const part = body.split(`--${boundary}`).find((chunk) => wanted.test(chunk)) ?? '';
    const at = part.search(/\r?\n\r?\n/);
    partHeaders = parseHeaders(part.slice(0, at));
    body = at < 0 ? '' : part.slice(at).replace(/^\r?\n\r?\n/, '');
  } else if (!(headers['content-type']?.[0] ?? 'text/plain').toLowerCase().startsWith(type)) {
    body = '';
  }
  const encoding = partHeaders['content-transfer-encoding']?.[0]?.toLowerCase();
  if (encoding === 'quoted-printable') body = decodeQuotedPrintable(body);
  if (encoding === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  return { headers, body: body.replace(/\r\n/g, '\n') };
}

/** Polls `done` every 50 ms until it holds, or rejects with `failure()` after `timeoutMs`. */
async function until(done: () => boolean, timeoutMs: number, failure: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(failure());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startSmtp(): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const create = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const { headers, body: text } = partOf(raw, 'text/plain');
          mails.push({
            rcptTo: session.envelope.rcptTo.map((to) => to.address),
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            headers,
            subject: headers.subject?.[0] ?? '',
            text,
            html: partOf(raw, 'text/html').body,
            raw,
          });
          callback();
        });
      },
    });
  let server = create();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
    });
  const port = await listen(0);
  return {
    port,
    mails,
    async waitFor(count, timeoutMs = 10_000) {
      await until(
        () => mails.length >= count,
        timeoutMs,
        () => `Expected ${count} mails, ${mails.length} arrived.`,
      );
      return mails;
    },
    async waitForMailTo(to, from = 0, timeoutMs = 15_000) {
      const find = () => mails.slice(from).find((mail) => mail.rcptTo.includes(to));
      await until(
        () => find() !== undefined,
        timeoutMs,
        () => `No mail to ${to} arrived.`,
      );
      return find() as ReceivedMail;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async restart() {
      server = create();
      await listen(port);
    },
  };
}
