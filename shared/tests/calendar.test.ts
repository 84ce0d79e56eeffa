/**
 * Calendar files for training sessions, read back with a real iCalendar
 * parser (ical.js, Mozilla's): one event per session in the organisation's
 * time zone, with its rules, a stable UID and a UTC DTSTAMP, text escaped.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarOf } from '../src/calendar';

const session = {
  uid: 'sess00000001@intranet.example',
  start: '2027-01-12T13:00:00.000Z',
  end: '2027-01-12T15:30:00.000Z',
  changedAt: '2026-11-03T15:00:00.000Z',
  summary: 'Feedback geven, met; tekens\nen een regel',
  location: 'Zaal 2, Het Gemaal',
  url: 'https://intranet.example/trainingen/feedback-geven/',
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar;
}

describe('calendarOf', () => {
  it('writes one event in the organisation’s time zone, with its rules', () => {
    const ics = calendarOf({ name: 'Feedback geven', timeZone: 'Europe/Amsterdam', events: [session] });
    const calendar = parse(ics);
    const [event] = calendar.getAllSubcomponents('vevent');
    if (!event) throw new Error('no VEVENT');
    const vevent = new ICAL.Event(event);
    expect(vevent.uid).toBe('sess00000001@intranet.example');
    expect(vevent.summary).toBe('Feedback geven, met; tekens\nen een regel');
    expect(vevent.location).toBe('Zaal 2, Het Gemaal');
    expect(event.getFirstPropertyValue('url')).toBe('https://intranet.example/trainingen/feedback-geven/');
    // 14:00 and 16:30 in Amsterdam, as the TZID says; the same instants as the session's.
    expect(event.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(vevent.startDate.toString()).toBe('2027-01-12T14:00:00');
    expect(vevent.startDate.toJSDate().toISOString()).toBe(session.start);
    expect(vevent.endDate.toJSDate().toISOString()).toBe(session.end);
    // DTSTAMP is UTC ("Z"), from when the session last changed.
    expect(ics).toMatch(/\r\nDTSTAMP:20261103T150000Z\r\n/);
    expect(calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual([
      'Europe/Amsterdam',
    ]);
    // Lines end in CRLF, as RFC 5545 wants.
    expect(ics.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
  });

  it('keeps summer time right', () => {
    const summer = { ...session, start: '2027-07-06T07:00:00.000Z', end: '2027-07-06T09:00:00.000Z' };
    const [event] = parse(
      calendarOf({ name: 'x', timeZone: 'Europe/Amsterdam', events: [summer] }),
    ).getAllSubcomponents('vevent');
    const vevent = new ICAL.Event(event as ICAL.Component);
    expect(vevent.startDate.toString()).toBe('2027-07-06T09:00:00');
    expect(vevent.startDate.toJSDate().toISOString()).toBe(summer.start);
  });

  it('gives the same bytes for the same session, whenever it is made', () => {
    const options = { name: 'x', timeZone: 'Europe/Amsterdam', events: [session] };
    expect(calendarOf(options)).toBe(calendarOf(options));
  });

  it('names a feed to subscribe to, with its page, its own address and how often to fetch it again', () => {
    const second = { ...session, uid: 'sess00000002@intranet.example', start: '2027-02-01T09:00:00.000Z' };
    const ics = calendarOf({
      name: 'Feedback, geven; en \\ meer',
      description: 'Alle data\nvan de training',
      url: 'https://intranet.example/trainingen/feedback-geven/',
      source: 'https://intranet.example/trainingen/feedback-geven/agenda.ics',
      refreshSeconds: 6 * 3600,
      timeZone: 'Europe/Amsterdam',
      events: [session, second],
    });
    const calendar = parse(ics);
    // Escaped as RFC 5545 TEXT (ical.js gives these properties back as written).
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Feedback\\, geven\\; en \\\\ meer');
    expect(calendar.getFirstPropertyValue('name')).toBe('Feedback\\, geven\\; en \\\\ meer');
    expect(calendar.getFirstPropertyValue('x-wr-caldesc')).toBe('Alle data\\nvan de training');
    expect(calendar.getFirstPropertyValue('url')).toBe('https://intranet.example/trainingen/feedback-geven/');
    expect(calendar.getFirstPropertyValue('source')).toBe(
      'https://intranet.example/trainingen/feedback-geven/agenda.ics',
    );
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT6H');
    expect(calendar.getAllSubcomponents('vevent').map((event) => new ICAL.Event(event).uid)).toEqual([
      'sess00000001@intranet.example',
      'sess00000002@intranet.example',
    ]);
    // One VTIMEZONE for all the events.
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
  });

  it('keeps a hostile name on its own line', () => {
    const ics = calendarOf({
      name: 'x\r\nBEGIN:VEVENT\r\nUID:evil',
      timeZone: 'Europe/Amsterdam',
      events: [],
    });
    expect(ics).not.toMatch(/\r\nUID:evil/);
    expect(ics).toContain('\r\nX-WR-CALNAME:x\\nBEGIN:VEVENT\\nUID:evil\r\n');
    const calendar = parse(ics);
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
  });

  it('refuses a time zone it has no rules for, saying what it wants', () => {
    expect(() => calendarOf({ name: 'x', timeZone: 'Mars/Olympus', events: [session] })).toThrow(/IANA/);
  });
});
