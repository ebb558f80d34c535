// The full player's seek bar with elapsed and remaining time.
import { seekTo } from './audio-engine.ts';
import { formatClock } from './format-clock.ts';
import { usePlayerStore } from './player-store.ts';

/** A slider over the episode's length; arrow keys on it move one step, 5 s. */
export function SeekBar() {
  const currentTime = usePlayerStore((state) => state.currentTime);
  const duration = usePlayerStore((state) => state.duration);
  const remaining = Math.max(0, duration - currentTime);
  return (
    <div className="seek-bar">
      <input
        type="range"
        aria-label="Seek"
        min={0}
        max={Math.max(duration, 0)}
        step={5}
        value={Math.min(currentTime, duration)}
        aria-valuetext={`${formatClock(currentTime)} of ${formatClock(duration)}`}
        onChange={(event) => seekTo(event.currentTarget.valueAsNumber)}
      />
      <div className="seek-times">
        <span aria-label="Elapsed">{formatClock(currentTime)}</span>
        <span aria-label="Remaining">-{formatClock(remaining)}</span>
      </div>
    </div>
  );
}
