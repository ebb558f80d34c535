// Background Fetch events: store what the browser downloaded and record how each fetch ended.
import { getDownload, updateDownload } from '../src/db/downloads.ts';
import { getEpisode } from '../src/db/library.ts';
import { episodeIdOf } from '../src/shared/background-fetch-id.ts';
import { ARTWORK_CACHE, MEDIA_CACHE } from '../src/shared/cache-names.ts';
import { failureWords } from '../src/shared/failure-words.ts';
import { notifyClients } from './notify-clients.ts';

declare const self: ServiceWorkerGlobalScope;

/** Copies the fetched audio and artwork into Cache Storage while the records are available. */
export function onBackgroundFetchSuccess(event: BackgroundFetchUpdateUIEvent): void {
  event.waitUntil(storeFetchedEpisode(event));
}

/** Records why a background fetch failed, so the app can retry or show it. */
export function onBackgroundFetchFail(event: BackgroundFetchUpdateUIEvent): void {
  event.waitUntil(recordFailure(event));
}

/** The browser's own UI (or the app) cancelled the fetch. */
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

/** A tap on the browser's download UI opens the app, or focuses it when it is already open. */
export function onBackgroundFetchClick(event: BackgroundFetchEvent): void {
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window' });
      const open = windows[0];
      if (open) await open.focus();
      else await self.clients.openWindow('/');
    })(),
  );
}

async function storeFetchedEpisode(event: BackgroundFetchUpdateUIEvent): Promise<void> {
  const episodeId = episodeIdOf(event.registration.id);
  const download = episodeId ? await getDownload(episodeId) : undefined;
  // No record means the listener cancelled or deleted it meanwhile: keep nothing.
  if (!episodeId || !download) return;
  const media = await caches.open(MEDIA_CACHE);
  const artwork = await caches.open(ARTWORK_CACHE);
  for (const record of await event.registration.matchAll()) {
    const response = await record.responseReady;
    const isAudio = record.request.url === download.url;
    if (isAudio && !response.ok) {
      await fail(episodeId, 'bad-status', `The server answered ${response.status}.`);
      return;
    }
    if (response.ok) await (isAudio ? media : artwork).put(record.request.url, response);
  }
  await updateDownload(episodeId, {
    state: 'downloaded',
    bytesDone: event.registration.downloaded,
  });
  const episode = await getEpisode(episodeId);
  await event.updateUI({ title: `Downloaded: ${episode?.title ?? 'episode'}` });
  await notifyClients({ type: 'DOWNLOAD_SETTLED', episodeId, outcome: 'downloaded' });
}

async function recordFailure(event: BackgroundFetchUpdateUIEvent): Promise<void> {
  const episodeId = episodeIdOf(event.registration.id);
  if (!episodeId) return;
  const reason = event.registration.failureReason || 'fetch-error';
  await fail(episodeId, reason, failureWords(reason));
  const episode = await getEpisode(episodeId);
  await event.updateUI({ title: `Download failed: ${episode?.title ?? 'episode'}` });
}

async function fail(
  episodeId: string,
  reason: BackgroundFetchFailureReason,
  message: string,
): Promise<void> {
  await updateDownload(episodeId, {
    state: 'failed',
    failureReason: reason === '' ? 'fetch-error' : reason,
    failureMessage: message,
  });
  await notifyClients({ type: 'DOWNLOAD_SETTLED', episodeId, outcome: 'failed' });
}
