// The short way to read a feed when only its content matters (the demo podcast at first run).
import type { FeedSnapshot } from '../db/library.ts';
import { feedAddress } from './feed-address.ts';
import { loadFeed } from './load-feed.ts';

/** Downloads and parses the feed at `feedUrl`. Throws FeedError with a readable message. */
export async function fetchFeed(feedUrl: string): Promise<FeedSnapshot> {
  return (await loadFeed(feedAddress(feedUrl))).feed;
}
