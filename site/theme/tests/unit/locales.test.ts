/**
 * Any locale: Dutch and English ship complete, a team's `strings` override
 * any of them, and a locale Ritme does not ship (German here) shows the
 * team's own strings and English for every other — with its own name in the
 * language switcher and its own date format.
 */
import type { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { nl } from '../../src/i18n/nl';
import { stringsFor } from '../../src/i18n/resolve';
import { formatDate } from '../../src/i18n/strings';
import Base from '../../src/layouts/Base.astro';
import { createContainer } from '../container';

describe('the strings of a locale', () => {
  it('are the shipped ones for Dutch and English', () => {
    expect(stringsFor('nl').nav.home).toBe(nl.nav.home);
    expect(stringsFor('en').labels.skill.giving_feedback).toBe(en.labels.skill.giving_feedback);
  });

  it('take a team override over the shipped text, and keep everything else', () => {
    const s = stringsFor('nl', { nav: { home: 'Thuis' } });
    expect(s.nav.home).toBe('Thuis');
    expect(s.nav.groups).toBe('Groepen');
  });

  it('fall back to English for a locale Ritme does not ship', () => {
    const s = stringsFor('de', { skipToContent: 'Zum Inhalt springen' });
    expect(s.skipToContent).toBe('Zum Inhalt springen');
    expect(s.nav.groups).toBe('Groups');
    expect(s.languageName).toBe('Deutsch');
    expect(s.dateLocale).toBe('de');
  });

  it('turn an override of a text with a number into a template', () => {
    expect(stringsFor('de', { training: { minutes: '{n} Minuten' } }).training.minutes(45)).toBe('45 Minuten');
  });

  it('format dates in the locale’s own way', () => {
    expect(formatDate('2026-03-05T10:00:00Z', 'de')).toBe('5. März 2026');
    expect(formatDate('2026-03-05T10:00:00Z', 'nl')).toBe('5 maart 2026');
  });
});

describe('a page in a third locale', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await createContainer();
  });

  it('renders the override and English for the rest, and lists every locale in the switcher', async () => {
    const html = await container.renderToString(Base, {
      props: {
        locale: 'de',
        title: 'Gruppen',
        alternates: { nl: '/groepen/', en: '/en/groups/', de: '/de/groups/' },
        section: 'groups',
      },
      slots: { default: '<p>…</p>' },
    });
    expect(html).toMatch(/<html lang="de"/);
    expect(html).toContain('>Zum Inhalt springen</a>');
    expect(html).toMatch(/<a href="\/de\/groups\/"[^>]*aria-current="page"[^>]*>\s*Groups\s*<\/a>/);
    expect(html).toContain('Made with Ritme');
    expect(html).toMatch(/<a href="\/groepen\/" hreflang="nl" lang="nl"[^>]*>\s*Nederlands\s*<\/a>/);
    expect(html).toMatch(/<a href="\/en\/groups\/" hreflang="en" lang="en"[^>]*>\s*English\s*<\/a>/);
  });

  it('switches to the German page from a Dutch one, named in German', async () => {
    const html = await container.renderToString(Base, {
      props: { locale: 'nl', title: 'Groepen', alternates: { nl: '/groepen/', en: '/en/groups/', de: '/de/groups/' } },
    });
    expect(html).toMatch(/<a href="\/de\/groups\/" hreflang="de" lang="de" title="Deutsch"[^>]*>\s*Deutsch\s*<\/a>/);
  });
});
