// @vitest-environment node
// The small readers under the feed parser: encodings, dates, durations, entities, addresses.
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../../src/feeds/decode-feed.ts';
import { feedAddress } from '../../../../src/feeds/feed-address.ts';
import { parseDate } from '../../../../src/feeds/parse-date.ts';
import { parseDuration } from '../../../../src/feeds/parse-duration.ts';
import { plainText } from '../../../../src/feeds/plain-text.ts';
import { repairXml } from '../../../../src/feeds/repair-xml.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe('decodeFeed', () => {
  it('follows the prolog, then the HTTP charset, then UTF-8', () => {
    const latin = (prolog: string) =>
      new Uint8Array([...ascii(`${prolog}<a>`), 0xe9, ...ascii('</a>')]);
    expect(decodeFeed(latin('<?xml version="1.0" encoding="ISO-8859-1"?>'))).toContain('<a>é</a>');
    expect(decodeFeed(latin(''), 'text/xml; charset=windows-1252')).toContain('<a>é</a>');
    expect(decodeFeed(latin(''))).toContain('<a>\ufffd</a>');
    // The prolog wins over a wrong HTTP charset.
    expect(
      decodeFeed(latin("<?xml version='1.0' encoding='latin1'?>"), 'text/xml; charset=utf-8'),
    ).toContain('é');
  });

  it('maps windows-1252 bytes 0x80–0x9F to the characters they stand for', () => {
    const prolog = ascii('<?xml version="1.0" encoding="windows-1252"?>');
    expect(decodeFeed(new Uint8Array([...prolog, 0x80, 0x93, 0x94, 0x97]))).toMatch(/€“”—$/);
  });

  it('trusts a byte-order mark, and ignores a UTF-16 claim on single-byte text', () => {
    expect(decodeFeed(bytes(0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x3e))).toBe('<a>');
    expect(decodeFeed(bytes(0xff, 0xfe, 0x3c, 0x00, 0x61, 0x00))).toBe('<a');
    expect(decodeFeed(ascii('<?xml version="1.0" encoding="UTF-16"?><a/>'))).toContain('<a/>');
    expect(decodeFeed(ascii('<?xml version="1.0" encoding="x-unknown"?><a/>'))).toContain('<a/>');
  });
});

describe('parseDate', () => {
  it.each([
    ['Tue, 10 Jun 2003 04:00:00 GMT', Date.UTC(2003, 5, 10, 4)],
    ['Mon, 10 Jun 2003 04:00:00 GMT', Date.UTC(2003, 5, 10, 4)],
    ['10 Jun 2003 06:00:00 +0200', Date.UTC(2003, 5, 10, 4)],
    ['Tue, 10 Jun 2003 00:00 EDT', Date.UTC(2003, 5, 10, 4)],
    ['Tue, 10 Jun 2003 13:30:00 ACST', Date.UTC(2003, 5, 10, 4)],
    ['Tue, 10 Jun 2003 04:00:00 +0000 (UTC)', Date.UTC(2003, 5, 10, 4)],
    ['Tue, 10 June 03 04:00:00 Z', Date.UTC(2003, 5, 10, 4)],
    ['2003-06-10T06:00:00.000+02:00', Date.UTC(2003, 5, 10, 4)],
    ['2003-06-10 04:00:00', Date.UTC(2003, 5, 10, 4)],
    ['June 10th, 2003 4:00 AM', Date.UTC(2003, 5, 10, 4)],
    ['Thurs, 1 Jan 1970 00:00:01 GMT', 1000],
  ])('%s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it.each(['', 'soon', '31 Foo 2003', '2003-13-01', '45 Jun 2003', undefined])(
    'gives 0 for %j',
    (text) => expect(parseDate(text)).toBe(0),
  );
});

describe('parseDuration', () => {
  it.each([
    ['3600', 3600],
    ['59:30', 3570],
    ['1:02:03', 3723],
    ['01:02:03.4', 3723],
    ['90:00', 5400],
    ['45 min', 2700],
    ['1h 30m', 5400],
    [' 12 ', 12],
  ])('%j is %d s', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each(['', '0', '00:00', '1:2:3:4', 'abc', '-5', undefined])('%j is none', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
});

describe('plainText', () => {
  it('decodes references left after XML parsing once, and collapses whitespace', () => {
    expect(plainText('Q&amp;A &#8211; caf&eacute;&#x21;')).toBe('Q&A – café!');
    expect(plainText('  two\n   lines  ')).toBe('two lines');
    expect(plainText('AT&T &unknownentity; &')).toBe('AT&T &unknownentity; &');
    expect(plainText('   ')).toBeUndefined();
  });
});

describe('repairXml', () => {
  const entity = (name: string) => (name === 'eacute' ? 'é' : undefined);

  it('escapes bare ampersands and turns HTML entities into numeric ones, outside CDATA', () => {
    expect(repairXml('<a>Q & A&eacute;&bogus;&amp;&#38;<![CDATA[ & ]]></a>', entity)).toBe(
      '<a>Q &amp; A&#233;&amp;bogus;&amp;&#38;<![CDATA[ & ]]></a>',
    );
  });

  it('declares prefixes used without a declaration on the root element', () => {
    const repaired = repairXml(
      '<?xml version="1.0"?><rss><itunes:x/><odd:y a:b="1"/></rss>',
      entity,
    );
    expect(repaired).toContain('<rss xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"');
    expect(repaired).toContain('xmlns:odd="urn:x-longwave:undeclared:odd"');
    expect(repaired).toContain('xmlns:a="urn:x-longwave:undeclared:a"');
  });

  it('drops text before the prolog and characters XML forbids', () => {
    expect(repairXml(' \n\ufeff<?xml version="1.0"?><a>x\u0001\u000by</a>', entity)).toBe(
      '<?xml version="1.0"?><a>xy</a>',
    );
  });
});

describe('feedAddress', () => {
  it.each([
    ['  https://example.org/feed.xml  ', 'https://example.org/feed.xml'],
    ['feed://example.org/rss', 'https://example.org/rss'],
    ['feed:https://example.org/rss', 'https://example.org/rss'],
    ['itpc://example.org/rss', 'https://example.org/rss'],
    ['pcast:http://example.org/rss', 'http://example.org/rss'],
    ['example.org/feed', 'https://example.org/feed'],
  ])('%j → %s', (input, url) => expect(feedAddress(input)).toBe(url));

  it.each(['', 'javascript:alert(1)', 'file:///etc/passwd', 'not an address', 'http://'])(
    'refuses %j with words',
    (input) =>
      expect(() => feedAddress(input)).toThrow(/address of a podcast feed|not a feed address/),
  );
});
