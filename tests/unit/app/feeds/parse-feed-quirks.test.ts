// @vitest-environment node
// What the quirk feeds prove beyond titles, GUIDs, enclosures and durations (see the corpus test).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../../src/feeds/decode-feed.ts';
import { FeedError } from '../../../../src/feeds/feed-error.ts';
import { parseFeed } from '../../../../src/feeds/parse-feed.ts';
import { feedBytes, feedUrlFor } from './feed-corpus.ts';

const quirk = (name: string) =>
  parseFeed(decodeFeed(feedBytes('quirks', name)), feedUrlFor('quirks', name));
const errorFixture = (name: string) => readFileSync(`tests/fixtures/feeds/errors/${name}`, 'utf8');

describe('quirk feeds', () => {
  it('reads broken dates: wrong weekdays, named and odd zones, two-digit years, US style', () => {
    const dates = quirk('broken-dates.xml').episodes.map((e) => [e.guid, e.publishedAt]);
    const june15 = Date.UTC(2014, 5, 15, 19);
    expect(Object.fromEntries(dates)).toEqual({
      t1: june15,
      t2: june15,
      t3: june15,
      t4: june15,
      t5: june15,
      t6: june15,
      t7: june15,
      t8: Date.UTC(2014, 5, 5, 19),
      t9: june15,
      t10: june15,
      t11: 0,
      t12: 0,
      t13: june15,
    });
  });

  it('reads the podcast: namespace under both URIs, keeping only http(s) links', () => {
    const feed = quirk('podcast-namespace.xml');
    expect(feed.podcast.funding).toEqual([
      { url: 'https://feeds.example/donate', label: 'Support us' },
    ]);
    expect(feed.podcast.persons).toEqual([
      {
        name: 'Ann Host',
        role: 'host',
        href: 'https://feeds.example/ann',
        img: 'https://feeds.example/ann.jpg',
      },
    ]);
    const [fresh, old] = feed.episodes;
    expect(fresh?.chaptersUrl).toBe('https://feeds.example/new.chapters.json');
    expect(fresh?.transcripts).toEqual([
      { url: 'https://feeds.example/new.vtt', type: 'text/vtt', language: 'en' },
      { url: 'https://feeds.example/new.srt', type: 'application/srt', language: undefined },
    ]);
    expect(fresh?.persons?.map((p) => [p.name, p.role])).toEqual([['Gus Guest', 'guest']]);
    expect(old?.chaptersUrl).toBe('https://feed-host.example/quirks/old.chapters.json');
    expect(old?.transcripts?.[0]?.url).toBe('https://feeds.example/old.html');
    expect(old?.persons?.[0]?.name).toBe('Olga Old');
  });

  it('recovers undeclared prefixes', () => {
    const feed = quirk('undeclared-prefixes.xml');
    expect(feed.podcast.author).toBe('Nobody Declared');
    expect(feed.podcast.artworkUrl).toBe('https://feeds.example/art.png');
    expect(feed.podcast.funding?.[0]?.label).toBe('Tip jar');
    expect(feed.episodes[0]?.descriptionHtml).toBe('<p>Full notes</p>');
    expect(feed.episodes[0]?.transcripts?.[0]?.url).toBe('https://feeds.example/1.vtt');
  });

  it('reads Atom: xml:base, text constructs, dates and the podcast fields', () => {
    const feed = quirk('atom.xml');
    expect(feed.podcast).toMatchObject({
      title: 'Atom Cast',
      author: 'Ann Atom',
      description: '<p>An <em>Atom</em> podcast</p>',
      link: 'https://feeds.example/home',
      artworkUrl: 'https://feed-host.example/quirks/atom/logo.png',
    });
    const [second, first, textOnly] = feed.episodes;
    expect(second).toMatchObject({
      publishedAt: Date.UTC(2024, 2, 2, 9),
      link: 'https://feed-host.example/quirks/atom/entries/2',
      enclosure: { type: 'audio/x-m4a', length: 2048 },
    });
    expect(second?.descriptionHtml).toMatch(/<p[^>]*>XHTML <b>notes<\/b><\/p>/);
    expect(first?.publishedAt).toBe(Date.UTC(2024, 2, 1, 10));
    expect(first?.descriptionHtml).toBe('Plain text &#60;not a tag&#62;<br>second line');
    expect(textOnly?.enclosure).toBeUndefined();
  });

  it('takes media:content when there is no enclosure, and media:thumbnail as artwork', () => {
    const [bare, grouped] = quirk('media-content.xml').episodes;
    expect(bare?.enclosure).toEqual({
      url: 'https://feeds.example/m1.mp3',
      type: 'audio/mpeg',
      length: 5000,
    });
    expect(bare?.artworkUrl).toBe('https://feeds.example/m1.jpg');
    expect(grouped?.enclosure?.type).toBe('audio/mp4');
    expect(grouped?.descriptionHtml).toBe('Group notes');
  });

  it('keeps CDATA and escaped HTML as HTML, and prefers content:encoded', () => {
    const [cdata, escaped, plain] = quirk('cdata-escaped-html.xml').episodes;
    expect(cdata?.descriptionHtml).toBe('<p>CDATA <b>notes</b> &amp; more</p>');
    expect(escaped?.descriptionHtml).toBe('<p>Encoded wins over description</p>');
    expect(plain?.descriptionHtml).toBe('Plain text notes.\nSecond line.');
  });

  it('makes any missing, zero or garbled length 0, and guesses a missing type', () => {
    const lengths = quirk('lengths.xml').episodes.map((e) => e.enclosure?.length);
    expect(lengths).toEqual([0, 0, 0, 12345, 1234567, 0, 0]);
    expect(quirk('lengths.xml').episodes[6]?.enclosure?.type).toBe('audio/mp4');
  });

  it('resolves the channel link and artwork against the feed URL', () => {
    const feed = quirk('relative-urls.xml');
    expect(feed.podcast.link).toBe('https://feed-host.example/home');
    expect(feed.podcast.artworkUrl).toBe('https://feed-host.example/quirks/art/cover.jpg');
    expect(feed.episodes[3]?.artworkUrl).toBeUndefined();
  });

  it('reports itunes:new-feed-url, resolved', () => {
    expect(quirk('new-feed-url.xml').newFeedUrl).toBe(
      'https://feed-host.example/quirks/moved/feed.xml',
    );
  });

  it('lists items without audio as episodes without an enclosure', () => {
    const episodes = quirk('no-enclosure.xml').episodes;
    expect(episodes.map((e) => Boolean(e.enclosure))).toEqual([true, false, false]);
    expect(episodes[1]?.publishedAt).toBe(Date.UTC(2024, 0, 2, 10));
  });
});

describe('documents that are not feeds', () => {
  it('says a web page is a web page, and names the feed it links to', () => {
    const error = catchError(() =>
      parseFeed(errorFixture('web-page.html'), 'https://site.example/show'),
    );
    expect(error).toMatchObject({ kind: 'html' });
    expect(error.message).toContain('web page');
    expect(error.message).toContain('https://site.example/feed.xml');
  });

  it('says broken XML is broken, and empty is empty', () => {
    expect(
      catchError(() => parseFeed(errorFixture('truncated.xml'), 'https://x.example/')),
    ).toMatchObject({
      kind: 'broken-xml',
    });
    expect(catchError(() => parseFeed('   ', 'https://x.example/')).message).toMatch(/empty/);
    expect(catchError(() => parseFeed('not xml <', 'https://x.example/')).kind).toBe('broken-xml');
  });

  it('says XML that is not RSS or Atom is not a feed', () => {
    expect(
      catchError(() => parseFeed(errorFixture('not-a-feed.xml'), 'https://x.example/')),
    ).toMatchObject({
      kind: 'not-a-feed',
    });
  });
});

function catchError(run: () => unknown): FeedError {
  try {
    run();
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}
