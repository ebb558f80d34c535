// Unsubscribing in the database: a podcast, its episodes and everything that pointed at them
// (Up Next entries, saved positions, the episode remembered as now playing) go in one transaction,
// so no reader, in this tab or another, ever sees a queue entry or a position of a missing episode.
import { db, episodesOf } from './database.ts';

/** Removes a podcast, its episodes and what referred to them (downloads must be removed first). */
export async function removePodcast(podcastId: string): Promise<void> {
  const tables = [db.podcasts, db.episodes, db.queue, db.positions, db.settings];
  await db.transaction('rw', tables, async () => {
    const episodeIds = await episodesOf(podcastId).primaryKeys();
    await db.queue.where('episodeId').anyOf(episodeIds).delete();
    await db.positions.bulkDelete(episodeIds);
    const playing = await db.settings.get('nowPlayingEpisodeId');
    if (typeof playing?.value === 'string' && episodeIds.includes(playing.value)) {
      await db.settings.put({ key: 'nowPlayingEpisodeId', value: null });
    }
    await episodesOf(podcastId).delete();
    await db.podcasts.delete(podcastId);
  });
}
