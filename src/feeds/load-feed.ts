// Fetches and parses a feed, following where the publisher moved it: a permanent redirect, or
// itunes:new-feed-url (one hop, and only when the new address really serves a feed).
import { readFeed, type LoadedFeed } from './read-feed.ts';
import type { KnownFeed, UnchangedFeed } from './request-feed.ts';

export type { LoadedFeed } from './read-feed.ts';

/** Loads the feed at `feedUrl` (absolute http(s)), conditionally when `known`. Throws FeedError. */
export async function loadFeed(
  feedUrl: string,
  known?: KnownFeed,
): Promise<LoadedFeed | UnchangedFeed> {
  const loaded = await readFeed(feedUrl, known);
  if ('unchanged' in loaded) return loaded;
  const moved = loaded.feed.newFeedUrl;
  if (!moved || moved === loaded.feedUrl || moved === feedUrl) return loaded;
  try {
    const there = await readFeed(moved);
    if ('unchanged' in there) return loaded;
    return { ...there, addresses: [...loaded.addresses, ...there.addresses] };
  } catch {
    // A broken pointer must not break the podcast: keep the address that works.
    return loaded;
  }
}
