// Download records: one per episode, read by the UI and the scheduler, and written only through
// dispatchDownload, which runs the download reducer (download-reducer.ts) in one transaction.
import { db } from './database.ts';
import { announceDownloadChange } from './download-changes.ts';
import { keepsAudio, nextDownload, type DownloadEvent } from './download-reducer.ts';
import { deleteParts } from './media-parts.ts';
import type { DownloadFailure } from '../shared/fetch-failure.ts';
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

/** What a dispatch left: the record (undefined when there is none) and whether it changed. */
export interface DispatchResult {
  download?: Download;
  changed: boolean;
}

/**
 * Applies `event` to the episode's download record: the one way a record is written, by the page
 * and the service worker alike. A record that ends without its audio (cancelled, deleted, failed
 * but for a full disk) or starts afresh loses its stored parts in the same transaction.
 */
export async function dispatchDownload(
  episodeId: string,
  event: DownloadEvent,
  now = Date.now(),
): Promise<DispatchResult> {
  const result = await db.transaction('rw', db.downloads, db.parts, async () => {
    const current = await db.downloads.get(episodeId);
    const next = nextDownload(current, event, episodeId, now);
    if (next === current) return { download: current, changed: false };
    if (next) await db.downloads.put(next);
    else await db.downloads.delete(episodeId);
    if (!next || !keepsAudio(next) || event.type === 'requested') await deleteParts(episodeId);
    return { download: next, changed: true };
  });
  if (result.changed && event.type !== 'progressed' && event.type !== 'responded') {
    announceDownloadChange(episodeId);
  }
  return result;
}

/**
 * Records that attempt `generation` failed; the reducer decides whether it waits for the network,
 * is tried again later, or gives up. `progressed` says bytes arrived.
 */
export function dispatchFailure(
  episodeId: string,
  generation: number,
  failure: DownloadFailure,
  progressed = false,
): Promise<DispatchResult> {
  return dispatchDownload(episodeId, {
    type: 'failed',
    generation,
    failure,
    progressed,
    online: navigator.onLine,
    jitter: Math.random(),
  });
}

/** Bytes a download takes (or will take) on the device. */
export function downloadSize(download: Download): number {
  return download.state === 'downloaded'
    ? download.bytesDone
    : (download.bytesTotal ?? download.bytesDone);
}
