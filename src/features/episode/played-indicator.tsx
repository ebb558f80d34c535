// Where the listener is in an episode, at a glance: a played mark, or for a started episode the
// time left and a thin bar of how far in.
import { Check } from 'lucide-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getPosition } from '../../db/playback.ts';
import type { Episode } from '../../db/schema.ts';
import { formatDuration } from '../../shared/format.ts';

/** "Played", "12 min left" with a bar, or nothing for an episode not started. */
export function PlayedIndicator({ episode }: { episode: Episode }) {
  const position = useLiveQuery(() => getPosition(episode.id), [episode.id]);
  if (episode.playedAt !== undefined) {
    return (
      <span className="played-mark">
        <Check size={14} aria-hidden="true" /> Played
      </span>
    );
  }
  const duration = position?.durationSeconds ?? episode.durationSeconds;
  if (!position || position.seconds < 1 || !duration) return null;
  const left = Math.max(0, duration - position.seconds);
  return (
    <span className="in-progress">
      <span className="in-progress-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, (position.seconds / duration) * 100)}%` }} />
      </span>
      {formatDuration(Math.max(60, Math.round(left / 60) * 60))} left
    </span>
  );
}
