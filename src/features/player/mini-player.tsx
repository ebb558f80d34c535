// The player bar at the bottom of every view. The one audio element of the app lives here.
import { useLiveQuery } from 'dexie-react-hooks';
import { getEpisode } from '../../db/library.ts';
import { usePlayerStore } from './player-store.ts';

/** Shows and plays the current episode; downloaded audio comes from the service worker's cache. */
export function MiniPlayer() {
  const episodeId = usePlayerStore((state) => state.episodeId);
  const episode = useLiveQuery(() => (episodeId ? getEpisode(episodeId) : undefined), [episodeId]);
  if (!episode?.enclosure) return null;
  return (
    <section className="mini-player" aria-label="Player">
      <p className="mini-player-title">{episode.title}</p>
      <audio key={episode.id} src={episode.enclosure.url} controls autoPlay preload="metadata" />
    </section>
  );
}
