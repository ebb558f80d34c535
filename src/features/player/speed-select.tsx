// Playback speed, remembered per podcast: a compact pill showing the speed.
import { Gauge } from 'lucide-react';
import { setSpeed } from './audio-engine.ts';
import { usePlayerStore } from './player-store.ts';
import { SPEEDS } from './podcast-speed.ts';

/** A "Speed" select from 0.5× to 3×. */
export function SpeedSelect() {
  const rate = usePlayerStore((state) => state.rate);
  return (
    <label className="pill-field">
      <Gauge size={18} aria-hidden="true" />
      <span className="visually-hidden">Speed</span>
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
