// Download records: one per episode, written by the page and by the service worker.
import { db } from './database.ts';
import { canTransition } from './download-transitions.ts';
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

/**
 * Applies changes to a download record if it exists and the state change is allowed (see
 * download-transitions.ts); returns whether it did. Page and service worker race to write the same
 * record, so a late event (a progress tick after completion, say) must not undo a later state.
 */
export async function updateDownload(
  episodeId: string,
  changes: Partial<Omit<Download, 'episodeId'>>,
): Promise<boolean> {
  return db.transaction('rw', db.downloads, async () => {
    const current = await db.downloads.get(episodeId);
    if (!current || (changes.state && !canTransition(current.state, changes.state))) return false;
    const now = Date.now();
    const finished = changes.state === 'downloaded' && current.state !== 'downloaded';
    await db.downloads.update(episodeId, {
      ...changes,
      updatedAt: now,
      ...(finished && { downloadedAt: now }),
    });
    return true;
  });
}

/**
 * Bytes a download takes on the device: the audio's size from the server when known (a Background
 * Fetch's byte count also includes the artwork fetched with it).
 */
export function downloadSize(download: Download): number {
  return download.audioBytes ?? download.bytesTotal ?? download.bytesDone;
}

/** Removes an episode's download record. */
export function deleteDownload(episodeId: string): Promise<void> {
  return db.downloads.delete(episodeId);
}
