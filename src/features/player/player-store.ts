// Now-playing UI state: which episode the player shows and what its audio is doing. The audio
// element itself is owned by audio-engine.ts; positions, queue and played state live in Dexie.
import { create } from 'zustand';

interface PlayerData {
  episodeId?: string;
  playing: boolean;
  /** Seconds, as the audio element last reported them. */
  currentTime: number;
  /** Seconds; 0 until known. */
  duration: number;
  rate: number;
  /** Why the episode cannot play, in the listener's words. */
  message?: string;
  /** The episode's download is what failed to play: the player offers to download it again. */
  downloadBroken?: boolean;
  /** Said to screen readers through a live region (e.g. after a keyboard shortcut). */
  announcement: string;
}

interface PlayerActions {
  /** Shows an episode in the player, before its audio is ready. */
  load: (episodeId: string, at: { currentTime: number; duration: number; rate: number }) => void;
  setProgress: (currentTime: number, duration: number) => void;
  setPlaying: (playing: boolean) => void;
  setRate: (rate: number) => void;
  /** Says why the episode cannot play; stays until playback starts or another episode loads. */
  setMessage: (message: string | undefined, downloadBroken?: boolean) => void;
  announce: (text: string) => void;
  /** Empties the player. */
  close: () => void;
}

const initial: PlayerData = {
  playing: false,
  currentTime: 0,
  duration: 0,
  rate: 1,
  announcement: '',
  // Present as keys so that load() and close() clear them (zustand merges what it is given).
  episodeId: undefined,
  message: undefined,
  downloadBroken: undefined,
};

/** The now-playing slice. */
export const usePlayerStore = create<PlayerData & PlayerActions>()((set) => ({
  ...initial,
  load: (episodeId, at) => set({ ...initial, ...at, episodeId }),
  setProgress: (currentTime, duration) => set({ currentTime, duration }),
  // Only playing clears the message: the browser fires pause right after a media error.
  setPlaying: (playing) =>
    set(playing ? { playing, message: undefined, downloadBroken: undefined } : { playing }),
  setRate: (rate) => set({ rate }),
  setMessage: (message, downloadBroken) => set({ message, downloadBroken, playing: false }),
  announce: (announcement) => set({ announcement }),
  close: () => set(initial),
}));

/** Back to an empty player (for tests). */
export function resetPlayerStore(): void {
  usePlayerStore.setState(initial);
}
