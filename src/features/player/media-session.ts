// Lock screen, headset and media keys through the Media Session API. The session is passed in,
// so tests can hand over a fake one and browsers without the API get none.
import type { Episode, Podcast } from '../../db/schema.ts';
import { ARTWORK_CACHE } from '../../shared/cache-names.ts';
import { artworkAddress } from '../../ui/artwork-address.ts';

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

/**
 * Shows the episode on the lock screen: title, podcast, artwork. The artwork is the app's own
 * address for it (the service worker serves it offline); the episode's, or the podcast's when only
 * that one is stored on this device (the system cannot fall back by itself).
 */
export function setMediaMetadata(
  session: MediaSession | undefined,
  episode: Episode,
  podcast: Podcast | undefined,
): void {
  if (!session || typeof MediaMetadata === 'undefined') return;
  const candidates = [episode.artworkUrl, podcast?.artworkUrl].flatMap(
    (url) => artworkAddress(url) ?? [],
  );
  const show = (src: string | undefined) =>
    (session.metadata = new MediaMetadata({
      title: episode.title,
      artist: podcast?.author ?? '',
      album: podcast?.title ?? '',
      artwork: src ? [{ src, sizes: '512x512' }] : [],
    }));
  const shown = show(candidates[0]);
  if (candidates.length < 2) return;
  void firstStored(candidates).then((stored) => {
    if (stored && stored !== candidates[0] && session.metadata === shown) show(stored);
  });
}

async function firstStored(addresses: string[]): Promise<string | undefined> {
  if (typeof caches === 'undefined') return undefined;
  const cache = await caches.open(ARTWORK_CACHE);
  for (const address of addresses) if (await cache.match(address)) return address;
  return undefined;
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
