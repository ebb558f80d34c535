// One episode in a list, compact as podcast apps draw it: artwork, a title of two lines at most
// that opens the episode's page, date · duration · size with where the listener is, then Play, the
// download control and a menu of the rest. The list decides where the row sits (virtualised lists
// pass style, ref and position through to the <li>).
import { useLiveQuery } from 'dexie-react-hooks';
import type { ComponentPropsWithRef, ReactNode } from 'react';
import { Link } from 'wouter';
import { getDownload } from '../../db/downloads.ts';
import type { Episode } from '../../db/schema.ts';
import { episodePageHref } from '../../shared/app-routes.ts';
import { formatBytes, formatDate, formatDuration } from '../../shared/format.ts';
import { Artwork } from '../../ui/artwork.tsx';
import { DownloadControls, DownloadNote } from '../downloads/download-controls.tsx';
import { PlayButton } from '../player/play-button.tsx';
import { EpisodeMenu } from './episode-menu.tsx';
import { PlayedIndicator } from './played-indicator.tsx';

type EpisodeItemProps = ComponentPropsWithRef<'li'> & {
  episode: Episode;
  artworkUrl?: string;
  /** Shown under the title, e.g. the podcast's name in search results. */
  context?: ReactNode;
};

/** An episode row: what it is, where the listener is in it, and what can be done with it. */
export function EpisodeItem({ episode, artworkUrl, context, ...li }: EpisodeItemProps) {
  const titleId = `episode-${episode.id}`;
  const download = useLiveQuery(() => getDownload(episode.id), [episode.id], null);
  const meta = [
    formatDate(episode.publishedAt),
    episode.durationSeconds ? formatDuration(episode.durationSeconds) : '',
    episode.enclosure?.length ? formatBytes(episode.enclosure.length) : '',
  ].filter(Boolean);
  const className = ['episode-row', episode.playedAt !== undefined && 'episode-played'];
  return (
    <li {...li} className={className.filter(Boolean).join(' ')} aria-labelledby={titleId}>
      <Artwork src={artworkUrl} title={episode.title} size={56} className="episode-art" />
      <div className="episode-text">
        <h2 id={titleId} className="episode-title" tabIndex={-1}>
          <Link href={episodePageHref(episode.id)}>{episode.title}</Link>
        </h2>
        {context}
        <p className="episode-meta">
          {meta.join(' · ')}
          <PlayedIndicator episode={episode} />
        </p>
        {download !== null && <DownloadNote download={download} />}
        {!episode.enclosure && <p className="muted row-note">No audio file in the feed.</p>}
      </div>
      <div className="episode-actions">
        {episode.enclosure && (
          <>
            <PlayButton episodeId={episode.id} />
            {download !== null && (
              <DownloadControls episode={episode} download={download} artworkUrl={artworkUrl} />
            )}
          </>
        )}
        <EpisodeMenu episode={episode} />
      </div>
    </li>
  );
}
