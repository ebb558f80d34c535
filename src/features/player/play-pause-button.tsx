// The play/pause toggle shared by the mini player and the full player.
import { togglePlay } from './audio-engine.ts';
import { usePlayerStore } from './player-store.ts';

/** A button named "Play" or "Pause" after what pressing it does. */
export function PlayPauseButton({ className }: { className?: string }) {
  const playing = usePlayerStore((state) => state.playing);
  return (
    <button type="button" className={className} onClick={togglePlay}>
      {playing ? 'Pause' : 'Play'}
    </button>
  );
}
