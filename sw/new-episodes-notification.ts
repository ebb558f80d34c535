// What the notification after a background refresh says: decisions only, no service worker APIs,
// so they are unit-tested. One notification per refresh that found something; a later one
// replaces it. Tapping it opens the newest new episode.
import { episodeHref } from '../src/shared/app-routes.ts';
import type { DownloadNotification } from './download-notification.ts';

/** New episodes one podcast's refresh found. */
export interface PodcastNews {
  podcastId: string;
  podcastTitle: string;
  artworkUrl?: string;
  /** How many episodes are new. */
  added: number;
  /** The newest of them, newest first. */
  newest: { id: string; title: string; publishedAt: number }[];
  /** Automatic downloads that Chrome holds paused until the listener opens the app. */
  pausedDownloads?: number;
}

/** The notification for what a refresh found, or undefined when it found nothing. */
export function newEpisodesNotification(
  news: readonly PodcastNews[],
): DownloadNotification | undefined {
  const found = news.filter((podcast) => podcast.added > 0);
  const total = found.reduce((sum, podcast) => sum + podcast.added, 0);
  const episodes = found
    .flatMap((podcast) => podcast.newest.map((episode) => ({ ...episode, podcast })))
    .sort((a, b) => b.publishedAt - a.publishedAt);
  const newest = episodes[0];
  if (total === 0 || !newest) return undefined;
  const named = episodes
    .slice(0, 3)
    .map((episode) =>
      found.length > 1 ? `${episode.title} (${episode.podcast.podcastTitle})` : episode.title,
    );
  const more = total - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
  const paused = found.reduce((sum, podcast) => sum + (podcast.pausedDownloads ?? 0), 0);
  const body =
    paused > 0
      ? `${list}. ${paused === 1 ? 'Its download waits' : `${paused} downloads wait`}: tap to start ${paused === 1 ? 'it' : 'them'}.`
      : list;
  const where = found.length === 1 ? ` in ${found[0]!.podcastTitle}` : '';
  return {
    title: `${total === 1 ? '1 new episode' : `${total} new episodes`}${where}`,
    options: {
      body,
      icon: (found.length === 1 && found[0]!.artworkUrl) || '/pwa-192x192.png',
      badge: '/pwa-64x64.png',
      tag: 'new-episodes',
      data: { episodeId: newest.id, url: episodeHref(newest.podcast.podcastId, newest.id) },
    },
  };
}
