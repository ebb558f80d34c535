// Background Fetch events: store what the browser downloaded as the episode's audio, and record how
// each attempt ended, all through the download reducer. An event from an older attempt (its id
// carries the generation) changes nothing.
import { isAttemptEnded } from '../src/db/attempt-ended.ts';
import { dispatchDownload, dispatchFailure, getDownload } from '../src/db/downloads.ts';
import type { Download } from '../src/db/schema.ts';
import { storeWholeFile } from '../src/db/store-audio.ts';
import { judgeAudioStart, SIGNATURE_BYTES } from '../src/shared/audio-signature.ts';
import { parseBackgroundFetchId } from '../src/shared/background-fetch-id.ts';
import { ARTWORK_CACHE } from '../src/shared/cache-names.ts';
import {
  asDownloadFailure,
  FetchFailure,
  type DownloadFailure,
} from '../src/shared/fetch-failure.ts';
import { notifyDownloadSettled } from './notifications.ts';

declare const self: ServiceWorkerGlobalScope;

/** Stores the fetched audio and artwork while the browser still holds them. */
export function onBackgroundFetchSuccess(event: BackgroundFetchUpdateUIEvent): void {
  event.waitUntil(storeFetchedEpisode(event));
}

/** Records why a background fetch failed; the reducer decides whether it is tried again. */
export function onBackgroundFetchFail(event: BackgroundFetchUpdateUIEvent): void {
  event.waitUntil(recordFailure(event));
}

/** The browser's own download UI (or the app) cancelled the fetch. */
export function onBackgroundFetchAbort(event: BackgroundFetchEvent): void {
  const ours = parseBackgroundFetchId(event.registration.id);
  if (ours)
    event.waitUntil(
      dispatchDownload(ours.episodeId, { type: 'cancelled', generation: ours.generation }),
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
  const ours = parseBackgroundFetchId(event.registration.id);
  if (!ours) return;
  const { episodeId, generation } = ours;
  // From now on the page must not take this attempt for lost while the audio is being stored.
  const { download, changed } = await dispatchDownload(episodeId, { type: 'storing', generation });
  // Cancelled, deleted, or an older attempt: the listener no longer wants it, so keep nothing.
  if (!changed || !download) return;
  try {
    const records = await event.registration.matchAll();
    const audio = records.find((record) => record.request.url === download.fetchUrl);
    if (!audio) throw FetchFailure.network('The browser kept no audio for this download.');
    const response = await audio.responseReady;
    const blob = await wholeBody(response);
    await checkIsAudio(blob, response.headers.get('Content-Type'));
    await storeWholeFile(
      episodeId,
      generation,
      blob,
      response.headers.get('Content-Type') ?? undefined,
    );
    // The artwork is a nicety: a full disk or an odd answer for it never costs the episode.
    const artwork = records.find((record) => record !== audio);
    if (artwork && download.artworkUrl) {
      await storeArtwork(download.artworkUrl, artwork).catch(() => undefined);
    }
  } catch (error) {
    // Cancelled or deleted while storing: storeWholeFile refused, and there is nothing to say.
    if (isAttemptEnded(error)) return;
    await settle(download, asDownloadFailure(error), event);
    return;
  }
  await event.updateUI({ title: `Downloaded: ${download.title}` });
  await notifyDownloadSettled(episodeId, 'downloaded');
}

/**
 * The audio's body, checked against the length this very response declared (never a HEAD's: a
 * host with dynamic ad insertion answers every request with another size).
 */
async function wholeBody(response: Response): Promise<Blob> {
  if (!response.ok) throw FetchFailure.fromResponse(response);
  const blob = await response.blob();
  const declared = Number(response.headers.get('Content-Length') ?? NaN);
  if (Number.isSafeInteger(declared) && declared !== blob.size) {
    throw FetchFailure.network(`The audio arrived incomplete: ${blob.size} of ${declared} bytes.`);
  }
  return blob;
}

/** Throws unless the blob starts like audio: a captive portal's page is never kept as the episode. */
async function checkIsAudio(blob: Blob, contentType: string | null): Promise<void> {
  const first = new Uint8Array(await blob.slice(0, SIGNATURE_BYTES).arrayBuffer());
  const verdict = judgeAudioStart(contentType, first);
  if (verdict === 'web-page') throw FetchFailure.webPage();
  if (verdict === 'not-audio') throw FetchFailure.notAudio(contentType);
}

async function storeArtwork(artworkUrl: string, record: BackgroundFetchRecord): Promise<void> {
  const response = await record.responseReady.catch(() => undefined);
  if (response?.ok) await (await caches.open(ARTWORK_CACHE)).put(artworkUrl, response);
}

async function recordFailure(event: BackgroundFetchUpdateUIEvent): Promise<void> {
  const ours = parseBackgroundFetchId(event.registration.id);
  const download = ours && (await getDownload(ours.episodeId));
  if (!ours || !download || download.generation !== ours.generation) return;
  const audio = download.fetchUrl
    ? await event.registration.match(download.fetchUrl).catch(() => undefined)
    : undefined;
  const response = await audio?.responseReady.catch(() => undefined);
  const reason = event.registration.failureReason || 'fetch-error';
  await settle(download, FetchFailure.fromBackgroundFetch(reason, response), event);
}

/** Records a failed attempt; says so in the browser's UI and (when it gave up) a notification. */
async function settle(
  download: Download,
  failure: DownloadFailure,
  event: BackgroundFetchUpdateUIEvent,
): Promise<void> {
  const { download: after } = await dispatchFailure(
    download.episodeId,
    download.generation,
    failure,
  );
  await event.updateUI({ title: `Download failed: ${download.title}` }).catch(() => undefined);
  if (after?.state === 'failed') await notifyDownloadSettled(download.episodeId, 'failed');
}
