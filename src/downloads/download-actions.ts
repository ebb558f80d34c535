// What the Download, Cancel download, Retry download and Delete download buttons do, whichever
// strategy runs: each is one event for the download reducer; the scheduler does the work.
import { dispatchDownload } from '../db/downloads.ts';
import type { DownloadStrategy, Episode, Podcast } from '../db/schema.ts';
import { serviceWorkerRegistration } from '../sw-bridge.ts';
import { autoDownload } from './auto-download.ts';
import { abortBackgroundFetches } from './background-fetch-strategy.ts';
import { startDownloadScheduler } from './download-scheduler.ts';
import { requestDownload } from './request-download.ts';

/** Queues an episode for offline listening. */
export async function downloadEpisode(episode: Episode, artworkUrl?: string): Promise<void> {
  if (!episode.enclosure) return;
  await requestDownload(episode, artworkUrl, await strategy());
  startDownloadScheduler();
}

/** Queues a refresh's new episodes where the podcast downloads them automatically; returns how many. */
export async function downloadNewEpisodes(
  podcast: Podcast,
  episodes: readonly Episode[],
): Promise<number> {
  const queued = await autoDownload(podcast, episodes, await strategy());
  if (queued.length > 0) startDownloadScheduler();
  return queued.length;
}

/** Puts a failed download back in the queue. */
export async function retryDownload(episodeId: string): Promise<void> {
  await dispatchDownload(episodeId, { type: 'retried' });
  startDownloadScheduler();
}

/** Stops a download; what it fetched so far is thrown away. */
export async function cancelDownload(episodeId: string): Promise<void> {
  // The record first: it stops the job in whichever tab runs it, and refuses any late write.
  await dispatchDownload(episodeId, { type: 'cancelled' });
  await stopBackgroundFetches(episodeId);
}

/** Removes a download: its record and its audio. */
export async function removeDownload(episodeId: string): Promise<void> {
  await dispatchDownload(episodeId, { type: 'deleted' });
  await stopBackgroundFetches(episodeId);
}

/** Removes the downloads of several episodes, one after another. */
export async function removeDownloads(episodeIds: readonly string[]): Promise<void> {
  for (const episodeId of episodeIds) await removeDownload(episodeId);
}

/** Background Fetch where the browser has it, else the in-page downloader. */
async function strategy(): Promise<DownloadStrategy> {
  const { backgroundFetch } = await serviceWorkerRegistration();
  return backgroundFetch ? 'background-fetch' : 'in-page';
}

async function stopBackgroundFetches(episodeId: string): Promise<void> {
  const { backgroundFetch } = await serviceWorkerRegistration();
  if (backgroundFetch) await abortBackgroundFetches(backgroundFetch, episodeId);
}
