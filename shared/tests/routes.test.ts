/** The intranet's paths, and the numbered list pages that must never be an entry's path. */
import { describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE, listPageOf, pageCountOf, paths } from '../src/routes';
import { slugify } from '../src/text';

describe('paths.list', () => {
  it('is the section itself for page 1 and <section>/<page word>/<n>/ after it, per locale', () => {
    expect(paths.list('nl', 'behaviours')).toBe('/gedrag/');
    expect(paths.list('nl', 'behaviours', 1)).toBe('/gedrag/');
    expect(paths.list('nl', 'behaviours', 2)).toBe('/gedrag/pagina/2/');
    expect(paths.list('en', 'people', 7)).toBe('/en/people/page/7/');
    // A locale without URL words of its own takes the English ones.
    expect(paths.list('de', 'groups', 3)).toBe('/de/groups/page/3/');
  });

  it('reads the page number back, and nothing else', () => {
    expect(listPageOf('nl', 'behaviours', '/gedrag/pagina/2/')).toBe(2);
    expect(listPageOf('en', 'trainings', '/en/trainings/page/12/')).toBe(12);
    expect(listPageOf('de', 'trainings', '/de/trainings/page/3/')).toBe(3);
    for (const path of [
      '/gedrag/',
      '/gedrag/pagina/1/',
      '/gedrag/pagina/02/',
      '/gedrag/pagina/2',
      '/gedrag/pagina/x/',
      '/gedrag/2/',
      '/gedrag/pagina/',
      '/en/trainings/pagina/2/',
    ]) {
      expect(
        listPageOf(path.startsWith('/en/') ? 'en' : 'nl', path.includes('train') ? 'trainings' : 'behaviours', path),
        path,
      ).toBeNull();
    }
  });

  it('never collides with an entry, whatever its title', () => {
    for (const title of ['2', 'Pagina 2', 'pagina', 'Page', 'page/2', 'Pagina / 2']) {
      const slug = slugify(title);
      for (const locale of ['nl', 'en', 'de'] as const) {
        const item = paths.item(locale, 'behaviours', slug);
        expect(listPageOf(locale, 'behaviours', item), item).toBeNull();
        for (let page = 1; page <= 3; page += 1) expect(paths.list(locale, 'behaviours', page)).not.toBe(item);
      }
    }
  });
});

describe('paths.calendar and paths.feed', () => {
  it('puts a calendar feed beside its entry’s page, and the Atom feed at the locale’s root', () => {
    expect(paths.calendar('nl', 'trainings', 'feedback-geven')).toBe('/trainingen/feedback-geven/agenda.ics');
    expect(paths.calendar('en', 'trainings', 'giving-feedback')).toBe('/en/trainings/giving-feedback/calendar.ics');
    expect(paths.calendar('nl', 'groups', 'team-a')).toBe('/groepen/team-a/agenda.ics');
    expect(paths.calendar('de', 'groups', 'team-a')).toBe('/de/groups/team-a/calendar.ics');
    expect(paths.feed('nl')).toBe('/feed.xml');
    expect(paths.feed('en')).toBe('/en/feed.xml');
    // Beside the page: the page's path is the calendar's folder.
    expect(paths.calendar('en', 'groups', 'x').startsWith(paths.item('en', 'groups', 'x'))).toBe(true);
  });
});

describe('pageCountOf', () => {
  it('is at least one page, and full pages of LIST_PAGE_SIZE', () => {
    expect(pageCountOf(0)).toBe(1);
    expect(pageCountOf(1)).toBe(1);
    expect(pageCountOf(LIST_PAGE_SIZE)).toBe(1);
    expect(pageCountOf(LIST_PAGE_SIZE + 1)).toBe(2);
    expect(pageCountOf(10_000)).toBe(Math.ceil(10_000 / LIST_PAGE_SIZE));
  });
});

describe('paths.search', () => {
  it('is one word below the locale, in its language', () => {
    expect(paths.search('nl')).toBe('/zoeken/');
    expect(paths.search('en')).toBe('/en/search/');
    expect(paths.search('de')).toBe('/de/search/');
  });

  it('is no section and no entry of any section, whatever the entry is called', () => {
    const sections = ['groups', 'behaviours', 'trainings', 'people', 'spotlights', 'rounds', 'suggestion', 'changes'];
    for (const locale of ['nl', 'en', 'de'] as const) {
      const search = paths.search(locale);
      for (const section of sections as Parameters<typeof paths.section>[1][]) {
        expect(paths.section(locale, section)).not.toBe(search);
        for (const title of ['Zoeken', 'search', 'Search']) {
          expect(paths.item(locale, section, slugify(title))).not.toBe(search);
        }
      }
      expect(paths.cancelSignup(locale)).not.toBe(search);
      expect(paths.home(locale)).not.toBe(search);
    }
  });
});
