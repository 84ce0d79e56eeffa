/**
 * Signing up for a training session against a booted Strapi (SQLite, and
 * PostgreSQL in the api:postgres project) and a real SMTP server on loopback:
 * seats go to the first ones, then the waiting list; the confirmation mail
 * carries the session as an .ics file (read back with mailparser and ical.js)
 * and a cancel link whose token cancels — by POST only — and confirms the first
 * one waiting; bad input stores nothing; 100 sign-ups at once for 10 seats give
 * exactly 10 confirmed and 90 waiting; editors list and export sign-ups.
 */
import {
  AdminSessionSignupsSchema,
  AdminSignupSessionSchema,
  SessionAvailabilitySchema,
  SignupLookupSchema,
  SignupReceiptSchema,
} from '@ritme/shared';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminWith, type TestAdmin } from './harness/admins';
import { call, countRows } from './harness/api';
import { createPage, docs } from './harness/fixtures';
import { startSmtp, type TestSmtp } from './harness/smtp';
import { bootStrapi, type TestStrapi } from './harness/strapi';

const SITE_URL = 'http://intranet.test:4321';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let app: TestStrapi;
let smtp: TestSmtp;
let editor: TestAdmin;
let outsider: TestAdmin;
let trainingId: string;

const inDays = (days: number, hours = 0) => new Date(Date.now() + days * DAY + hours * HOUR).toISOString();

async function session(seats: number | null, options: { startsIn?: number; draft?: boolean } = {}) {
  const startsIn = options.startsIn ?? 5;
  const shared = {
    training: trainingId,
    startsAt: inDays(startsIn),
    endsAt: inDays(startsIn, 2),
    seats,
  };
  return createPage(
    app.strapi,
    'training-session',
    { ...shared, location: 'Zaal 3' },
    { ...shared, location: 'Room 3' },
    { draft: options.draft },
  );
}

const signUp = (data: Record<string, unknown>, headers: Record<string, string> = {}) =>
  call(app.baseUrl, 'POST', '/api/ritme/signups', { body: { data: { locale: 'nl', ...data } }, headers });
const signedUp = async (data: Record<string, unknown>) => {
  const response = await signUp(data);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return SignupReceiptSchema.parse(response.body.data);
};
const availability = async (...ids: string[]) => {
  const response = await call(app.baseUrl, 'GET', `/api/ritme/training-sessions/availability?ids=${ids.join(',')}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return SessionAvailabilitySchema.array().parse(response.body.data);
};
const signupsOf = (sessionId: string) => countRows(app.strapi, 'session-signup', { session: sessionId });

/** The mail sent to `to` after `from` mails had arrived, parsed as a mail client would. */
const mailTo = async (to: string, from = 0) => simpleParser((await smtp.waitForMailTo(to, from)).raw);
const tokenIn = (text: string) => {
  const match = /aanmelding-annuleren\/#token=([A-Za-z0-9_-]{43})|cancel-sign-up\/#token=([A-Za-z0-9_-]{43})/.exec(
    text,
  );
  if (!match) throw new Error(`No cancel link in:\n${text}`);
  return (match[1] ?? match[2]) as string;
};
const post = (path: string, data: unknown) => call(app.baseUrl, 'POST', path, { body: { data } });

beforeAll(async () => {
  smtp = await startSmtp();
  app = await bootStrapi({
    env: {
      RITME_RATE_LIMIT_POINTS: '1000',
      SITE_URL,
      RITME_TIME_ZONE: 'Europe/Amsterdam',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      SMTP_FROM: 'Intranet <intranet@example.org>',
    },
  });
  editor = await adminWith(app.strapi, app.baseUrl, 'signups-editor@example.org', ['plugin::ritme.signups.read']);
  outsider = await adminWith(app.strapi, app.baseUrl, 'signups-outsider@example.org', ['plugin::ritme.rounds.read']);
  trainingId = await createPage(
    app.strapi,
    'training',
    { title: 'Feedback geven', summary: 'Oefenen.', skill: 'giving_feedback' },
    { title: 'Giving feedback', summary: 'Practice.', skill: 'giving_feedback' },
  );
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

describe('signing up', () => {
  it('confirms while seats are free and mails the session as a calendar file with a cancel link', async () => {
    const id = await session(2);
    const sent = smtp.mails.length;
    const receipt = await signedUp({ session: id, name: 'Noor de Vries', email: 'noor@example.org' });
    expect(receipt).toEqual({ status: 'confirmed', position: null, seatsLeft: 1 });

    const mail = await mailTo('noor@example.org', sent);
    expect(mail.subject).toMatch(/^Aangemeld: Feedback geven, \d{1,2} \w+$/);
    expect(mail.text).toContain('Hallo Noor de Vries,');
    expect(mail.text).toContain('Waar: Zaal 3');
    expect(mail.text).toContain(`${SITE_URL}/trainingen/feedback-geven/`);
    expect(mail.text).toContain(`${SITE_URL}/aanmelding-annuleren/#token=`);
    const ics = mail.attachments.find((attachment) => attachment.contentType === 'text/calendar');
    expect(ics?.filename).toMatch(/^feedback-geven-\d{4}-\d{2}-\d{2}\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(ics?.content.toString('utf8') ?? ''));
    const event = calendar.getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('uid')).toBe(`${id}@intranet.test`);
    expect(event?.getFirstPropertyValue('summary')).toBe('Feedback geven');
    expect(event?.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
    const start = event?.getFirstPropertyValue('dtstart') as ICAL.Time;
    const [stored] = await availability(id);
    expect(stored).toMatchObject({ seats: 2, confirmed: 1, waiting: 0, seatsLeft: 1, open: true });
    expect(Math.abs(start.toJSDate().getTime() - Date.now() - 5 * DAY)).toBeLessThan(60_000);
  });

  it('gives an online session’s link only when it is an http(s) one', async () => {
    const online = async (onlineUrl: string) => {
      const shared = { training: trainingId, startsAt: inDays(6), endsAt: inDays(6, 1), seats: 5, onlineUrl };
      return createPage(app.strapi, 'training-session', { ...shared, location: null }, { ...shared, location: null });
    };
    const hostile = await online('https://meet.example.org/was-fine');
    const real = await online('https://meet.example.org/feedback');
    // The content type refuses it; a row stored past it (an import, an older version) gets here still.
    await app.strapi.db
      .query('plugin::ritme.training-session')
      .updateMany({ where: { documentId: hostile }, data: { onlineUrl: 'javascript:alert(1)' } });
    const sent = smtp.mails.length;
    await signedUp({ session: hostile, name: 'Iris', email: 'iris@example.org' });
    await signedUp({ session: real, name: 'Joris', email: 'joris@example.org' });
    const refused = await mailTo('iris@example.org', sent);
    expect(refused.text).toContain('Waar: Online');
    expect(`${refused.text}${refused.html}`).not.toMatch(/javascript/i);
    const kept = await mailTo('joris@example.org', sent);
    expect(kept.text).toContain('Waar: Online: https://meet.example.org/feedback');
  });

  it('writes an English sign-up’s mail in English', async () => {
    const id = await session(5);
    const sent = smtp.mails.length;
    await signedUp({ session: id, name: 'Sam <img src=x onerror=alert(1)>', email: 'sam@example.org', locale: 'en' });
    const mail = await mailTo('sam@example.org', sent);
    // Typed by the employee: text in the plain part, escaped in the HTML part.
    expect(mail.text).toContain('Hello Sam <img src=x onerror=alert(1)>,');
    expect(mail.html).toContain('Hello Sam &lt;img src=x onerror=alert(1)&gt;,');
    expect(mail.html).not.toContain('<img');
    expect(mail.subject).toMatch(/^Signed up: Giving feedback, \d{1,2} \w+$/);
    expect(mail.text).toContain('Where: Room 3');
    expect(mail.text).toContain(`${SITE_URL}/en/cancel-sign-up/#token=`);
    expect(mail.text).toContain(`${SITE_URL}/en/trainings/giving-feedback/`);
  });

  it('puts sign-ups on the waiting list once the seats are taken, in the order they came', async () => {
    const id = await session(1);
    await signedUp({ session: id, name: 'Eerste', email: 'first@example.org' });
    const sent = smtp.mails.length;
    expect(await signedUp({ session: id, name: 'Tweede', email: 'second@example.org' })).toEqual({
      status: 'waiting',
      position: 1,
      seatsLeft: 0,
    });
    expect(await signedUp({ session: id, name: 'Derde', email: 'third@example.org' })).toMatchObject({
      status: 'waiting',
      position: 2,
    });
    const mail = await mailTo('second@example.org', sent);
    expect(mail.subject).toMatch(/^Op de wachtlijst: Feedback geven/);
    expect(mail.text).toContain('op plaats 1');
    expect(mail.attachments).toHaveLength(0);
    expect(await availability(id)).toEqual([
      { session: id, seats: 1, confirmed: 1, waiting: 2, seatsLeft: 0, open: true },
    ]);
  });

  it('takes everyone on a session without a seat limit', async () => {
    const id = await session(null);
    expect(await signedUp({ session: id, name: 'A', email: 'a@example.org' })).toEqual({
      status: 'confirmed',
      position: null,
      seatsLeft: null,
    });
  });

  it('stores one sign-up per address and session: signing up again answers it and mails the same link again', async () => {
    const id = await session(3);
    const before = smtp.mails.length;
    await signedUp({ session: id, name: 'Kim', email: 'kim@example.org' });
    const first = await mailTo('kim@example.org', before);
    const again = smtp.mails.length;
    expect(await signedUp({ session: id, name: 'Kim J.', email: 'KIM@example.org' })).toEqual({
      status: 'confirmed',
      position: null,
      seatsLeft: 2,
    });
    const second = await mailTo('kim@example.org', again);
    expect(tokenIn(second.text ?? '')).toBe(tokenIn(first.text ?? ''));
    expect(await signupsOf(id)).toBe(1);
  });

  it('answers a retry with the same Idempotency-Key once, and refuses the key for another sign-up', async () => {
    const id = await session(3);
    const data = { session: id, name: 'Retry', email: 'retry@example.org' };
    const headers = { 'Idempotency-Key': `signup-${id}` };
    expect((await signUp(data, headers)).status).toBe(201);
    const retry = await signUp(data, headers);
    expect(retry.status).toBe(200);
    expect(retry.body.data).toEqual({ status: 'confirmed', position: null, seatsLeft: 2 });
    expect((await signUp({ ...data, email: 'other@example.org' }, headers)).status).toBe(422);
    expect(await signupsOf(id)).toBe(1);
  });
});

describe('bad input stores nothing', () => {
  it.each([
    ['no name', { name: '', email: 'x@example.org' }, 'name'],
    ['a name with direction marks', { name: 'Evil\u202Eman', email: 'x@example.org' }, 'name'],
    ['a name that is too long', { name: 'n'.repeat(101), email: 'x@example.org' }, 'name'],
    ['no e-mail address', { name: 'Xavi' }, 'email'],
    ['a bad e-mail address', { name: 'Xavi', email: 'x@example.org\r\nBcc: all@example.org' }, 'email'],
    ['a field of its own', { name: 'Xavi', email: 'x@example.org', status: 'confirmed' }, ''],
  ])('%s → 400 naming the field', async (_, data, field) => {
    const id = await session(3);
    const response = await signUp({ session: id, ...data });
    expect(response.status).toBe(400);
    const paths = (response.body.error.details.errors as { path: string[] }[]).map((error) => error.path.join('.'));
    if (field) expect(paths).toContain(field);
    expect(await signupsOf(id)).toBe(0);
  });

  it('refuses an unknown or unpublished session (404) and one that has started (409)', async () => {
    const draft = await session(3, { draft: true });
    const started = await session(3, { startsIn: -0.01 });
    const unknown = await signUp({ session: 'abcdefghij0123456789abcd', name: 'X', email: 'x@example.org' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.code).toBe('session_not_found');
    const unpublished = await signUp({ session: draft, name: 'X', email: 'x@example.org' });
    expect(unpublished.status).toBe(404);
    const late = await signUp({ session: started, name: 'X', email: 'x@example.org' });
    expect(late.status).toBe(409);
    expect(late.body.error.details.code).toBe('session_closed');
    expect((await signupsOf(draft)) + (await signupsOf(started))).toBe(0);
    expect(await availability(draft, started)).toEqual([expect.objectContaining({ session: started, open: false })]);
  });

  it('answers a filled-in honeypot like a sign-up and stores and sends nothing', async () => {
    const id = await session(3);
    const sent = smtp.mails.length;
    const response = await signUp({ session: id, name: 'Bot', email: 'bot@example.org', website: 'http://spam' });
    expect(response.status).toBe(201);
    expect(await signupsOf(id)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.slice(sent).some((mail) => mail.rcptTo.includes('bot@example.org'))).toBe(false);
  });

  it('checks what availability is asked for', async () => {
    const tooMany = Array.from({ length: 51 }, (_, n) => `session${String(n).padStart(6, '0')}`).join(',');
    expect((await call(app.baseUrl, 'GET', `/api/ritme/training-sessions/availability?ids=${tooMany}`)).status).toBe(
      400,
    );
    expect((await call(app.baseUrl, 'GET', '/api/ritme/training-sessions/availability?ids=../x')).status).toBe(400);
    expect((await call(app.baseUrl, 'GET', '/api/ritme/training-sessions/availability')).status).toBe(400);
  });
});

describe('cancelling', () => {
  it('looks the sign-up up by its link, cancels by POST and confirms the first one waiting', async () => {
    const id = await session(1);
    const before = smtp.mails.length;
    await signedUp({ session: id, name: 'Lotte', email: 'lotte@example.org' });
    const token = tokenIn((await mailTo('lotte@example.org', before)).text ?? '');
    await signedUp({ session: id, name: 'Wacht Eén', email: 'wait1@example.org' });
    await signedUp({ session: id, name: 'Wacht Twee', email: 'wait2@example.org' });

    const looked = await post('/api/ritme/signups/lookup', { token });
    expect(looked.status).toBe(200);
    expect(SignupLookupSchema.parse(looked.body.data)).toMatchObject({
      status: 'confirmed',
      name: 'Lotte',
      session: { documentId: id, title: 'Feedback geven', location: 'Zaal 3' },
    });
    // Opening the link (a GET, as a mail scanner does) changes nothing: there is no such route.
    expect((await call(app.baseUrl, 'GET', `/api/ritme/signups/cancel?token=${token}`)).status).toBe(404);
    expect((await availability(id))[0]?.confirmed).toBe(1);

    const promotedFrom = smtp.mails.length;
    const cancelled = await post('/api/ritme/signups/cancel', { token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.status).toBe('cancelled');
    expect(await availability(id)).toEqual([
      { session: id, seats: 1, confirmed: 1, waiting: 1, seatsLeft: 0, open: true },
    ]);
    const promoted = await mailTo('wait1@example.org', promotedFrom);
    expect(promoted.subject).toMatch(/^Er is plek: je bent aangemeld voor Feedback geven/);
    expect(promoted.attachments.map((attachment) => attachment.contentType)).toEqual(['text/calendar']);
    // The promoted one's link is the one from their first mail.
    const again = await post('/api/ritme/signups/lookup', { token: tokenIn(promoted.text ?? '') });
    expect(again.body.data).toMatchObject({ status: 'confirmed', name: 'Wacht Eén' });

    // Twice is still cancelled, and promotes nobody else.
    expect((await post('/api/ritme/signups/cancel', { token })).body.data.status).toBe('cancelled');
    expect((await availability(id))[0]).toMatchObject({ confirmed: 1, waiting: 1 });
  });

  it('refuses a token it does not know, and a malformed one', async () => {
    const unknown = await post('/api/ritme/signups/cancel', { token: 'A'.repeat(43) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.code).toBe('signup_not_found');
    expect((await post('/api/ritme/signups/lookup', { token: 'short' })).status).toBe(400);
    expect((await post('/api/ritme/signups/cancel', { token: 'A'.repeat(43), extra: 1 })).status).toBe(400);
  });

  it('gives seats an editor adds to the ones waiting', async () => {
    const id = await session(1);
    await signedUp({ session: id, name: 'Een', email: 'seat1@example.org' });
    await signedUp({ session: id, name: 'Twee', email: 'seat2@example.org' });
    await signedUp({ session: id, name: 'Drie', email: 'seat3@example.org' });
    const sessions = docs(app.strapi, 'training-session');
    await sessions.update({ documentId: id, locale: 'nl', data: { seats: 2 } });
    await sessions.publish({ documentId: id, locale: '*' });
    const deadline = Date.now() + 10_000;
    while ((await availability(id))[0]?.confirmed !== 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await availability(id))[0]).toMatchObject({ seats: 2, confirmed: 2, waiting: 1, seatsLeft: 0 });
  });
});

describe('many at once', () => {
  it('gives 10 seats to exactly 10 of 100 simultaneous sign-ups and puts 90 on the waiting list in order', async () => {
    const id = await session(10);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, n) =>
        signUp({ session: id, name: `Persoon ${n}`, email: `person${n}@example.org` }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(201));
    const receipts = answers.map((answer) => SignupReceiptSchema.parse(answer.body.data));
    expect(receipts.filter((receipt) => receipt.status === 'confirmed')).toHaveLength(10);
    const positions = receipts.flatMap((receipt) => (receipt.status === 'waiting' ? [receipt.position] : []));
    expect(positions).toHaveLength(90);
    expect(await countRows(app.strapi, 'session-signup', { session: id, status: 'confirmed' })).toBe(10);
    expect(await countRows(app.strapi, 'session-signup', { session: id, status: 'waiting' })).toBe(90);
    const list = await call(app.baseUrl, 'GET', `/ritme/signups/${id}`, { token: editor.jwt });
    const { signups } = AdminSessionSignupsSchema.parse(list.body.data);
    // The first ten to arrive hold the seats; the rest wait in arrival order.
    expect(signups.slice(0, 10).every((signup) => signup.status === 'confirmed')).toBe(true);
    expect(signups.slice(10).map((signup) => signup.position)).toEqual(Array.from({ length: 90 }, (_, n) => n + 1));
  }, 120_000);
});

describe('editors', () => {
  it('list sessions with their counts, a session’s sign-ups, and export them as CSV with formulas defused', async () => {
    const id = await session(1);
    await signedUp({ session: id, name: '=HYPERLINK("http://evil.example","klik")', email: 'formula@example.org' });
    await signedUp({ session: id, name: 'Wachtende, "met" komma', email: 'waiting@example.org' });

    const sessions = await call(app.baseUrl, 'GET', '/ritme/signups?locale=nl', { token: editor.jwt });
    expect(sessions.status).toBe(200);
    const mine = AdminSignupSessionSchema.array()
      .parse(sessions.body.data)
      .find((item) => item.documentId === id);
    expect(mine).toMatchObject({
      title: 'Feedback geven',
      seats: 1,
      confirmed: 1,
      waiting: 1,
      cancelled: 0,
      open: true,
    });

    const csv = await fetch(`${app.baseUrl}/ritme/signups/${id}/csv?locale=nl`, {
      headers: { authorization: `Bearer ${editor.jwt}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="signups-\d{4}-\d{2}-\d{2}-/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Naam,E-mail,Status,Plaats op wachtlijst,Aangemeld op,Bevestigd op,Geannuleerd op,Taal');
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""klik""\)",formula@example\.org,bevestigd,,/);
    expect(lines[2]).toMatch(/^"Wachtende, ""met"" komma",waiting@example\.org,wachtlijst,1,/);
  });

  it('keeps sign-ups from admins without the permission, from the public and from the Content Manager', async () => {
    const id = await session(1);
    expect((await call(app.baseUrl, 'GET', '/ritme/signups', { token: outsider.jwt })).status).toBe(403);
    expect((await call(app.baseUrl, 'GET', `/ritme/signups/${id}/csv`, { token: outsider.jwt })).status).toBe(403);
    expect((await call(app.baseUrl, 'GET', '/ritme/signups')).status).toBe(401);
    expect((await call(app.baseUrl, 'GET', '/api/ritme/signups')).status).toBe(404);
    const cm = await call(app.baseUrl, 'GET', '/content-manager/collection-types/plugin::ritme.session-signup', {
      token: editor.jwt,
    });
    expect(cm.status).toBe(403);
  });
});
