// Automatic clean-up: delete played episodes (never, at once, or after some days) and a budget
// for downloads (gigabytes and/or episodes) that played episodes make way for, oldest played first.
import { useSetting } from './use-setting.ts';

const AFTER_DAYS = [1, 3, 7, 14, 30];
const GB = 1e9;

/** The auto-delete and storage budget fields. */
export function CleanupSettings() {
  const [days, setDays] = useSetting('autoDeletePlayedAfterDays');
  const [budgetBytes, setBudgetBytes] = useSetting('storageBudgetBytes');
  const [budgetEpisodes, setBudgetEpisodes] = useSetting('storageBudgetEpisodes');
  return (
    <>
      <label className="player-field">
        Delete played episodes
        <select
          value={days === null ? 'never' : String(days)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setDays(value === 'never' ? null : Number(value));
          }}
        >
          <option value="never">Never</option>
          <option value="0">Right away</option>
          {AFTER_DAYS.map((n) => (
            <option key={n} value={String(n)}>
              {n === 1 ? 'After 1 day' : `After ${n} days`}
            </option>
          ))}
        </select>
      </label>
      <LimitField
        label="Keep at most (GB)"
        step={0.5}
        value={budgetBytes === null ? null : budgetBytes / GB}
        onChange={(value) => setBudgetBytes(value === null ? null : Math.round(value * GB))}
      />
      <LimitField
        label="Keep at most (episodes)"
        step={1}
        value={budgetEpisodes}
        onChange={(value) => setBudgetEpisodes(value === null ? null : Math.round(value))}
      />
      <p className="muted">
        Leave a limit empty for none. Over a limit, played episodes are deleted first, the one
        played longest ago first; unplayed episodes are kept, and automatic downloads wait.
      </p>
    </>
  );
}

function LimitField({
  label,
  step,
  value,
  onChange,
}: {
  label: string;
  step: number;
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  return (
    <label className="player-field">
      {label}
      <input
        type="number"
        min={step}
        step={step}
        inputMode="decimal"
        placeholder="No limit"
        defaultValue={value ?? ''}
        key={value ?? 'none'}
        onBlur={(event) => {
          const number = event.currentTarget.valueAsNumber;
          onChange(Number.isFinite(number) && number > 0 ? number : null);
        }}
      />
    </label>
  );
}
