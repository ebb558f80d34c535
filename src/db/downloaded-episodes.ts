// Downloaded episodes with what the storage page and the storage policy need to know about them.
import { db } from './database.ts';
import { downloadSize } from './downloads.ts';
import type { Download, Episode, Podcast } from './schema.ts';

/** A downloaded episode: its record, its episode and podcast (when still in the library), its size. */
export interface DownloadedEpisode {
  download: Download;
  episode?: Episode;
  podcast?: Podcast;
  bytes: number;
}

/** Every downloaded episode. */
export async function listDownloadedEpisodes(): Promise<DownloadedEpisode[]> {
  const downloads = await db.downloads.where('state').equals('downloaded').toArray();
  const episodes = await db.episodes.bulkGet(downloads.map((download) => download.episodeId));
  const podcastIds = [...new Set(episodes.flatMap((episode) => episode?.podcastId ?? []))];
  const podcasts = new Map(
    (await db.podcasts.bulkGet(podcastIds)).flatMap((podcast) =>
      podcast ? [[podcast.id, podcast] as const] : [],
    ),
  );
  return downloads.map((download, index) => {
    const episode = episodes[index];
    return {
      download,
      episode,
      podcast: episode && podcasts.get(episode.podcastId),
      bytes: downloadSize(download),
    };
  });
}

/** Totals of downloaded episodes, and of the played ones among them (what can go first). */
export function summarizeDownloads(items: readonly DownloadedEpisode[]) {
  const played = items.filter((item) => item.episode?.playedAt !== undefined);
  const bytes = (list: readonly DownloadedEpisode[]) =>
    list.reduce((total, item) => total + item.bytes, 0);
  return {
    count: items.length,
    bytes: bytes(items),
    played: played.map((item) => item.download.episodeId),
    playedBytes: bytes(played),
  };
}
