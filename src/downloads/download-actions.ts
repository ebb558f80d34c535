// What the Download, Cancel download, Retry download and Delete download buttons do, whichever
// strategy runs. They write the download record; the scheduler does the work.
import { deleteDownload, getDownload, putDownload, updateDownload } from '../db/downloads.ts';
import { deleteParts } from '../db/parts.ts';
import type { Episode } from '../db/schema.ts';
import { serviceWorkerRegistration } from '../sw-bridge.ts';
import { abortBackgroundFetch } from './background-fetch-strategy.ts';
import { startDownloadScheduler } from './download-scheduler.ts';
import { deleteMedia } from './store-media.ts';

/** Queues an episode for offline listening. */
export async function downloadEpisode(episode: Episode, artworkUrl?: string): Promise<void> {
  if (!episode.enclosure) return;
  const { backgroundFetch } = await serviceWorkerRegistration();
  const now = Date.now();
  await deleteParts(episode.id);
  await putDownload({
    episodeId: episode.id,
    state: 'queued',
    strategy: backgroundFetch ? 'background-fetch' : 'in-page',
    url: episode.enclosure.url,
    fetchUrl: episode.enclosure.url,
    artworkUrl,
    title: episode.title,
    bytesDone: 0,
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  });
  startDownloadScheduler();
}

/** Puts a failed download back in the queue. */
export async function retryDownload(episodeId: string): Promise<void> {
  await updateDownload(episodeId, {
    state: 'queued',
    attempts: 0,
    failureReason: undefined,
    failureMessage: undefined,
    createdAt: Date.now(),
  });
  startDownloadScheduler();
}

/** Stops a download; what it fetched so far is thrown away. */
export async function cancelDownload(episodeId: string): Promise<void> {
  // The state change first: it stops the job in whichever tab runs it.
  await updateDownload(episodeId, {
    state: 'cancelled',
    bytesDone: 0,
    failureReason: 'aborted',
    pauseReason: undefined,
  });
  const { backgroundFetch } = await serviceWorkerRegistration();
  if (backgroundFetch) await abortBackgroundFetch(backgroundFetch, episodeId);
  await deleteParts(episodeId);
}

/** Removes a downloaded episode's audio, any parts, and its download record. */
export async function removeDownload(episodeId: string): Promise<void> {
  const download = await getDownload(episodeId);
  if (download) await deleteMedia(download.url);
  await deleteParts(episodeId);
  await deleteDownload(episodeId);
}

/** Removes the downloads of several episodes, one after another. */
export async function removeDownloads(episodeIds: readonly string[]): Promise<void> {
  for (const episodeId of episodeIds) await removeDownload(episodeId);
}
