// How far the skip buttons, media keys and arrow keys jump.
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_SETTINGS, getSetting, setSetting } from '../../db/settings.ts';

const CHOICES = [5, 10, 15, 30, 45, 60];

/** Two selects for the skip back / skip forward intervals, stored as settings. */
export function SkipSettings() {
  const back =
    useLiveQuery(() => getSetting('skipBackSeconds')) ?? DEFAULT_SETTINGS.skipBackSeconds;
  const forward =
    useLiveQuery(() => getSetting('skipForwardSeconds')) ?? DEFAULT_SETTINGS.skipForwardSeconds;
  const field = (label: string, key: 'skipBackSeconds' | 'skipForwardSeconds', value: number) => (
    <label className="player-field">
      {label}
      <select
        value={String(value)}
        onChange={(event) => void setSetting(key, Number(event.currentTarget.value))}
      >
        {CHOICES.map((seconds) => (
          <option key={seconds} value={String(seconds)}>
            {seconds} s
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <details className="skip-settings">
      <summary>Skip intervals</summary>
      {field('Skip back', 'skipBackSeconds', back)}
      {field('Skip forward', 'skipForwardSeconds', forward)}
    </details>
  );
}
