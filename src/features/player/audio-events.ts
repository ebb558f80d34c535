// Keeps the now-playing store, the saved position, the played state and the lock screen in step
// with what the audio element does, and moves on to Up Next when an episode ends.
import { finishEpisode } from '../../db/playback.ts';
import {
  applyPendingStart,
  failureMessage,
  markHeard,
  playNext,
  saveNow,
  setAudioElement,
} from './audio-engine.ts';
import { syncPositionState } from './media-session.ts';
import { usePlayerStore } from './player-store.ts';
import { isPreviewEpisode } from './preview-episodes.ts';
import { useSleepTimerStore } from './sleep-timer-store.ts';

/** While playing, the position is written at most this often (and on every pause and seek). */
export const SAVE_EVERY_MS = 5_000;

/** Makes `audio` the player's element and listens to it; returns a function that lets go. */
export function attachAudio(audio: HTMLAudioElement): () => void {
  setAudioElement(audio);
  let lastSave = 0;
  const store = usePlayerStore.getState;
  const progress = () => store().setProgress(audio.currentTime, audio.duration || 0);
  const syncSession = () =>
    syncPositionState(navigator.mediaSession, {
      duration: audio.duration,
      position: audio.currentTime,
      playbackRate: audio.playbackRate,
      playing: !audio.paused,
    });
  const save = () => {
    lastSave = Date.now();
    void saveNow();
  };
  const listeners: Partial<Record<keyof HTMLMediaElementEventMap, () => void>> = {
    loadedmetadata: () => {
      applyPendingStart();
      progress();
      syncSession();
    },
    durationchange: progress,
    timeupdate: () => {
      progress();
      if (!audio.paused && Date.now() - lastSave >= SAVE_EVERY_MS) save();
    },
    play: () => {
      markHeard();
      store().setPlaying(true);
      syncSession();
    },
    pause: () => {
      store().setPlaying(false);
      syncSession();
      save();
    },
    seeked: () => {
      progress();
      syncSession();
      save();
    },
    ratechange: () => {
      store().setRate(audio.playbackRate);
      syncSession();
    },
    ended: () => void onEnded(audio),
    error: () => {
      if (!audio.getAttribute('src')) return;
      const { message, downloadBroken } = failureMessage();
      store().setMessage(message, downloadBroken);
    },
  };
  const onHide = () => {
    if (document.visibilityState === 'hidden') save();
  };
  for (const [type, listener] of Object.entries(listeners)) audio.addEventListener(type, listener);
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', save);
  return () => {
    for (const [type, listener] of Object.entries(listeners)) {
      audio.removeEventListener(type, listener);
    }
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', save);
    setAudioElement(undefined);
  };
}

async function onEnded(audio: HTMLAudioElement): Promise<void> {
  const { episodeId, setPlaying, announce } = usePlayerStore.getState();
  if (episodeId && !isPreviewEpisode(episodeId)) await finishEpisode(episodeId, audio.duration);
  const sleep = useSleepTimerStore.getState();
  if (sleep.atEpisodeEnd) {
    sleep.cancel();
    announce('Sleep timer: stopped at the end of the episode.');
    return;
  }
  if (!(await playNext())) setPlaying(false);
}
