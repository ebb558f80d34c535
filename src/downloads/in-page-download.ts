// Downloads run by the page where Background Fetch does not exist (Firefox, Safari).
import type { Episode } from '../db/schema.ts';
import { putDownload, updateDownload } from '../db/downloads.ts';
import { MEDIA_CACHE } from '../shared/cache-names.ts';
import { FetchFailure } from './fetch-failure.ts';
import { recordProgress } from './record-progress.ts';

/** Streams the episode into the media cache as one complete response, recording progress. */
export async function startInPageDownload(
  episode: Episode & { enclosure: NonNullable<Episode['enclosure']> },
): Promise<void> {
  const url = episode.enclosure.url;
  const now = Date.now();
  await putDownload({
    episodeId: episode.id,
    state: 'downloading',
    strategy: 'in-page',
    url,
    bytesDone: 0,
    attempts: 1,
    createdAt: now,
    updatedAt: now,
  });
  const response = await fetch(url, { mode: 'cors', cache: 'no-store' }).catch(() => {
    throw new FetchFailure('fetch-error', 'The server could not be reached.');
  });
  if (response.status !== 200 || !response.body) throw FetchFailure.fromStatus(response.status);
  const total = Number(response.headers.get('Content-Length')) || undefined;
  await updateDownload(episode.id, { bytesTotal: total });

  let done = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        done += chunk.byteLength;
        void recordProgress(episode.id, done);
        controller.enqueue(chunk);
      },
    }),
  );
  const cache = await caches.open(MEDIA_CACHE);
  await cache.put(url, new Response(counted, { headers: response.headers }));
  if (total !== undefined && done !== total) {
    await cache.delete(url);
    throw new FetchFailure('fetch-error', 'The download ended early; the file is incomplete.');
  }
  await updateDownload(episode.id, { state: 'downloaded', bytesDone: done, bytesTotal: done });
}
