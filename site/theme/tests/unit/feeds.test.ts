/**
 * The feeds beside the pages (data/feeds.ts): which sessions a training's and a
 * group's calendar hold, read back with ical.js; the Atom feed of behaviours
 * and spotlights, newest first, read back with a feed reader's parser and a
 * strict XML parser, with an editor's hostile title; the route params and files
 * the static build and the renderer use.
 */

import type { Behaviour, Group, Spotlight, Training, TrainingSession } from '@ritme/shared';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fileOf } from '../../src/build-service/paths.mjs';
import {
  buildFeeds,
  FEED_SIZE,
  feedBody,
  feedParams,
  recentEntries,
  routePathOf,
  sessionEvent,
  trainingsOfGroup,
} from '../../src/data/feeds';
import type { PageSource } from '../../src/data/pages';

const SITE = new URL('https://intranet.example/');
const HOSTILE = `Koffie & <script>alert("x")</script> ]]> 'n "quote"`;
const base = { locale: 'nl' as const, localizations: [], preview: undefined };

const session = (id: string, startsAt: string, extra: Partial<TrainingSession> = {}): TrainingSession => ({
  documentId: id,
  updatedAt: '2026-11-01T10:00:00.000Z',
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + 2 * 3600_000).toISOString(),
  location: 'Zaal 1',
  onlineUrl: null,
  seats: 12,
  ...extra,
});

const training = (id: string, slug: string, title: string, sessions: TrainingSession[]): Training => ({
  ...base,
  documentId: id,
  slug,
  title,
  updatedAt: '2026-10-01T10:00:00.000Z',
  summary: 'Samenvatting',
  body: '',
  skill: 'giving_feedback',
  focus: 'attitude',
  format: 'workshop',
  durationMinutes: 90,
  sessions,
  behaviours: [],
});
const ref = (t: Training) => ({
  documentId: t.documentId,
  slug: t.slug,
  title: t.title,
  skill: t.skill,
  focus: t.focus,
  format: t.format,
});

const feedback = training('tr-feedback', 'feedback-geven', HOSTILE, [
  session('se-1', '2027-01-12T13:00:00.000Z'),
  session('se-2', '2026-09-01T08:00:00.000Z', { location: null, onlineUrl: 'https://meet.example/x' }),
]);
const asking = training('tr-asking', 'vragen-stellen', 'Vragen stellen', [session('se-3', '2026-12-20T09:00:00.000Z')]);
const unrelated = training('tr-other', 'knoppen', 'Knoppen', [session('se-4', '2026-12-21T09:00:00.000Z')]);

const behaviour = (id: string, title: string, updatedAt: string, trainings: Training[]): Behaviour => ({
  ...base,
  documentId: id,
  slug: `${id}-slug`,
  title,
  updatedAt,
  insteadOf: 'Iets vaags',
  why: `Omdat ${HOSTILE}`,
  how: [],
  cadence: 'weekly',
  skill: 'giving_feedback',
  example: '',
  groups: [],
  trainings: trainings.map(ref),
});
const behaviours = [
  behaviour('be-1', 'Vraag om feedback', '2026-11-02T10:00:00.000Z', [feedback, asking]),
  behaviour('be-2', HOSTILE, '2026-11-05T10:00:00.000Z', [feedback]),
  behaviour('be-3', 'Niet van de groep', '2026-11-04T10:00:00.000Z', [unrelated]),
];
const group: Group = {
  ...base,
  documentId: 'gr-1',
  slug: 'team-a',
  name: 'Team A',
  kind: 'team',
  updatedAt: '2026-10-01T10:00:00.000Z',
  description: '',
  people: [],
  behaviours: behaviours.slice(0, 2).map((b) => ({
    documentId: b.documentId,
    slug: b.slug,
    title: b.title,
    insteadOf: b.insteadOf,
    cadence: b.cadence,
  })),
  spotlights: [],
};
const spotlight: Spotlight = {
  ...base,
  documentId: 'sp-1',
  slug: 'goed-voorbeeld',
  title: 'Een goed voorbeeld',
  updatedAt: '2026-11-03T10:00:00.000Z',
  story: 'Ze deelde haar werk\n\nelke week.',
  date: '2026-11-03',
  person: null,
  group: null,
  behaviour: null,
};

const source: PageSource = {
  home: async () => null,
  groups: async () => [group],
  behaviours: async () => behaviours,
  trainings: async () => [feedback, asking, unrelated],
  people: async () => [],
  rounds: async () => [],
  spotlights: async () => [spotlight],
  results: async () => null,
  changes: async () => [],
};

function readCalendar(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar;
}

describe('calendar feeds', () => {
  it('gives a training every one of its sessions, as the session’s own file has it (same UID)', async () => {
    const feeds = await buildFeeds(source, ['nl']);
    const feed = feeds.find((f) => f.path === '/trainingen/feedback-geven/agenda.ics');
    if (!feed) throw new Error(`no calendar for the training: ${feeds.map((f) => f.path).join(', ')}`);
    const { body, type } = feedBody(feed.props, SITE);
    expect(type).toBe('text/calendar; charset=utf-8');
    const calendar = readCalendar(body);
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.uid)).toEqual(['se-1@intranet.example', 'se-2@intranet.example']);
    expect(events[0]?.summary).toBe(HOSTILE);
    expect(events[1]?.location).toBe('Online: https://meet.example/x');
    expect(events[0]?.startDate.toJSDate().toISOString()).toBe('2027-01-12T13:00:00.000Z');
    expect(calendar.getFirstPropertyValue('source')).toBe(
      'https://intranet.example/trainingen/feedback-geven/agenda.ics',
    );
    expect(calendar.getFirstPropertyValue('url')).toBe('https://intranet.example/trainingen/feedback-geven/');
    expect(String(calendar.getFirstPropertyValue('refresh-interval'))).toBe('PT6H');
    // The per-session "Add to calendar" event is the same one.
    const own = sessionEvent(feedback.sessions[0] as TrainingSession, feedback, 'nl', SITE);
    expect(own.uid).toBe(events[0]?.uid);
    expect(own.url).toBe('https://intranet.example/trainingen/feedback-geven/');
  });

  it('gives a group the sessions of the trainings of its behaviours, each training once, by date', async () => {
    expect(trainingsOfGroup(group, behaviours, [feedback, asking, unrelated]).map((t) => t.documentId)).toEqual([
      'tr-feedback',
      'tr-asking',
    ]);
    const feeds = await buildFeeds(source, ['nl', 'en']);
    const feed = feeds.find((f) => f.path === '/groepen/team-a/agenda.ics');
    if (!feed) throw new Error('no calendar for the group');
    const calendar = readCalendar(feedBody(feed.props, SITE).body);
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.uid.split('@')[0])).toEqual(['se-2', 'se-3', 'se-1']);
    expect(events.map((event) => event.summary)).toEqual([HOSTILE, 'Vragen stellen', HOSTILE]);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Team A: trainingen · Waterschap Veenstromen');
    // English paths for the English locale.
    expect(feeds.map((f) => f.path)).toContain('/en/groups/team-a/calendar.ics');
    expect(feeds.map((f) => f.path)).toContain('/en/trainings/feedback-geven/calendar.ics');
  });

  it('is the same bytes for the same content (no clock in it)', async () => {
    const [a, b] = [await buildFeeds(source, ['nl']), await buildFeeds(source, ['nl'])];
    expect(a.map((f) => feedBody(f.props, SITE).body)).toEqual(b.map((f) => feedBody(f.props, SITE).body));
  });
});

describe('the Atom feed', () => {
  it('lists behaviours and spotlights newest first, with links, dates and plain summaries, hostile text as text', async () => {
    const feeds = await buildFeeds(source, ['nl', 'en']);
    const feed = feeds.find((f) => f.path === '/feed.xml');
    if (!feed) throw new Error('no Atom feed');
    expect(feeds.map((f) => f.path)).toContain('/en/feed.xml');
    const { body, type } = feedBody(feed.props, SITE);
    expect(type).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(body)).toBe(true);
    expect(body).not.toContain('<script');
    const parsed = parseFeed(body);
    expect(parsed.title).toBe('Waterschap Veenstromen: nieuw gedrag en uitgelicht');
    expect(parsed.self).toBe('https://intranet.example/feed.xml');
    expect(parsed.language).toBe('nl');
    expect(parsed.updated?.toISOString()).toBe('2026-11-05T10:00:00.000Z');
    expect(parsed.items.map((item) => [item.title, item.url, item.updated?.toISOString()])).toEqual([
      [HOSTILE, 'https://intranet.example/gedrag/be-2-slug/', '2026-11-05T10:00:00.000Z'],
      ['Niet van de groep', 'https://intranet.example/gedrag/be-3-slug/', '2026-11-04T10:00:00.000Z'],
      ['Een goed voorbeeld', 'https://intranet.example/uitgelicht/goed-voorbeeld/', '2026-11-03T10:00:00.000Z'],
      ['Vraag om feedback', 'https://intranet.example/gedrag/be-1-slug/', '2026-11-02T10:00:00.000Z'],
    ]);
    expect(parsed.items[2]?.description).toBe('Ze deelde haar werk elke week.');
    expect(parsed.items[0]?.description).toBe(`Omdat ${HOSTILE}`);
  });

  it(`holds at most ${FEED_SIZE} entries`, () => {
    const many = Array.from({ length: FEED_SIZE + 10 }, (_, i) =>
      behaviour(`b${String(i).padStart(3, '0')}`, `B ${i}`, new Date(Date.UTC(2027, 0, 1 + i)).toISOString(), []),
    );
    const entries = recentEntries(many, [spotlight]);
    expect(entries).toHaveLength(FEED_SIZE);
    expect(entries[0]?.title).toBe(`B ${FEED_SIZE + 9}`);
  });
});

describe('where a feed goes', () => {
  it('has route params, a route path and a file that match its public path', () => {
    expect(feedParams('/feed.xml')).toEqual({ dir: undefined, file: 'feed' });
    expect(feedParams('/en/feed.xml')).toEqual({ dir: 'en', file: 'feed' });
    expect(feedParams('/trainingen/x/agenda.ics')).toEqual({ dir: 'trainingen/x', file: 'agenda' });
    expect(routePathOf('/en/feed.xml')).toBe('/en/feed.xml/');
    // The build service's file for a route path: a page's index.html, a feed's own name.
    expect(fileOf(routePathOf('/trainingen/x/agenda.ics'))).toBe('trainingen/x/agenda.ics');
    expect(fileOf(routePathOf('/feed.xml'))).toBe('feed.xml');
    expect(fileOf('/trainingen/x/')).toBe('trainingen/x/index.html');
    expect(fileOf('/')).toBe('index.html');
  });
});
