// Downloads handed to the browser (Background Fetch): they go on when the tab or browser closes.
// Started by the page's scheduler, or tried by the service worker for automatic downloads with no
// window open (Chrome holds such a fetch paused, or refuses it: see download-reducer's `held`).
// One registration per attempt, its id carrying the generation; the service worker stores the
// result. No DOM: the service worker runs this too.
import { dispatchDownload } from '../db/downloads.ts';
import type { Download } from '../db/schema.ts';
import { backgroundFetchId, parseBackgroundFetchId } from '../shared/background-fetch-id.ts';
import { probe, probeAudio } from './probe.ts';

const ICONS = [{ src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' }];

/** A running Background Fetch of ours. */
export interface OurFetch {
  episodeId: string;
  generation: number;
  registration: BackgroundFetchRegistration;
}

/**
 * Starts the Background Fetch of attempt `download.generation`'s audio and artwork; undefined when
 * the attempt was cancelled or replaced while the files were probed.
 */
export async function startBackgroundFetch(
  manager: Pick<BackgroundFetchManager, 'fetch'>,
  download: Download,
): Promise<OurFetch | undefined> {
  const { episodeId, generation } = download;
  const audio = await probeAudio(download.sourceUrl);
  const artwork = download.artworkUrl
    ? await probe(download.artworkUrl).catch(() => undefined)
    : undefined;
  const parts = artwork ? [audio, artwork] : [audio];
  // Never below what arrives, or the browser aborts the fetch: left out unless every size is sure.
  const downloadTotal =
    !download.sizeVaries && parts.every((part) => part.bytes !== undefined)
      ? parts.reduce((sum, part) => sum + (part.bytes ?? 0), 0)
      : undefined;
  const { changed } = await dispatchDownload(episodeId, {
    type: 'responded',
    generation,
    fetchUrl: audio.fetchUrl,
    bytesTotal: downloadTotal,
    etag: audio.etag,
    lastModified: audio.lastModified,
    contentType: audio.contentType,
  });
  if (!changed) return undefined; // cancelled or replaced while probing
  const registration = await manager.fetch(
    backgroundFetchId(episodeId, generation),
    parts.map((part) => part.fetchUrl),
    {
      title: download.title,
      icons: artwork ? [{ src: artwork.fetchUrl }, ...ICONS] : ICONS,
      ...(downloadTotal === undefined ? {} : { downloadTotal }),
    },
  );
  return { episodeId, generation, registration };
}

/** Our Background Fetches that are running now. */
export async function ourBackgroundFetches(manager: BackgroundFetchManager): Promise<OurFetch[]> {
  const running: OurFetch[] = [];
  for (const id of await manager.getIds()) {
    const ours = parseBackgroundFetchId(id);
    const registration = ours && (await manager.get(id));
    if (ours && registration) running.push({ ...ours, registration });
  }
  return running;
}

/** Aborts every Background Fetch of the episode, whatever its attempt. */
export async function abortBackgroundFetches(
  manager: BackgroundFetchManager,
  episodeId: string,
): Promise<void> {
  for (const fetch of await ourBackgroundFetches(manager)) {
    if (fetch.episodeId === episodeId) await fetch.registration.abort();
  }
}
