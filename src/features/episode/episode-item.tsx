// One episode in a list: what it is, and what can be done with it.
import { useMemo } from 'react';
import type { Episode } from '../../db/schema.ts';
import { sanitizeHtml } from '../../feeds/sanitize-html.ts';
import { formatBytes, formatDate, formatDuration } from '../../shared/format.ts';
import { DownloadControls } from '../downloads/download-controls.tsx';
import { PlayButton } from '../player/play-button.tsx';

/** An episode row with its title, date, duration, size, show notes and actions. */
export function EpisodeItem({ episode, artworkUrl }: { episode: Episode; artworkUrl?: string }) {
  const notes = useMemo(() => sanitizeHtml(episode.descriptionHtml), [episode.descriptionHtml]);
  const titleId = `episode-${episode.id}`;
  return (
    <li className="episode" aria-labelledby={titleId}>
      <h2 id={titleId} className="episode-title">
        {episode.title}
      </h2>
      <p className="episode-meta">
        {[
          formatDate(episode.publishedAt),
          episode.durationSeconds ? formatDuration(episode.durationSeconds) : '',
          episode.enclosure?.length ? formatBytes(episode.enclosure.length) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {notes && (
        <details className="show-notes">
          <summary>Show notes</summary>
          <div dangerouslySetInnerHTML={{ __html: notes }} />
        </details>
      )}
      {episode.enclosure ? (
        <div className="episode-actions">
          <PlayButton episodeId={episode.id} />
          <DownloadControls episode={episode} artworkUrl={artworkUrl} />
        </div>
      ) : (
        <p className="muted">No audio file in the feed.</p>
      )}
    </li>
  );
}
