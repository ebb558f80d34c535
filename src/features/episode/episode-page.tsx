// One episode's page (/episode/:id): large artwork, title, podcast, date · duration · size, where
// the listener is, its actions, and its show notes with links and credits.
import { useLiveQuery } from 'dexie-react-hooks';
import { ChevronLeft } from 'lucide-react';
import { useEffect } from 'react';
import { Link } from 'wouter';
import { getDownload } from '../../db/downloads.ts';
import { getEpisode, getPodcast } from '../../db/library.ts';
import { formatBytes, formatDate, formatDuration } from '../../shared/format.ts';
import { Artwork } from '../../ui/artwork.tsx';
import { MissingState } from '../../ui/missing-state.tsx';
import { Skeleton } from '../../ui/skeleton.tsx';
import { DownloadControls, DownloadNote } from '../downloads/download-controls.tsx';
import { AddToQueueButton } from '../player/add-to-queue-button.tsx';
import { PlayButton } from '../player/play-button.tsx';
import { PlayedIndicator } from './played-indicator.tsx';
import { PlayedToggle } from './played-toggle.tsx';
import { ShowNotesBody } from './show-notes.tsx';

/** The episode's page; says so plainly when the episode is not in the library. */
export function EpisodePage({ episodeId }: { episodeId: string }) {
  const found = useLiveQuery(async () => {
    const episode = await getEpisode(episodeId);
    if (!episode) return { episode };
    const [podcast, download] = await Promise.all([
      getPodcast(episode.podcastId),
      getDownload(episode.id),
    ]);
    return { episode, podcast, download };
  }, [episodeId]);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [episodeId]);
  if (!found) return <Skeleton label="Loading the episode…" rows={1} />;
  const { episode, podcast, download } = found;
  if (!episode) {
    return (
      <MissingState
        id="episode-missing-heading"
        title="Episode not found"
        reason="This episode is not in your library."
        alert
      />
    );
  }
  const artwork = episode.artworkUrl ?? podcast?.artworkUrl;
  const meta = [
    formatDate(episode.publishedAt),
    episode.durationSeconds ? formatDuration(episode.durationSeconds) : '',
    episode.enclosure?.length ? formatBytes(episode.enclosure.length) : '',
  ].filter(Boolean);
  return (
    <article className="episode-page" aria-labelledby="episode-heading">
      {podcast && (
        <Link href={`/podcast/${podcast.id}`} className="back-link">
          <ChevronLeft size={20} aria-hidden="true" />
          {podcast.title}
        </Link>
      )}
      <div className="episode-page-head">
        <Artwork
          src={episode.artworkUrl}
          fallback={podcast?.artworkUrl}
          title={episode.title}
          size={160}
          eager
          className="episode-page-art"
        />
        <div>
          <h1 id="episode-heading">{episode.title}</h1>
          <p className="episode-meta">
            {meta.join(' · ')}
            <PlayedIndicator episode={episode} />
          </p>
          <DownloadNote download={download} />
        </div>
      </div>
      {episode.enclosure ? (
        <div className="episode-page-actions">
          <PlayButton episodeId={episode.id} tip="start" />
          <DownloadControls episode={episode} download={download} artworkUrl={artwork} />
          <AddToQueueButton episodeId={episode.id} />
          <PlayedToggle episode={episode} />
        </div>
      ) : (
        <p className="muted">No audio file in the feed.</p>
      )}
      <section className="show-notes" aria-labelledby="show-notes-heading">
        <h2 id="show-notes-heading">Show notes</h2>
        <ShowNotesBody episode={episode} feedUrl={podcast?.feedUrl} />
      </section>
    </article>
  );
}
