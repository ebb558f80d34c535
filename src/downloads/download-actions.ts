// What the Download, Cancel download and Delete download buttons do, whichever strategy runs.
import { deleteDownload, getDownload, updateDownload } from '../db/downloads.ts';
import type { Episode } from '../db/schema.ts';
import { MEDIA_CACHE } from '../shared/cache-names.ts';
import { serviceWorkerRegistration } from '../sw-bridge.ts';
import { abortBackgroundFetch, startBackgroundFetch } from './background-fetch-strategy.ts';
import { FetchFailure } from './fetch-failure.ts';
import { startInPageDownload } from './in-page-download.ts';

/** Downloads an episode for offline listening; failures are recorded on its download record. */
export async function downloadEpisode(episode: Episode, artworkUrl?: string): Promise<void> {
  const { enclosure } = episode;
  if (!enclosure) return;
  try {
    const { backgroundFetch } = await serviceWorkerRegistration();
    if (backgroundFetch)
      await startBackgroundFetch(backgroundFetch, { ...episode, enclosure }, artworkUrl);
    else await startInPageDownload({ ...episode, enclosure });
  } catch (error) {
    const failure =
      error instanceof FetchFailure ? error : new FetchFailure('fetch-error', describe(error));
    const recorded = await updateDownload(episode.id, {
      state: 'failed',
      failureReason: failure.reason,
      failureMessage: failure.message,
    });
    if (!recorded) throw failure;
  }
}

/** Stops a running download and forgets it. */
export async function cancelDownload(episodeId: string): Promise<void> {
  const { backgroundFetch } = await serviceWorkerRegistration();
  if (backgroundFetch) await abortBackgroundFetch(backgroundFetch, episodeId);
  await removeDownload(episodeId);
}

/** Removes a downloaded episode's audio from the media cache and its download record. */
export async function removeDownload(episodeId: string): Promise<void> {
  const download = await getDownload(episodeId);
  if (download) await (await caches.open(MEDIA_CACHE)).delete(download.url);
  await deleteDownload(episodeId);
}

function describe(error: unknown): string {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return 'There is not enough storage space for this episode.';
  }
  return error instanceof Error ? error.message : String(error);
}
