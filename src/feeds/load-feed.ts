// Fetches and parses a feed, following where the publisher moved it: a permanent redirect, or
// itunes:new-feed-url (one hop, and only when the new address really serves a feed).
import type { FeedSnapshot } from '../db/library.ts';

/** A feed, the address to store for it from now on, and how long fetching and parsing took. */
export interface LoadedFeed {
  feedUrl: string;
  feed: FeedSnapshot;
  fetchMs: number;
  parseMs: number;
}

/** Loads the feed at `feedUrl` (absolute http(s)). Throws FeedError. */
export async function loadFeed(feedUrl: string): Promise<LoadedFeed> {
  // Reading feeds is a chunk of its own, loaded at the first subscribe or refresh.
  const { readFeed } = await import('./read-feed.ts');
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
