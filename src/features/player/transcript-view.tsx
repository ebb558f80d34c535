// The episode's transcript; a timed one marks and scrolls to what is being said.
import { useCallback, useEffect, useRef } from 'react';
import type { Episode } from '../../db/schema.ts';
import { currentCueIndex, parseTranscript } from './transcript.ts';
import { usePlayerStore } from './player-store.ts';
import { useEpisodeText } from './use-episode-text.ts';

// Timed formats first: they can follow playback.
const PREFERENCE = ['vtt', 'srt', 'json', 'html', 'text'];

/** The best transcript the feed offers, following playback where it is timed. */
export function TranscriptView({
  transcripts,
}: {
  transcripts: NonNullable<Episode['transcripts']>;
}) {
  const rank = (type: string) => {
    const at = PREFERENCE.findIndex((word) => type.includes(word));
    return at < 0 ? PREFERENCE.length : at;
  };
  const chosen = [...transcripts].sort((a, b) => rank(a.type) - rank(b.type))[0];
  const type = chosen?.type ?? '';
  const parse = useCallback((text: string) => parseTranscript(text, type), [type]);
  const { value: cues, error } = useEpisodeText(chosen?.url, parse);
  const currentTime = usePlayerStore((state) => state.currentTime);
  const current = cues ? currentCueIndex(cues, currentTime) : -1;
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (current < 0) return;
    list.current?.children[current]?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [current]);
  if (error) return <p className="muted">The transcript could not be loaded ({error}).</p>;
  if (!cues?.length) return null;
  return (
    <section className="transcript" aria-labelledby="transcript-heading">
      <h2 id="transcript-heading">Transcript</h2>
      <ol ref={list} className="transcript-cues">
        {cues.map((cue, index) => (
          <li key={index} aria-current={index === current ? 'true' : undefined}>
            {cue.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
