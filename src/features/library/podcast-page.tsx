// One podcast: its details, refresh and unsubscribe, and its episodes newest first.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { Link, useSearch } from 'wouter';
import { getPodcast, listEpisodes } from '../../db/library.ts';
import { EpisodeList } from '../episode/episode-list.tsx';
import { AutoDownloadToggle } from './auto-download-toggle.tsx';
import { PodcastHeader } from './podcast-header.tsx';
import { RefreshButton } from './refresh-button.tsx';
import { UnsubscribeButton } from './unsubscribe-button.tsx';

/** The podcast's page. */
export function PodcastPage({ podcastId }: { podcastId: string }) {
  const podcast = useLiveQuery(() => getPodcast(podcastId), [podcastId], null);
  const episodes = useLiveQuery(() => listEpisodes(podcastId), [podcastId]);
  const focusEpisodeId = new URLSearchParams(useSearch()).get('episode') ?? undefined;
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [podcastId]);
  if (podcast === null || !episodes) {
    return (
      <p className="loading" aria-busy="true">
        Loading the podcast…
      </p>
    );
  }
  if (!podcast) {
    return (
      <section className="state" aria-labelledby="podcast-missing-heading">
        <h1 id="podcast-missing-heading">Podcast not found</h1>
        <p role="alert">This podcast is not in your library.</p>
        <Link href="/" className="button-link">
          Back to the library
        </Link>
      </section>
    );
  }
  return (
    <section aria-labelledby="podcast-heading">
      <PodcastHeader podcast={podcast} episodeCount={episodes.length} />
      <div className="podcast-actions">
        <RefreshButton podcast={podcast} />
        <UnsubscribeButton podcast={podcast} />
        <AutoDownloadToggle podcast={podcast} />
      </div>
      {podcast.refreshError && (
        <p className="notice">The last refresh failed: {podcast.refreshError}</p>
      )}
      <EpisodeList
        episodes={episodes}
        artworkUrl={podcast.artworkUrl}
        focusEpisodeId={focusEpisodeId}
      />
    </section>
  );
}
