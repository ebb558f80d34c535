// Downloads handed to the browser (Background Fetch): they go on when the tab or browser closes.
// Started from the page, since a fetch started by the service worker begins paused.
import { updateDownload } from '../db/downloads.ts';
import type { Download } from '../db/schema.ts';
import { backgroundFetchId, episodeIdOf } from '../shared/background-fetch-id.ts';
import { probe } from './probe.ts';
import { recordProgress } from './record-progress.ts';

const ICONS = [{ src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' }];

/** Starts (or re-attaches to) the Background Fetch of a download's audio and artwork. */
export async function runBackgroundFetch(
  manager: BackgroundFetchManager,
  download: Download,
): Promise<void> {
  const id = backgroundFetchId(download.episodeId);
  const running = await manager.get(id);
  if (running) return watchBackgroundFetch(running);

  // Probe first: a file without CORS would download completely and then fail, so it goes
  // through the proxy; and downloadTotal must never be below the real size or the fetch aborts.
  const audio = await probe(download.url);
  const artwork = download.artworkUrl
    ? await probe(download.artworkUrl).catch(() => undefined)
    : undefined;
  const parts = artwork ? [audio, artwork] : [audio];
  const downloadTotal = parts.every((part) => part.bytes !== undefined)
    ? parts.reduce((sum, part) => sum + (part.bytes ?? 0), 0)
    : undefined;
  await updateDownload(download.episodeId, {
    fetchUrl: audio.fetchUrl,
    bytesDone: 0,
    bytesTotal: downloadTotal,
    audioBytes: audio.bytes,
    etag: audio.etag,
    lastModified: audio.lastModified,
  });
  const registration = await manager.fetch(
    id,
    parts.map((part) => part.fetchUrl),
    {
      title: download.title,
      icons: artwork ? [{ src: artwork.fetchUrl }, ...ICONS] : ICONS,
      ...(downloadTotal === undefined ? {} : { downloadTotal }),
    },
  );
  watchBackgroundFetch(registration);
}

const watched = new WeakSet<BackgroundFetchRegistration>();

/** Mirrors a running Background Fetch's progress into Dexie while this page is open. */
export function watchBackgroundFetch(registration: BackgroundFetchRegistration): void {
  const episodeId = episodeIdOf(registration.id);
  if (!episodeId || watched.has(registration)) return;
  watched.add(registration);
  registration.addEventListener('progress', () => {
    void recordProgress(episodeId, registration.downloaded, registration.result !== '');
  });
}

/** Ids of the episodes whose Background Fetch is running now. */
export async function runningBackgroundFetches(
  manager: BackgroundFetchManager,
): Promise<Map<string, BackgroundFetchRegistration>> {
  const running = new Map<string, BackgroundFetchRegistration>();
  for (const id of await manager.getIds()) {
    const registration = await manager.get(id);
    const episodeId = episodeIdOf(id);
    if (registration && episodeId) running.set(episodeId, registration);
  }
  return running;
}

/** Aborts the episode's Background Fetch if one runs. */
export async function abortBackgroundFetch(
  manager: BackgroundFetchManager,
  episodeId: string,
): Promise<void> {
  await (await manager.get(backgroundFetchId(episodeId)))?.abort();
}
