// Typed app settings stored as key/value rows.
import { db } from './database.ts';

/** Every setting with its type. */
export interface Settings {
  demoSubscribed: boolean;
}

/** Reads a setting, or undefined when it was never written. */
export async function getSetting<K extends keyof Settings>(
  key: K,
): Promise<Settings[K] | undefined> {
  const row = await db.settings.get(key);
  return row?.value as Settings[K] | undefined;
}

/** Writes a setting. */
export async function setSetting<K extends keyof Settings>(
  key: K,
  value: Settings[K],
): Promise<void> {
  await db.settings.put({ key, value });
}
