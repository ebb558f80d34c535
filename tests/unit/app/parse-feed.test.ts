// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../../src/feeds/feed-error.ts';
import { parseFeed } from '../../../src/feeds/parse-feed.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/feeds/real-world/${name}`, 'utf8');

describe('parseFeed', () => {
  it("reads Apple's example feed: podcast, episodes, enclosures and durations", () => {
    const feed = parseFeed(fixture('npp-apple-example.xml'), 'http://example.com/feed.xml');
    expect(feed.podcast).toMatchObject({
      title: 'All About Everything',
      author: 'John Doe',
      artworkUrl: 'http://example.com/podcasts/everything/AllAboutEverything.jpg',
    });
    expect(feed.episodes.map((e) => e.title)).toEqual([
      'Shake Shake Shake Your Spices',
      'Socket Wrench Shootout',
      'Red,Whine, & Blue',
    ]);
    expect(feed.episodes[0]).toMatchObject({
      guid: 'http://example.com/podcasts/archive/aae20140615.m4a',
      durationSeconds: 7 * 60 + 4,
      publishedAt: Date.UTC(2014, 5, 15, 19),
      enclosure: {
        url: 'http://example.com/podcasts/everything/AllAboutEverythingEpisode3.m4a',
        type: 'audio/x-m4a',
        length: 8727310,
      },
    });
  });

  it('resolves relative enclosure URLs and drops non-http ones', () => {
    const xml = `<rss><channel><title>T</title>
      <item><title>rel</title><enclosure url=" /a.mp3 " length="0" type="audio/mpeg"/></item>
      <item><title>js</title><enclosure url="javascript:alert(1)" type="audio/mpeg"/></item>
    </channel></rss>`;
    const feed = parseFeed(xml, 'https://host.example/feeds/x.xml');
    expect(feed.episodes[0]?.enclosure).toEqual({
      url: 'https://host.example/a.mp3',
      type: 'audio/mpeg',
      length: 0,
    });
    expect(feed.episodes[1]?.enclosure).toBeUndefined();
  });

  it('says plainly when the document is not a feed', () => {
    expect(() => parseFeed('<html><body>hi</body></html>', 'https://x/')).toThrow(FeedError);
    expect(() => parseFeed('not xml <', 'https://x/')).toThrow(/not.*readable|broken/i);
  });
});
