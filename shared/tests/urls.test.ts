/**
 * The URL guard the site (rendering) and the plugin (the API) share: only plain
 * absolute http(s) URLs pass, whatever trick a value uses to look like one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeHttpUrl, MAX_URL_LENGTH, mailtoOf, mediaUrl, safeHttpUrl, safeSitePath } from '../src/urls';

describe('safeHttpUrl', () => {
  it('accepts absolute http and https URLs, and returns them normalised', () => {
    expect(safeHttpUrl('https://teams.example.org/meet/vragen-stellen')).toBe(
      'https://teams.example.org/meet/vragen-stellen',
    );
    expect(safeHttpUrl('http://intranet.example:8080/a?b=c#d')).toBe('http://intranet.example:8080/a?b=c#d');
    expect(safeHttpUrl('HTTPS://Example.ORG')).toBe('https://example.org/');
    expect(safeHttpUrl('https://bücher.example/ä')).toBe('https://xn--bcher-kva.example/%C3%A4');
    expect(isSafeHttpUrl('https://example.org/')).toBe(true);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: in capitals', 'JAVASCRIPT:alert(1)'],
    ['javascript: behind whitespace', ' javascript:alert(1)'],
    ['javascript: split by a tab', 'java\tscript:alert(1)'],
    ['javascript: disguised as a path', 'javascript://example.org/%0Aalert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['file:', 'file:///etc/passwd'],
    ['ftp:', 'ftp://example.org/'],
    ['mailto:', 'mailto:a@example.org'],
    ['a relative path', '/uploads/a.jpg'],
    ['a protocol-relative URL', '//evil.example/'],
    ['no scheme', 'example.org'],
    ['a single slash', 'https:/example.org'],
    ['backslashes', 'https:\\\\evil.example'],
    ['credentials', 'https://user:pass@example.org/'],
    ['a user name only', 'https://trusted.example@evil.example/'],
    ['an empty password', 'https://user:@example.org/'],
    ['no host', 'https://'],
    ['a space', 'https://example.org/a b'],
    ['a leading space', ' https://example.org/'],
    ['a trailing newline', 'https://example.org/\n'],
    ['a NUL', 'https://example.org/\u0000'],
    ['a C1 control', 'https://example.org/\u0085'],
    ['a no-break space', 'https://example.org/\u00a0'],
    ['a zero-width space', 'https://exa\u200bmple.org/'],
    ['a bidi override', 'https://example.org/\u202egnp.exe'],
    ['an invalid host', 'https://exa mple.org/'],
    ['an invalid port', 'https://example.org:99999/'],
    ['the empty string', ''],
    ['too long', `https://example.org/${'a'.repeat(MAX_URL_LENGTH)}`],
  ])('refuses %s', (_name, value) => {
    expect(safeHttpUrl(value)).toBeNull();
    expect(isSafeHttpUrl(value)).toBe(false);
  });

  it('refuses anything that is not a string', () => {
    for (const value of [null, undefined, 42, {}, ['https://example.org/'], new URL('https://example.org/')]) {
      expect(safeHttpUrl(value)).toBeNull();
    }
  });

  it('only ever returns URLs a browser reads as http(s) to the same host, without credentials', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()), (value) => {
        const safe = safeHttpUrl(value);
        if (safe === null) return;
        const url = new URL(safe);
        expect(['http:', 'https:']).toContain(url.protocol);
        expect(url.username + url.password).toBe('');
        expect(url.host).toBe(new URL(value).host);
        expect(safe).not.toMatch(/\s/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('safeSitePath', () => {
  it('keeps paths on this site', () => {
    for (const path of ['/', '/groepen/', '/en/groups/dike-team/', '/trainingen/?a=b#c', '/a:b/']) {
      expect(safeSitePath(path)).toBe(path);
    }
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['a protocol-relative URL', '//evil.example/'],
    ['a backslash', '/\\evil.example/'],
    ['an absolute URL', 'https://evil.example/'],
    ['a relative path', 'groepen/'],
    ['a tab', '/\t/evil.example/'],
    ['a newline', '/groepen/\n'],
    ['the empty string', ''],
    ['not a string', 42],
  ])('refuses %s', (_name, value) => {
    expect(safeSitePath(value)).toBeNull();
  });
});

describe('mediaUrl', () => {
  it('serves upload paths from the CMS, also when the CMS lives under a path', () => {
    expect(mediaUrl('/uploads/anna.jpg', 'http://localhost:1337')).toBe('http://localhost:1337/uploads/anna.jpg');
    expect(mediaUrl('/uploads/anna.jpg', 'https://intranet.example/cms/')).toBe(
      'https://intranet.example/cms/uploads/anna.jpg',
    );
  });

  it('keeps absolute http(s) URLs from a cloud upload provider', () => {
    expect(mediaUrl('https://bucket.example/anna.jpg', 'http://localhost:1337')).toBe(
      'https://bucket.example/anna.jpg',
    );
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:image/svg+xml,<svg onload=alert(1)>'],
    ['a protocol-relative URL', '//evil.example/a.jpg'],
    ['a backslash path', '/\\evil.example/a.jpg'],
    ['a path with a tab', '/uploads/\ta.jpg'],
    ['a relative path without a slash', 'uploads/a.jpg'],
    ['not a string', null],
  ])('refuses %s', (_name, value) => {
    expect(mediaUrl(value, 'http://localhost:1337')).toBeNull();
  });

  it('refuses upload paths when the CMS URL itself is not http(s)', () => {
    expect(mediaUrl('/uploads/a.jpg', 'javascript:alert(1)//')).toBeNull();
  });
});

describe('mailtoOf', () => {
  it('makes a mailto: link of a plain address, trimmed', () => {
    expect(mailtoOf('anna.de-vries+intranet@veenstromen.example')).toBe(
      'mailto:anna.de-vries+intranet@veenstromen.example',
    );
    expect(mailtoOf('  anna@example.org ')).toBe('mailto:anna@example.org');
  });

  it.each([
    ['extra headers', 'anna@example.org?bcc=all@example.org'],
    ['a body', 'anna@example.org&body=hi'],
    ['a second address', 'anna@example.org,bob@example.org'],
    ['a quoted local part', '"anna"@example.org'],
    ['a line break', 'anna@example.org\r\nBcc: x@example.org'],
    ['no domain', 'anna@'],
    ['a script', 'javascript:alert(1)//@example.org'],
    ['too long', `${'a'.repeat(64)}@${'b'.repeat(190)}.example`],
  ])('refuses %s', (_, value) => {
    expect(mailtoOf(value)).toBeNull();
  });

  it('never lets through a character that changes what a mailto: link does', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const link = mailtoOf(value);
        if (link !== null) expect(link.slice('mailto:'.length)).not.toMatch(/[?&,;:\s"'<>()\\]/);
      }),
    );
  });
});
