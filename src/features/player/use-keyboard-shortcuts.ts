// Desktop shortcuts: space plays/pauses, left/right arrows skip. Keys meant for a focused control
// (typing, a slider, a button's own space) are left alone.
import { useEffect } from 'react';
import { formatClock } from './format-clock.ts';
import { getAudioElement, skip, togglePlay } from './audio-engine.ts';
import { usePlayerStore } from './player-store.ts';

const OWN_KEYS = 'input, textarea, select, button, a, summary, [contenteditable], [role="slider"]';

/** Whether a key press belongs to the focused element rather than to the player. */
export function isForFocusedControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(OWN_KEYS) !== null;
}

/** Listens for the player's keys on the whole page while an episode is loaded. */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (!usePlayerStore.getState().episodeId || isForFocusedControl(event.target)) return;
      const { announce } = usePlayerStore.getState();
      if (event.key === ' ') {
        event.preventDefault();
        const wasPaused = getAudioElement()?.paused ?? true;
        togglePlay();
        announce(wasPaused ? 'Playing' : 'Paused');
      } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        event.preventDefault();
        const direction = event.key === 'ArrowLeft' ? 'back' : 'forward';
        void skip(direction).then((seconds) =>
          announce(
            `Skipped ${direction} ${seconds} seconds, at ${formatClock(getAudioElement()?.currentTime ?? 0)}`,
          ),
        );
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
