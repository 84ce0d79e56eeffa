/**
 * Atom feeds, read back with a real feed parser (@rowanmanning/feed-parser) and
 * checked for well-formed XML by a strict one (fast-xml-parser's validator):
 * whatever an editor typed — markup, entities, CDATA ends, quotes, control
 * characters — comes back as the same text and never as markup.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { type AtomFeed, atomOf, escapeXml, plainSummary } from '../src/feed';

// (No entity in it: this feed reader decodes HTML entities in text once more; the strict parser below reads `&amp;` as typed.)
const HOSTILE = `<script>alert("x")</script> & ]]> 'quotes' "too" <![CDATA[ x ]]>`;

const feed = (entries: AtomFeed['entries']): AtomFeed => ({
  id: 'https://intranet.example/feed.xml',
  title: 'Intranet & co',
  subtitle: 'Nieuw <gedrag>',
  author: 'Intranet "Ritme"',
  language: 'nl',
  self: 'https://intranet.example/feed.xml',
  home: 'https://intranet.example/',
  entries,
});

const entry = {
  id: 'https://intranet.example/gedrag/a/',
  title: HOSTILE,
  url: 'https://intranet.example/gedrag/a/?x=1&y=2',
  updated: '2026-11-03T15:00:00.000Z',
  summary: `Samenvatting ${HOSTILE}`,
  category: { term: 'behaviour', label: 'Gedrag & zo' },
};

describe('atomOf', () => {
  it('writes a feed a feed reader reads, with every hostile string as the same text', () => {
    const xml = atomOf(feed([entry, { ...entry, id: 'https://intranet.example/b/', updated: '2026-12-01T08:00:00Z' }]));
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parseFeed(xml);
    expect(parsed.title).toBe('Intranet & co');
    expect(parsed.description).toBe('Nieuw <gedrag>');
    expect(parsed.language).toBe('nl');
    expect(parsed.self).toBe('https://intranet.example/feed.xml');
    expect(parsed.url).toBe('https://intranet.example/');
    // The feed's updated is its newest entry's, never "now".
    expect(parsed.updated?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(parsed.authors.map((author) => author.name)).toEqual(['Intranet "Ritme"']);
    expect(parsed.items).toHaveLength(2);
    const [first] = parsed.items;
    expect(first?.title).toBe(HOSTILE);
    expect(first?.id).toBe(entry.id);
    expect(first?.url).toBe(entry.url);
    expect(first?.updated?.toISOString()).toBe(entry.updated);
    expect(first?.description).toBe(`Samenvatting ${HOSTILE}`);
    expect(first?.categories.map((category) => category.label)).toEqual(['Gedrag & zo']);
    // No markup of the editor's survives as markup, and nothing hides in CDATA.
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<![CDATA[');
  });

  it('keeps a typed entity as text', () => {
    const xml = atomOf(feed([{ ...entry, title: 'Tom &amp; Jerry &lt;b&gt;' }]));
    const parser = new XMLParser({ processEntities: true, htmlEntities: false });
    expect(parser.parse(xml).feed.entry.title).toBe('Tom &amp; Jerry &lt;b&gt;');
  });

  it('is the same text for any string, through a strict XML parser', () => {
    const parser = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false });
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (title) => {
        const xml = atomOf(feed([{ ...entry, title, summary: null, category: null }]));
        expect(XMLValidator.validate(xml)).toBe(true);
        const read = parser.parse(xml).feed.entry.title['#text'] ?? '';
        // What XML cannot hold is dropped; the rest is the title as typed (the parser trims).
        const kept = title.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
        expect(String(read)).toBe(kept.replace(/\r\n?/g, '\n').trim());
      }),
      { numRuns: 300 },
    );
  });

  it('has an updated date and no entry when there is nothing yet', () => {
    const xml = atomOf({ ...feed([]), emptyUpdated: '2026-01-01T00:00:00Z' });
    const parsed = parseFeed(xml);
    expect(parsed.items).toEqual([]);
    expect(parsed.updated?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('escapeXml', () => {
  it('escapes the five characters and drops what XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0008c\u001bd\uFFFEe\uD800f')).toBe('abcdef');
    expect(escapeXml('tab\tnew\nline 😀')).toBe('tab\tnew\nline 😀');
  });
});

describe('plainSummary', () => {
  it('collapses whitespace and cuts long text at a word, with an ellipsis', () => {
    expect(plainSummary('  een\n\n twee\tdrie ')).toBe('een twee drie');
    const long = 'woord '.repeat(100);
    const cut = plainSummary(long, 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut.endsWith('woord…')).toBe(true);
    expect(plainSummary('x'.repeat(60), 50)).toBe(`${'x'.repeat(49)}…`);
  });
});
