// Now-playing UI state: which episode the player shows. Positions and queue live in Dexie.
import { create } from 'zustand';

interface PlayerState {
  episodeId?: string;
  /** Puts an episode in the player and starts it. */
  play: (episodeId: string) => void;
  /** Empties the player. */
  close: () => void;
}

/** The player slice. */
export const usePlayerStore = create<PlayerState>()((set) => ({
  episodeId: undefined,
  play: (episodeId) => set({ episodeId }),
  close: () => set({ episodeId: undefined }),
}));
