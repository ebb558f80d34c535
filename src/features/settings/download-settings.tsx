// Download settings: how many run at once, and whether to ask before a large download on a
// metered connection.
import { useSetting } from './use-setting.ts';

/** The concurrent downloads select and the metered-connection checkbox. */
export function DownloadSettings() {
  const [concurrent, setConcurrent] = useSetting('concurrentDownloads');
  const [warn, setWarn] = useSetting('warnOnMeteredDownloads');
  return (
    <>
      <label className="player-field">
        Downloads at once
        <select
          value={String(concurrent)}
          onChange={(event) => setConcurrent(Number(event.currentTarget.value))}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="played-toggle">
        <input
          type="checkbox"
          checked={warn}
          onChange={(event) => setWarn(event.currentTarget.checked)}
        />
        Ask before large downloads on a metered connection
      </label>
    </>
  );
}
