// The consistency check between Dexie and the media cache, run at start-up and on demand. However
// a download ended (a crash, a cleared cache, an evicted origin), afterwards no audio is stored
// without a download record, and no episode says "downloaded" without its audio.
import { deleteDownload, getDownload, listDownloads } from '../db/downloads.ts';
import { deleteParts, episodesWithParts } from '../db/parts.ts';
import type { Download } from '../db/schema.ts';
import { MEDIA_CACHE } from '../shared/cache-names.ts';

/** What the check repaired. */
export interface StorageCheckReport {
  /** Audio files in the media cache that no download owned, removed. */
  orphanFiles: number;
  /** Titles of episodes marked downloaded whose audio was gone; now marked not downloaded. */
  missing: string[];
  /** In-page downloads' leftover parts with no download running, removed. */
  orphanParts: number;
}

const RUNNING = new Set<Download['state']>(['queued', 'downloading', 'paused']);

/** Repairs the storage so Dexie and the media cache agree. */
export async function checkStorage(): Promise<StorageCheckReport> {
  const cache = await caches.open(MEDIA_CACHE);
  // What is stored is read before the records: a download that stored something had its record
  // written first, so it is in the list and is not mistaken for an orphan.
  const files = await cache.keys();
  const partOwners = await episodesWithParts();
  const downloads = await listDownloads();
  const owned = new Set(downloads.filter(keepsStorage).map((download) => download.url));
  const orphans = files.filter((request) => !owned.has(request.url));
  for (const request of orphans) await cache.delete(request);

  const running = new Set(downloads.filter(isRunning).map((download) => download.episodeId));
  const orphanParts = partOwners.filter((episodeId) => !running.has(episodeId));
  for (const episodeId of orphanParts) await deleteParts(episodeId);

  const missing: string[] = [];
  for (const download of downloads) {
    if (download.state !== 'downloaded' || (await cache.match(download.url))) continue;
    // Deleted by the listener meanwhile? Then there is nothing to repair or report.
    if ((await getDownload(download.episodeId))?.state !== 'downloaded') continue;
    await deleteDownload(download.episodeId);
    missing.push(download.title);
  }
  return { orphanFiles: orphans.length, missing, orphanParts: orphanParts.length };
}

function isRunning(download: Download): boolean {
  return RUNNING.has(download.state);
}

/** Downloaded, or running and so perhaps storing its audio right now. */
function keepsStorage(download: Download): boolean {
  return download.state === 'downloaded' || isRunning(download);
}

/** Runs the check unless another tab of the app is running it. */
export async function checkStorageOnce(): Promise<StorageCheckReport | undefined> {
  return navigator.locks.request('longwave-storage-check', { ifAvailable: true }, (lock) =>
    lock ? checkStorage() : undefined,
  );
}
