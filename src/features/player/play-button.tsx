// Play an episode in the player.
import { playEpisode } from './audio-engine.ts';

/** A Play button for one episode. */
export function PlayButton({ episodeId }: { episodeId: string }) {
  return (
    <button type="button" onClick={() => void playEpisode(episodeId)}>
      Play
    </button>
  );
}
