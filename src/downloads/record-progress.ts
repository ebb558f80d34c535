// Progress goes to Dexie, throttled, and only while the download is still running.
import { db } from '../db/database.ts';

const INTERVAL_MS = 250;
const lastWrite = new Map<string, number>();

/** Records bytes done for a running download, at most every 250 ms unless `force`. */
export async function recordProgress(
  episodeId: string,
  bytesDone: number,
  force = false,
): Promise<void> {
  const now = Date.now();
  if (!force && now - (lastWrite.get(episodeId) ?? 0) < INTERVAL_MS) return;
  lastWrite.set(episodeId, now);
  await db.downloads
    .where('episodeId')
    .equals(episodeId)
    .filter((download) => download.state === 'downloading')
    .modify({ bytesDone, updatedAt: now });
}
