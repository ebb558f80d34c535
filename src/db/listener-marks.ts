// What the listener marks by hand on the library: an episode played or not, a podcast's new
// episodes downloaded automatically or not.
import { db } from './database.ts';

/** Turns automatic download of new episodes on or off for a podcast. */
export async function setAutoDownload(podcastId: string, on: boolean): Promise<void> {
  await db.podcasts.update(podcastId, { autoDownload: on || undefined });
}

/** Marks an episode played (now) or unplayed. */
export async function setPlayed(episodeId: string, played: boolean): Promise<void> {
  await db.episodes.update(episodeId, { playedAt: played ? Date.now() : undefined });
}
