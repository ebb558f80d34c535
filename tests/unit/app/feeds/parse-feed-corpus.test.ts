// @vitest-environment node
// Every fixture feed parses to what an independent reader of the same file expects.
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../../src/feeds/decode-feed.ts';
import { parseFeed } from '../../../../src/feeds/parse-feed.ts';
import { comparable, expectedFeed, feedBytes, feedFiles, feedUrlFor } from './feed-corpus.ts';

describe.each(['real-world', 'quirks'] as const)('%s feeds', (folder) => {
  it.each(feedFiles(folder))('%s: episode count, titles, GUIDs, enclosures, durations', (name) => {
    const feed = parseFeed(decodeFeed(feedBytes(folder, name)), feedUrlFor(folder, name));
    const expected = expectedFeed(folder, name);
    expect(feed.episodes).toHaveLength(expected.episodes.length);
    expect(comparable(feed)).toEqual(expected);
  });
});
