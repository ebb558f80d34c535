// The full player view (/player): artwork, seek bar, transport, speed, sleep timer, chapters,
// Up Next and transcript.
import { Link } from 'wouter';
import { setPlayed } from '../../db/library.ts';
import { ChapterList } from './chapter-list.tsx';
import { usePlayerStore } from './player-store.ts';
import { SeekBar } from './seek-bar.tsx';
import { SkipSettings } from './skip-settings.tsx';
import { SleepTimerSelect } from './sleep-timer-select.tsx';
import { SpeedSelect } from './speed-select.tsx';
import { TranscriptView } from './transcript-view.tsx';
import { TransportControls } from './transport-controls.tsx';
import { UpNext } from './up-next.tsx';
import { useNowPlaying } from './use-now-playing.ts';

/** The player page; with nothing loaded it shows the queue and a way back to the library. */
export function PlayerPage() {
  const nowPlaying = useNowPlaying();
  const message = usePlayerStore((state) => state.message);
  if (!nowPlaying) {
    return (
      <div className="player-page">
        <div className="state">
          <h1>Nothing playing</h1>
          <p className="muted">Press Play on any episode; it keeps playing across the app.</p>
          <Link href="/" className="button-link">
            Choose an episode in the library
          </Link>
        </div>
        <UpNext />
      </div>
    );
  }
  const { episode, podcast } = nowPlaying;
  const artwork = episode.artworkUrl ?? podcast?.artworkUrl;
  return (
    <div className="player-page">
      {artwork && <img className="player-art" src={artwork} alt="" width={240} height={240} />}
      <h1>{episode.title}</h1>
      {podcast && <p className="muted">{podcast.title}</p>}
      {message && <p role="alert">{message}</p>}
      <SeekBar />
      <TransportControls />
      <div className="player-options">
        <SpeedSelect />
        <SleepTimerSelect />
        <label className="played-toggle">
          <input
            type="checkbox"
            checked={episode.playedAt !== undefined}
            onChange={(event) => void setPlayed(episode.id, event.currentTarget.checked)}
          />
          Played
        </label>
      </div>
      <SkipSettings />
      {episode.chaptersUrl && <ChapterList url={episode.chaptersUrl} />}
      <UpNext />
      {episode.transcripts?.length ? <TranscriptView transcripts={episode.transcripts} /> : null}
    </div>
  );
}
