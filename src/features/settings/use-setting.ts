// A stored setting as React state that follows the database, with its default until it is read.
import { useLiveQuery } from 'dexie-react-hooks';
import { applyStoragePolicySoon } from '../../downloads/storage-janitor.ts';
import {
  DEFAULT_SETTINGS,
  getSettingOrDefault,
  setSetting,
  type DefaultedKey,
  type Settings,
} from '../../db/settings.ts';

/** The setting's value and a function that stores a new one. */
export function useSetting<K extends DefaultedKey>(
  key: K,
): [Settings[K], (value: Settings[K]) => void] {
  const defaults: Pick<Settings, K> = DEFAULT_SETTINGS;
  const value = useLiveQuery(() => getSettingOrDefault(key), [key], defaults[key]);
  // A new limit applies at once, not at the next scheduled pass.
  return [value, (next) => void setSetting(key, next).then(applyStoragePolicySoon)];
}
