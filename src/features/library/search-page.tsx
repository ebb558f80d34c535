// Find an episode by words in its title or show notes, across the whole library.
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { listPodcasts, searchEpisodes } from '../../db/library.ts';
import { EpisodeItem } from '../episode/episode-item.tsx';

const LIMIT = 100;

/** The search page; the query lives in the address (?q=) so it survives a reload. */
export function SearchPage() {
  const [, navigate] = useLocation();
  const search = useSearch();
  const [text, setText] = useState(() => new URLSearchParams(search).get('q') ?? '');
  const query = useDeferredValue(text.trim());
  const results = useLiveQuery(() => searchEpisodes(query, LIMIT), [query]);
  const podcasts = useLiveQuery(listPodcasts);
  const byId = new Map(podcasts?.map((podcast) => [podcast.id, podcast]));
  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading">Search</h1>
      <form role="search" className="subscribe-form" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="search-query">Search episodes</label>
        <input
          id="search-query"
          type="search"
          value={text}
          autoFocus
          onChange={(event) => {
            setText(event.currentTarget.value);
            navigate(`/search?q=${encodeURIComponent(event.currentTarget.value)}`, {
              replace: true,
            });
          }}
        />
      </form>
      {!query && <p className="muted">Type words from an episode&apos;s title or show notes.</p>}
      {query && results && (
        <div className={results.length === 0 ? 'state' : undefined}>
          <p role="status" className="muted">
            {results.length === 0
              ? 'No episodes match.'
              : results.length === LIMIT
                ? `The newest ${LIMIT} matching episodes:`
                : `${results.length} ${results.length === 1 ? 'episode matches' : 'episodes match'}.`}
          </p>
          {results.length === 0 && (
            <p>Try fewer or other words. Search looks through the podcasts in your library.</p>
          )}
        </div>
      )}
      <ul className="episode-list search-results" aria-label="Search results">
        {query &&
          results?.map((episode) => {
            const podcast = byId.get(episode.podcastId);
            return (
              <EpisodeItem
                key={episode.id}
                episode={episode}
                artworkUrl={episode.artworkUrl ?? podcast?.artworkUrl}
                context={
                  podcast && (
                    <p className="muted">
                      <Link href={`/podcast/${podcast.id}`}>{podcast.title}</Link>
                    </p>
                  )
                }
              />
            );
          })}
      </ul>
    </section>
  );
}
