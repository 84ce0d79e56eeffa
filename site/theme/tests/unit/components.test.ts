/** The components, layout and island, rendered on the server through Astro's Container API. */

import type { Change, Locale, PersonRef, Training, TrainingSession } from '@ritme/shared';
import type { experimental_AstroContainer as AstroContainer } from 'astro/container';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import DoInstead from '../../src/components/DoInstead.astro';
import Empty from '../../src/components/Empty.astro';
import PersonCard from '../../src/components/PersonCard.astro';
import Sessions from '../../src/components/Sessions.astro';
import { publicCmsUrl } from '../../src/config';
import Base from '../../src/layouts/Base.astro';
import ChangesView from '../../src/views/ChangesView.astro';
import TrainingsView from '../../src/views/TrainingsView.astro';
import TrainingView from '../../src/views/TrainingView.astro';
import { createContainer } from '../container';

let container: AstroContainer;

beforeAll(async () => {
  container = await createContainer();
});

/** Every match of a regular expression's first group. */
const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((match) => match[1]);
/** Every link target but a session's own calendar file (a data:text/calendar link, tested on its own). */
/** The links in `html` but the theme's own calendar links (a session's file, a training's feed). */
const links = (html: string) =>
  all(html, /href="([^"]*)"/g).filter(
    (href) => !href?.startsWith('data:text/calendar;') && !/^\/trainingen\/[a-z0-9-]+\/agenda\.ics$/.test(href ?? ''),
  );
/** The HTML without the calendar links' data, for checks on what else is there. */
const withoutCalendars = (html: string) => html.replace(/href="data:text\/calendar;[^"]*"/g, 'href="#calendar"');

describe('DoInstead', () => {
  const behaviour = {
    title: 'Stel een vraag in het teamkanaal',
    insteadOf: 'Mail iedereen apart',
    slug: 'stel-een-vraag',
  };

  it('says "Doe dit" / "In plaats van" in Dutch and links to the Dutch page', async () => {
    const html = await container.renderToString(DoInstead, { props: { behaviour, locale: 'nl' } });
    expect(html).toContain('Doe dit');
    expect(html).toContain('In plaats van');
    expect(html).not.toContain('Do this');
    expect(html).toMatch(
      /<h3[^>]*><a href="\/gedrag\/stel-een-vraag\/"[^>]*>Stel een vraag in het teamkanaal<\/a><\/h3>/,
    );
    expect(html).toMatch(/<s[^>]*>Mail iedereen apart<\/s>/);
  });

  it('says "Do this" / "Instead of" in English and links to the English page', async () => {
    const html = await container.renderToString(DoInstead, {
      props: { behaviour: { ...behaviour, slug: 'ask-in-the-channel' }, locale: 'en' },
    });
    expect(html).toContain('Do this');
    expect(html).toContain('Instead of');
    expect(html).not.toContain('Doe dit');
    expect(all(html, /href="([^"]*)"/g)).toEqual(['/en/behaviours/ask-in-the-channel/']);
  });

  it('renders the title without a link and at the requested heading level', async () => {
    const html = await container.renderToString(DoInstead, {
      props: { behaviour, locale: 'nl', link: false, headingLevel: 2 },
    });
    expect(html).not.toContain('<a ');
    expect(html).toMatch(/<h2[^>]*>Stel een vraag in het teamkanaal<\/h2>/);
    expect(html).not.toContain('<h3');
  });

  it('leaves out "instead of" when there is nothing it replaces', async () => {
    const html = await container.renderToString(DoInstead, {
      props: { behaviour: { ...behaviour, insteadOf: '' }, locale: 'nl' },
    });
    expect(html).toContain('Doe dit');
    expect(html).not.toContain('In plaats van');
    expect(html).not.toContain('<s>');
  });
});

describe('Empty', () => {
  it('prints its message', async () => {
    const html = await container.renderToString(Empty, { props: { message: 'Er zijn nog geen groepen.' } });
    expect(html).toMatch(/<p class="empty"[^>]*>Er zijn nog geen groepen\.<\/p>/);
  });

  it('escapes the message', async () => {
    const html = await container.renderToString(Empty, { props: { message: '<script>alert(1)</script>' } });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('PersonCard', () => {
  const person: PersonRef & { quote?: string } = {
    documentId: 'pers00000001',
    slug: 'anna-de-vries',
    name: 'Anna de Vries',
    roleTitle: '',
    kind: 'ambassador',
    photo: null,
    email: null,
    chatUrl: null,
  };

  it('makes initials from names in any script, and from lowercase names', async () => {
    for (const [name, initials] of [
      ['Łukasz Nowak', 'ŁN'],
      ['Ζωή Παππά', 'ΖΠ'],
      ['jan jansen', 'J'],
    ]) {
      const html = await container.renderToString(PersonCard, { props: { person: { ...person, name }, locale: 'nl' } });
      expect(html, name).toMatch(new RegExp(`<span class="avatar" aria-hidden="true"[^>]*>\\s*${initials}\\s*</span>`));
    }
  });

  it('shows initials when there is no photo, and the Dutch kind label', async () => {
    const html = await container.renderToString(PersonCard, { props: { person, locale: 'nl' } });
    expect(html).toMatch(/<span class="avatar" aria-hidden="true"[^>]*>\s*AV\s*<\/span>/);
    expect(html).not.toContain('<img');
    expect(html).toMatch(/<h3[^>]*>Anna de Vries<\/h3>/);
    expect(html).toMatch(/<span class="tag"[^>]*>Ambassadeur<\/span>/);
    // Without a role title, the kind stands in for it.
    expect(html).toMatch(/<p class="meta"[^>]*>Ambassadeur<\/p>/);
  });

  it('shows the English kind label and the role title in English', async () => {
    const html = await container.renderToString(PersonCard, {
      props: { person: { ...person, kind: 'leader', roleTitle: 'Head of IT' }, locale: 'en' },
    });
    expect(html).toMatch(/<span class="tag"[^>]*>Leader<\/span>/);
    expect(html).toMatch(/<p class="meta"[^>]*>Head of IT<\/p>/);
    expect(html).not.toContain('Leidinggevende');
  });

  it('says how to reach someone: an e-mail link and a chat link, named with the person', async () => {
    const html = await container.renderToString(PersonCard, {
      props: {
        person: { ...person, email: 'anna.devries@example.org', chatUrl: 'https://chat.example.org/dm/anna' },
        locale: 'nl',
      },
    });
    expect(html).toMatch(
      /<a href="mailto:anna.devries@example.org" aria-label="E-mail Anna de Vries"[^>]*>E-mail<\/a>/,
    );
    expect(html).toMatch(
      /<a href="https:\/\/chat.example.org\/dm\/anna" aria-label="Chat met Anna de Vries"[^>]*>Chat<\/a>/,
    );
  });

  it('links no contact an editor could bend into something else', async () => {
    for (const [email, chatUrl] of [
      ['anna@example.org?bcc=everyone@example.org', 'javascript:alert(1)'],
      ['anna@example.org&body=x', 'data:text/html,<script>alert(1)</script>'],
      ['"anna"@example.org', '//evil.example/'],
      ['anna@example.org\r\nBcc: x@example.org', ' https://chat.example.org/'],
    ]) {
      const html = await container.renderToString(PersonCard, {
        props: { person: { ...person, email, chatUrl }, locale: 'en' },
      });
      expect(html, `${email} ${chatUrl}`).not.toContain('<a ');
      expect(html).not.toContain('class="contact"');
    }
  });

  it('shows the photo with its alternative text instead of initials', async () => {
    const html = await container.renderToString(PersonCard, {
      props: {
        person: {
          ...person,
          photo: { url: '/uploads/anna.jpg', alternativeText: 'Anna lacht', width: 200, height: 200 },
          quote: 'Vraag het gewoon.',
        },
        locale: 'nl',
      },
    });
    // Strapi's local uploads are served by the CMS, not by the intranet.
    expect(html).toContain(`<img class="avatar" src="${publicCmsUrl}/uploads/anna.jpg" alt="Anna lacht"`);
    expect(html).not.toMatch(/<span class="avatar"/);
    expect(html).toMatch(/<blockquote[^>]*><p[^>]*>“Vraag het gewoon\.”<\/p><\/blockquote>/);
  });
});

describe('Sessions', () => {
  const session = (onlineUrl: string | null): TrainingSession => ({
    documentId: 'sess00000001',
    updatedAt: '2026-11-20T08:00:00.000Z',
    startsAt: '2026-11-30T09:00:00.000Z',
    endsAt: '2026-11-30T11:00:00.000Z',
    location: null,
    onlineUrl,
    seats: 12,
  });
  const render = (onlineUrl: string | null) =>
    container.renderToString(Sessions, { props: { sessions: [session(onlineUrl)], locale: 'nl' } });

  it("offers the session as a calendar file: the same instants, its UID, in the organisation's time zone", async () => {
    const html = await container.renderToString(Sessions, {
      props: { sessions: [session(null)], locale: 'nl', training: { title: 'Vragen stellen', slug: 'vragen-stellen' } },
    });
    const link =
      /<a href="data:text\/calendar;charset=utf-8,([^"]+)" download="vragen-stellen-2026-11-30\.ics"[^>]*>\s*Zet in je agenda\s*<\/a>/.exec(
        html,
      );
    if (!link) throw new Error(`no calendar link in ${html}`);
    const ics = decodeURIComponent((link[1] ?? '').replace(/&amp;/g, '&'));
    const calendar = new ICAL.Component(ICAL.parse(ics));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.summary).toBe('Vragen stellen');
    expect(event.uid).toMatch(/^sess00000001@/);
    expect(event.startDate.toString()).toBe('2026-11-30T10:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-30T11:00:00.000Z');
    expect(event.location).toBe('Online');
  });

  it('links to an http(s) online session', async () => {
    const html = await render('https://teams.example.org/meet/vragen-stellen');
    expect(links(html)).toEqual(['https://teams.example.org/meet/vragen-stellen']);
    expect(html).toMatch(/<a href="[^"]+"[^>]*>Deelnemen<\/a>/);
  });

  it("shows when it starts and ends, in the organisation's time zone", async () => {
    // 09:00–11:00 UTC on 30 November is 10:00–12:00 in Amsterdam: one day, so the end is a time.
    const html = await render(null);
    expect(html).toMatch(
      /<time datetime="2026-11-30T09:00:00.000Z"[^>]*>30 november 2026 om 10:00<\/time> –\s*<time datetime="2026-11-30T11:00:00.000Z"[^>]*>\s*12:00\s*<\/time>/,
    );
    const overnight = await container.renderToString(Sessions, {
      props: { sessions: [{ ...session(null), endsAt: '2026-12-01T09:00:00.000Z' }], locale: 'en' },
    });
    expect(overnight).toMatch(
      /30 November 2026 at 10:00<\/time> –\s*<time[^>]*>\s*1 December 2026 at 10:00\s*<\/time>/,
    );
  });

  it('renders no link for an online URL that is not plain http(s)', async () => {
    for (const onlineUrl of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'https://user:pass@evil.example/',
      '//evil.example/',
    ]) {
      const html = await render(onlineUrl);
      expect(links(html), onlineUrl).toEqual([]);
      expect(withoutCalendars(html), onlineUrl).not.toMatch(/javascript:|data:/i);
      expect(decodeURIComponent(html), onlineUrl).not.toMatch(/javascript:|data:text\/html/i);
      // The session itself is still listed.
      expect(html, onlineUrl).toContain('12 plaatsen');
    }
  });

  describe('with sign-up (a training page)', () => {
    const later = { ...session(null), documentId: 'sess00000002', startsAt: '2026-12-07T09:00:00.000Z' };
    const renderSignup = (now: string) =>
      container.renderToString(Sessions, {
        props: {
          sessions: [session('https://teams.example.org/meet/x'), later],
          locale: 'nl',
          training: { title: 'Vragen stellen', slug: 'vragen-stellen' },
          signUp: true,
          now: new Date(now),
        },
      });

    it('is one island for the whole list: every card keeps its details and gets its seats and a form', async () => {
      const html = await renderSignup('2026-11-25T12:00:00.000Z');
      expect(html.match(/<astro-island/g)).toHaveLength(1);
      expect(html).toMatch(/<astro-island[^>]*client="intent"/);
      const cards = html.split('<li class="card"').slice(1);
      expect(cards).toHaveLength(2);
      for (const card of cards) {
        expect(card).toContain('Zet in je agenda');
        expect(card).toContain('12 plaatsen');
        // Disabled until hydrated: typing before that would be lost.
        expect(card).toMatch(/<fieldset class="form-fields" disabled=""/);
        expect(card).toMatch(/<label for="[^"]+-name">Naam<\/label>/);
        expect(card).toMatch(/<label for="[^"]+-email">E-mailadres<\/label>/);
        expect(card).toMatch(/<button type="submit" class="cta"[^>]*>Aanmelden<\/button>/);
        expect(card).toMatch(/<div tabindex="-1" role="status"><\/div>/);
      }
      expect(cards[0]).toMatch(/<form[^>]*aria-label="Aanmelden voor 30 november 2026 om 10:00"/);
      expect(cards[0]).toContain('Deelnemen');
      // The seats are said once per card, by the island.
      expect(cards[0]?.match(/12 plaatsen/g)).toHaveLength(1);
    });

    it('offers the same calendar files as the list without sign-up', async () => {
      const calendars = (html: string) => all(html, /<a href="(data:text\/calendar;[^"]+)"/g);
      const withSignup = calendars(await renderSignup('2026-11-25T12:00:00.000Z'));
      const plain = calendars(
        await container.renderToString(Sessions, {
          props: {
            sessions: [session('https://teams.example.org/meet/x'), later],
            locale: 'nl',
            training: { title: 'Vragen stellen', slug: 'vragen-stellen' },
          },
        }),
      );
      expect(withSignup).toHaveLength(2);
      expect(withSignup).toEqual(plain);
    });

    it('takes no sign-ups for a session that has started', async () => {
      const html = await renderSignup('2026-11-30T09:00:00.000Z');
      const [first, second] = html.split('<li class="card"').slice(1);
      expect(first).not.toContain('<form');
      expect(first).toContain('Deze sessie is begonnen; aanmelden kan niet meer.');
      expect(second).toContain('<form');
    });

    it('is the plain list without sign-up (the home page)', async () => {
      const html = await render(null);
      expect(html).not.toContain('<astro-island');
      expect(html).not.toContain('<form');
    });
  });
});

describe('ChangesView', () => {
  const change = (nl: string | null): Change => ({
    documentId: 'chg000000001',
    kind: 'feedback',
    summary: { nl: 'De zoekfunctie vindt nu ook groepen.', en: 'Search now finds groups too.' },
    changedInBuild: null,
    changedAt: '2026-11-27T10:00:00.000Z',
    links: { nl, en: null },
    author: null,
  });
  const render = (link: string | null) =>
    container.renderToString(ChangesView, { props: { locale: 'nl', changes: [change(link)] } });

  it('links a change to the page it is about', async () => {
    expect(await render('/groepen/')).toMatch(/<a href="\/groepen\/"[^>]*>Bekijk de pagina<\/a>/);
  });

  it('renders no link to anything but a page of this site', async () => {
    for (const link of ['javascript:alert(1)', '//evil.example/', '/\\evil.example/', 'https://evil.example/']) {
      const html = await render(link);
      expect(html, link).not.toContain('Bekijk de pagina');
      expect(html, link).toContain('De zoekfunctie vindt nu ook groepen.');
    }
  });
});

describe('PersonCard photo URLs', () => {
  const withPhoto = (url: string) =>
    container.renderToString(PersonCard, {
      props: {
        person: {
          documentId: 'pers00000001',
          slug: 'anna-de-vries',
          name: 'Anna de Vries',
          roleTitle: '',
          kind: 'ambassador',
          photo: { url, alternativeText: 'Anna', width: 200, height: 200 },
        },
        locale: 'nl',
      },
    });

  it('keeps an absolute https photo from a cloud upload provider', async () => {
    expect(await withPhoto('https://bucket.example/anna.jpg')).toContain('src="https://bucket.example/anna.jpg"');
  });

  it('shows initials instead of a photo whose URL is not http(s) or an upload path', async () => {
    for (const url of ['javascript:alert(1)', 'data:image/svg+xml,<svg onload=alert(1)>', '//evil.example/a.jpg']) {
      const html = await withPhoto(url);
      expect(html, url).not.toContain('<img');
      expect(html, url).toMatch(/<span class="avatar" aria-hidden="true"[^>]*>\s*AV\s*<\/span>/);
    }
  });
});

describe('Base', () => {
  const render = (locale: Locale, alternates: Partial<Record<Locale, string>>, title = 'Groepen') =>
    container.renderToString(Base, {
      props: { locale, title, alternates, section: 'groups', description: 'Alle groepen' },
      slots: { default: '<p id="page-content">Inhoud van de pagina</p>' },
    });

  it('sets the language, title and description', async () => {
    const html = await render('nl', { nl: '/groepen/', en: '/en/groups/' });
    expect(html).toMatch(/<html lang="nl"/);
    expect(html).toMatch(/<title>Groepen · Waterschap Veenstromen<\/title>/);
    expect(html).toMatch(/<meta name="description" content="Alle groepen"/);
  });

  it('has a skip link to the main landmark, which holds the page', async () => {
    const html = await render('nl', { nl: '/groepen/' });
    expect(html).toMatch(/<a class="skip-link" href="#main"[^>]*>Naar de inhoud<\/a>/);
    expect(html).toMatch(/<main id="main"[^>]*>\s*<p id="page-content">Inhoud van de pagina<\/p>\s*<\/main>/);
    // The skip link comes before the navigation it skips.
    expect(html.indexOf('class="skip-link"')).toBeLessThan(html.indexOf('<nav'));
  });

  it('links every alternate with hreflang, plus x-default to the default locale', async () => {
    const html = await render('en', { nl: '/groepen/', en: '/en/groups/' }, 'Groups');
    const hreflangs = all(html, /<link rel="alternate" hreflang="([^"]+)"/g);
    expect(hreflangs.sort()).toEqual(['en', 'nl', 'x-default']);
    const hrefOf = (code: string) =>
      new RegExp(`<link rel="alternate" hreflang="${code}" href="([^"]+)"`).exec(html)?.[1] ?? '';
    expect(hrefOf('nl')).toMatch(/\/groepen\/$/);
    expect(hrefOf('en')).toMatch(/\/en\/groups\/$/);
    expect(hrefOf('x-default')).toBe(hrefOf('nl'));
  });

  it('offers the other language only when the page exists in it', async () => {
    const both = await render('nl', { nl: '/groepen/', en: '/en/groups/' });
    expect(both).toMatch(/<nav class="lang" aria-label="Taal"/);
    expect(both).toMatch(
      /<a href="\/en\/groups\/" hreflang="en" lang="en" title="View this page in English"[^>]*>\s*English\s*<\/a>/,
    );
    // No link to the current language.
    expect(both).not.toMatch(/<nav class="lang"[^>]*>[\s\S]*hreflang="nl"[\s\S]*<\/nav>/);

    const onlyDutch = await render('nl', { nl: '/groepen/' });
    expect(onlyDutch).not.toContain('class="lang"');
    expect(onlyDutch).not.toContain('hreflang="en"');
  });

  it('in English, switches back to Dutch, and has no x-default without a Dutch page', async () => {
    const both = await render('en', { nl: '/groepen/', en: '/en/groups/' }, 'Groups');
    expect(both).toMatch(/<html lang="en"/);
    expect(both).toMatch(/<a class="skip-link" href="#main"[^>]*>Skip to content<\/a>/);
    expect(both).toMatch(/<a href="\/groepen\/" hreflang="nl" lang="nl"[^>]*>\s*Nederlands\s*<\/a>/);

    const onlyEnglish = await render('en', { en: '/en/groups/' }, 'Groups');
    expect(all(onlyEnglish, /<link rel="alternate" hreflang="([^"]+)"/g)).toEqual(['en']);
    expect(onlyEnglish).not.toContain('class="lang"');
  });

  it('marks the current section in the localized navigation', async () => {
    const html = await render('en', { en: '/en/groups/' }, 'Groups');
    expect(html).toMatch(/<a href="\/en\/groups\/" aria-current="page"[^>]*>\s*Groups\s*<\/a>/);
    expect(all(html, /aria-current="([^"]+)"/g)).toEqual(['page']);
    expect(html).toContain('href="/en/behaviours/"');
  });
});

describe('TrainingView', () => {
  const trainingFixture = (): Training => ({
    documentId: 'trn000000001',
    locale: 'nl',
    slug: 'vragen-stellen',
    updatedAt: '2026-11-27T10:00:00.000Z',
    localizations: [],
    title: 'Vragen stellen',
    summary: 'Samenvatting',
    body: '## Wat je leert\n\n[klik](javascript:alert(1)) [ref][1] <img src=x onerror=alert(1)>\n\n[1]: JaVaScRiPt:alert(1)',
    skill: 'asking_questions',
    focus: 'attitude',
    format: 'workshop',
    durationMinutes: null,
    sessions: [
      {
        documentId: 'sess00000001',
        updatedAt: '2026-11-20T08:00:00.000Z',
        startsAt: '2026-11-30T09:00:00.000Z',
        endsAt: '2026-11-30T11:00:00.000Z',
        location: null,
        onlineUrl: 'javascript:alert(1)',
        seats: null,
      },
    ],
    behaviours: [],
  });

  it('renders the Markdown body without script links, handlers or online links that are not http(s)', async () => {
    const training = trainingFixture();
    const html = await container.renderToString(TrainingView, { props: { locale: 'nl', training } });
    expect(html).toContain('<h2>Wat je leert</h2>');
    expect(html).toContain('klik');
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(links(html)).toEqual([]);
  });

  it('offers its calendar feed to subscribe to', async () => {
    const training = trainingFixture();
    const html = await container.renderToString(TrainingView, { props: { locale: 'nl', training } });
    expect(html).toMatch(
      new RegExp(
        `<a href="/trainingen/${training.slug}/agenda\\.ics" type="text/calendar"[^>]*>Abonneren op de agenda</a>`,
      ),
    );
    const english = await container.renderToString(TrainingView, { props: { locale: 'en', training } });
    expect(english).toContain(`href="/en/trainings/${training.slug}/calendar.ics"`);
    expect(english).toContain('Subscribe to the calendar');
  });

  it('says when the training last changed', async () => {
    const training = { ...trainingFixture(), updatedAt: '2026-11-03T15:00:00.000Z' };
    const html = await container.renderToString(TrainingView, { props: { locale: 'nl', training } });
    expect(html).toMatch(/Bijgewerkt op <time datetime="2026-11-03T15:00:00.000Z"[^>]*>3 november 2026<\/time>/);
  });
});

describe('TrainingCatalogue (through TrainingsView)', () => {
  const training = (i: number, overrides: Partial<Training>): Training => ({
    documentId: `trn${String(i).padStart(8, '0')}`,
    locale: 'nl',
    slug: `training-${i}`,
    updatedAt: '2026-11-27T10:00:00.000Z',
    localizations: [],
    title: `Training ${i}`,
    summary: `Samenvatting ${i}`,
    body: '',
    skill: 'asking_questions',
    focus: 'attitude',
    format: 'workshop',
    durationMinutes: null,
    sessions: [],
    behaviours: [],
    ...overrides,
  });
  /** The island's server-rendered HTML (its props attribute holds every label too, so look inside only). */
  const serverRendered = (html: string) => {
    const inner = /<astro-island[^>]*\bssr\b[^>]*>([\s\S]*)<\/astro-island>/.exec(html)?.[1];
    expect(inner, 'a server-rendered island').toBeDefined();
    return inner ?? '';
  };
  const trainings = [
    training(1, { skill: 'asking_questions', format: 'workshop', focus: 'attitude', durationMinutes: 90 }),
    training(2, { skill: 'giving_feedback', format: 'video', focus: 'attitude' }),
    training(3, { skill: 'tool_basics', format: 'e_learning', focus: 'buttons' }),
  ];

  it('renders every training on the server and no filters before hydration', async () => {
    const html = await container.renderToString(TrainingsView, { props: { locale: 'nl', trainings } });
    const rendered = serverRendered(html);

    for (const t of trainings) {
      expect(rendered).toContain(`<h2><a href="/trainingen/${t.slug}/">${t.title}</a></h2>`);
      expect(rendered).toContain(`<p>${t.summary}</p>`);
    }
    expect(all(rendered, /<li class="card"([^>]*)>/g)).toHaveLength(3);
    expect(rendered).toContain('<p aria-live="polite" class="meta">3 trainingen</p>');
    expect(rendered).toContain('Vragen stellen · Workshop · Houding · 90 minuten');
    // Filters only appear once React has hydrated: without JavaScript the list is complete.
    expect(html).not.toContain('<select');
    expect(html).not.toContain('<fieldset');
    expect(rendered).not.toContain('Geen training past bij deze filters');
    // Hydrated lazily, with the React renderer.
    expect(html).toMatch(/<astro-island[^>]* client="visible"/);
  });

  it('uses the English paths and labels in English', async () => {
    const html = await container.renderToString(TrainingsView, {
      props: { locale: 'en', trainings: trainings.map((t) => ({ ...t, locale: 'en' as const })) },
    });
    const rendered = serverRendered(html);
    expect(rendered).toContain('<h2><a href="/en/trainings/training-3/">Training 3</a></h2>');
    expect(rendered).toContain('<p aria-live="polite" class="meta">3 trainings</p>');
    expect(rendered).toContain('Tool basics · E-learning · Buttons');
    expect(html).not.toContain('<select');
  });

  it('shows the empty message, and no island, when there are no trainings', async () => {
    const html = await container.renderToString(TrainingsView, { props: { locale: 'nl', trainings: [] } });
    expect(html).toContain('Er zijn nog geen trainingen gepubliceerd.');
    expect(html).not.toContain('<astro-island');
  });
});
