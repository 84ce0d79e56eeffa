/**
 * Every page has a meta description (Lighthouse SEO, link previews): the
 * entry's own text where it has one, cut at a word, else its section's
 * sentence — rendered through the one page route, in both languages.
 */

import type { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import { describePage, plainSummary } from '../../src/data/description';
import { buildPages, type Page } from '../../src/data/pages';
import { en } from '../../src/i18n/en';
import { nl } from '../../src/i18n/nl';
import PageRoute from '../../src/routes/page.astro';
import { createContainer } from '../container';
import { makeContent, pageSourceOf } from '../content-fixtures';

const NOW = new Date('2026-12-01T12:00:00.000Z');

describe('plainSummary', () => {
  it('keeps a short text as it is, without Markdown', () => {
    expect(plainSummary('**Vraag** het [gewoon](https://example.org)\n\n# nu')).toBe('Vraag het gewoon nu');
  });

  it('cuts a long text at a word, under the limit, with an ellipsis', () => {
    const long = 'woord '.repeat(60);
    const summary = plainSummary(long);
    expect(summary.length).toBeLessThanOrEqual(160);
    expect(summary.endsWith('woord…')).toBe(true);
  });
});

describe('describePage', () => {
  const base = { locale: 'nl' as const, title: 'x', section: 'groups' as const, alternates: {}, refs: [] };

  it("uses a group's own description", () => {
    const props = { ...base, view: 'group', group: { description: 'Wij bouwen dijken.' } };
    expect(describePage(props, nl)).toBe('Wij bouwen dijken.');
  });

  it('falls back on the section when the entry says nothing', () => {
    const props = { ...base, view: 'behaviour', behaviour: { why: '  ', how: '' } };
    expect(describePage(props, en)).toBe(en.describe.behaviours);
  });

  it('describes a page it does not know with the site sentence', () => {
    expect(describePage({ ...base, view: 'unknown' }, nl)).toBe(nl.describe.site);
  });
});

describe('every page of the intranet', () => {
  let pages: Page[];
  let container: AstroContainer;
  beforeAll(async () => {
    const counts = { groups: 3, behaviours: 3, trainings: 3, people: 3 };
    pages = await buildPages(pageSourceOf(makeContent({ nl: counts, en: counts }, NOW)), ['nl', 'en'], NOW);
    container = await createContainer();
  }, 60_000);

  it('has one non-empty meta description of at most 160 characters', async () => {
    const views = new Set<string>();
    for (const page of pages) {
      const html = await container.renderToString(PageRoute, { props: page.props });
      const found = [...html.matchAll(/<meta name="description" content="([^"]*)"/g)].map((match) => match[1] ?? '');
      expect(found, page.path).toHaveLength(1);
      const text = (found[0] ?? '')
        .replace(/&amp;/g, '&')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"');
      expect(text.trim(), page.path).not.toBe('');
      expect(text.length, page.path).toBeLessThanOrEqual(160);
      views.add(page.props.view);
    }
    expect([...views].sort()).toEqual(
      expect.arrayContaining(['behaviour', 'behaviours', 'cancel', 'group', 'groups', 'home', 'training', 'trainings']),
    );
  }, 60_000);

  it('keeps only the cancel page out of search engines, and describes it', async () => {
    for (const page of pages) {
      const html = await container.renderToString(PageRoute, { props: page.props });
      const noindex = /<meta name="robots" content="noindex"/.test(html);
      expect(noindex, page.path).toBe(page.props.view === 'cancel');
      if (page.props.view === 'cancel') {
        const s = page.props.locale === 'en' ? en : nl;
        expect(html, page.path).toContain(`<meta name="description" content="${s.describe.cancel}"`);
        expect(html, page.path).toMatch(new RegExp(`<h1[^>]*>${s.signup.cancelTitle}</h1>`));
        // The island asks only once hydrated: the HTML says it is looking, in a status region.
        expect(html, page.path).toMatch(/<astro-island[^>]*client="load"/);
        expect(html, page.path).toMatch(new RegExp(`role="status"[^>]*><p>${s.signup.looking}</p>`));
      }
    }
    expect(pages.filter((page) => page.props.view === 'cancel').map((page) => page.path)).toEqual([
      '/aanmelding-annuleren/',
      '/en/cancel-sign-up/',
    ]);
  }, 60_000);
});
