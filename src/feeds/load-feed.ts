// Fetches and parses a feed, following where the publisher moved it: a permanent redirect, or
// itunes:new-feed-url (one hop, and only when the new address really serves a feed).
import type { FeedSnapshot } from '../db/library.ts';
import { parseFeed } from './parse-feed.ts';
import { requestFeed } from './request-feed.ts';

/** A feed, the address to store for it from now on, and how long fetching and parsing took. */
export interface LoadedFeed {
  feedUrl: string;
  feed: FeedSnapshot;
  fetchMs: number;
  parseMs: number;
}

/** Loads the feed at `feedUrl` (absolute http(s)). Throws FeedError. */
export async function loadFeed(feedUrl: string): Promise<LoadedFeed> {
  const loaded = await readFeed(feedUrl);
  const moved = loaded.feed.newFeedUrl;
  if (!moved || moved === loaded.feedUrl || moved === feedUrl) return loaded;
  try {
    return await readFeed(moved);
  } catch {
    // A broken pointer must not break the podcast: keep the address that works.
    return loaded;
  }
}

async function readFeed(url: string): Promise<LoadedFeed> {
  const started = performance.now();
  const fetched = await requestFeed(url);
  const fetchedAt = performance.now();
  const feed = parseFeed(fetched.text, fetched.url);
  return {
    feedUrl: fetched.permanentUrl ?? url,
    feed,
    fetchMs: fetchedAt - started,
    parseMs: performance.now() - fetchedAt,
  };
}
