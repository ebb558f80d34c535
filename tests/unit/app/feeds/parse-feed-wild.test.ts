// @vitest-environment node
// Input classes real feeds bring, each on a realistic fixture: several enclosures, a prolog before
// <rss>, RSS 0.90/1.0, Atom with xml:base, fields in fallback elements, dates as written in the
// wild (and garbage that must not become a date), markup inside titles.
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../../src/feeds/decode-feed.ts';
import { parseFeed } from '../../../../src/feeds/parse-feed.ts';
import { feedBytes, feedUrlFor } from './feed-corpus.ts';

const quirk = (name: string) =>
  parseFeed(decodeFeed(feedBytes('quirks', name)), feedUrlFor('quirks', name));

describe('real-world input classes', () => {
  it('picks the playable audio among several enclosures, never an image', () => {
    const episodes = quirk('several-enclosures.xml').episodes;
    expect(episodes.map((e) => e.enclosure?.type)).toEqual([
      'audio/mpeg',
      'audio/x-m4a',
      'audio/mpeg',
      'video/mp4',
      'audio/ogg',
      undefined,
    ]);
    expect(episodes[0]?.enclosure).toEqual({
      url: 'https://feeds.example/e1/audio.mp3',
      type: 'audio/mpeg',
      length: 1000,
    });
  });

  it('reads a feed with a comment, a stylesheet and the RSS 0.91 DOCTYPE before <rss>', () => {
    const feed = quirk('prolog-doctype.xml');
    expect(feed.podcast).toMatchObject({
      title: 'Café Radio',
      description: 'Old & well-formed, nearly.',
      artworkUrl: 'https://feeds.example/cafe/logo.gif',
    });
    expect(feed.episodes[0]).toMatchObject({
      title: 'Épisode un – la suite',
      descriptionHtml: 'Notes\u00a0here',
      link: 'https://feeds.example/cafe/1',
    });
  });

  it('reads RSS 0.90, and knows RSS 1.0 items by rdf:about, with mod_enclosure audio', () => {
    const feed = quirk('rss090-rdf.xml');
    expect(feed.podcast.artworkUrl).toBe('https://feeds.example/ninety/logo.png');
    expect(feed.episodes.map((e) => e.guid)).toEqual([
      'https://feeds.example/ninety/1',
      'urn:ninety:2',
    ]);
    expect(feed.episodes[1]?.enclosure).toEqual({
      url: 'https://feeds.example/ninety/2.mp3',
      type: 'audio/mpeg',
      length: 4096,
    });
  });

  it('resolves Atom URLs against xml:base at every level, and reads Atom 0.3 dates', () => {
    const feed = quirk('atom-xml-base.xml');
    expect(feed.podcast.link).toBe('https://feeds.example/shows/home/');
    expect(feed.podcast.artworkUrl).toBe('https://feeds.example/art/logo.png');
    const [nested, old] = feed.episodes;
    expect(nested).toMatchObject({
      link: 'https://feeds.example/shows/ep1/page.html',
      enclosure: { url: 'https://feeds.example/media/audio.mp3', length: 777 },
      publishedAt: Date.UTC(2024, 2, 2, 9),
    });
    expect(old?.publishedAt).toBe(Date.UTC(2004, 4, 6, 7, 8, 9));
  });

  it('falls back to Dublin Core, Media RSS, itunes:image url= and permalink guids', () => {
    const feed = quirk('fallbacks.xml');
    expect(feed.podcast).toMatchObject({
      title: 'Fallback FM',
      artworkUrl: 'https://feeds.example/fallback/show.jpg',
    });
    const [dc, media, modified] = feed.episodes;
    expect(dc).toMatchObject({
      title: 'Title from Dublin Core',
      publishedAt: Date.UTC(2024, 0, 2, 3, 4, 5),
      artworkUrl: 'https://feeds.example/fallback/1.jpg',
      link: 'https://feeds.example/fallback/1',
    });
    expect(media).toMatchObject({
      title: 'Title from media:title',
      publishedAt: Date.UTC(2024, 0, 3),
      artworkUrl: 'https://feeds.example/fallback/2.jpg',
      durationSeconds: 125,
    });
    // isPermaLink="false": an identifier, not a page.
    expect(media?.link).toBeUndefined();
    expect(modified).toMatchObject({
      link: 'https://feeds.example/fallback/page-3',
      publishedAt: Date.UTC(2024, 0, 4, 9),
    });
  });

  it('reads dates as the wild writes them, and garbage as no date', () => {
    const dates = Object.fromEntries(
      quirk('dates-in-the-wild.xml').episodes.map((e) => [e.guid, e.publishedAt]),
    );
    const june10 = Date.UTC(2003, 5, 10, 4);
    expect(dates).toEqual({
      d1: june10,
      d2: Date.UTC(2003, 5, 1, 4),
      d3: Date.UTC(2003, 0, 10, 9),
      d4: Date.UTC(2003, 5, 10, 9),
      d5: Date.UTC(2003, 5, 10, 11),
      d6: Date.UTC(2003, 5, 10, 11),
      d7: Date.UTC(2003, 5, 10, 8),
      d8: Date.UTC(2003, 5, 10, 9),
      d9: Date.UTC(2003, 5, 10, 10),
      d10: Date.UTC(2003, 5, 10, 11),
      d11: Date.UTC(2003, 5, 10, 12),
      d12: june10,
      d13: Date.UTC(2003, 5, 10),
      d14: Date.UTC(2003, 5, 1),
      d15: Date.UTC(2003, 5, 10, 2),
      d16: june10 + 250,
      g1: 0,
      g2: 0,
      g3: 0,
      g4: 0,
      g5: 0,
      g6: 0,
    });
  });

  it('keeps only the text of markup in titles and names', () => {
    const feed = quirk('title-markup.xml');
    expect(feed.podcast.title).toBe('The Marked-up Show');
    expect(feed.podcast.author).toBe('Ann Bold Author');
  });
});
