// Play an episode in the player.
import { usePlayerStore } from './player-store.ts';

/** A Play button for one episode. */
export function PlayButton({ episodeId }: { episodeId: string }) {
  const play = usePlayerStore((state) => state.play);
  return (
    <button type="button" onClick={() => play(episodeId)}>
      Play
    </button>
  );
}
