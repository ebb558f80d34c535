// Podcasts and their episodes: subscribe, merge a refreshed feed, and read them back.
import { Dexie } from 'dexie';
import { db } from './database.ts';
import type { Episode, Podcast } from './schema.ts';

/** What a feed says about one episode, before it has an id. */
export type EpisodeSnapshot = Omit<Episode, 'id' | 'podcastId' | 'playedAt'>;

/** What a parsed feed gives: a podcast and its episodes, before they have ids. */
export interface FeedSnapshot {
  podcast: Omit<Podcast, 'id' | 'feedUrl' | 'subscribedAt' | 'refreshedAt' | 'refreshError'>;
  episodes: EpisodeSnapshot[];
  /** itunes:new-feed-url: where the publisher says the feed lives now. */
  newFeedUrl?: string;
}

/**
 * Stores a feed under its URL. Known episodes (same GUID) keep their ids, so their downloads
 * and playback state stay attached; new ones are added. Returns the podcast id.
 */
export async function saveFeed(feedUrl: string, feed: FeedSnapshot): Promise<string> {
  return db.transaction('rw', db.podcasts, db.episodes, async () => {
    const now = Date.now();
    const existing = await db.podcasts.where('feedUrl').equals(feedUrl).first();
    const podcastId = existing?.id ?? crypto.randomUUID();
    await db.podcasts.put({
      ...feed.podcast,
      id: podcastId,
      feedUrl,
      subscribedAt: existing?.subscribedAt ?? now,
      refreshedAt: now,
    });
    const known = await db.episodes.where('podcastId').equals(podcastId).toArray();
    const idByGuid = new Map(known.map((episode) => [episode.guid, episode.id]));
    await db.episodes.bulkPut(
      feed.episodes.map((episode) => ({
        ...episode,
        id: idByGuid.get(episode.guid) ?? crypto.randomUUID(),
        podcastId,
      })),
    );
    return podcastId;
  });
}

/** All podcasts, by title. */
export function listPodcasts(): Promise<Podcast[]> {
  return db.podcasts.toCollection().sortBy('title');
}

/** One podcast, or undefined. */
export function getPodcast(id: string): Promise<Podcast | undefined> {
  return db.podcasts.get(id);
}

/** A podcast's episodes, newest first. */
export function listEpisodes(podcastId: string): Promise<Episode[]> {
  return db.episodes
    .where('[podcastId+publishedAt]')
    .between([podcastId, Dexie.minKey], [podcastId, Dexie.maxKey])
    .reverse()
    .toArray();
}

/** One episode, or undefined. */
export function getEpisode(id: string): Promise<Episode | undefined> {
  return db.episodes.get(id);
}
