// Checking a backup file of unknown origin, field by field, with valibot schemas: a record with a
// field of the wrong type is refused whole, in words naming the record and the field, and never
// reaches the database or the screen; fields the app does not know are dropped. Loaded only when
// a backup is restored (valibot stays out of the first load).
import * as v from 'valibot';
import { isHttpUrl, toHttpUrl } from '../shared/url-rules.ts';
import { BACKUP_FORMAT, BackupError, type Backup } from './backup-format.ts';
import type { Episode, Podcast, Setting } from './schema.ts';
import type { Settings } from './settings.ts';

const text = v.string();
const optionalText = v.optional(v.string());
const time = v.pipe(v.number(), v.finite());
const count = v.pipe(v.number(), v.finite(), v.minValue(0));
const id = v.pipe(v.string(), v.nonEmpty());
const person = v.object({ name: text, role: optionalText, href: optionalText, img: optionalText });

const PODCAST = v.object({
  id,
  feedUrl: v.pipe(v.string(), v.check(isHttpUrl, 'Expected an http(s) address')),
  title: text,
  author: text,
  description: text,
  link: optionalText,
  artworkUrl: optionalText,
  subscribedAt: time,
  refreshedAt: time,
  funding: v.optional(v.array(v.object({ url: text, label: text }))),
  persons: v.optional(v.array(person)),
  refreshError: optionalText,
  autoDownload: v.optional(v.boolean()),
  etag: optionalText,
  lastModified: optionalText,
  refreshNotBefore: v.optional(time),
  viaProxy: v.optional(v.boolean()),
});

const EPISODE = v.object({
  id,
  podcastId: id,
  guid: text,
  title: text,
  descriptionHtml: text,
  publishedAt: time,
  durationSeconds: v.optional(count),
  artworkUrl: optionalText,
  enclosure: v.optional(v.object({ url: text, type: text, length: count })),
  link: optionalText,
  chaptersUrl: optionalText,
  transcripts: v.optional(v.array(v.object({ url: text, type: text, language: optionalText }))),
  persons: v.optional(v.array(person)),
  playedAt: v.optional(time),
});

const POSITION = v.object({
  episodeId: id,
  seconds: count,
  durationSeconds: v.optional(count),
  updatedAt: time,
});

const between = (low: number, high: number) =>
  v.pipe(v.number(), v.minValue(low), v.maxValue(high));
const orNone = <T extends v.GenericSchema>(schema: T) => v.nullable(schema);

/** The settings a backup may restore, each with the values it may take. */
const SETTING_RULES: Partial<Record<keyof Settings, v.GenericSchema>> = {
  concurrentDownloads: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
  downloadStallSeconds: between(5, 600),
  skipBackSeconds: between(1, 600),
  skipForwardSeconds: between(1, 600),
  podcastSpeeds: v.record(v.string(), between(0.5, 3)),
  autoDeletePlayedAfterDays: orNone(between(0, 3650)),
  storageBudgetBytes: orNone(between(1, Number.MAX_SAFE_INTEGER)),
  storageBudgetEpisodes: orNone(between(1, 100_000)),
  warnOnMeteredDownloads: v.boolean(),
};

/** What a backup file holds that can be restored, and the records refused, in plain words. */
export interface CheckedBackup {
  backup: Backup;
  refused: string[];
}

/** Checks a parsed file field by field; throws BackupError when it is not a backup at all. */
export function readBackup(data: unknown): CheckedBackup {
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
  const refused: string[] = [];
  const check = <T>(schema: v.GenericSchema<unknown, T>, items: unknown, what: string): T[] =>
    (items as unknown[]).flatMap((item, index) => {
      const result = v.safeParse(schema, item);
      if (result.success) return [result.output];
      refused.push(`${what} ${index + 1}${named(item)}: ${describe(result.issues[0])}`);
      return [];
    });
  return {
    backup: {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: typeof data.exportedAt === 'number' ? data.exportedAt : 0,
      podcasts: check(PODCAST, podcasts, 'Podcast').map(cleanPodcast),
      episodes: check(EPISODE, episodes, 'Episode').map(cleanEpisode),
      positions: check(POSITION, positions, 'Position'),
      queue: check(id, queue, 'Up Next entry'),
      settings: (settings as unknown[]).flatMap((item, index) => {
        const setting = checkSetting(item);
        if (typeof setting === 'string') {
          refused.push(`Setting ${index + 1}${named(item, 'key')}: ${setting}`);
        }
        return typeof setting === 'object' ? [setting] : [];
      }),
    },
    refused,
  };
}

/** A setting the backup may restore, why not, or undefined for one it skips (device-only). */
function checkSetting(item: unknown): Setting | string | undefined {
  if (!isRecord(item) || typeof item.key !== 'string') return 'it has no name.';
  const rule = SETTING_RULES[item.key as keyof Settings];
  if (!rule) return undefined;
  const result = v.safeParse(rule, item.value);
  return result.success ? { key: item.key, value: result.output } : describe(result.issues[0]);
}

function named(item: unknown, field = 'title'): string {
  const name = isRecord(item) ? item[field] : undefined;
  return typeof name === 'string' && name ? ` ("${name.slice(0, 80)}")` : '';
}

function describe(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'it is damaged.';
  const path = v.getDotPath(issue);
  return path ? `its field "${path}" is wrong (${issue.message}).` : `${issue.message}.`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Only http(s) addresses are fetched or linked, whatever the file says.
function cleanPodcast(podcast: Podcast): Podcast {
  return { ...podcast, artworkUrl: toHttpUrl(podcast.artworkUrl), link: toHttpUrl(podcast.link) };
}

function cleanEpisode(episode: Episode): Episode {
  const enclosureUrl = toHttpUrl(episode.enclosure?.url);
  return {
    ...episode,
    enclosure: enclosureUrl ? { ...episode.enclosure!, url: enclosureUrl } : undefined,
    artworkUrl: toHttpUrl(episode.artworkUrl),
    link: toHttpUrl(episode.link),
    chaptersUrl: toHttpUrl(episode.chaptersUrl),
    transcripts: episode.transcripts?.filter((transcript) => isHttpUrl(transcript.url)),
  };
}
