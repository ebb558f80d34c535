// The episode in the player and its podcast, read live from Dexie (or a preview's, from memory).
import { useLiveQuery } from 'dexie-react-hooks';
import type { Episode, Podcast } from '../../db/schema.ts';
import { usePlayerStore } from './player-store.ts';
import { findEpisode, findPodcast } from './preview-episodes.ts';

/** The now-playing episode and podcast, or undefined while nothing is loaded. */
export function useNowPlaying(): { episode: Episode; podcast?: Podcast } | undefined {
  const episodeId = usePlayerStore((state) => state.episodeId);
  return useLiveQuery(async () => {
    const episode = episodeId ? await findEpisode(episodeId) : undefined;
    return episode && { episode, podcast: await findPodcast(episode.podcastId) };
  }, [episodeId]);
}
