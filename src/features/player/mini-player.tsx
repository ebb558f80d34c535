// The player bar at the bottom of every view: artwork, title, play/pause and progress. The audio
// element itself lives in AudioHost, so it keeps playing whichever view is shown.
import { Link } from 'wouter';
import { formatClock } from './format-clock.ts';
import { PlayPauseButton } from './play-pause-button.tsx';
import { usePlayerStore } from './player-store.ts';
import { useNowPlaying } from './use-now-playing.ts';

/** Shows the current episode, with a link to the full player. */
export function MiniPlayer() {
  const nowPlaying = useNowPlaying();
  const currentTime = usePlayerStore((state) => state.currentTime);
  const duration = usePlayerStore((state) => state.duration);
  const message = usePlayerStore((state) => state.message);
  if (!nowPlaying) return null;
  const { episode, podcast } = nowPlaying;
  const artwork = episode.artworkUrl ?? podcast?.artworkUrl;
  const fraction = duration > 0 ? Math.min(1, currentTime / duration) : 0;
  return (
    <section className="mini-player" aria-label="Player">
      {artwork && <img className="mini-player-art" src={artwork} alt="" width={48} height={48} />}
      <div className="mini-player-text">
        <Link
          href="/player"
          className="mini-player-title"
          aria-label={`Open player: ${episode.title}`}
        >
          {episode.title}
        </Link>
        <span className="mini-player-time">
          {formatClock(currentTime)} / {formatClock(duration)}
        </span>
        {message && (
          <p role="alert" className="mini-player-message">
            {message}
          </p>
        )}
      </div>
      <PlayPauseButton className="mini-player-toggle" />
      <div className="mini-player-progress" aria-hidden="true">
        <div style={{ width: `${fraction * 100}%` }} />
      </div>
    </section>
  );
}
