// The episode's chapters: the current one named, each one a button that jumps there.
import { seekTo } from './audio-engine.ts';
import { currentChapterIndex, parseChapters } from './chapters.ts';
import { formatClock } from './format-clock.ts';
import { usePlayerStore } from './player-store.ts';
import { useEpisodeText } from './use-episode-text.ts';

/** Chapters from a podcast:chapters JSON file. */
export function ChapterList({ url }: { url: string }) {
  const { value: chapters, error } = useEpisodeText(url, parseChapters);
  const currentTime = usePlayerStore((state) => state.currentTime);
  if (error) return <p className="muted">Chapters could not be loaded ({error}).</p>;
  if (!chapters?.length) return null;
  const current = currentChapterIndex(chapters, currentTime);
  return (
    <section className="chapters" aria-labelledby="chapters-heading">
      <h2 id="chapters-heading">Chapters</h2>
      {current >= 0 && <p className="current-chapter">Now: {chapters[current]!.title}</p>}
      <ol>
        {chapters.map((chapter, index) => (
          <li key={`${chapter.startTime}-${index}`}>
            <button
              type="button"
              aria-current={index === current ? 'true' : undefined}
              onClick={() => seekTo(chapter.startTime)}
            >
              <span className="chapter-time">{formatClock(chapter.startTime)}</span> {chapter.title}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
