// The Now Playing screen (/player): large artwork, title and podcast, the seek bar with chapters,
// transport in icons, speed and sleep timer as compact pills, then Up Next, chapters and transcript.
import { Link } from 'wouter';
import { setPlayed } from '../../db/listener-marks.ts';
import { previewHref } from '../../shared/app-routes.ts';
import { Artwork } from '../../ui/artwork.tsx';
import { ChapterList } from './chapter-list.tsx';
import { parseChapters } from './chapters.ts';
import { PlayerMessage } from './player-message.tsx';
import { isPreviewEpisode } from './preview-episodes.ts';
import { SeekBar } from './seek-bar.tsx';
import { SkipSettings } from './skip-settings.tsx';
import { SleepTimerSelect } from './sleep-timer-select.tsx';
import { SpeedSelect } from './speed-select.tsx';
import { TranscriptView } from './transcript-view.tsx';
import { TransportControls } from './transport-controls.tsx';
import { UpNext } from './up-next.tsx';
import { useEpisodeText } from './use-episode-text.ts';
import { useNowPlaying } from './use-now-playing.ts';

/** The player page; with nothing loaded it shows the queue and a way back to the library. */
export function PlayerPage() {
  const nowPlaying = useNowPlaying();
  const chapters = useEpisodeText(nowPlaying?.episode.chaptersUrl, parseChapters);
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
  // A Discover preview's episode is in no library: its podcast is the preview, and it has no
  // played mark to keep.
  const preview = isPreviewEpisode(episode.id);
  return (
    <div className="player-page">
      <section className="now-playing" aria-labelledby="now-playing-title">
        <Artwork
          src={episode.artworkUrl}
          fallback={podcast?.artworkUrl}
          title={episode.title}
          size={320}
          eager
          className="player-art"
        />
        <div className="now-playing-titles">
          <h1 id="now-playing-title">{episode.title}</h1>
          {podcast && (
            <Link
              href={preview ? previewHref(podcast.feedUrl) : `/podcast/${podcast.id}`}
              className="muted now-playing-podcast"
            >
              {podcast.title}
            </Link>
          )}
        </div>
        <PlayerMessage className="error" />
        <SeekBar chapters={chapters.value} />
        <TransportControls />
        <div className="player-options">
          <SpeedSelect />
          <SleepTimerSelect />
          {!preview && (
            <label className="pill-field played-toggle">
              <input
                type="checkbox"
                checked={episode.playedAt !== undefined}
                onChange={(event) => void setPlayed(episode.id, event.currentTarget.checked)}
              />
              Played
            </label>
          )}
        </div>
      </section>
      <UpNext />
      <ChapterList chapters={chapters.value} error={chapters.error} />
      {episode.transcripts?.length ? <TranscriptView transcripts={episode.transcripts} /> : null}
      <SkipSettings />
    </div>
  );
}
