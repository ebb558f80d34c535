// "Download new episodes" after a background refresh, with no page to run the scheduler: the new
// episodes of podcasts that ask for it are queued within the storage budget, and with no app
// window open the service worker tries to hand them to Background Fetch (as many as may run
// together). No fetch it begins runs by itself: Chrome starts it paused, and Chromium 156 refuses
// it (the spec now leaves fetch() to pages and workers). Either way the record says `held`, the
// notification asks for one tap, and the page that tap opens starts the attempt, unpaused. With a
// window open, that window's scheduler starts them.
import { dispatchDownload, dispatchFailure, listActiveDownloads } from '../src/db/downloads.ts';
import { getPodcast } from '../src/db/library.ts';
import { autoDownload } from '../src/downloads/auto-download.ts';
import { startBackgroundFetch } from '../src/downloads/background-fetch-strategy.ts';
import { concurrencyLimit } from '../src/downloads/concurrency-limit.ts';
import type { RefreshOutcome } from '../src/feeds/refresh-podcast-feed.ts';
import { asDownloadFailure } from '../src/shared/fetch-failure.ts';

declare const self: ServiceWorkerGlobalScope;

/**
 * Queues the new episodes the refresh found where their podcast downloads automatically; returns
 * how many downloads, per podcast id, wait for the listener to open the app.
 */
export async function downloadNewInBackground(
  outcomes: readonly RefreshOutcome[],
): Promise<Map<string, number>> {
  const waiting = new Map<string, number>();
  let manager = self.registration.backgroundFetch;
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  let free = (await concurrencyLimit()) - (await listActiveDownloads()).filter(isStarted).length;
  for (const outcome of outcomes) {
    const podcast = outcome.newest.length > 0 ? await getPodcast(outcome.podcastId) : undefined;
    if (!podcast) continue;
    const strategy = manager ? 'background-fetch' : 'in-page';
    const queued = await autoDownload(podcast, outcome.newest, strategy);
    if (queued.length === 0 || windows.length > 0) continue;
    waiting.set(podcast.id, queued.length);
    for (const episode of queued) {
      if (!manager || free <= 0) break;
      free -= 1;
      // Refused once, refused every time: the rest stay queued, unprobed, for the page.
      if ((await startHeld(manager, episode.id)) === 'refused') manager = undefined;
    }
  }
  return waiting;
}

/**
 * Starts the episode's Background Fetch and records that it waits for the listener; 'refused'
 * when the browser would not start it from here, 'failed' when the host refused the audio.
 */
async function startHeld(
  manager: BackgroundFetchManager,
  episodeId: string,
): Promise<'held' | 'refused' | 'failed'> {
  const { download, changed } = await dispatchDownload(episodeId, { type: 'started' });
  if (!changed || !download) return 'failed';
  let refused = false;
  const guarded: Pick<BackgroundFetchManager, 'fetch'> = {
    fetch: (...args) =>
      manager.fetch(...args).catch((error: unknown) => {
        refused = true;
        throw error;
      }),
  };
  try {
    await startBackgroundFetch(guarded, download);
  } catch (error) {
    if (!refused) {
      await dispatchFailure(episodeId, download.generation, asDownloadFailure(error));
      return 'failed';
    }
  }
  await dispatchDownload(episodeId, { type: 'held', generation: download.generation });
  return refused ? 'refused' : 'held';
}

function isStarted(download: { state: string }): boolean {
  return download.state !== 'queued';
}
