// "Download new episodes" after a background refresh, with no page to run the scheduler: the new
// episodes of podcasts that ask for it are queued within the storage budget, and with no app
// window open they are handed to Background Fetch at once (as many as may run together). Chrome
// starts a fetch the service worker began paused, since no page stands behind it: the record
// says so (`held`), the notification asks for one tap, and the page that tap opens starts the
// attempt again, unpaused. With a window open, that window's scheduler starts them.
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
  const manager = self.registration.backgroundFetch;
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
      await startHeld(manager, episode.id);
    }
  }
  return waiting;
}

/** Starts the episode's Background Fetch and records that the browser holds it for the listener. */
async function startHeld(manager: BackgroundFetchManager, episodeId: string): Promise<void> {
  const { download, changed } = await dispatchDownload(episodeId, { type: 'started' });
  if (!changed || !download) return;
  try {
    const started = await startBackgroundFetch(manager, download);
    if (started)
      await dispatchDownload(episodeId, { type: 'held', generation: download.generation });
  } catch (error) {
    await dispatchFailure(episodeId, download.generation, asDownloadFailure(error));
  }
}

function isStarted(download: { state: string }): boolean {
  return download.state !== 'queued';
}
