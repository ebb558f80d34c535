// The episode's chapters: the current one marked, each one a button that jumps there.
import { seekTo } from './audio-engine.ts';
import { currentChapterIndex, type Chapter } from './chapters.ts';
import { formatClock } from './format-clock.ts';
import { usePlayerStore } from './player-store.ts';

/** Chapters as loaded by the player page (from a podcast:chapters JSON file). */
export function ChapterList({ chapters, error }: { chapters?: Chapter[]; error?: string }) {
  const currentTime = usePlayerStore((state) => state.currentTime);
  if (error) return <p className="muted">Chapters could not be loaded ({error}).</p>;
  if (!chapters?.length) return null;
  const current = currentChapterIndex(chapters, currentTime);
  return (
    <section className="chapters" aria-labelledby="chapters-heading">
      <h2 id="chapters-heading">Chapters</h2>
      <ol>
        {chapters.map((chapter, index) => (
          <li key={`${chapter.startTime}-${index}`}>
            <button
              type="button"
              aria-current={index === current ? 'true' : undefined}
              onClick={() => seekTo(chapter.startTime)}
            >
              <span className="chapter-time">{formatClock(chapter.startTime)}</span>
              <span>{chapter.title}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
