// The Now Playing seek bar: a slider over the episode (drag, tap or arrow keys), with the chapters
// marked along it, elapsed and remaining time under it, and the chapter playing named.
import type { CSSProperties } from 'react';
import { seekTo } from './audio-engine.ts';
import { currentChapterIndex, type Chapter } from './chapters.ts';
import { formatClock } from './format-clock.ts';
import { usePlayerStore } from './player-store.ts';

/** A slider over the episode's length; arrow keys on it move one step, 5 s. */
export function SeekBar({ chapters = [] }: { chapters?: Chapter[] }) {
  const currentTime = usePlayerStore((state) => state.currentTime);
  const duration = usePlayerStore((state) => state.duration);
  const remaining = Math.max(0, duration - currentTime);
  const at = Math.min(currentTime, duration);
  const chapter = chapters[currentChapterIndex(chapters, currentTime)];
  const percent = (seconds: number) => `${duration > 0 ? (seconds / duration) * 100 : 0}%`;
  return (
    <div className="seek-bar">
      <div className="seek-track" style={{ '--seek-fill': percent(at) } as CSSProperties}>
        <input
          type="range"
          aria-label="Seek"
          min={0}
          max={Math.max(duration, 0)}
          step={5}
          value={at}
          aria-valuetext={`${formatClock(currentTime)} of ${formatClock(duration)}${chapter ? `, ${chapter.title}` : ''}`}
          onChange={(event) => seekTo(event.currentTarget.valueAsNumber)}
        />
        {duration > 0 &&
          chapters
            .filter((mark) => mark.startTime > 0 && mark.startTime < duration)
            .map((mark) => (
              <span
                key={mark.startTime}
                className="seek-chapter"
                style={{ left: percent(mark.startTime) }}
                aria-hidden="true"
              />
            ))}
      </div>
      <div className="seek-times">
        <span aria-label="Elapsed">{formatClock(currentTime)}</span>
        {chapter && <span className="seek-chapter-title">{chapter.title}</span>}
        <span aria-label="Remaining">-{formatClock(remaining)}</span>
      </div>
    </div>
  );
}
