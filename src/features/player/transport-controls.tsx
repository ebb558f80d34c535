// Skip back, play/pause, skip forward: the Now Playing screen's main buttons, drawn as icons.
import { useLiveQuery } from 'dexie-react-hooks';
import { RotateCcw, RotateCw } from 'lucide-react';
import { DEFAULT_SETTINGS, getSetting } from '../../db/settings.ts';
import { IconButton } from '../../ui/icon-button.tsx';
import { skip } from './audio-engine.ts';
import { PlayPauseButton } from './play-pause-button.tsx';

/** The transport row; the skip buttons show their seconds and are named by them. */
export function TransportControls() {
  const back =
    useLiveQuery(() => getSetting('skipBackSeconds')) ?? DEFAULT_SETTINGS.skipBackSeconds;
  const forward =
    useLiveQuery(() => getSetting('skipForwardSeconds')) ?? DEFAULT_SETTINGS.skipForwardSeconds;
  return (
    <div className="transport">
      <IconButton
        icon={RotateCcw}
        size={36}
        badge={back}
        tip="center"
        className="transport-skip"
        label={`Skip back ${back} seconds`}
        onClick={() => void skip('back')}
      />
      <PlayPauseButton className="transport-toggle" size={36} />
      <IconButton
        icon={RotateCw}
        size={36}
        badge={forward}
        tip="center"
        className="transport-skip"
        label={`Skip forward ${forward} seconds`}
        onClick={() => void skip('forward')}
      />
    </div>
  );
}
