// Typed app settings stored as key/value rows.
import { db } from './database.ts';

/** Every setting with its type. */
export interface Settings {
  demoSubscribed: boolean;
  /** How many downloads run at once (1–5; Background Fetch allows at most 5 per site). */
  concurrentDownloads: number;
  /** A connection silent this long is abandoned and resumed. */
  downloadStallSeconds: number;
  /** Seconds the player's skip back / skip forward buttons and keys jump. */
  skipBackSeconds: number;
  skipForwardSeconds: number;
  /** Playback speed per podcast id, remembered when the listener changes it. */
  podcastSpeeds: Record<string, number>;
  /** The episode in the player, so it is there again when the app reopens. */
  nowPlayingEpisodeId: string | null;
  /** Delete a played episode's download this many days after it was played (0: at once); null: never. */
  autoDeletePlayedAfterDays: number | null;
  /** Keep downloads within this many bytes (null: no limit): played ones go first, oldest played first. */
  storageBudgetBytes: number | null;
  /** Keep at most this many downloaded episodes (null: no limit). */
  storageBudgetEpisodes: number | null;
  /** Ask before a large download when the connection is metered (Network Information API). */
  warnOnMeteredDownloads: boolean;
  /** The listener closed the iOS Add to Home Screen hint. */
  installHintDismissed: boolean;
  /** Notification permission was asked for once (at the first download); never ask again. */
  notificationPermissionAsked: boolean;
  /** The store country Discover searches and charts (two letters); the browser's region until set. */
  discoverCountry: string;
  /** Check subscriptions for new episodes this often, in minutes (in the background, or on open). */
  refreshIntervalMinutes: number;
  /** Show a notification when a background refresh finds new episodes (with permission). */
  notifyNewEpisodes: boolean;
}

/** Settings that have a default value. */
export type DefaultedKey =
  | 'concurrentDownloads'
  | 'downloadStallSeconds'
  | 'skipBackSeconds'
  | 'skipForwardSeconds'
  | 'autoDeletePlayedAfterDays'
  | 'storageBudgetBytes'
  | 'storageBudgetEpisodes'
  | 'warnOnMeteredDownloads'
  | 'refreshIntervalMinutes'
  | 'notifyNewEpisodes';

/** Values used until the listener changes them. */
export const DEFAULT_SETTINGS: Pick<Settings, DefaultedKey> = {
  concurrentDownloads: 2,
  downloadStallSeconds: 30,
  skipBackSeconds: 15,
  skipForwardSeconds: 30,
  autoDeletePlayedAfterDays: null,
  storageBudgetBytes: null,
  storageBudgetEpisodes: null,
  warnOnMeteredDownloads: true,
  refreshIntervalMinutes: 60,
  notifyNewEpisodes: true,
};

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

/** Reads a setting that has a default. */
export async function getSettingOrDefault<K extends DefaultedKey>(key: K): Promise<Settings[K]> {
  const defaults: Pick<Settings, K> = DEFAULT_SETTINGS;
  return (await getSetting(key)) ?? defaults[key];
}
