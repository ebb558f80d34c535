// Pauses playback when the sleep timer runs out (the end-of-episode case is handled on `ended`).
import { useEffect } from 'react';
import { pause } from './audio-engine.ts';
import { usePlayerStore } from './player-store.ts';
import { useSleepTimerStore } from './sleep-timer-store.ts';

/** Runs the sleep timer while the app is open. */
export function useSleepTimer(): void {
  const endsAt = useSleepTimerStore((state) => state.endsAt);
  useEffect(() => {
    if (endsAt === undefined) return;
    const timer = setTimeout(
      () => {
        pause();
        useSleepTimerStore.getState().cancel();
        usePlayerStore.getState().announce('Sleep timer: paused.');
      },
      Math.max(0, endsAt - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [endsAt]);
}
