// The sleep timer: off, after some minutes, or at the end of the episode; a compact pill.
import { Moon } from 'lucide-react';
import { useSleepTimerStore } from './sleep-timer-store.ts';

const MINUTES = [5, 10, 15, 30, 45, 60];

/** A "Sleep timer" select, showing when it ends while it runs. */
export function SleepTimerSelect() {
  const { endsAt, atEpisodeEnd, sleepIn, sleepAtEpisodeEnd, cancel } = useSleepTimerStore();
  const value = atEpisodeEnd ? 'end' : endsAt ? 'on' : 'off';
  return (
    <label className="pill-field" data-on={value !== 'off' || undefined}>
      <Moon size={18} aria-hidden="true" />
      <span className="visually-hidden">Sleep timer</span>
      <select
        value={value}
        onChange={(event) => {
          const choice = event.currentTarget.value;
          if (choice === 'off') cancel();
          else if (choice === 'end') sleepAtEpisodeEnd();
          else sleepIn(Number(choice));
        }}
      >
        <option value="off">Sleep off</option>
        {value === 'on' && (
          <option value="on">
            Until{' '}
            {new Date(endsAt ?? 0).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
          </option>
        )}
        {MINUTES.map((minutes) => (
          <option key={minutes} value={String(minutes)}>
            {minutes} min
          </option>
        ))}
        <option value="end">End of episode</option>
      </select>
    </label>
  );
}
