// Play an episode in the player; while it is the one playing, the same button pauses it.
import { Pause, Play } from 'lucide-react';
import { IconButton } from '../../ui/icon-button.tsx';
import { playEpisode, togglePlay } from './audio-engine.ts';
import { usePlayerStore } from './player-store.ts';

/** A Play button for one episode (Pause while that episode plays). */
export function PlayButton({ episodeId, tip }: { episodeId: string; tip?: 'start' | 'end' }) {
  const playing = usePlayerStore((state) => state.playing && state.episodeId === episodeId);
  return playing ? (
    <IconButton icon={Pause} label="Pause" primary tip={tip} onClick={togglePlay} />
  ) : (
    <IconButton
      icon={Play}
      label="Play"
      primary
      tip={tip}
      onClick={() => void playEpisode(episodeId)}
    />
  );
}
