// The sleep timer's state: pause at a time, or at the end of the current episode.
import { create } from 'zustand';

interface SleepTimerData {
  /** When playback pauses (ms since the epoch). */
  endsAt?: number;
  /** Pause when the current episode ends instead of playing the next. */
  atEpisodeEnd: boolean;
}

interface SleepTimerActions {
  sleepIn: (minutes: number) => void;
  sleepAtEpisodeEnd: () => void;
  cancel: () => void;
}

/** The sleep-timer slice. */
export const useSleepTimerStore = create<SleepTimerData & SleepTimerActions>()((set) => ({
  endsAt: undefined,
  atEpisodeEnd: false,
  sleepIn: (minutes) => set({ endsAt: Date.now() + minutes * 60_000, atEpisodeEnd: false }),
  sleepAtEpisodeEnd: () => set({ endsAt: undefined, atEpisodeEnd: true }),
  cancel: () => set({ endsAt: undefined, atEpisodeEnd: false }),
}));

/** Back to no timer (for tests). */
export function resetSleepTimerStore(): void {
  useSleepTimerStore.setState({ endsAt: undefined, atEpisodeEnd: false });
}
