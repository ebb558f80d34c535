// One podcast: its details, refresh and unsubscribe, and its episodes newest first.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useSearch } from 'wouter';
import { getPodcast, listEpisodes } from '../../db/library.ts';
import { MissingState } from '../../ui/missing-state.tsx';
import { Skeleton } from '../../ui/skeleton.tsx';
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
    return <Skeleton label="Loading the podcast…" rows={6} />;
  }
  if (!podcast) {
    return (
      <MissingState
        id="podcast-missing-heading"
        title="Podcast not found"
        reason="This podcast is not in your library."
        alert
      />
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
