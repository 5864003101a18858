import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUrls, withoutInvisible } from './find-urls';
import { describeHost } from './host';
import { decodePunycode, hostToUnicode } from './punycode';
import { isLikelyTopLevelDomain } from './tlds';
import { urlKey } from './url-key';

describe('findUrls', () => {
  it.each([
    ['a scheme URL', 'see https://tickets.example.org/event/42 now', ['https://tickets.example.org/event/42']],
    ['an IP with port and query', 'code: https://127.0.0.2:8099/t?c=CANARY-5e1f0c77', ['https://127.0.0.2:8099/t?c=CANARY-5e1f0c77']],
    ['a host with a path, no scheme', 'go to example.com/x now', ['example.com/x']],
    ['www with a one-letter top level', 'try www.x.y.', ['www.x.y']],
    ['a bare IP with port and path', 'at 127.0.0.2:8099/t?c=abc', ['127.0.0.2:8099/t?c=abc']],
    ['a bare IP', 'ping 10.1.2.3 please', ['10.1.2.3']],
    ['localhost with a port', 'open localhost:3000/x', ['localhost:3000/x']],
    ['punycode', 'visit xn--80ak6aa92e.com', ['xn--80ak6aa92e.com']],
    ['a Cyrillic look-alike', 'log in at раураl.com today', ['раураl.com']],
    ['an internationalised top level', 'сайт пример.рф!', ['пример.рф']],
    ['full-width dots', 'example\u3002com', ['example\u3002com']],
    ['upper case', 'HTTPS://EXAMPLE.COM/A', ['HTTPS://EXAMPLE.COM/A']],
    ['a country-code domain', 'see acme.io', ['acme.io']],
    ['a new generic domain', 'see acme.pizza', ['acme.pizza']],
    ['a zip domain (a real TLD)', 'open invoice.zip', ['invoice.zip']],
    ['a Markdown link', '[here](https://a.example/c).', ['https://a.example/c']],
    ['balanced parentheses kept', '(https://en.wikipedia.org/wiki/Foo_(bar))', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
    ['trailing punctuation dropped', 'Is it https://x.example/a?! Yes.', ['https://x.example/a']],
    ['a link split by a zero-width space', 'exam\u200Bple.com/p', ['ple.com/p', 'example.com/p']],
    ['user info', 'https://bank.example@evil.example/x', ['https://bank.example@evil.example/x']],
    ['several, in order', 'a.example/1 then https://b.example/2 and www.c.example', ['a.example/1', 'https://b.example/2', 'www.c.example']],
  ])('finds %s', (_name, text, expected) => {
    expect(findUrls(text)).toEqual(expected);
  });

  it.each([
    ['words joined by a dot', 'I love node.js'],
    ['file names', 'see report.pdf and photo.jpeg'],
    ['a capitalised word after a dot', 'Thanks Mr.Smith'],
    ['abbreviations', 'e.g. this, i.e. that, a.m.'],
    ['version numbers', 'v1.2.3.4.5 and 3.5 stars'],
    ['e-mail addresses', 'write to ana.souza@example.com'],
    ['times', 'at 10:30 or 9.45'],
    ['an invalid IP', '999.1.1.1'],
    ['plain text', 'See you at 8!'],
  ])('ignores %s', (_name, text) => {
    expect(findUrls(text)).toEqual([]);
  });

  it('takes linear time on long hostile input', () => {
    const hostile = `${'a.'.repeat(20_000)}@ ${'x'.repeat(20_000)}`;
    const started = performance.now();
    findUrls(hostile);
    // Generous: the point is "not quadratic" (that would take minutes), not a timing budget.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('never throws and returns substrings of its input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        for (const url of findUrls(text)) expect(withoutInvisible(text).includes(url) || text.includes(url)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('urlKey', () => {
  it('treats http, https and no scheme alike, and ignores host case and a bare trailing slash', () => {
    const keys = ['https://Tickets.Example.org/event/42', 'http://tickets.example.org/event/42', 'tickets.example.org/event/42'].map(urlKey);
    expect(new Set(keys).size).toBe(1);
    expect(urlKey('https://example.org/')).toBe(urlKey('example.org'));
    expect(urlKey('http:\\\\Example.org\\a')).toBe(urlKey('https://example.org/a'));
  });

  it('keeps path, query and fragment exact: that is where data rides', () => {
    expect(urlKey('https://x.example/a?c=1')).not.toBe(urlKey('https://x.example/a?c=2'));
    expect(urlKey('https://x.example/A')).not.toBe(urlKey('https://x.example/a'));
    expect(urlKey('https://x.example/a#k')).not.toBe(urlKey('https://x.example/a'));
  });

  it('compares internationalised hosts by their Punycode, and full-width dots as dots', () => {
    expect(urlKey('пример.рф')).toBe(urlKey('https://xn--e1afmkfd.xn--p1ai/'));
    expect(urlKey('example\u3002com')).toBe(urlKey('example.com'));
    expect(urlKey('раураl.com')).not.toBe(urlKey('paypal.com'));
  });

  it('drops default ports only', () => {
    expect(urlKey('https://x.example:443/a')).toBe(urlKey('https://x.example/a'));
    expect(urlKey('127.0.0.2:8099/t')).toBe('127.0.0.2:8099/t');
  });
});

describe('punycode and hosts', () => {
  it('decodes Punycode labels', () => {
    expect(decodePunycode('e1afmkfd')).toBe('пример');
    expect(decodePunycode('80ak6aa92e')).toBe('аррӏе');
    expect(decodePunycode('mnchen-3ya')).toBe('münchen');
    expect(hostToUnicode('xn--mnchen-3ya.de')).toBe('münchen.de');
    expect(hostToUnicode('xn--invalid-!.example')).toBe('xn--invalid-!.example');
  });

  it('agrees with the URL parser on arbitrary hosts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zäöüéèçñабвгдежзиклмнопрстуфхцчшщыэюяαβγδ]{1,12}$/), (label) => {
        const ascii = new URL(`http://${label}.example/`).hostname;
        expect(hostToUnicode(ascii)).toBe(`${label}.example`);
      }),
      { numRuns: 200 },
    );
  });

  it('flags mixed-script and whole-script look-alike hosts, not ordinary international ones', () => {
    expect(describeHost(new URL('http://раураl.com').hostname)).toMatchObject({ unicode: 'раураl.com', lookalike: true });
    expect(describeHost(new URL('http://раураі.com').hostname).lookalike).toBe(true);
    expect(describeHost(new URL('http://пример.рф').hostname).lookalike).toBe(false);
    expect(describeHost(new URL('http://münchen.de').hostname).lookalike).toBe(false);
    expect(describeHost('xn--80ak6aa92e.com')).toMatchObject({ unicode: 'аррӏе.com', lookalike: true });
    expect(describeHost('paypal.com')).toEqual({ ascii: 'paypal.com', unicode: 'paypal.com', lookalike: false });
  });

  it('knows top-level domains from file extensions and words', () => {
    expect(isLikelyTopLevelDomain('com')).toBe(true);
    expect(isLikelyTopLevelDomain('io')).toBe(true);
    expect(isLikelyTopLevelDomain('js')).toBe(false);
    expect(isLikelyTopLevelDomain('pdf')).toBe(false);
    expect(isLikelyTopLevelDomain('Smith')).toBe(false);
    expect(isLikelyTopLevelDomain('рф')).toBe(true);
  });
});
