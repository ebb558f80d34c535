// One fetch (directly or through the proxy) and parse, timed.
import type { FeedSnapshot } from '../db/feed-snapshot.ts';
import { parseFeed } from './parse-feed.ts';
import {
  requestFeed,
  type FetchFacts,
  type KnownFeed,
  type UnchangedFeed,
} from './request-feed.ts';

/** A feed, the address to store for it from now on, what the fetch learnt, and timings. */
export interface LoadedFeed {
  feedUrl: string;
  /**
   * Every address this feed was met at: the one asked for, where its redirects ended, its
   * permanent address and the itunes:new-feed-url it declares. A subscription to any of them is
   * a subscription to this feed.
   */
  addresses: string[];
  feed: FeedSnapshot;
  facts: FetchFacts;
  fetchMs: number;
  parseMs: number;
}

/** Fetches and parses the feed at `url` once; `loadFeed` follows a feed that moved. */
export async function readFeed(
  url: string,
  known?: KnownFeed,
): Promise<LoadedFeed | UnchangedFeed> {
  const started = performance.now();
  const fetched = await requestFeed(url, known);
  if ('unchanged' in fetched) return fetched;
  const fetchedAt = performance.now();
  const feed = parseFeed(fetched.text, fetched.url);
  return {
    feedUrl: fetched.permanentUrl ?? url,
    addresses: [url, fetched.url, fetched.permanentUrl, feed.newFeedUrl].filter(
      (address): address is string => !!address,
    ),
    feed,
    facts: fetched.facts,
    fetchMs: fetchedAt - started,
    parseMs: performance.now() - fetchedAt,
  };
}
