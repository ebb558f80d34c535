// The player's part of the shell: the mini player and the app's one audio element. One module,
// loaded just after the first screen: the library draws without any of the audio engine.
import { AudioHost } from './audio-host.tsx';
import { MiniPlayer } from './mini-player.tsx';

/** The mini player and the audio host, for the app shell. */
export function PlayerBar() {
  return (
    <>
      <MiniPlayer />
      <AudioHost />
    </>
  );
}
