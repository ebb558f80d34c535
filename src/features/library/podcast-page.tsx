// One podcast: its description and episodes, newest first.
import { useLiveQuery } from 'dexie-react-hooks';
import { getPodcast, listEpisodes } from '../../db/library.ts';
import { EpisodeItem } from '../episode/episode-item.tsx';

/** The podcast's page. */
export function PodcastPage({ podcastId }: { podcastId: string }) {
  const podcast = useLiveQuery(() => getPodcast(podcastId), [podcastId], null);
  const episodes = useLiveQuery(() => listEpisodes(podcastId), [podcastId]);
  if (podcast === null || !episodes) return <p aria-busy="true">Loading…</p>;
  if (!podcast) return <p role="alert">This podcast is not in your library.</p>;
  return (
    <section aria-labelledby="podcast-heading">
      <div className="podcast-header">
        {podcast.artworkUrl && <img src={podcast.artworkUrl} alt="" width={120} height={120} />}
        <div>
          <h1 id="podcast-heading">{podcast.title}</h1>
          {podcast.author && <p className="muted">{podcast.author}</p>}
          <p>{podcast.description}</p>
        </div>
      </div>
      <ul className="episode-list" aria-label="Episodes">
        {episodes.map((episode) => (
          <EpisodeItem
            key={episode.id}
            episode={episode}
            artworkUrl={episode.artworkUrl ?? podcast.artworkUrl}
          />
        ))}
      </ul>
    </section>
  );
}
