// The consistency check between the download records and the stored audio, run at start-up and
// on demand. However a download ended (a crash, cleared storage, an evicted origin), afterwards no
// audio is stored without a download that owns it, and no episode says "downloaded" without its
// audio. Audio from before Downloads v2 is moved over first.
import { keepsAudio } from '../db/download-reducer.ts';
import { dispatchDownload, getDownload, listDownloads } from '../db/downloads.ts';
import { migrateLegacyMedia } from '../db/legacy-media.ts';
import { deleteParts, episodesWithParts, storedBytes } from '../db/media-parts.ts';

/** What the check repaired. */
export interface StorageCheckReport {
  /** Episodes' stored audio that no download owned, removed. */
  orphanFiles: number;
  /** Titles of episodes marked downloaded whose audio was gone; now marked not downloaded. */
  missing: string[];
}

/** Repairs the storage so the records and the stored audio agree. */
export async function checkStorage(): Promise<StorageCheckReport> {
  await migrateLegacyMedia();
  // What is stored is read before the records: a download that stored something had its record
  // written first, so it is in the list and is not mistaken for an orphan.
  const stored = await episodesWithParts();
  const downloads = await listDownloads();
  const owners = new Set(downloads.filter(keepsAudio).map((download) => download.episodeId));
  const orphans = stored.filter((episodeId) => !owners.has(episodeId));
  for (const episodeId of orphans) await deleteParts(episodeId);

  const missing: string[] = [];
  for (const download of downloads) {
    if (download.state !== 'downloaded') continue;
    if ((await storedBytes(download.episodeId)) >= download.bytesDone) continue;
    // Deleted by the listener meanwhile? Then there is nothing to repair or report.
    if ((await getDownload(download.episodeId))?.state !== 'downloaded') continue;
    await dispatchDownload(download.episodeId, { type: 'deleted' });
    missing.push(download.title);
  }
  return { orphanFiles: orphans.length, missing };
}

/** Runs the check unless another tab of the app is running it. */
export async function checkStorageOnce(): Promise<StorageCheckReport | undefined> {
  return navigator.locks.request('longwave-storage-check', { ifAvailable: true }, (lock) =>
    lock ? checkStorage() : undefined,
  );
}
