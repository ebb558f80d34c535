// The episode in the player and its podcast, read live from Dexie.
import { useLiveQuery } from 'dexie-react-hooks';
import { getEpisode, getPodcast } from '../../db/library.ts';
import type { Episode, Podcast } from '../../db/schema.ts';
import { usePlayerStore } from './player-store.ts';

/** The now-playing episode and podcast, or undefined while nothing is loaded. */
export function useNowPlaying(): { episode: Episode; podcast?: Podcast } | undefined {
  const episodeId = usePlayerStore((state) => state.episodeId);
  return useLiveQuery(async () => {
    const episode = episodeId ? await getEpisode(episodeId) : undefined;
    return episode && { episode, podcast: await getPodcast(episode.podcastId) };
  }, [episodeId]);
}
