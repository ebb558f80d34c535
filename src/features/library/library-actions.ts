// What the library's controls do: subscribe, refresh one podcast or all, unsubscribe. A failure
// throws a FeedError in the listener's words and leaves the library as it was.
import {
  deletePodcast,
  findPodcastByFeedUrl,
  listPodcasts,
  podcastDownloads,
  recordRefreshError,
  refreshFeed,
  subscribeFeed,
} from '../../db/library.ts';
import type { Episode, Podcast } from '../../db/schema.ts';
import { autoDownload } from '../../downloads/auto-download.ts';
import { removeDownload } from '../../downloads/download-actions.ts';
import { feedAddress } from '../../feeds/feed-address.ts';
import { FeedError } from '../../feeds/feed-error.ts';
import { loadFeed, type LoadedFeed } from '../../feeds/load-feed.ts';
import { runLimited } from './run-limited.ts';

/** Subscribes to the feed at `input` as typed; returns the podcast id (existing or new). */
export async function subscribe(input: string): Promise<string> {
  const url = feedAddress(input);
  const existing = await findPodcastByFeedUrl(url);
  if (existing) return existing.id;
  const loaded = await loadFeed(url);
  const storing = performance.now();
  const { podcastId, rest } = await subscribeFeed(loaded.feedUrl, loaded.feed);
  const shownAfter = performance.now() - storing;
  void rest.then(
    () => recordTimings(loaded, shownAfter, performance.now() - storing),
    (error: unknown) =>
      recordRefreshError(podcastId, `Some episodes could not be saved: ${messageOf(error)}`),
  );
  return podcastId;
}

/** Fetches a podcast's feed and merges it in; returns how many episodes are new. */
export async function refreshPodcast(podcast: Podcast): Promise<number> {
  let added: Episode[];
  try {
    const loaded = await loadFeed(podcast.feedUrl);
    added = await refreshFeed(podcast.id, loaded.feedUrl, loaded.feed);
  } catch (error) {
    const feedError =
      error instanceof FeedError ? error : new FeedError('unreachable', messageOf(error));
    await recordRefreshError(podcast.id, feedError.message);
    throw feedError;
  }
  await autoDownload(podcast, added);
  return added.length;
}

/** What refreshing every podcast did. */
export interface RefreshSummary {
  refreshed: number;
  added: number;
  failed: { title: string; message: string }[];
}

/** Refreshes every podcast, three at a time; one failure does not stop the others. */
export async function refreshAll(): Promise<RefreshSummary> {
  const summary: RefreshSummary = { refreshed: 0, added: 0, failed: [] };
  await runLimited(await listPodcasts(), 3, async (podcast) => {
    try {
      // Awaited first: `summary.added += await …` would read the total before the wait and lose
      // whatever another refresh added meanwhile.
      const added = await refreshPodcast(podcast);
      summary.added += added;
      summary.refreshed += 1;
    } catch (error) {
      summary.failed.push({ title: podcast.title, message: messageOf(error) });
    }
  });
  return summary;
}

/** Stops and deletes the podcast's downloads, then removes the podcast and its episodes. */
export async function unsubscribe(podcastId: string): Promise<void> {
  for (const download of await podcastDownloads(podcastId))
    await removeDownload(download.episodeId);
  await deletePodcast(podcastId);
}

/** Words for any error, for showing. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Leaves fetch, parse and store times in the Performance timeline for benchmarks to read:
 * feed-store-first until the podcast could be shown, feed-store until every episode was stored.
 */
function recordTimings(loaded: LoadedFeed, firstMs: number, storeMs: number): void {
  const episodes = loaded.feed.episodes.length;
  const end = performance.now();
  try {
    performance.measure('longwave:feed-store', { start: end - storeMs, end, detail: { episodes } });
    performance.measure('longwave:feed-store-first', {
      start: end - storeMs,
      duration: firstMs,
      detail: { episodes },
    });
    performance.measure('longwave:feed-parse', {
      start: end - storeMs - loaded.parseMs,
      duration: loaded.parseMs,
      detail: { episodes },
    });
    performance.measure('longwave:feed-fetch', {
      start: end - storeMs - loaded.parseMs - loaded.fetchMs,
      duration: loaded.fetchMs,
      detail: { episodes },
    });
  } catch {
    // Timings are for benchmarks; a platform without User Timing L3 simply has none.
  }
}
