// Downloads handed to the browser (Background Fetch): they go on when the tab or browser closes.
import type { Episode } from '../db/schema.ts';
import { putDownload } from '../db/downloads.ts';
import { backgroundFetchId, episodeIdOf } from '../shared/background-fetch-id.ts';
import { probe } from './probe.ts';
import { recordProgress } from './record-progress.ts';

const ICONS = [{ src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' }];

/** Starts a Background Fetch of the episode's audio (and artwork, when it can be fetched with CORS). */
export async function startBackgroundFetch(
  manager: BackgroundFetchManager,
  episode: Episode & { enclosure: NonNullable<Episode['enclosure']> },
  artworkUrl: string | undefined,
): Promise<void> {
  const url = episode.enclosure.url;
  const audio = await probe(url);
  // Artwork is optional: one that cannot be fetched must not fail the whole download.
  const artwork = artworkUrl ? await probe(artworkUrl).catch(() => undefined) : undefined;
  const requests = artwork && artworkUrl ? [url, artworkUrl] : [url];
  // A downloadTotal below the real size aborts the fetch, so leave it out unless every size is known.
  const sizes = artwork ? [audio.bytes, artwork.bytes] : [audio.bytes];
  const downloadTotal = sizes.every((size) => size !== undefined)
    ? sizes.reduce<number>((sum, size) => sum + (size ?? 0), 0)
    : undefined;

  const now = Date.now();
  await putDownload({
    episodeId: episode.id,
    state: 'downloading',
    strategy: 'background-fetch',
    url,
    bytesDone: 0,
    bytesTotal: downloadTotal,
    attempts: 1,
    etag: audio.etag,
    lastModified: audio.lastModified,
    createdAt: now,
    updatedAt: now,
  });
  const id = backgroundFetchId(episode.id);
  const registration =
    (await manager.get(id)) ??
    (await manager.fetch(id, requests, {
      title: episode.title,
      icons: artworkUrl && artwork ? [{ src: artworkUrl }, ...ICONS] : ICONS,
      ...(downloadTotal === undefined ? {} : { downloadTotal }),
    }));
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

/** Re-attaches progress listeners to every Background Fetch still running. */
export async function watchRunningBackgroundFetches(
  manager: BackgroundFetchManager,
): Promise<void> {
  for (const id of await manager.getIds()) {
    const registration = await manager.get(id);
    if (registration) watchBackgroundFetch(registration);
  }
}

/** Aborts the episode's Background Fetch if one runs; returns whether one did. */
export async function abortBackgroundFetch(
  manager: BackgroundFetchManager,
  episodeId: string,
): Promise<boolean> {
  const registration = await manager.get(backgroundFetchId(episodeId));
  return registration ? registration.abort() : false;
}
