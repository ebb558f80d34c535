// Background Fetch events: store what the browser downloaded, and record how each fetch ended so
// the app can retry or show the failure.
import { getDownload, updateDownload } from '../src/db/downloads.ts';
import type { Download } from '../src/db/schema.ts';
import { episodeIdOf } from '../src/shared/background-fetch-id.ts';
import { ARTWORK_CACHE, MEDIA_CACHE } from '../src/shared/cache-names.ts';
import { decideAfterFailedFetch } from './decide-after-failed-fetch.ts';
import { notifyClients } from './notify-clients.ts';
import { notifyDownloadSettled } from './notifications.ts';

declare const self: ServiceWorkerGlobalScope;

/** Copies the fetched audio and artwork into Cache Storage while the records are available. */
export function onBackgroundFetchSuccess(event: BackgroundFetchUpdateUIEvent): void {
  event.waitUntil(storeFetchedEpisode(event));
}

/** Records why a background fetch failed and whether the app should try again. */
export function onBackgroundFetchFail(event: BackgroundFetchUpdateUIEvent): void {
  event.waitUntil(recordFailure(event));
}

/** The browser's own download UI (or the app) cancelled the fetch. */
export function onBackgroundFetchAbort(event: BackgroundFetchEvent): void {
  const episodeId = episodeIdOf(event.registration.id);
  if (!episodeId) return;
  event.waitUntil(
    (async () => {
      await updateDownload(episodeId, {
        state: 'cancelled',
        bytesDone: 0,
        failureReason: 'aborted',
      });
      await notifyClients({ type: 'DOWNLOAD_SETTLED', episodeId, outcome: 'cancelled' });
    })(),
  );
}

/** A tap on the browser's download UI opens the app's Downloads view, or focuses an open window. */
export function onBackgroundFetchClick(event: BackgroundFetchEvent): void {
  event.waitUntil(
    (async () => {
      const [open] = await self.clients.matchAll({ type: 'window' });
      if (open) await (await open.focus()).navigate('/downloads');
      else await self.clients.openWindow('/downloads');
    })(),
  );
}

async function storeFetchedEpisode(event: BackgroundFetchUpdateUIEvent): Promise<void> {
  const download = await ourDownload(event);
  // No record, or a cancelled one: the listener no longer wants it, so keep nothing.
  if (!download || download.state === 'cancelled') return;
  const media = await caches.open(MEDIA_CACHE);
  const artwork = await caches.open(ARTWORK_CACHE);
  try {
    for (const record of await event.registration.matchAll()) {
      const response = await record.responseReady;
      const isAudio = record.request.url === download.fetchUrl;
      if (isAudio) await storeAudio(media, download, response);
      else if (response.ok && download.artworkUrl) await artwork.put(download.artworkUrl, response);
    }
  } catch (error) {
    await media.delete(download.url);
    const quota = (error as { name?: string }).name === 'QuotaExceededError';
    await settle(download, quota ? 'quota-exceeded' : 'fetch-error', undefined);
    await event.updateUI({ title: `Download failed: ${download.title}` });
    return;
  }
  const stored = await updateDownload(download.episodeId, {
    state: 'downloaded',
    bytesDone: event.registration.downloaded,
    failureMessage: undefined,
  });
  if (!stored) {
    const now = await getDownload(download.episodeId);
    if (!now || now.state === 'cancelled') {
      // Deleted or cancelled while its audio was being stored: keep nothing.
      await media.delete(download.url);
      return;
    }
  }
  await event.updateUI({ title: `Downloaded: ${download.title}` });
  await notifyClients({
    type: 'DOWNLOAD_SETTLED',
    episodeId: download.episodeId,
    outcome: 'downloaded',
  });
  await notifyDownloadSettled(download.episodeId, 'downloaded');
}

/** Stores the audio only when it is whole: a short body (a truncated response) is never "downloaded". */
async function storeAudio(media: Cache, download: Download, response: Response): Promise<void> {
  const body = await response.blob();
  if (!response.ok || (download.audioBytes !== undefined && body.size !== download.audioBytes)) {
    throw new Error(`The audio arrived incomplete: ${body.size} of ${download.audioBytes} bytes.`);
  }
  await media.put(download.url, new Response(body, { status: 200, headers: response.headers }));
}

async function recordFailure(event: BackgroundFetchUpdateUIEvent): Promise<void> {
  const download = await ourDownload(event);
  if (!download || download.state === 'cancelled') return;
  const audio = await event.registration.match(download.fetchUrl).catch(() => undefined);
  const response = await audio?.responseReady.catch(() => undefined);
  await settle(download, event.registration.failureReason || 'fetch-error', response);
  await event.updateUI({ title: `Download failed: ${download.title}` });
}

async function settle(
  download: Download,
  reason: BackgroundFetchFailureReason,
  response: Response | undefined,
): Promise<void> {
  const decision = decideAfterFailedFetch(download, reason, response);
  await updateDownload(download.episodeId, decision);
  if (decision.state === 'failed') {
    await notifyClients({
      type: 'DOWNLOAD_SETTLED',
      episodeId: download.episodeId,
      outcome: 'failed',
    });
    await notifyDownloadSettled(download.episodeId, 'failed');
  }
}

async function ourDownload(event: BackgroundFetchEvent): Promise<Download | undefined> {
  const episodeId = episodeIdOf(event.registration.id);
  return episodeId ? getDownload(episodeId) : undefined;
}
