// Automatic downloads of new episodes, for podcasts where the listener turned them on: the newest
// few a refresh found, as many as the storage budget has room for.
import type { Episode, Podcast } from '../db/schema.ts';
import { downloadEpisode } from './download-actions.ts';
import { roomForDownloads } from './storage-janitor.ts';

/** At most this many new episodes of one podcast are fetched per refresh. */
export const AUTO_DOWNLOADS_PER_REFRESH = 3;

/** Queues the newest of `episodes` for download; returns how many were queued. */
export async function autoDownload(
  podcast: Podcast,
  episodes: readonly Episode[],
): Promise<number> {
  if (!podcast.autoDownload) return 0;
  const newest = episodes
    .filter((episode) => episode.enclosure)
    .sort((a, b) => b.publishedAt - a.publishedAt)
    .slice(0, AUTO_DOWNLOADS_PER_REFRESH);
  const sizes: number[] = [];
  for (const episode of newest) {
    // The feed's length is only a claim, but it is all there is before the download starts.
    sizes.push(episode.enclosure!.length);
    if (!(await roomForDownloads(sizes))) return sizes.length - 1;
    await downloadEpisode(episode, episode.artworkUrl ?? podcast.artworkUrl);
  }
  return sizes.length;
}
