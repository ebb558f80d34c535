// Fetches a feed over http(s) and parses it, turning every failure into words for the listener.
import type { FeedSnapshot } from '../db/library.ts';
import { toHttpUrl } from '../shared/url-rules.ts';
import { FeedError } from './feed-error.ts';
import { parseFeed } from './parse-feed.ts';

/** Downloads and parses the feed at `feedUrl`. Throws FeedError with a readable message. */
export async function fetchFeed(feedUrl: string): Promise<FeedSnapshot> {
  const url = toHttpUrl(feedUrl);
  if (!url) throw new FeedError('A feed address must start with http:// or https://.');
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/rss+xml, application/xml, text/xml;q=0.9, */*;q=0.5' },
    });
  } catch {
    throw new FeedError('The feed could not be reached. Check the address and your connection.');
  }
  if (!response.ok) {
    throw new FeedError(
      `The feed server answered ${response.status} ${response.statusText}.`.trim(),
    );
  }
  return parseFeed(await response.text(), response.url || url);
}
