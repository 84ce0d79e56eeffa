/**
 * The pages of the intranet: paginated lists (counts, slices, paths, alternates,
 * titles), the preview's one-page resolver (the same props as the static build,
 * from a few requests), the live source's requests to Strapi, and page sizes at
 * 10,000 entries per locale, measured on the HTML Astro renders.
 */

import { type Group, LIST_PAGE_SIZE, type Locale, type PaginatedSection, paths, type Training } from '@ritme/shared';
import type { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildPages, type Page, type Pagination } from '../../src/data/pages';
import { resolvePage } from '../../src/data/resolve';
import { en } from '../../src/i18n/en';
import { liveSource } from '../../src/preview/live-source';
import PageRoute from '../../src/routes/page.astro';
import { capped, pageNumbers } from '../../src/views/cap';
import GroupView from '../../src/views/GroupView.astro';
import TrainingView from '../../src/views/TrainingView.astro';
import { createContainer } from '../container';
import {
  type Calls,
  type Content,
  listsOf,
  makeContent,
  pageSourceOf,
  previewSourceOf,
  roundsOf,
} from '../content-fixtures';

const LOCALES: Locale[] = ['nl', 'en', 'de'];
const NOW = new Date('2026-12-01T12:00:00.000Z');

// nl: behaviours on 2 pages, en: on 3, de: none at all (its list keeps the empty state).
const content = makeContent(
  {
    nl: { groups: 5, behaviours: 30, trainings: 25, people: 49 },
    en: { groups: 5, behaviours: 50, trainings: 3, people: 24 },
    de: { groups: 1, behaviours: 0, trainings: 0, people: 0 },
  },
  NOW,
);
let pages: Page[];
const at = (path: string) => pages.find((page) => page.path === path);
const paginationOf = (page: Page | undefined) => page?.props.pagination as Pagination;

beforeAll(async () => {
  pages = await buildPages(pageSourceOf(content), LOCALES, NOW);
});

describe('list pages', () => {
  it('are made per LIST_PAGE_SIZE entries, page 1 at the section and page n below it', () => {
    expect(LIST_PAGE_SIZE).toBe(24);
    const listPaths = (locale: Locale, section: PaginatedSection) =>
      pages.filter((page) => page.props.view === section && page.props.locale === locale).map((page) => page.path);
    expect(listPaths('nl', 'behaviours')).toEqual(['/gedrag/', '/gedrag/pagina/2/']);
    expect(listPaths('en', 'behaviours')).toEqual([
      '/en/behaviours/',
      '/en/behaviours/page/2/',
      '/en/behaviours/page/3/',
    ]);
    expect(listPaths('nl', 'people')).toEqual(['/mensen/', '/mensen/pagina/2/', '/mensen/pagina/3/']);
    expect(listPaths('en', 'people')).toEqual(['/en/people/']);
    // A locale without an entry still has its (empty) list page.
    expect(listPaths('de', 'behaviours')).toEqual(['/de/behaviours/']);
    expect(at('/de/behaviours/')?.props.behaviours).toEqual([]);
    expect(paginationOf(at('/de/behaviours/'))).toMatchObject({ page: 1, pages: 1, total: 0 });
  });

  it('slice the list sorted by collation, without gaps or overlaps', () => {
    const titles = (path: string) => ((at(path)?.props.behaviours ?? []) as { title: string }[]).map((b) => b.title);
    const all = [
      ...titles('/en/behaviours/'),
      ...titles('/en/behaviours/page/2/'),
      ...titles('/en/behaviours/page/3/'),
    ];
    expect(titles('/en/behaviours/')).toHaveLength(24);
    expect(titles('/en/behaviours/page/3/')).toHaveLength(2);
    expect(new Set(all).size).toBe(50);
    expect(all).toEqual([...all].sort(new Intl.Collator('en').compare));
    // "één ding" sorts with the e's, "Écht" too: not after the z's as code points would have it.
    const initials = all.map((title) => (title.normalize('NFD')[0] ?? '').toLowerCase()).join('');
    expect(initials).toMatch(/^d+e+v+z+$/);
  });

  it('carry their pagination, refs of what they show, and rel=prev/next paths', () => {
    const page2 = at('/gedrag/pagina/2/');
    expect(paginationOf(page2)).toEqual({
      page: 2,
      pages: 2,
      total: 30,
      pageSize: 24,
      prev: '/gedrag/',
      next: null,
    });
    expect(paginationOf(at('/gedrag/'))).toMatchObject({ prev: null, next: '/gedrag/pagina/2/' });
    const shown = page2?.props.behaviours as { documentId: string }[];
    expect(shown).toHaveLength(6);
    expect(page2?.props.refs).toEqual(shown.map((b) => `behaviour:${b.documentId}`));
    expect(at('/mensen/pagina/2/')?.props.refs).toHaveLength(24);
    expect(((at('/mensen/pagina/2/')?.props.refs ?? []) as string[])[0]).toMatch(/^person:/);
  });

  it('say "page n of N" in their title, in each language', () => {
    expect(at('/gedrag/')?.props.title).toBe('Voorbeeldgedrag – pagina 1 van 2');
    expect(at('/gedrag/pagina/2/')?.props.title).toBe('Voorbeeldgedrag – pagina 2 van 2');
    expect(at('/en/behaviours/page/3/')?.props.title).toBe('Example behaviours – page 3 of 3');
    // One page: just the list's title.
    expect(at('/en/people/')?.props.title).toBe(en.people.title);
    expect(at('/de/behaviours/')?.props.title).toBe('Example behaviours');
  });

  it('switch language to the same page number, or to page 1 where the other list is shorter', () => {
    expect(at('/gedrag/pagina/2/')?.props.alternates).toEqual({
      nl: '/gedrag/pagina/2/',
      en: '/en/behaviours/page/2/',
      de: '/de/behaviours/',
    });
    expect(at('/en/behaviours/page/3/')?.props.alternates).toEqual({
      nl: '/gedrag/',
      en: '/en/behaviours/page/3/',
      de: '/de/behaviours/',
    });
    expect(at('/mensen/pagina/3/')?.props.alternates).toEqual({
      nl: '/mensen/pagina/3/',
      en: '/en/people/',
      de: '/de/people/',
    });
    // Every alternate is a page that exists.
    const all = new Set(pages.map((page) => page.path));
    for (const page of pages) {
      for (const href of Object.values(page.props.alternates))
        expect(all.has(href as string), `${page.path} → ${href}`).toBe(true);
    }
  });

  it('are the same with `only` one locale (the alternates still know the other lists)', async () => {
    const dutch = await buildPages(pageSourceOf(content), LOCALES, NOW, 'nl');
    expect(dutch.map((page) => page.path)).toEqual(
      pages.filter((page) => page.props.locale === 'nl').map((p) => p.path),
    );
    expect(dutch.find((page) => page.path === '/gedrag/pagina/2/')).toEqual(at('/gedrag/pagina/2/'));
  });
});

describe('the pagination nav’s numbers', () => {
  it('are the first, the last and two on each side of the current page, with gaps as null', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(2, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(1, 167)).toEqual([1, 2, 3, null, 167]);
    expect(pageNumbers(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
    // A gap of one number shows that number instead of "…".
    expect(pageNumbers(4, 10)).toEqual([1, 2, 3, 4, 5, 6, null, 10]);
    expect(pageNumbers(167, 167)).toEqual([1, null, 165, 166, 167]);
  });

  it('cap related lists and count the rest', () => {
    expect(capped([1, 2, 3], 2)).toEqual({ shown: [1, 2], more: 1 });
    expect(capped([1], 2)).toEqual({ shown: [1], more: 0 });
  });
});

describe('the preview resolver', () => {
  it('gives every page the same props as buildPages, for the same content', async () => {
    const source = previewSourceOf(content);
    expect(pages.length).toBeGreaterThan(100);
    for (const page of pages) {
      const resolved = await resolvePage(source, LOCALES, page.path, NOW);
      // Except "What's new" on the home page, which the preview leaves out (it reads no whole list).
      const { recent, ...props } = page.props;
      if (page.props.view === 'home') expect(recent, page.path).toBeInstanceOf(Array);
      expect(resolved?.props.recent, page.path).toBeUndefined();
      expect(resolved, page.path).toEqual({ ...page, props });
      // Without the trailing slash too.
      if (page.path !== '/')
        expect((await resolvePage(source, LOCALES, page.path.slice(0, -1), NOW))?.path).toBe(page.path);
    }
  });

  it('finds no page where the static build has none', async () => {
    const source = previewSourceOf(content);
    const behaviour = listsOf(content, 'nl').behaviours[0];
    for (const path of [
      '/gedrag/pagina/1/',
      '/gedrag/pagina/3/',
      '/gedrag/pagina/02/',
      '/gedrag/pagina/100000000/',
      '/en/behaviours/page/4/',
      '/de/behaviours/page/2/',
      '/gedrag/bestaat-niet/',
      `/gedrag/${behaviour?.documentId}/`,
      `/gedrag/${behaviour?.slug}/extra/`,
      '/gedrag/Hoofdletters/',
      '/mensen/iemand/',
      '/bestaat-niet/',
      '/fr/',
    ]) {
      expect(await resolvePage(source, LOCALES, path, NOW), path).toBeNull();
    }
  });

  const callsFor = async (path: string) => {
    const calls: Calls = [];
    await resolvePage(previewSourceOf(content, calls), LOCALES, path, NOW);
    return calls;
  };

  it('reads an entry page with one request, a closed round with two', async () => {
    const behaviour = listsOf(content, 'nl').behaviours[3];
    expect(await callsFor(`/gedrag/${behaviour?.slug}/`)).toEqual([
      { method: 'entry', args: ['behaviours', 'nl', behaviour?.slug] },
    ]);
    const closed = roundsOf(content, 'en')[1];
    expect((await callsFor(`/en/evaluation/${closed?.slug}/`)).map((c) => c.method)).toEqual(['entry', 'results']);
    const open = roundsOf(content, 'en')[0];
    expect((await callsFor(`/en/evaluation/${open?.slug}/`)).map((c) => c.method)).toEqual(['entry']);
  });

  it('reads a list page with one list request (and, for page n, each other locale’s count)', async () => {
    expect(await callsFor('/gedrag/')).toEqual([{ method: 'list', args: ['behaviours', 'nl', 1, 24] }]);
    expect(await callsFor('/en/behaviours/page/3/')).toEqual([
      { method: 'list', args: ['behaviours', 'en', 3, 24] },
      { method: 'total', args: ['behaviours', 'nl'] },
      { method: 'total', args: ['behaviours', 'de'] },
    ]);
    expect((await callsFor('/')).map((c) => c.method)).toEqual(['home']);
    expect((await callsFor('/suggestie/')).map((c) => c.method)).toEqual([]);
    expect((await callsFor('/evaluatie/')).map((c) => c.method)).toEqual(['rounds']);
  });
});

describe('the live source (the preview’s requests to Strapi)', () => {
  const requests: string[] = [];
  const respond = (url: URL) => {
    const list = (data: unknown[], total: number) => ({
      data,
      meta: { pagination: { page: 1, pageSize: 24, pageCount: Math.ceil(total / 24), total } },
    });
    if (/\/behaviours\/[^/]+$/.test(url.pathname)) {
      const slug = url.pathname.split('/').at(-1);
      const found = listsOf(content, 'nl').behaviours.find((b) => b.slug === slug);
      return found ? { status: 200, body: { data: found, meta: {} } } : { status: 404, body: notFound };
    }
    if (url.pathname.endsWith('/behaviours')) {
      const page = Number(url.searchParams.get('page'));
      const size = Number(url.searchParams.get('pageSize'));
      const all = content.lists[url.searchParams.get('locale') as Locale]?.behaviours ?? [];
      return { status: 200, body: list(all.slice((page - 1) * size, page * size), all.length) };
    }
    return { status: 500, body: { data: null, error: { status: 500, name: 'Error', message: 'unexpected' } } };
  };
  const notFound = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } };
  const config = {
    cmsUrl: 'http://cms.test',
    token: 'preview-token',
    secret: 's',
    build: 'b',
    cmsOrigin: 'http://cms.test',
  };

  afterEach(() => {
    vi.unstubAllGlobals();
    requests.length = 0;
  });
  const stub = () =>
    vi.stubGlobal('fetch', async (input: URL | string, init?: RequestInit) => {
      const url = new URL(String(input));
      const auth = (init?.headers as Record<string, string> | undefined)?.authorization ? ' (token)' : '';
      requests.push(`${url.pathname}?${url.searchParams}${auth}`);
      const { status, body } = respond(url);
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    });

  it('reads an entry by slug and one list page, with the session’s drafts through the preview routes', async () => {
    stub();
    // A pilot in Dutch sees shared drafts; in English (no drafts) pages are read like everyone reads them.
    const source = liveSource(config, (locale) => (locale === 'nl' ? 'shared' : undefined));
    const behaviour = listsOf(content, 'nl').behaviours[2];
    const page = await resolvePage(source, LOCALES, `/gedrag/${behaviour?.slug}/`, NOW);
    expect(page?.props.behaviour).toEqual(behaviour);
    expect(requests).toEqual([`/api/ritme/preview/behaviours/${behaviour?.slug}?locale=nl&drafts=shared (token)`]);

    requests.length = 0;
    const list = await resolvePage(source, LOCALES, '/en/behaviours/page/2/', NOW);
    expect((list?.props.behaviours ?? []) as unknown[]).toHaveLength(24);
    expect(requests).toEqual([
      '/api/ritme/behaviours?locale=en&page=2&pageSize=24',
      '/api/ritme/preview/behaviours?locale=nl&page=1&pageSize=1&drafts=shared (token)',
      '/api/ritme/behaviours?locale=de&page=1&pageSize=1',
    ]);
  });

  it('answers an unknown slug with no page, and passes other failures on', async () => {
    stub();
    const source = liveSource(config, () => undefined);
    expect(await resolvePage(source, LOCALES, '/gedrag/bestaat-niet/', NOW)).toBeNull();
    expect(requests).toEqual(['/api/ritme/behaviours/bestaat-niet?locale=nl']);
    await expect(resolvePage(source, LOCALES, '/groepen/x/', NOW)).rejects.toThrow(/500/);
  });
});

describe('at 10,000 entries per locale', () => {
  // The site-build benchmark's shares (bench/strapi-server.mjs): 15 % groups, 40 % behaviours, 20 % trainings, 15 % people.
  const counts = { groups: 1500, behaviours: 4000, trainings: 2000, people: 1500 };
  let big: Content;
  let bigPages: Page[];
  let container: AstroContainer;
  beforeAll(async () => {
    big = makeContent({ nl: counts, en: counts }, NOW);
    bigPages = await buildPages(pageSourceOf(big), ['nl', 'en'], NOW);
    container = await createContainer();
  }, 120_000);

  const render = (page: Page) => container.renderToString(PageRoute, { props: page.props });
  const kB = (html: string) => Buffer.byteLength(html) / 1000;

  it('has small list pages: at most LIST_PAGE_SIZE entries and under 100 kB of props each', () => {
    const lists = bigPages.filter((page) => page.props.pagination);
    expect(lists).toHaveLength(2 * (Math.ceil(1500 / 24) * 2 + Math.ceil(4000 / 24) + Math.ceil(2000 / 24)));
    for (const page of lists) {
      expect((page.props[page.props.view] as unknown[]).length, page.path).toBeLessThanOrEqual(LIST_PAGE_SIZE);
      expect(JSON.stringify(page.props).length / 1000, page.path).toBeLessThan(100);
    }
  });

  it('renders every kind of page under 100 kB of HTML', async () => {
    const sizes: Record<string, number> = {};
    // Each list's first, a middle and its last page, and the first entry page of each kind, in both languages.
    const sample = bigPages.filter((page, _index, all) => {
      const { view, locale } = page.props;
      const same = all.filter((other) => other.props.view === view && other.props.locale === locale);
      return same[0] === page || same[Math.floor(same.length / 2)] === page || same.at(-1) === page;
    });
    for (const page of sample) {
      const html = await render(page);
      sizes[page.path] = kB(html);
      expect(kB(html), page.path).toBeLessThan(100);
    }
    const largest = Object.entries(sizes).sort((a, b) => b[1] - a[1])[0];
    console.info(`largest page at 10,000 entries per locale: ${largest?.[0]} ${largest?.[1].toFixed(1)} kB`);
    // The trainings page hands the island only its own page: 24 cards, not 2,000.
    const trainings = await render(bigPages.find((page) => page.path === paths.list('nl', 'trainings', 7)) as Page);
    expect([...trainings.matchAll(/<li class="card"/g)]).toHaveLength(24);
    expect(trainings).toContain('24 van 24 op deze pagina');
    expect(trainings).toContain('2.000 in totaal · Pagina 7 van 84');
  }, 120_000);

  it('shows the first related entries of an entry linked to hundreds, and counts the rest', async () => {
    const group = {
      ...(listsOf(big, 'nl').groups[0] as Group),
      behaviours: listsOf(big, 'nl')
        .behaviours.slice(0, 400)
        .map(({ documentId, slug, title, insteadOf, cadence }) => ({
          documentId,
          slug,
          title,
          insteadOf,
          cadence,
        })),
      people: listsOf(big, 'nl').people.slice(0, 300),
      spotlights: Array.from({ length: 200 }, (_, i) => ({
        documentId: `sp${String(i).padStart(10, '0')}`,
        slug: `verhaal-${i}`,
        title: `Een verhaal over goed voorbeeld ${i}`,
        date: '2026-11-20',
      })),
    };
    const html = await container.renderToString(GroupView, { props: { locale: 'nl', group } });
    expect(kB(html)).toBeLessThan(100);
    expect(html).toContain('En nog 376 meer.');
    expect(html).toContain('En nog 276 meer.');
    expect(html).toContain('En nog 176 meer.');

    const training: Training = {
      ...(listsOf(big, 'en').trainings[0] as Training),
      sessions: Array.from({ length: 500 }, (_, i) => ({
        documentId: `se${String(i).padStart(10, '0')}`,
        updatedAt: '2026-11-20T08:00:00.000Z',
        startsAt: '2026-12-10T09:00:00.000Z',
        endsAt: '2026-12-10T11:00:00.000Z',
        location: 'Training room, Het Gemaal head office',
        onlineUrl: null,
        seats: 12,
      })),
    };
    const trainingHtml = await container.renderToString(TrainingView, { props: { locale: 'en', training } });
    expect(kB(trainingHtml)).toBeLessThan(100);
    expect(trainingHtml).toContain('And 476 more.');
  });
});

describe('a rendered list page', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await createContainer();
  });
  const render = (path: string) => container.renderToString(PageRoute, { props: at(path)?.props ?? {} });

  it('has a labelled pagination nav with previous/next, numbered links and the current page marked', async () => {
    const html = await render('/mensen/pagina/2/');
    const nav = /<nav class="nav pagination" aria-label="Pagina’s van deze lijst"[^>]*>([\s\S]*?)<\/nav>/.exec(
      html,
    )?.[1];
    expect(nav).toBeDefined();
    const links = [...(nav ?? '').matchAll(/<a href="([^"]+)"([^>]*)>([\s\S]*?)<\/a>/g)].map(
      ([, href, attributes, text]) => ({
        href,
        current: attributes?.includes('aria-current="page"') ?? false,
        text: text
          ?.replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      }),
    );
    expect(links).toEqual([
      { href: '/mensen/', current: false, text: '← Vorige' },
      { href: '/mensen/', current: false, text: '1' },
      { href: '/mensen/pagina/2/', current: true, text: '2' },
      { href: '/mensen/pagina/3/', current: false, text: '3' },
      { href: '/mensen/pagina/3/', current: false, text: 'Volgende →' },
    ]);
    expect(nav).toContain('aria-label="Pagina 2"');
    expect(html).toContain('49 in totaal · Pagina 2 van 3');
    expect(html).toMatch(/<title>Mensen die voorgaan – pagina 2 van 3 · /);
    expect(html).toMatch(/<link rel="prev" href="[^"]*\/mensen\/"/);
    expect(html).toMatch(/<link rel="next" href="[^"]*\/mensen\/pagina\/3\/"/);
    // The language switcher leads to the English list's only page.
    expect(html).toMatch(/<a href="\/en\/people\/" hreflang="en"/);
  });

  it('has no pagination nav for a list of one page, and keeps the empty state', async () => {
    const one = await render('/en/people/');
    expect(one).not.toContain('class="nav pagination"');
    expect(one).not.toContain('rel="next"');
    expect(one).toContain('24 in total');
    const empty = await render('/de/behaviours/');
    expect(empty).toContain('No example behaviour has been published yet.');
    expect(empty).not.toContain('in total');
  });

  it('gives the trainings catalogue only its page, and its count says so', async () => {
    const html = await render('/trainingen/pagina/2/');
    expect([...html.matchAll(/<li class="card"/g)]).toHaveLength(1);
    expect(html).toContain('1 van 1 op deze pagina');
    const single = await render('/en/trainings/');
    expect(single).toContain('3 trainings');
    expect(single).not.toContain('on this page');
  });
});
