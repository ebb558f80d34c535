// The backup file: what it holds, and how a file of unknown origin is checked before it is used.
// A backup is a file the listener picks; it is treated as untrusted as a feed is.
import { isHttpUrl, toHttpUrl } from '../shared/url-rules.ts';
import type { Episode, PlaybackPosition, Podcast, Setting } from './schema.ts';
import type { Settings } from './settings.ts';

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

const between = (low: number, high: number) => (value: unknown) =>
  typeof value === 'number' && value >= low && value <= high;
const orNone = (check: (value: unknown) => boolean) => (value: unknown) =>
  value === null || check(value);

/** The settings a backup may restore, each with the values it may take. */
const SETTING_RULES: Partial<Record<keyof Settings, (value: unknown) => boolean>> = {
  concurrentDownloads: (value) => Number.isInteger(value) && between(1, 5)(value),
  downloadStallSeconds: between(5, 600),
  skipBackSeconds: between(1, 600),
  skipForwardSeconds: between(1, 600),
  podcastSpeeds: (value) => typeof value === 'object' && value !== null,
  autoDeletePlayedAfterDays: orNone(between(0, 3650)),
  storageBudgetBytes: orNone(between(1, Number.MAX_SAFE_INTEGER)),
  storageBudgetEpisodes: orNone(between(1, 100_000)),
  warnOnMeteredDownloads: (value) => typeof value === 'boolean',
};

/** Checks a parsed file and keeps only what is safe to store; throws BackupError. */
export function readBackup(data: unknown): Backup {
  if (!isRecord(data) || data.format !== BACKUP_FORMAT) {
    throw new BackupError('This file is not a Longwave backup.');
  }
  if (data.version !== 1) {
    throw new BackupError('This backup was made by a newer version of Longwave; update the app.');
  }
  const { podcasts, episodes, positions, queue, settings } = data;
  if (![podcasts, episodes, positions, queue, settings].every(Array.isArray)) {
    throw new BackupError('This backup is incomplete or damaged.');
  }
  return {
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: Number(data.exportedAt) || 0,
    podcasts: (podcasts as unknown[]).filter(isPodcast).map(cleanPodcast),
    episodes: (episodes as unknown[]).filter(isEpisode).map(cleanEpisode),
    positions: (positions as unknown[]).filter(isPosition),
    queue: (queue as unknown[]).filter((id) => typeof id === 'string'),
    settings: (settings as unknown[]).filter(isSetting),
  };
}

/** Whether a setting belongs in a backup. */
export function isPortableSetting(setting: Setting): boolean {
  return !LOCAL_SETTINGS.has(setting.key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPodcast(value: unknown): value is Podcast {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.feedUrl === 'string' &&
    isHttpUrl(value.feedUrl)
  );
}

function isEpisode(value: unknown): value is Episode {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.podcastId === 'string' &&
    typeof value.guid === 'string' &&
    typeof value.title === 'string'
  );
}

function isPosition(value: unknown): value is PlaybackPosition {
  return isRecord(value) && typeof value.episodeId === 'string' && Number.isFinite(value.seconds);
}

function isSetting(value: unknown): value is Setting {
  if (!isRecord(value) || typeof value.key !== 'string') return false;
  const rule = SETTING_RULES[value.key as keyof Settings];
  return rule !== undefined && rule(value.value);
}

// Only http(s) addresses are fetched or linked, whatever the file says.
function cleanPodcast(podcast: Podcast): Podcast {
  return { ...podcast, artworkUrl: toHttpUrl(podcast.artworkUrl), link: toHttpUrl(podcast.link) };
}

function cleanEpisode(episode: Episode): Episode {
  const enclosureUrl = toHttpUrl(episode.enclosure?.url);
  return {
    ...episode,
    descriptionHtml: String(episode.descriptionHtml ?? ''),
    publishedAt: Number(episode.publishedAt) || 0,
    enclosure: enclosureUrl ? { ...episode.enclosure!, url: enclosureUrl } : undefined,
    artworkUrl: toHttpUrl(episode.artworkUrl),
    link: toHttpUrl(episode.link),
    chaptersUrl: toHttpUrl(episode.chaptersUrl),
    transcripts: Array.isArray(episode.transcripts)
      ? episode.transcripts.filter((transcript) => isHttpUrl(String(transcript?.url)))
      : undefined,
  };
}
