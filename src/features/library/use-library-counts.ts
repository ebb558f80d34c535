// Per podcast: how many episodes are not played yet, and how many are downloaded, for the
// library's badges. Read live, so a played mark or a finished download shows at once.
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/database.ts';

/** The counts of one podcast. */
export interface PodcastCounts {
  unplayed: number;
  downloaded: number;
}

/** Counts for every podcast, by id; undefined while they are read. */
export function useLibraryCounts(): Map<string, PodcastCounts> | undefined {
  return useLiveQuery(async () => {
    const counts = new Map<string, PodcastCounts>();
    const get = (id: string) => {
      let entry = counts.get(id);
      if (!entry) counts.set(id, (entry = { unplayed: 0, downloaded: 0 }));
      return entry;
    };
    // One pass over the episodes; this runs after the grid is drawn, which shows without counts.
    await db.episodes.each((episode) => {
      if (episode.playedAt === undefined && episode.enclosure) get(episode.podcastId).unplayed++;
    });
    const done = await db.downloads.where('state').equals('downloaded').primaryKeys();
    const episodes = await db.episodes.bulkGet(done);
    for (const episode of episodes) if (episode) get(episode.podcastId).downloaded++;
    return counts;
  });
}
