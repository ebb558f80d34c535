// Playback speed, remembered per podcast.
import { setSpeed } from './audio-engine.ts';
import { usePlayerStore } from './player-store.ts';
import { SPEEDS } from './podcast-speed.ts';

/** A "Speed" select from 0.5× to 3×. */
export function SpeedSelect() {
  const rate = usePlayerStore((state) => state.rate);
  return (
    <label className="player-field">
      Speed
      <select
        value={String(rate)}
        onChange={(event) => void setSpeed(Number(event.currentTarget.value))}
      >
        {SPEEDS.map((speed) => (
          <option key={speed} value={String(speed)}>
            {speed}×
          </option>
        ))}
      </select>
    </label>
  );
}
