/**
 * Search: the browser module's pure parts (excerpts as text and marks only,
 * grouping by type, which links a result may have) and the index a build
 * writes (only the marked content of the pages meant to be found, one index
 * per language, a fresh one each time).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { closeIndexer, indexSite, installIndex } from '../../src/search/index-site.mjs';
import { countText, excerptParts, groupHits, safePath } from '../../src/search/search-client.js';
import { SEARCH_TYPES, searchTypeOf } from '../../src/search/types';

describe('excerptParts', () => {
  it('keeps <mark> as marks and everything else as text', () => {
    expect(excerptParts('Geef <mark>feedback</mark> op tijd')).toEqual([
      { text: 'Geef ', mark: false },
      { text: 'feedback', mark: true },
      { text: ' op tijd', mark: false },
    ]);
  });

  it('shows any other tag as the text it is, and reads character references', () => {
    const parts = excerptParts('<img src=x onerror=alert(1)> &lt;script&gt; <MARK>a &amp; b</MARK><b>x</b>');
    expect(parts).toEqual([
      { text: '<img src=x onerror=alert(1)> <script> ', mark: false },
      { text: 'a & b', mark: true },
      { text: '<b>x</b>', mark: false },
    ]);
  });

  it('survives unbalanced and empty input', () => {
    expect(excerptParts('')).toEqual([]);
    expect(excerptParts('</mark>los<mark>')).toEqual([{ text: 'los', mark: false }]);
    expect(excerptParts('&#x1F600; &#0; &bogus;')).toEqual([{ text: '😀 &#0; &bogus;', mark: false }]);
  });
});

describe('groupHits', () => {
  const types = SEARCH_TYPES.map((type) => [type, `heading ${type}`] as [string, string]);
  const hit = (type: string, title: string) => ({ url: `/${title}/`, title, excerpt: '', type });

  it('groups in the fixed order of types, keeping the ranking within a group', () => {
    const groups = groupHits(
      [hit('training', 't1'), hit('group', 'g1'), hit('training', 't2'), hit('round', 'r1'), hit('group', 'g2')],
      types,
    );
    expect(groups.map((group) => group.type)).toEqual(['group', 'training', 'round']);
    expect(groups[0]?.hits.map((h) => h.title)).toEqual(['g1', 'g2']);
    expect(groups[1]?.hits.map((h) => h.title)).toEqual(['t1', 't2']);
    expect(groups[1]?.heading).toBe('heading training');
  });

  it('puts an unknown type with the last group (other)', () => {
    expect(groupHits([hit('mystery', 'm')], types)).toEqual([
      { type: 'other', heading: 'heading other', hits: [hit('mystery', 'm')] },
    ]);
  });
});

describe('safePath', () => {
  it('lets through only paths on this site', () => {
    expect(safePath('/gedrag/feedback-geven/')).toBe('/gedrag/feedback-geven/');
    for (const bad of [
      '//evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
      'https://x.example/',
      '',
      5,
      null,
    ]) {
      expect(safePath(bad), String(bad)).toBeNull();
    }
  });
});

describe('countText', () => {
  const strings = {
    none: 'Geen resultaten voor “{query}”.',
    one: '1 resultaat voor “{query}”.',
    many: '{n} resultaten voor “{query}”.',
    shown: 'De eerste {shown} worden getoond.',
  } as Parameters<typeof countText>[0];
  it('says none, one, many and how many are shown', () => {
    expect(countText(strings, 'x', 0, 0)).toBe('Geen resultaten voor “x”.');
    expect(countText(strings, 'x', 1, 1)).toBe('1 resultaat voor “x”.');
    expect(countText(strings, 'x', 12, 8)).toBe('12 resultaten voor “x”. De eerste 8 worden getoond.');
  });
});

describe('searchTypeOf', () => {
  it('indexes entries, people and the pages about the intranet; not lists, home, search or 404', () => {
    expect(searchTypeOf('training')).toBe('training');
    expect(searchTypeOf('people')).toBe('people');
    expect(searchTypeOf('changes')).toBe('other');
    for (const view of ['home', 'groups', 'behaviours', 'trainings', 'rounds', 'search', 'not-found']) {
      expect(searchTypeOf(view), view).toBeNull();
    }
  });
});

describe('indexSite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ritme-search-'));
  afterAll(async () => {
    await closeIndexer();
    rmSync(dir, { recursive: true, force: true });
  });
  const page = (file: string, lang: string, body: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(
      path.join(dir, file),
      `<!doctype html><html lang="${lang}"><head><title>x</title></head><body><header>Kopregel zoekwoordkop</header>${body}<footer>Voetregel</footer></body></html>`,
    );
  };
  /** Every record of one language's fragments, unpacked. */
  const fragments = (): { url: string; content: string; meta: Record<string, string> }[] =>
    readdirSync(path.join(dir, 'pagefind/fragment')).map((name) =>
      JSON.parse(
        gunzipSync(readFileSync(path.join(dir, 'pagefind/fragment', name)))
          .toString('utf8')
          .replace(/^pagefind_dcd/, ''),
      ),
    );

  it('indexes only the marked content, one index per language, and nothing of Pagefind’s own UI', async () => {
    page(
      'trainingen/feedback/index.html',
      'nl',
      '<main data-pagefind-body data-pagefind-meta="type:training"><h1>Feedback geven</h1><p>Oefen met zoekwoordnl.</p><nav data-pagefind-ignore>Pagina 2</nav></main>',
    );
    page(
      'en/trainings/feedback/index.html',
      'en',
      '<main data-pagefind-body data-pagefind-meta="type:training"><h1>Giving feedback</h1><p>Practise with searchword.</p></main>',
    );
    page('404.html', 'nl', '<main><h1>Pagina niet gevonden</h1></main>');
    page('zoeken/index.html', 'nl', '<main><h1>Zoeken</h1></main>');
    const { pages } = await indexSite(dir);
    expect(pages).toBe(2);
    const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'nl']);
    expect(entry.languages.nl.page_count).toBe(1);
    expect(existsSync(path.join(dir, 'pagefind/pagefind.js'))).toBe(true);
    expect(readdirSync(path.join(dir, 'pagefind')).filter((name) => name.includes('-ui'))).toEqual([]);
    const records = fragments();
    expect(records.map((record) => record.url).sort()).toEqual(['/en/trainings/feedback/', '/trainingen/feedback/']);
    const dutch = records.find((record) => record.url === '/trainingen/feedback/');
    expect(dutch?.meta).toMatchObject({ title: 'Feedback geven', type: 'training' });
    expect(dutch?.content).toContain('zoekwoordnl');
    for (const chrome of ['Kopregel', 'Voetregel', 'Pagina 2']) expect(dutch?.content).not.toContain(chrome);
  });

  it('writes a fresh index each time: a page that is gone is gone from the index', async () => {
    rmSync(path.join(dir, 'en'), { recursive: true });
    writeFileSync(path.join(dir, 'pagefind/stale.txt'), 'from an earlier build');
    const { pages } = await indexSite(dir);
    expect(pages).toBe(1);
    expect(existsSync(path.join(dir, 'pagefind/stale.txt'))).toBe(false);
    expect(fragments().map((record) => record.url)).toEqual(['/trainingen/feedback/']);
  });

  it('installs an index made elsewhere over the served one: entry last, the old index’s other files gone', async () => {
    const before = readdirSync(path.join(dir, 'pagefind'), { recursive: true }).map(String).sort();
    const entryBefore = readFileSync(path.join(dir, 'pagefind/pagefind-entry.json'), 'utf8');
    page(
      'trainingen/luisteren/index.html',
      'nl',
      '<main data-pagefind-body data-pagefind-meta="type:training"><h1>Luisteren</h1><p>Riet.</p></main>',
    );
    const output = mkdtempSync(path.join(tmpdir(), 'ritme-search-next-'));
    const { pages } = await indexSite(dir, { outputPath: output });
    expect(pages).toBe(2);
    // Written beside the site: the served index is untouched until it is installed.
    expect(readFileSync(path.join(dir, 'pagefind/pagefind-entry.json'), 'utf8')).toBe(entryBefore);
    const written = readdirSync(output, { recursive: true }).map(String).sort();

    const installed = installIndex(output, dir);
    expect(existsSync(output)).toBe(false);
    const files = (folder: string) =>
      readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
        .sort();
    expect(installed.sort()).toEqual(files(path.join(dir, 'pagefind')));
    expect(installed.map((file) => path.relative('pagefind', file)).sort()).toEqual(
      written.filter((name) => !['fragment', 'index', 'filter'].includes(name)).sort(),
    );
    expect(readFileSync(path.join(dir, 'pagefind/pagefind-entry.json'), 'utf8')).not.toBe(entryBefore);
    // The old language index (its hash in its name) is gone; the new one is what the entry names.
    const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(existsSync(path.join(dir, `pagefind/pagefind.${entry.languages.nl.hash}.pf_meta`))).toBe(true);
    const stale = before.filter((name) => name.endsWith('.pf_meta') && !installed.includes(`pagefind/${name}`));
    expect(stale.length).toBeGreaterThan(0);
    for (const name of stale) expect(existsSync(path.join(dir, 'pagefind', name))).toBe(false);
    expect(
      fragments()
        .map((record) => record.url)
        .sort(),
    ).toEqual(['/trainingen/feedback/', '/trainingen/luisteren/']);
  });
});
