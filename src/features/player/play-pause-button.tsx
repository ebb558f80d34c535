// The play/pause toggle shared by the mini player and the Now Playing screen.
import { Pause, Play } from 'lucide-react';
import { IconButton } from '../../ui/icon-button.tsx';
import { togglePlay } from './audio-engine.ts';
import { usePlayerStore } from './player-store.ts';

/** A button named "Play" or "Pause" after what pressing it does. */
export function PlayPauseButton({ className, size }: { className?: string; size?: number }) {
  const playing = usePlayerStore((state) => state.playing);
  return (
    <IconButton
      icon={playing ? Pause : Play}
      label={playing ? 'Pause' : 'Play'}
      primary
      size={size}
      className={className}
      tip="center"
      onClick={togglePlay}
    />
  );
}
