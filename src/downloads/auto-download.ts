// Automatic downloads of new episodes, for podcasts where the listener turned them on: the newest
// few a refresh found, as many as the storage budget has room for. No DOM: the page queues them
// after its refreshes, the service worker after a background refresh.
import type { DownloadStrategy, Episode, Podcast } from '../db/schema.ts';
import { requestDownload } from './request-download.ts';
import { roomForDownloads } from './storage-room.ts';

/** At most this many new episodes of one podcast are fetched per refresh. */
export const AUTO_DOWNLOADS_PER_REFRESH = 3;

/** Queues the newest of `episodes` for download with `strategy`; returns the episodes queued. */
export async function autoDownload(
  podcast: Podcast,
  episodes: readonly Episode[],
  strategy: DownloadStrategy,
): Promise<Episode[]> {
  if (!podcast.autoDownload) return [];
  const newest = episodes
    .filter((episode) => episode.enclosure)
    .sort((a, b) => b.publishedAt - a.publishedAt)
    .slice(0, AUTO_DOWNLOADS_PER_REFRESH);
  const sizes: number[] = [];
  const queued: Episode[] = [];
  for (const episode of newest) {
    // The feed's length is only a claim, but it is all there is before the download starts.
    sizes.push(episode.enclosure!.length);
    if (!(await roomForDownloads(sizes))) break;
    if (await requestDownload(episode, episode.artworkUrl ?? podcast.artworkUrl, strategy)) {
      queued.push(episode);
    }
  }
  return queued;
}
