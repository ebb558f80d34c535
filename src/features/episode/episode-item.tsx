// One episode in a list: what it is, and what can be done with it. The list decides where the row
// sits (virtualised lists pass style, ref and position through to the <li>).
import type { ComponentPropsWithRef, ReactNode } from 'react';
import type { Episode } from '../../db/schema.ts';
import { formatBytes, formatDate, formatDuration } from '../../shared/format.ts';
import { DownloadControls } from '../downloads/download-controls.tsx';
import { AddToQueueButton } from '../player/add-to-queue-button.tsx';
import { PlayButton } from '../player/play-button.tsx';
import { PlayedToggle } from './played-toggle.tsx';
import { ShowNotes } from './show-notes.tsx';

type EpisodeItemProps = ComponentPropsWithRef<'li'> & {
  episode: Episode;
  artworkUrl?: string;
  /** Relative links in the show notes resolve against the feed's address. */
  feedUrl?: string;
  /** Shown under the title, e.g. the podcast's name in search results. */
  context?: ReactNode;
};

/** An episode row with its title, date, duration, size, played state, show notes and actions. */
export function EpisodeItem({ episode, artworkUrl, feedUrl, context, ...li }: EpisodeItemProps) {
  const titleId = `episode-${episode.id}`;
  const meta = [
    formatDate(episode.publishedAt),
    episode.durationSeconds ? formatDuration(episode.durationSeconds) : '',
    episode.enclosure?.length ? formatBytes(episode.enclosure.length) : '',
  ].filter(Boolean);
  return (
    <li
      {...li}
      className={episode.playedAt ? 'episode episode-played' : 'episode'}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="episode-title" tabIndex={-1}>
        {episode.title}
      </h2>
      {context}
      {meta.length > 0 && <p className="episode-meta">{meta.join(' · ')}</p>}
      <ShowNotes episode={episode} feedUrl={feedUrl} />
      <div className="episode-actions">
        {episode.enclosure ? (
          <>
            <PlayButton episodeId={episode.id} />
            <AddToQueueButton episodeId={episode.id} />
            <DownloadControls episode={episode} artworkUrl={artworkUrl} />
          </>
        ) : (
          <p className="muted">No audio file in the feed.</p>
        )}
        <PlayedToggle episode={episode} />
      </div>
    </li>
  );
}
