// Skip back, play/pause, skip forward: the full player's main buttons.
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_SETTINGS, getSetting } from '../../db/settings.ts';
import { skip } from './audio-engine.ts';
import { PlayPauseButton } from './play-pause-button.tsx';

/** The transport row; the skip buttons name their interval. */
export function TransportControls() {
  const back =
    useLiveQuery(() => getSetting('skipBackSeconds')) ?? DEFAULT_SETTINGS.skipBackSeconds;
  const forward =
    useLiveQuery(() => getSetting('skipForwardSeconds')) ?? DEFAULT_SETTINGS.skipForwardSeconds;
  return (
    <div className="transport">
      <button type="button" onClick={() => void skip('back')}>
        Skip back {back} seconds
      </button>
      <PlayPauseButton className="transport-toggle" />
      <button type="button" onClick={() => void skip('forward')}>
        Skip forward {forward} seconds
      </button>
    </div>
  );
}
