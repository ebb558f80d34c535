// The short way to read a feed when only its content matters (the demo podcast at first run):
// read in the feed worker, like every feed.
import type { FeedSnapshot } from '../db/feed-snapshot.ts';
import { feedAddress } from './feed-address.ts';

/** Downloads and parses the feed at `feedUrl`. Throws FeedError with a readable message. */
export async function fetchFeed(feedUrl: string): Promise<FeedSnapshot> {
  const { feedWorker, unwrap } = await import('./feed-worker-client.ts');
  return unwrap(await feedWorker().read(feedAddress(feedUrl)));
}
