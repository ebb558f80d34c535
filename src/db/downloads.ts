// Download records: one per episode, written by the page and by the service worker.
import { db } from './database.ts';
import type { Download } from './schema.ts';

/** The download record of an episode, or undefined. */
export function getDownload(episodeId: string): Promise<Download | undefined> {
  return db.downloads.get(episodeId);
}

/** Downloads that are queued, running or paused, oldest first. */
export function listActiveDownloads(): Promise<Download[]> {
  return db.downloads.where('state').anyOf('queued', 'downloading', 'paused').sortBy('createdAt');
}

/** Every download record. */
export function listDownloads(): Promise<Download[]> {
  return db.downloads.toArray();
}

/** Creates or replaces a download record. */
export function putDownload(download: Download): Promise<string> {
  return db.downloads.put(download);
}

/** Applies changes to a download record if it exists; returns whether it did. */
export async function updateDownload(
  episodeId: string,
  changes: Partial<Omit<Download, 'episodeId'>>,
): Promise<boolean> {
  const updated = await db.downloads.update(episodeId, { ...changes, updatedAt: Date.now() });
  return updated === 1;
}

/** Removes an episode's download record. */
export function deleteDownload(episodeId: string): Promise<void> {
  return db.downloads.delete(episodeId);
}
