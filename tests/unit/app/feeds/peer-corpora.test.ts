// @vitest-environment node
// Longwave against two other feed parsers' corpora (tests/fixtures/feeds/peers, see SOURCES.md):
// rss-parser's whole outputs and podcast-feed-parser's assertions. Every field both keep must
// agree, except the differences listed in DIFFERENCES, each with the reason the raw XML gives
// and a check that the difference is exactly that one and no other.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeedSnapshot } from '../../../../src/db/feed-snapshot.ts';
import { decodeFeed } from '../../../../src/feeds/decode-feed.ts';
import { FeedError } from '../../../../src/feeds/feed-error.ts';
import { parseFeed } from '../../../../src/feeds/parse-feed.ts';
import { feedBytes, fixtureUrl } from './feed-corpus.ts';

const RSS_PARSER = 'peers/rss-parser';
const PODCAST_FEED_PARSER = 'peers/podcast-feed-parser';

interface Difference {
  files: RegExp;
  field: string;
  why: string;
  /** True when `ours` differs from `peer` in exactly the way `why` says. */
  explains(peer: string, ours: string, feedUrl: string): boolean;
}

/** Where Longwave deliberately differs from a peer, and why. */
const DIFFERENCES: Difference[] = [
  {
    files: /craigslist/,
    field: 'title',
    why: 'a title is plain text: the peer keeps "&#x0024;" (escaped twice in the CDATA) and <sup>',
    explains: (peer, ours) =>
      peer
        .replaceAll('&#x0024;', '$')
        .replace(/<\/?sup>/g, '')
        .replace(/\s+/g, ' ') === ours,
  },
  {
    files: /encoding\.rss/,
    field: 'title',
    why: 'the feed declares ISO-8859-1; the peer reads it as UTF-8 and shows U+FFFD',
    // Equal once every non-ASCII character (and whitespace, which we collapse) is set aside.
    explains: (peer, ours) =>
      peer.includes('\ufffd') && asciiOnly(peer) === asciiOnly(ours) && !ours.includes('\ufffd'),
  },
  {
    files: /./,
    field: 'title',
    why: 'titles are shown on one line: runs of whitespace collapse, ends are trimmed',
    explains: (peer, ours) => peer.replace(/\s+/g, ' ').trim() === ours && peer !== ours,
  },
  {
    files: /./,
    field: 'link',
    why: 'links are absolute URLs: relative ones resolve against the feed, all are normalised',
    explains: (peer, ours, feedUrl) => new URL(peer.trim(), feedUrl).href === ours,
  },
  {
    files: /itunes-href/,
    field: 'guid',
    why: 'a guid is trimmed: the peer keeps the line break before it',
    explains: (peer, ours) => peer.trim() === ours,
  },
];

function asciiOnly(text: string): string {
  return text.replace(/[^\x21-\x7e]+/g, '');
}

interface PeerItem {
  title?: unknown;
  link?: unknown;
  guid?: unknown;
  id?: unknown;
  isoDate?: string;
  enclosure?: { url?: string; type?: string; length?: string };
}

function read(path: string): FeedSnapshot {
  return parseFeed(decodeFeed(feedBytes(path)), fixtureUrl(path));
}

/** Every disagreement not explained by DIFFERENCES, as readable lines. */
function disagreements(
  path: string,
  pairs: [field: string, peer: unknown, ours: unknown][],
): string[] {
  return pairs.flatMap(([field, peer, ours]) => {
    if (peer === undefined || peer === ours) return [];
    const explained =
      typeof peer === 'string' &&
      typeof ours === 'string' &&
      DIFFERENCES.some(
        (d) =>
          d.files.test(path) &&
          d.field === field.split('.').pop() &&
          d.explains(peer, ours, fixtureUrl(path)),
      );
    return explained
      ? []
      : [`${field}: peer ${JSON.stringify(peer)}, ours ${JSON.stringify(ours)}`];
  });
}

describe('rss-parser', () => {
  const outputs = readdirSync(`tests/fixtures/feeds/${RSS_PARSER}/output`);
  const inputs = readdirSync(`tests/fixtures/feeds/${RSS_PARSER}/input`);

  it.each(outputs)('%s agrees field by field', (output) => {
    const name = output.replace(/\.json$/, '');
    const input = inputs.find((file) => file.replace(/\.[a-z]+$/, '') === name)!;
    const path = `${RSS_PARSER}/input/${input}`;
    const peer = (
      JSON.parse(readFileSync(`tests/fixtures/feeds/${RSS_PARSER}/output/${output}`, 'utf8')) as {
        feed: { title?: string; items: PeerItem[] };
      }
    ).feed;
    const ours = read(path);
    expect(ours.episodes).toHaveLength(peer.items.length);
    const pairs: [string, unknown, unknown][] = [['feed.title', peer.title, ours.podcast.title]];
    peer.items.forEach((item, index) => {
      const episode = ours.episodes[index]!;
      pairs.push(
        [`${index}.title`, item.title, episode.title],
        [`${index}.link`, item.link, episode.link],
        [`${index}.guid`, item.guid ?? item.id, episode.guid],
        [
          `${index}.date`,
          item.isoDate,
          episode.publishedAt ? new Date(episode.publishedAt).toISOString() : undefined,
        ],
        [`${index}.enclosure.url`, item.enclosure?.url, episode.enclosure?.url],
        [`${index}.enclosure.type`, item.enclosure?.type, episode.enclosure?.type],
        [
          `${index}.enclosure.length`,
          item.enclosure?.length && Number(item.enclosure.length),
          episode.enclosure?.length,
        ],
      );
    });
    expect(disagreements(path, pairs)).toEqual([]);
  });

  it('refuses what the peer refuses: a "Document Moved" web page', () => {
    expect(() => read(`${RSS_PARSER}/input/unrecognized.rss`)).toThrow(FeedError);
  });
});

interface Expectations {
  files: Record<
    string,
    {
      accept?: false;
      feed?: { title?: string; image?: string; link?: string; author?: { anyOf: string[] } };
      count?: number;
      items?: ({ title: string } & Record<string, string | number>)[];
    }
  >;
}

describe('podcast-feed-parser', () => {
  const expected = JSON.parse(
    readFileSync(`tests/fixtures/feeds/${PODCAST_FEED_PARSER}/expected.json`, 'utf8'),
  ) as Expectations;

  it.each(Object.entries(expected.files))('%s', (file, want) => {
    const path = `${PODCAST_FEED_PARSER}/${file}`;
    if (want.accept === false) {
      expect(() => read(path)).toThrow(FeedError);
      return;
    }
    const ours = read(path);
    const pairs: [string, unknown, unknown][] = [
      ['feed.title', want.feed?.title, ours.podcast.title],
      ['feed.image', want.feed?.image, ours.podcast.artworkUrl],
      ['feed.link', want.feed?.link, ours.podcast.link],
    ];
    if (want.feed?.author) expect(want.feed.author.anyOf).toContain(ours.podcast.author);
    if (want.count !== undefined) expect(ours.episodes).toHaveLength(want.count);
    for (const item of want.items ?? []) {
      const episode = ours.episodes.find((e) => e.title === item.title.trim());
      expect(episode, item.title).toBeDefined();
      pairs.push(
        [`${item.title}.title`, item.title, episode?.title],
        [`${item.title}.image`, item.image, episode?.artworkUrl],
        [
          `${item.title}.date`,
          item.date,
          episode?.publishedAt && new Date(episode.publishedAt).toISOString(),
        ],
        [`${item.title}.link`, item.link, episode?.link],
        [`${item.title}.enclosureUrl`, item.enclosureUrl, episode?.enclosure?.url],
        [`${item.title}.enclosureLength`, item.enclosureLength, episode?.enclosure?.length],
        [`${item.title}.enclosureType`, item.enclosureType, episode?.enclosure?.type],
        [`${item.title}.duration`, item.duration, episode?.durationSeconds],
      );
    }
    expect(disagreements(path, pairs)).toEqual([]);
  });
});
