// What the library's controls do: subscribe, refresh one podcast or all, unsubscribe. A failure
// throws a FeedError in the listener's words and leaves the library as it was.
import { removePodcast } from '../../db/remove-podcast.ts';
import { matchPodcast, listPodcasts, podcastDownloads } from '../../db/library.ts';
import type { Podcast } from '../../db/schema.ts';
import { feedAddress } from '../../feeds/feed-address.ts';
import type { SubscribeTimings } from '../../feeds/subscribe-to-feed.ts';
import { runLimited } from '../../shared/run-limited.ts';

let client: Promise<typeof import('../../feeds/feed-worker-client.ts')> | undefined;

/** The feed worker's page side, loaded at the first subscribe, refresh or import. */
export function feedClient() {
  client ??= import('../../feeds/feed-worker-client.ts');
  return client;
}

/**
 * Subscribes to the feed at `input` as typed; resolves with the podcast id (existing or new) as
 * soon as the podcast can be shown, while the feed worker goes on storing its older episodes.
 */
export async function subscribe(input: string): Promise<string> {
  const url = feedAddress(input);
  const existing = await matchPodcast([url]);
  if (existing) return existing.id;
  const { feedWorker, unwrap, callback } = await feedClient();
  return new Promise((resolve, reject) => {
    feedWorker()
      .subscribe(url, callback(resolve))
      .then((result) => {
        const { podcastId, timings } = unwrap(result);
        recordTimings(timings);
        resolve(podcastId);
      })
      .catch(reject);
  });
}

/** Fetches a podcast's feed and merges it in; returns how many episodes are new. */
export async function refreshPodcast(podcast: Podcast): Promise<number> {
  const { feedWorker, unwrap } = await feedClient();
  const outcome = unwrap(await feedWorker().refresh(podcast.id, false));
  // The download engine loads when a refresh needs it, not with the first screen.
  const { downloadNewEpisodes } = await import('../../downloads/download-actions.ts');
  await downloadNewEpisodes(podcast, outcome.newest);
  return outcome.added;
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
  const { removeDownload } = await import('../../downloads/download-actions.ts');
  for (const download of await podcastDownloads(podcastId))
    await removeDownload(download.episodeId);
  await removePodcast(podcastId);
}

/** Words for any error, for showing. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Leaves the feed worker's fetch, parse and store times in the page's Performance timeline for
 * benchmarks to read: feed-store-first until the podcast could be shown, feed-store until every
 * episode was stored. They end now, when the page heard the worker finish.
 */
function recordTimings(timings: SubscribeTimings): void {
  const { episodes, fetchMs, parseMs, firstStoreMs, storeMs } = timings;
  if (episodes === 0) return;
  const end = performance.now();
  const detail = { episodes };
  try {
    performance.measure('longwave:feed-store', { start: end - storeMs, end, detail });
    performance.measure('longwave:feed-store-first', {
      start: end - storeMs,
      duration: firstStoreMs,
      detail,
    });
    performance.measure('longwave:feed-parse', {
      start: end - storeMs - parseMs,
      duration: parseMs,
      detail,
    });
    performance.measure('longwave:feed-fetch', {
      start: end - storeMs - parseMs - fetchMs,
      duration: fetchMs,
      detail,
    });
  } catch {
    // Timings are for benchmarks; a platform without User Timing L3 simply has none.
  }
}
