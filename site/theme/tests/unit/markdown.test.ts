/**
 * Training bodies are Markdown typed by editors and rendered into every
 * employee's browser. Whatever the spelling of a payload, the HTML that comes
 * out is parsed here the way a browser parses it, and must hold only allowed
 * elements, no event handlers, no styles, and links and images only to http(s),
 * mailto, tel or relative URLs.
 */
import fc from 'fast-check';
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { renderMarkdown as render } from '../../src/markdown/render';

const OPTIONS = {
  cmsUrl: 'https://cms.example.org',
  footnoteLabel: 'Voetnoten',
  footnoteBackLabel: 'Terug naar de tekst',
};
const renderMarkdown = (markdown: string) => render(markdown, OPTIONS);

const ALLOWED_TAGS = new Set([
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'input',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'strong',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
]);
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
/** Every attribute (hast property name) through which a document can load or navigate to a URL. */
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'srcSet',
  'action',
  'formAction',
  'cite',
  'data',
  'poster',
  'background',
  'longDesc',
  'ping',
  'xLinkHref',
  'manifest',
  'codeBase',
]);

/** The scheme a browser would use for this attribute value (relative URLs resolve to the page's own). */
function schemeOf(value: string): string | null {
  try {
    return new URL(value, 'https://intranet.example/trainingen/x/').protocol;
  } catch {
    return null; // not a URL a browser would follow
  }
}

/** Everything wrong with rendered HTML, read the way a browser reads it. */
function problems(html: string): string[] {
  const found: string[] = [];
  if (/<\s*script/i.test(html)) found.push('a <script> tag');
  const visit = (node: Root | RootContent) => {
    if (node.type === 'element') check(node);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  const check = (element: Element) => {
    if (!ALLOWED_TAGS.has(element.tagName)) found.push(`element <${element.tagName}>`);
    if (element.tagName === 'input' && (element.properties.type !== 'checkbox' || !element.properties.disabled)) {
      found.push('an input that is not a disabled checkbox');
    }
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`event handler ${name} on <${element.tagName}>`);
      if (name === 'style') found.push(`style on <${element.tagName}>`);
      if (URL_PROPERTIES.has(name)) {
        for (const url of Array.isArray(value) ? value : [value]) {
          const scheme = schemeOf(String(url));
          if (scheme && !ALLOWED_SCHEMES.has(scheme)) found.push(`${name}="${String(url)}" (${scheme})`);
        }
      }
    }
  };
  visit(fromHtml(html, { fragment: true }));
  return found;
}

const safe = (markdown: string) => {
  const html = renderMarkdown(markdown);
  expect(problems(html), `${JSON.stringify(markdown)} rendered as ${html}`).toEqual([]);
  return html;
};

describe('the checker these tests rely on', () => {
  it('notices every kind of problem', () => {
    expect(problems('<a href="javascript:alert(1)">x</a>')).toHaveLength(1);
    expect(problems('<a href=" &#106;ava&#x09;script:alert(1)">x</a>')).toHaveLength(1);
    expect(problems('<img src="x" onerror="alert(1)">')).toEqual(['event handler onError on <img>']);
    expect(problems('<p style="color:red">x</p>')).toHaveLength(1);
    expect(problems('<svg><a href="data:text/html,x">x</a></svg>').length).toBeGreaterThan(0);
    expect(problems('<iframe src="https://example.org"></iframe>')).toEqual(['element <iframe>']);
    expect(problems('<SCRIPT>alert(1)</SCRIPT>')).toContain('a <script> tag');
    expect(problems('<p><a href="/groepen/">x</a> <a href="https://example.org">y</a></p>')).toEqual([]);
  });
});

describe('renderMarkdown: what editors write still works', () => {
  it('renders headings, lists, emphasis, quotes, code and tables', () => {
    const html = safe(
      [
        '## Wat je leert',
        '',
        '- Een *goede* vraag stellen',
        '- **Context** geven',
        '',
        '> Vraag het gewoon.',
        '',
        '`@-vermelding` en ~~mail~~',
        '',
        '| Wanneer | Waar |',
        '| --- | --- |',
        '| maandag | Boezem |',
      ].join('\n'),
    );
    expect(html).toContain('<h2>Wat je leert</h2>');
    expect(html).toContain('<li>Een <em>goede</em> vraag stellen</li>');
    expect(html).toContain('<strong>Context</strong>');
    expect(html).toMatch(/<blockquote>\s*<p>Vraag het gewoon\.<\/p>\s*<\/blockquote>/);
    expect(html).toContain('<code>@-vermelding</code>');
    expect(html).toContain('<del>mail</del>');
    expect(html).toMatch(/<table>[\s\S]*<td>maandag<\/td>/);
  });

  it('keeps links to http(s), mailto, tel and relative URLs, and images over http(s)', () => {
    const html = safe(
      [
        '[site](https://example.org/a?b=c#d) [mail](mailto:team@example.org) [bel](tel:+31201234567)',
        '[groepen](/groepen/) [anker](#sessions) [hier](../x/)',
        '<https://example.org/auto> www.example.org',
        '![foto](https://cms.example.org/uploads/a.jpg "Titel")',
      ].join('\n'),
    );
    for (const href of [
      'https://example.org/a?b=c#d',
      'mailto:team@example.org',
      'tel:+31201234567',
      '/groepen/',
      '#sessions',
      '../x/',
      'https://example.org/auto',
      'http://www.example.org',
    ]) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(html).toContain('<img src="https://cms.example.org/uploads/a.jpg" alt="foto" title="Titel">');
  });

  it("serves images from the CMS's uploads, and shows the alt text of any other image", () => {
    const html = safe('![Anna](/uploads/anna.jpg) ![elders](../a.png) ![ook](//evil.example/a.png)');
    expect(html).toContain('<img src="https://cms.example.org/uploads/anna.jpg" alt="Anna">');
    expect(html).not.toContain('a.png');
    expect(html).toContain('elders');
    expect(html).toContain('ook');
  });

  it('links footnotes to their text, labelled in the page language, without touching the page ids', () => {
    const html = safe('Tekst[^1]\n\n[^1]: De voetnoot.');
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toContain('href="#user-content-fnref-1"');
    expect(html).toContain('id="user-content-fnref-1"');
    expect(html).toMatch(/<h2 class="visually-hidden" id="footnote-label">Voetnoten<\/h2>/);
    expect(html).toContain('aria-label="Terug naar de tekst"');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(
      ids.every((id) => /^user-content-|^footnote-label$/.test(id ?? '')),
      ids.join(),
    ).toBe(true);
  });

  it('shows raw HTML as text instead of rendering it, and leaves HTML comments out', () => {
    const html = safe('Hallo <b onclick="x()">vet</b>\n\n<div>blok</div>\n\n<!-- alleen voor redacteuren -->\n');
    expect(html).toContain('&#x3C;b onclick="x()">vet&#x3C;/b>');
    expect(html).toContain('&#x3C;div>blok&#x3C;/div>');
    expect(html).not.toContain('alleen voor redacteuren');
  });
});

describe('renderMarkdown: what can never come out', () => {
  const payloads: [string, string][] = [
    ['inline link', '[x](javascript:alert(1))'],
    ['upper and mixed case', '[x](JaVaScRiPt:alert(1)) [y](JAVASCRIPT:alert(1))'],
    ['entity-encoded scheme', '[x](&#106;avascript:alert(1)) [y](&#x6A;&#x61;vascript&#58;alert(1))'],
    ['named entities', '[x](javascript&colon;alert(1)) [y](java&Tab;script:alert(1))'],
    ['tab inside the scheme', '[x](<java\tscript:alert(1)>)'],
    ['newline inside the scheme', '[x](<java\nscript:alert(1)>)'],
    ['leading whitespace and control characters', '[x](< javascript:alert(1)>) [y](\u0001javascript:alert(1))'],
    ['angle-bracket destination', '[x](<javascript:alert(1)>)'],
    ['autolink', '<javascript:alert(1)> <JAVASCRIPT:alert(1)>'],
    ['reference-style link', '[x][1]\n\n[1]: javascript:alert(1)'],
    ['reference with title', '[x][evil]\n\n[evil]: <javascript:alert(1)> "titel"'],
    ['collapsed and shortcut references', '[evil][] [evil]\n\n[evil]: javascript:alert(1)'],
    ['image', '![x](javascript:alert(1))'],
    ['image reference', '![x][i]\n\n[i]: javascript:alert(1)'],
    ['image inside a link', '[![x](https://example.org/a.png)](javascript:alert(1))'],
    [
      'data: URL',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) ![y](data:image/svg+xml,<svg onload=alert(1)>)',
    ],
    ['vbscript: URL', '[x](vbscript:msgbox(1))'],
    ['file: URL', '[x](file:///etc/passwd)'],
    ['raw <a href>', '<a href="javascript:alert(1)">x</a>'],
    ['raw <img onerror>', '<img src=x onerror=alert(1)>'],
    ['raw <svg>', '<svg><script>alert(1)</script></svg> <svg onload=alert(1)>'],
    ['raw <iframe>', '<iframe src="javascript:alert(1)"></iframe>'],
    ['raw <form>', '<form action="https://evil.example"><button formaction="javascript:alert(1)">x</button></form>'],
    ['raw <script> block', '<script>alert(1)</script>'],
    ['raw <style> and style attributes', '<style>body{display:none}</style><p style="x">y</p>'],
    ['HTML comment hiding a tag', '<!-- --><img src=x onerror=alert(1)><!-- -->'],
    ['comment breaking out', '<!--> <img src=x onerror=alert(1)> -->'],
    ['HTML in a link text', '[<img src=x onerror=alert(1)>](https://example.org)'],
    ['HTML in a link title', '[x](https://example.org "<img src=x onerror=alert(1)>")'],
    ['attribute breakout in a URL', '[x](https://example.org/"onmouseover="alert(1))'],
    ['attribute breakout in an image alt', '![x" onerror="alert(1)](https://example.org/a.png)'],
    ['code block language', '```js" onmouseover="alert(1)\nx\n```'],
    ['footnote', 'tekst[^1]\n\n[^1]: [x](javascript:alert(1))'],
    ['task list', '- [x] <img src=x onerror=alert(1)>'],
  ];

  it.each(payloads)('%s', (_name, markdown) => {
    safe(markdown);
  });

  // A payload spelled the way browsers still read as "javascript:" (or another
  // scheme that is not allowed): mixed case, characters as entities, tabs and
  // newlines inside, whitespace and control characters in front.
  const scheme = fc.constantFrom('javascript', 'vbscript', 'data', 'livescript', 'file');
  const spelledChar = (char: string) =>
    fc.oneof(
      fc.constant(char),
      fc.constant(char.toUpperCase()),
      fc.constant(`&#${char.charCodeAt(0)};`),
      fc.constant(`&#x${char.charCodeAt(0).toString(16)};`),
      fc.constant(`&#0000${char.charCodeAt(0)};`),
      fc.constantFrom('\t', '\n', '&Tab;', '&NewLine;', '&#9;', '&#10;').map((space) => `${char}${space}`),
    );
  const obfuscated = fc
    .tuple(
      fc.constantFrom('', ' ', '\t', '\u0001', '\u000b', '\u001f', '&#32;', '&#0;', '\u00a0'),
      scheme.chain((name) => fc.tuple(...[...`${name}:`].map(spelledChar))),
      fc.constantFrom('alert(1)', 'window.__pwned=1', 'text/html,<script>alert(1)</script>', '//%0aalert(1)'),
    )
    .map(([prefix, chars, body]) => `${prefix}${chars.join('')}${body}`);
  const inContext = fc.tuple(obfuscated, fc.integer({ min: 0, max: 9 })).map(([url, form]) => {
    switch (form) {
      case 0:
        return `[x](${url})`;
      case 1:
        return `[x](<${url}>)`;
      case 2:
        return `[x](${url} "t")`;
      case 3:
        return `<${url}>`;
      case 4:
        return `[x][r]\n\n[r]: ${url}`;
      case 5:
        return `![x](${url})`;
      case 6:
        return `<a href="${url}">x</a>`;
      case 7:
        return `<img src="${url}" onerror="alert(1)">`;
      case 8:
        return `[![i](https://example.org/a.png)](${url})`;
      default:
        return `- [x] [y][r]\n\n[r]: <${url}>`;
    }
  });

  it('holds for generated spellings of disallowed schemes in every link form', () => {
    fc.assert(
      fc.property(inContext, (markdown) => {
        expect(problems(renderMarkdown(markdown)), markdown).toEqual([]);
      }),
      { numRuns: 1000 },
    );
    // A thousand renders: seconds on a busy two-core machine, beyond Vitest's default of 5 s.
  }, 60_000);

  it('holds for arbitrary text made of Markdown and HTML syntax', () => {
    const piece = fc.constantFrom(
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '!',
      '"',
      "'",
      '=',
      ' ',
      '\n',
      '\t',
      '&',
      '#',
      ';',
      ':',
      '/',
      '`',
      '*',
      '-',
      '|',
      'x',
      'javascript:',
      'JaVa\tScRiPt:',
      '&#106;',
      'data:',
      'href',
      'src',
      'onerror',
      'onload',
      '<img',
      '<a',
      '<svg',
      '<script>',
      '<!--',
      '-->',
      '[1]: ',
      '\u0000',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        expect(problems(renderMarkdown(pieces.join(''))), JSON.stringify(pieces.join(''))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
    // A thousand renders: seconds on a busy two-core machine, beyond Vitest's default of 5 s.
  }, 60_000);
});
