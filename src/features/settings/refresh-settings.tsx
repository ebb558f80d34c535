// New episodes: how often subscriptions are checked (in the background where the browser allows,
// else when the app opens or comes back), and whether a background check may notify.
import { useState } from 'react';
import { useSetting } from './use-setting.ts';

const INTERVALS: [minutes: number, words: string][] = [
  [15, 'Every 15 minutes'],
  [30, 'Every 30 minutes'],
  [60, 'Every hour'],
  [180, 'Every 3 hours'],
  [360, 'Every 6 hours'],
  [720, 'Every 12 hours'],
  [1440, 'Once a day'],
];

/** The refresh interval select and the new-episode notification checkbox. */
export function RefreshSettings() {
  const [minutes, setMinutes] = useSetting('refreshIntervalMinutes');
  const [notify, setNotify] = useSetting('notifyNewEpisodes');
  const [permission, setPermission] = useState(() =>
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );

  async function changeInterval(next: number) {
    setMinutes(next);
    const { registerPeriodicRefresh } = await import('../library/background-refresh.ts');
    await registerPeriodicRefresh(next);
  }

  async function changeNotify(on: boolean) {
    setNotify(on);
    if (on && typeof Notification !== 'undefined' && Notification.permission === 'default') {
      setPermission(await Notification.requestPermission());
    }
  }

  return (
    <>
      <label className="player-field">
        Check for new episodes
        <select
          value={String(minutes)}
          onChange={(event) => void changeInterval(Number(event.currentTarget.value))}
        >
          {INTERVALS.map(([value, words]) => (
            <option key={value} value={String(value)}>
              {words}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">
        Where the browser allows it (an installed app in Chrome, Edge or Samsung Internet), Longwave
        checks while it is closed; elsewhere it checks when you open it or come back to it.
      </p>
      <label className="played-toggle">
        <input
          type="checkbox"
          checked={notify}
          onChange={(event) => void changeNotify(event.currentTarget.checked)}
        />
        Notify me about new episodes found in the background
      </label>
      {notify && permission === 'denied' && (
        <p className="muted">
          Notifications are blocked for this site in the browser&apos;s settings, so none are shown.
        </p>
      )}
    </>
  );
}
