// Subscribing, off the page's thread: fetch, parse, and store a new podcast, the newest
// episodes first so the page can show them while the rest are stored. No DOM: runs in the feed
// worker (the page's way in) and could run in the service worker.
import { recordRefreshError, refreshFeed, subscribeFeed } from '../db/feed-store.ts';
import { matchPodcast } from '../db/library.ts';
import { db } from '../db/database.ts';
import { FeedError } from './feed-error.ts';
import { loadFeed } from './load-feed.ts';

/** How long each step of a subscription took, for the benchmark (milliseconds). */
export interface SubscribeTimings {
  episodes: number;
  fetchMs: number;
  parseMs: number;
  /** Until the podcast and its newest episodes were stored (what the page shows first). */
  firstStoreMs: number;
  /** Until every episode was stored. */
  storeMs: number;
}

/**
 * Subscribes to `feedUrl` (absolute http(s)); calls `shown` with the podcast id once the podcast
 * can be shown, and resolves when every episode is stored. Throws FeedError, storing nothing.
 * An address that leads to a feed already in the library (a redirect, temporary or permanent, or
 * itunes:new-feed-url) opens that podcast and merges the feed into it: never a second copy.
 */
export async function subscribeToFeed(
  feedUrl: string,
  shown: (podcastId: string) => void = () => undefined,
): Promise<{ podcastId: string; timings: SubscribeTimings }> {
  const existing = await matchPodcast([feedUrl]);
  if (existing) {
    shown(existing.id);
    return { podcastId: existing.id, timings: emptyTimings() };
  }
  const loaded = await loadFeed(feedUrl);
  // Nothing was known, so nothing can be unchanged; the check keeps the types honest.
  if ('unchanged' in loaded) throw new FeedError('unreachable', 'The feed came back empty.');
  const known = await matchPodcast([loaded.feedUrl, ...loaded.addresses]);
  if (known) {
    // Merged under the address it was subscribed at: the podcast's own refresh moves it when its
    // feed moved for good. No validators: they belong to the address fetched here.
    await refreshFeed(known.id, known.feedUrl, loaded.feed);
    shown(known.id);
    return { podcastId: known.id, timings: emptyTimings() };
  }
  const storing = performance.now();
  const { podcastId, rest } = await subscribeFeed(loaded.feedUrl, loaded.feed, loaded.facts);
  const firstStoreMs = performance.now() - storing;
  shown(podcastId);
  try {
    await rest;
  } catch (error) {
    // Forget the validators too, so the next refresh fetches the whole feed and adds the rest.
    await db.podcasts.update(podcastId, { etag: undefined, lastModified: undefined });
    await recordRefreshError(
      podcastId,
      `Some episodes could not be saved: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    podcastId,
    timings: {
      episodes: loaded.feed.episodes.length,
      fetchMs: loaded.fetchMs,
      parseMs: loaded.parseMs,
      firstStoreMs,
      storeMs: performance.now() - storing,
    },
  };
}

function emptyTimings(): SubscribeTimings {
  return { episodes: 0, fetchMs: 0, parseMs: 0, firstStoreMs: 0, storeMs: 0 };
}
