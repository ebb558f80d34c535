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
  const skipButton = (direction: 'back' | 'forward', seconds: number) => (
    <IconButton
      icon={direction === 'back' ? RotateCcw : RotateCw}
      size={36}
      badge={seconds}
      tip="center"
      className="transport-skip"
      label={`Skip ${direction} ${seconds} seconds`}
      onClick={() => void skip(direction)}
    />
  );
  return (
    <div className="transport">
      {skipButton('back', back)}
      <PlayPauseButton className="transport-toggle" size={36} />
      {skipButton('forward', forward)}
    </div>
  );
}
