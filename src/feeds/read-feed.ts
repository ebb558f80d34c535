// One feed read: download (directly or through the proxy) and parse, timed.
import type { LoadedFeed } from './load-feed.ts';
import { parseFeed } from './parse-feed.ts';
import { requestFeed } from './request-feed.ts';

/** Fetches and parses the feed at `url` once; `loadFeed` follows a feed that moved. */
export async function readFeed(url: string): Promise<LoadedFeed> {
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
