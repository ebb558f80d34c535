// Mounts the app's one audio element once, for the app's whole life, and the player's global
// wiring: media keys, keyboard shortcuts, sleep timer, the episode restored on reopening.
import { useEffect, useRef } from 'react';
import { attachAudio } from './audio-events.ts';
import {
  pause,
  playNext,
  restoreNowPlaying,
  resume,
  seekTo,
  getAudioElement,
} from './audio-engine.ts';
import { wireMediaSession } from './media-session.ts';
import { usePlayerStore } from './player-store.ts';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts.ts';
import { useRemovedEpisode } from './use-removed-episode.ts';
import { useSleepTimer } from './use-sleep-timer.ts';

/** The hidden audio element plus a live region for what the player announces. */
export function AudioHost() {
  const ref = useRef<HTMLAudioElement>(null);
  const announcement = usePlayerStore((state) => state.announcement);
  useEffect(() => {
    const detach = attachAudio(ref.current!);
    const unwire = wireMediaSession(navigator.mediaSession, {
      play: () => void resume(),
      pause,
      seekBy: (seconds) => seekTo((getAudioElement()?.currentTime ?? 0) + seconds),
      seekTo,
      previous: () => seekTo(0),
      next: () => void playNext(),
    });
    void restoreNowPlaying();
    return () => {
      unwire();
      detach();
    };
  }, []);
  useKeyboardShortcuts();
  useSleepTimer();
  useRemovedEpisode();
  return (
    <>
      <audio ref={ref} preload="metadata" />
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </>
  );
}
