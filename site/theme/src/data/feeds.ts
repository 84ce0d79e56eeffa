/**
 * The intranet's feeds — files beside the pages, not pages: a calendar (.ics)
 * per training and per group, and an Atom feed per locale of new behaviours
 * and spotlights. Described once, like the pages (pages.ts): each feed's public
 * path and the data it shows (its props), from the same page source; written
 * by feedBody. The static build renders them from Astro endpoints
 * (routes/calendar.ts, routes/feed.ts), the build service's renderer from its
 * plan (render/plan.ts), where a feed's digest is that of its props, as a page's.
 *
 * What goes in:
 * - a training's calendar: every session the training has, as its page shows
 *   them (past ones too: a calendar that drops them would take them out of the
 *   subscriber's calendar once they passed);
 * - a group's calendar: the sessions of the trainings linked to the group's
 *   expected behaviours (group → behaviours → trainings), each training once —
 *   what a member would go to for what is expected of them;
 * - the Atom feed: the locale's behaviours and spotlights, last changed first,
 *   at most FEED_SIZE. The CMS serves when an entry last changed, not when it
 *   was first published, so an edited entry comes back to the top (with the
 *   same id: a reader shows it as updated, not as a second entry).
 *
 * An event is the same as in the session's own "Add to calendar" file
 * (sessionEvent, used by Sessions.astro too): the same UID
 * `<session documentId>@<intranet host>`, so a calendar app that has both
 * keeps one event. Nothing depends on the clock: the same content gives the
 * same bytes.
 */
import {
  type AtomEntry,
  atomOf,
  type Behaviour,
  type Group,
  type Locale,
  paths,
  plainSummary,
  type Spotlight,
  safeHttpUrl,
  type Training,
  type TrainingSession,
} from '@ritme/shared';
import { type CalendarEvent, calendarOf } from '@ritme/shared/calendar';
import { theme } from '../config';
import { fillIn, t } from '../i18n/strings';
import type { PageSource } from './pages';

/** How many entries the Atom feed holds. */
export const FEED_SIZE = 50;
/** How often a subscribed calendar asks again: every few hours is plenty for training dates. */
export const CALENDAR_REFRESH_SECONDS = 6 * 3600;

type TrainingOfSession = { title: string; slug: string };

export interface CalendarFeedProps {
  kind: 'calendar';
  locale: Locale;
  /** The page the calendar belongs to, and the calendar's own path. */
  page: string;
  self: string;
  name: string;
  description: string;
  sessions: { session: TrainingSession; training: TrainingOfSession }[];
  [data: string]: unknown;
}

export interface AtomFeedProps {
  kind: 'atom';
  locale: Locale;
  entries: {
    type: 'behaviour' | 'spotlight';
    documentId: string;
    title: string;
    slug: string;
    updatedAt: string;
    summary: string;
  }[];
  [data: string]: unknown;
}

export type FeedProps = CalendarFeedProps | AtomFeedProps;

export interface Feed {
  /** The public path: `/trainingen/x/agenda.ics`, `/feed.xml`. */
  path: string;
  props: FeedProps;
}

/** The host in the UIDs: the intranet's, so two intranets never share one. */
const hostOf = (site: URL | undefined) => site?.hostname || 'ritme.intranet';
const absolute = (path: string, site: URL | undefined) => (site ? new URL(path, site).href : path);

/** A session as a calendar event: what its own "Add to calendar" file and every feed with it hold. */
export function sessionEvent(
  session: TrainingSession,
  training: TrainingOfSession | undefined,
  locale: Locale,
  site: URL | undefined,
): CalendarEvent {
  const s = t(locale);
  // Editors type the link: only a plain http(s) URL becomes one.
  const joinUrl = safeHttpUrl(session.onlineUrl);
  const page = training ? paths.item(locale, 'trainings', training.slug) : null;
  return {
    uid: `${session.documentId}@${hostOf(site)}`,
    start: session.startsAt,
    end: session.endsAt,
    changedAt: session.updatedAt,
    summary: training?.title ?? s.training.sessions,
    location: session.location ?? (joinUrl ? `${s.training.online}: ${joinUrl}` : s.training.online),
    url: joinUrl ?? (page && site ? new URL(page, site).href : null),
  };
}

const byStart = (
  a: { session: TrainingSession; training: TrainingOfSession },
  b: { session: TrainingSession; training: TrainingOfSession },
) =>
  Date.parse(a.session.startsAt) - Date.parse(b.session.startsAt) ||
  (a.session.documentId < b.session.documentId ? -1 : a.session.documentId > b.session.documentId ? 1 : 0);

const ofTraining = (training: Training) =>
  training.sessions.map((session) => ({ session, training: { title: training.title, slug: training.slug } }));

export function trainingCalendar(locale: Locale, training: Training): Feed {
  const s = t(locale);
  const path = paths.calendar(locale, 'trainings', training.slug);
  return {
    path,
    props: {
      kind: 'calendar',
      locale,
      page: paths.item(locale, 'trainings', training.slug),
      self: path,
      name: fillIn(s.feeds.trainingCalendar, { title: training.title, site: theme.name }),
      description: fillIn(s.feeds.trainingCalendarDescription, { title: training.title }),
      sessions: ofTraining(training),
    },
  };
}

/** The trainings a group's calendar takes its sessions from: those of the group's behaviours, each once. */
export function trainingsOfGroup(group: Group, behaviours: Behaviour[], trainings: Training[]): Training[] {
  const behaviourById = new Map(behaviours.map((behaviour) => [behaviour.documentId, behaviour]));
  const trainingById = new Map(trainings.map((training) => [training.documentId, training]));
  const found = new Map<string, Training>();
  for (const ref of group.behaviours) {
    for (const trainingRef of behaviourById.get(ref.documentId)?.trainings ?? []) {
      const training = trainingById.get(trainingRef.documentId);
      if (training && !found.has(training.documentId)) found.set(training.documentId, training);
    }
  }
  return [...found.values()];
}

export function groupCalendar(locale: Locale, group: Group, trainings: Training[]): Feed {
  const s = t(locale);
  const path = paths.calendar(locale, 'groups', group.slug);
  return {
    path,
    props: {
      kind: 'calendar',
      locale,
      page: paths.item(locale, 'groups', group.slug),
      self: path,
      name: fillIn(s.feeds.groupCalendar, { name: group.name, site: theme.name }),
      description: fillIn(s.feeds.groupCalendarDescription, { name: group.name }),
      sessions: trainings.flatMap(ofTraining).sort(byStart),
    },
  };
}

const newestFirst = (a: { updatedAt: string; documentId: string }, b: { updatedAt: string; documentId: string }) =>
  Date.parse(b.updatedAt) - Date.parse(a.updatedAt) ||
  (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0);

/** The newest behaviours and spotlights of a locale, newest first: what the Atom feed and "What's new" show. */
export function recentEntries(behaviours: Behaviour[], spotlights: Spotlight[], size = FEED_SIZE) {
  return [
    ...behaviours.map((behaviour) => ({
      type: 'behaviour' as const,
      documentId: behaviour.documentId,
      title: behaviour.title,
      slug: behaviour.slug,
      updatedAt: behaviour.updatedAt,
      summary: plainSummary(behaviour.why || behaviour.insteadOf),
    })),
    ...spotlights.map((spotlight) => ({
      type: 'spotlight' as const,
      documentId: spotlight.documentId,
      title: spotlight.title,
      slug: spotlight.slug,
      updatedAt: spotlight.updatedAt,
      summary: plainSummary(spotlight.story),
    })),
  ]
    .sort(newestFirst)
    .slice(0, size);
}

export function atomFeed(locale: Locale, behaviours: Behaviour[], spotlights: Spotlight[]): Feed {
  return { path: paths.feed(locale), props: { kind: 'atom', locale, entries: recentEntries(behaviours, spotlights) } };
}

/** Every feed of `locales` (or of `only` one). */
export async function buildFeeds(source: PageSource, locales: readonly Locale[], only?: Locale): Promise<Feed[]> {
  const feeds: Feed[] = [];
  for (const locale of only ? [only] : locales) {
    const [groups, behaviours, trainings, spotlights] = await Promise.all([
      source.groups(locale),
      source.behaviours(locale),
      source.trainings(locale),
      source.spotlights(locale),
    ]);
    feeds.push(atomFeed(locale, behaviours, spotlights));
    for (const training of trainings) feeds.push(trainingCalendar(locale, training));
    for (const group of groups)
      feeds.push(groupCalendar(locale, group, trainingsOfGroup(group, behaviours, trainings)));
  }
  return feeds;
}

const CONTENT_TYPES = { calendar: 'text/calendar; charset=utf-8', atom: 'application/atom+xml; charset=utf-8' };

/** A feed's file: its text and content type. `site` is the intranet's URL (Astro's `site`). */
export function feedBody(props: FeedProps, site: URL | undefined): { body: string; type: string } {
  const { locale } = props;
  const s = t(locale);
  if (props.kind === 'calendar') {
    return {
      type: CONTENT_TYPES.calendar,
      body: calendarOf({
        name: props.name,
        description: props.description,
        url: site ? absolute(props.page, site) : null,
        source: site ? absolute(props.self, site) : null,
        refreshSeconds: CALENDAR_REFRESH_SECONDS,
        timeZone: theme.timeZone,
        events: props.sessions.map(({ session, training }) => sessionEvent(session, training, locale, site)),
      }),
    };
  }
  const section = (type: 'behaviour' | 'spotlight') => (type === 'behaviour' ? 'behaviours' : 'spotlights');
  const entries: AtomEntry[] = props.entries.map((entry) => {
    const url = absolute(paths.item(locale, section(entry.type), entry.slug), site);
    return {
      id: url,
      title: entry.title,
      url,
      updated: entry.updatedAt,
      summary: entry.summary || null,
      category: { term: entry.type, label: entry.type === 'behaviour' ? s.feeds.behaviour : s.feeds.spotlight },
    };
  });
  return {
    type: CONTENT_TYPES.atom,
    body: atomOf({
      id: absolute(paths.feed(locale), site),
      title: fillIn(s.feeds.atomTitle, { site: theme.name }),
      subtitle: s.feeds.atomSubtitle,
      author: theme.name,
      language: locale,
      self: absolute(paths.feed(locale), site),
      home: absolute(paths.home(locale), site),
      entries,
      generator: 'Ritme',
    }),
  };
}

/** The Astro route path of a feed (`/feed.xml/`: Astro's `trailingSlash: 'always'` adds one to every route). */
export const routePathOf = (feedPath: string) => `${feedPath}/`;

/** A feed's path as the params of its route, `/[...dir]/[file].<ext>`: `/en/feed.xml` → `{ dir: 'en', file: 'feed' }`. */
export function feedParams(feedPath: string): { dir: string | undefined; file: string } {
  const at = feedPath.lastIndexOf('/');
  const dir = feedPath.slice(1, at) || undefined;
  const file = feedPath.slice(at + 1).replace(/\.[a-z]+$/, '');
  return { dir, file };
}
