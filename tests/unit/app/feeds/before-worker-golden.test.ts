// @vitest-environment node
// The DOM-free reader (saxes) gives what the DOMParser reader gave on every fixture feed: the whole
// result, not just the fields the expected files state. The record, before-worker.golden.json, is
// the old reader's output in Chromium at commit 90c261e (long strings as their SHA-256). Runs in
// Node, where there is no DOM at all. Fields changed on purpose since are listed in CHANGED, each
// with its reason, and proved by their own tests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../../src/feeds/decode-feed.ts';
import { FeedError } from '../../../../src/feeds/feed-error.ts';
import { parseFeed } from '../../../../src/feeds/parse-feed.ts';
import { allFixtures, feedBytes, fixtureUrl } from './feed-corpus.ts';

const golden = JSON.parse(
  readFileSync('tests/fixtures/feeds/before-worker.golden.json', 'utf8'),
) as Record<string, unknown>;

/** Deliberate changes: fixture → paths (with * for any index) whose values may differ, and why. */
const CHANGED: Record<string, { paths: string[]; why: string }> = {
  'peers/rss-parser/input/unrecognized.rss': {
    paths: ['error.message'],
    why: 'a web page with no feed link may be a captive portal: the words say to sign in to the Wi-Fi',
  },
  'hostile/xss.xml': {
    paths: ['feed.podcast.title', 'feed.podcast.author', 'feed.episodes.*.title'],
    why: 'titles and names are plain text: markup in them is read as HTML and only its text kept',
  },
  'peers/rss-parser/input/craigslist.rss': {
    paths: ['feed.episodes.*.title'],
    why: '"1930ft<sup>2</sup>" is "1930ft2": titles are plain text',
  },
  'peers/rss-parser/input/feedburner.atom': {
    paths: ['feed.episodes.*.publishedAt'],
    why: 'milliseconds in ISO dates (".001") are kept, as the peer does',
  },
  'peers/rss-parser/input/many-links.rss': {
    paths: ['feed.episodes.*.publishedAt'],
    why: 'milliseconds in ISO dates are kept, as the peer does',
  },
  'peers/rss-parser/input/guardian.rss': {
    paths: ['feed.episodes.*.enclosure'],
    why: 'its untyped media:content are JPEGs: an image is never the enclosure',
  },
  'peers/rss-parser/input/rss-1.rss': {
    paths: ['feed.podcast.artworkUrl'],
    why: "RSS 1.0's <image> beside the channel is the podcast's artwork",
  },
  'peers/rss-parser/input/xml2js-options.rss': {
    paths: ['feed.podcast.artworkUrl'],
    why: "RSS 1.0's <image> beside the channel is the podcast's artwork",
  },
  'real-world/npp-apple-example.xml': {
    paths: ['feed.episodes.*.link'],
    why: 'no <link>: the guid, a permalink by default (RSS 2.0), is the episode link',
  },
  'real-world/npp-scale-your-code.xml': {
    paths: ['feed.episodes.*.link'],
    why: 'no <link>: the guid, a permalink by default (RSS 2.0), is the episode link',
  },
};

describe('every fixture reads as it did with DOMParser', () => {
  it('covers every fixture there was (new ones are held by their expected files)', () => {
    expect(allFixtures()).toEqual(expect.arrayContaining(Object.keys(golden)));
  });

  it.each(Object.keys(golden))('%s', (path) => {
    const masked = CHANGED[path]?.paths ?? [];
    expect(mask(recorded(readNow(path)), masked)).toEqual(mask(golden[path], masked));
  });
});

function readNow(path: string): unknown {
  try {
    return { feed: parseFeed(decodeFeed(feedBytes(path)), fixtureUrl(path)) };
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    return { error: { kind: error.kind, message: error.message } };
  }
}

/** As the record keeps results: JSON (no undefined), long strings as their SHA-256. */
function recorded(value: unknown): unknown {
  return shorten(JSON.parse(JSON.stringify(value)));
}

function shorten(value: unknown): unknown {
  if (typeof value === 'string' && value.length > 160) {
    return `sha256:${createHash('sha256').update(value).digest('hex')} (${value.length} chars)`;
  }
  if (Array.isArray(value)) return value.map(shorten);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shorten(item)]));
  }
  return value;
}

/** A copy of `value` without the fields at `paths` ("feed.episodes.*.title"). */
function mask(value: unknown, paths: string[]): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  for (const path of paths) drop(copy, path.split('.'));
  return copy;
}

function drop(value: unknown, keys: string[]): void {
  if (!value || typeof value !== 'object') return;
  const [key, ...rest] = keys;
  const record = value as Record<string, unknown>;
  const targets = key === '*' ? Object.keys(record) : [key!];
  for (const target of targets) {
    if (rest.length === 0) delete record[target];
    else drop(record[target], rest);
  }
}
