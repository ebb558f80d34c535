// The mini player at the bottom of every view (above the tab bar on phones): artwork, title,
// time, play/pause and a thin progress line. The audio element itself lives in AudioHost, so it
// keeps playing whichever view is shown; the title opens the Now Playing screen.
import { useLocation, Link } from 'wouter';
import { Artwork } from '../../ui/artwork.tsx';
import { formatClock } from './format-clock.ts';
import { PlayerMessage } from './player-message.tsx';
import { PlayPauseButton } from './play-pause-button.tsx';
import { usePlayerStore } from './player-store.ts';
import { useNowPlaying } from './use-now-playing.ts';

/** Shows the current episode, with a link to the full player. */
export function MiniPlayer() {
  const nowPlaying = useNowPlaying();
  const [location] = useLocation();
  const currentTime = usePlayerStore((state) => state.currentTime);
  const duration = usePlayerStore((state) => state.duration);
  if (!nowPlaying) return null;
  const { episode, podcast } = nowPlaying;
  const fraction = duration > 0 ? Math.min(1, currentTime / duration) : 0;
  return (
    <section
      className="mini-player"
      aria-label="Player"
      data-on-player={location === '/player' || undefined}
    >
      <Artwork
        src={episode.artworkUrl}
        fallback={podcast?.artworkUrl}
        title={episode.title}
        size={44}
        eager
        className="mini-player-art"
      />
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
        <PlayerMessage className="mini-player-message" />
      </div>
      <PlayPauseButton className="mini-player-toggle" />
      <div className="mini-player-progress" aria-hidden="true">
        <div style={{ transform: `scaleX(${fraction})` }} />
      </div>
    </section>
  );
}
