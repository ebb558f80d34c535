// Lock screen, headset and media keys through the Media Session API. The session is passed in,
// so tests can hand over a fake one and browsers without the API get none.
import type { Episode, Podcast } from '../../db/schema.ts';

/** What the media keys can ask the player to do. */
export interface MediaCommands {
  play: () => void;
  pause: () => void;
  seekBy: (seconds: number) => void;
  seekTo: (seconds: number) => void;
  previous: () => void;
  next: () => void;
}

/** Seconds a seek key jumps when the system does not say. */
const DEFAULT_SEEK = { back: 15, forward: 30 };

/** Shows the episode on the lock screen: title, podcast, artwork. */
export function setMediaMetadata(
  session: MediaSession | undefined,
  episode: Episode,
  podcast: Podcast | undefined,
): void {
  if (!session || typeof MediaMetadata === 'undefined') return;
  const artwork = episode.artworkUrl ?? podcast?.artworkUrl;
  session.metadata = new MediaMetadata({
    title: episode.title,
    artist: podcast?.author ?? '',
    album: podcast?.title ?? '',
    artwork: artwork ? [{ src: artwork, sizes: '512x512' }] : [],
  });
}

/** Connects the media keys to the player; returns a function that disconnects them. */
export function wireMediaSession(
  session: MediaSession | undefined,
  commands: MediaCommands,
): () => void {
  if (!session) return () => undefined;
  const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
    ['play', () => commands.play()],
    ['pause', () => commands.pause()],
    ['seekbackward', (details) => commands.seekBy(-(details.seekOffset ?? DEFAULT_SEEK.back))],
    ['seekforward', (details) => commands.seekBy(details.seekOffset ?? DEFAULT_SEEK.forward)],
    ['seekto', (details) => details.seekTime !== undefined && commands.seekTo(details.seekTime)],
    ['previoustrack', () => commands.previous()],
    ['nexttrack', () => commands.next()],
  ];
  for (const [action, handler] of handlers) setHandler(session, action, handler);
  return () => {
    for (const [action] of handlers) setHandler(session, action, null);
  };
}

function setHandler(
  session: MediaSession,
  action: MediaSessionAction,
  handler: MediaSessionActionHandler | null,
): void {
  try {
    session.setActionHandler(action, handler);
  } catch {
    // Browsers throw for actions they do not support; the others still work.
  }
}

/** Tells the system where playback is, so the lock screen's progress is right. */
export function syncPositionState(
  session: MediaSession | undefined,
  state: { duration: number; position: number; playbackRate: number; playing: boolean },
): void {
  if (!session) return;
  session.playbackState = state.playing ? 'playing' : 'paused';
  if (!session.setPositionState || !Number.isFinite(state.duration) || state.duration <= 0) return;
  session.setPositionState({
    duration: state.duration,
    position: Math.min(Math.max(0, state.position), state.duration),
    playbackRate: state.playbackRate,
  });
}
