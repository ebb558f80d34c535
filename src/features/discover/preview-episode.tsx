// One episode in a preview: title, date, length, show notes and Play (streamed from its host).
// Nothing else: downloads, Up Next and played marks belong to episodes in the library.
import type { Episode } from '../../db/schema.ts';
import { formatDate, formatDuration } from '../../shared/format.ts';
import { ShowNotes } from '../episode/show-notes.tsx';
import { PlayButton } from '../player/play-button.tsx';

/** A preview's episode row. */
export function PreviewEpisode({ episode, feedUrl }: { episode: Episode; feedUrl: string }) {
  const titleId = `preview-episode-${episode.id.split('#').at(-1)}`;
  const meta = [
    formatDate(episode.publishedAt),
    episode.durationSeconds ? formatDuration(episode.durationSeconds) : '',
  ].filter(Boolean);
  return (
    <li className="episode" aria-labelledby={titleId}>
      <h2 id={titleId} className="episode-title">
        {episode.title}
      </h2>
      {meta.length > 0 && <p className="episode-meta">{meta.join(' · ')}</p>}
      <ShowNotes episode={episode} feedUrl={feedUrl} />
      <div className="episode-actions">
        {episode.enclosure ? (
          <PlayButton episodeId={episode.id} />
        ) : (
          <p className="muted">No audio file in the feed.</p>
        )}
      </div>
    </li>
  );
}
