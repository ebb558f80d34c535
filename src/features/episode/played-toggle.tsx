// The played state of an episode, as a checkbox the listener can flip. (Not a button: a button
// named "Mark played" would also answer to "Play" for anyone finding buttons by name.)
import { useState } from 'react';
import { setPlayed } from '../../db/listener-marks.ts';
import { applyStoragePolicySoon } from '../../downloads/storage-janitor.ts';
import type { Episode } from '../../db/schema.ts';

/** A "Played" checkbox, checked once the episode was marked played. */
export function PlayedToggle({ episode }: { episode: Episode }) {
  const played = episode.playedAt !== undefined;
  // The click shows at once; the stored value takes over as soon as it changes (from any tab).
  const [pending, setPending] = useState<{ value: boolean; from: boolean }>();
  const checked = pending && pending.from === played ? pending.value : played;
  return (
    <label className="menu-item played-toggle">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => {
          const value = event.currentTarget.checked;
          setPending({ value, from: played });
          setPlayed(episode.id, value).then(applyStoragePolicySoon, () => setPending(undefined));
        }}
      />
      Played
    </label>
  );
}
