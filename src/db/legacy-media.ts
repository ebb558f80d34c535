// Moves audio downloaded before Downloads v2 out of the old media cache, where it was keyed by the
// enclosure URL, into the episode's own parts. Nothing is downloaded again; an episode whose entry
// is gone is left for the consistency check to report. Runs when the new service worker activates
// and again at the app's start-up check, until the old cache is gone.
import { db } from './database.ts';
import { dispatchDownload } from './downloads.ts';
import { putWholeFile, storedBytes } from './media-parts.ts';

/** The cache that held complete responses keyed by enclosure URL (until schema version 5). */
export const LEGACY_MEDIA_CACHE = 'longwave-media-v1';

/** Copies every downloaded episode's audio from the old cache, then deletes the cache. */
export async function migrateLegacyMedia(): Promise<number> {
  if (!(await caches.has(LEGACY_MEDIA_CACHE))) return 0;
  const cache = await caches.open(LEGACY_MEDIA_CACHE);
  const downloaded = await db.downloads.where('state').equals('downloaded').toArray();
  let moved = 0;
  for (const download of downloaded) {
    if ((await storedBytes(download.episodeId)) > 0) continue;
    // Two episodes that shared an enclosure URL each get their own copy.
    const response = await cache.match(download.sourceUrl, { ignoreVary: true });
    if (!response) continue;
    const blob = await response.blob();
    // The file's size is the truth: an old Background Fetch's record counted its artwork too when
    // the host sent no length, and a size above what is stored reads as audio gone. Set first, so
    // an interrupted move is simply done again (no transaction: the Blob fallback awaits outside
    // IndexedDB, and WebKit refuses Blobs under automation).
    await dispatchDownload(download.episodeId, { type: 'moved', bytes: blob.size });
    await putWholeFile(download.episodeId, blob);
    moved += 1;
  }
  await caches.delete(LEGACY_MEDIA_CACHE);
  return moved;
}
