// The backup file: what it holds, and which settings travel in it. A backup is a file the
// listener picks, as untrusted as a feed: read-backup.ts checks it field by field.
import type { Episode, PlaybackPosition, Podcast, Setting } from './schema.ts';

export const BACKUP_FORMAT = 'longwave-backup';

/** The library without its audio: subscriptions, episodes, played state, positions, queue, settings. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: number;
  podcasts: Podcast[];
  episodes: Episode[];
  positions: PlaybackPosition[];
  /** Episode ids in play order. */
  queue: string[];
  settings: Setting[];
}

/** A file that cannot be restored, in the listener's words. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Settings that describe this device's moment, not the listener's choices. */
const LOCAL_SETTINGS = new Set([
  'demoSubscribed',
  'nowPlayingEpisodeId',
  'installHintDismissed',
  'notificationPermissionAsked',
]);

/** Whether a setting belongs in a backup. */
export function isPortableSetting(setting: Setting): boolean {
  return !LOCAL_SETTINGS.has(setting.key);
}
