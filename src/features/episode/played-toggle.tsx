// The played state of an episode, as a checkbox the listener can flip. (Not a button: a button
// named "Mark played" would also answer to "Play" for anyone finding buttons by name.)
import { setPlayed } from '../../db/library.ts';
import type { Episode } from '../../db/schema.ts';

/** A "Played" checkbox, checked once the episode was marked played. */
export function PlayedToggle({ episode }: { episode: Episode }) {
  return (
    <label className="played-toggle">
      <input
        type="checkbox"
        checked={episode.playedAt !== undefined}
        onChange={(event) => void setPlayed(episode.id, event.currentTarget.checked)}
      />
      Played
    </label>
  );
}
