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
  /** The listener closed the iOS Add to Home Screen hint. */
  installHintDismissed: boolean;
  /** Notification permission was asked for once (at the first download); never ask again. */
  notificationPermissionAsked: boolean;
}

/** Values used until the listener changes them. */
export const DEFAULT_SETTINGS: Pick<
  Settings,
  'concurrentDownloads' | 'downloadStallSeconds' | 'skipBackSeconds' | 'skipForwardSeconds'
> = {
  concurrentDownloads: 2,
  downloadStallSeconds: 30,
  skipBackSeconds: 15,
  skipForwardSeconds: 30,
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
