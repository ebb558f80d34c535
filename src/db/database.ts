// The Dexie database shared by the page and the service worker. Schema changes are numbered
// migrations, listed oldest first; each is tested against a database written by every earlier one.
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type {
  Download,
  Episode,
  MediaPart,
  PlaybackPosition,
  Podcast,
  QueueItem,
  Setting,
} from './schema.ts';

export const DATABASE_NAME = 'longwave';

/** One schema version: the stores it adds or changes, and how existing rows are carried over. */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<unknown>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    stores: {
      podcasts: 'id, &feedUrl',
      episodes: 'id, podcastId, [podcastId+publishedAt], [podcastId+guid], enclosure.url',
      downloads: 'episodeId, state',
      settings: 'key',
    },
  },
  // Parts of in-page downloads, so an interrupted download resumes from its last byte.
  { version: 2, stores: { parts: '[episodeId+offset], episodeId' } },
  // Playback positions (resume, even after the browser closed) and the Up Next queue.
  {
    version: 3,
    stores: { positions: 'episodeId, updatedAt', queue: '++id, &episodeId, position' },
  },
  // When each download finished, for the storage page's order and the storage budget. Earlier
  // records get the time they were last written, the best record of it there is.
  {
    version: 4,
    stores: {},
    upgrade: (transaction) =>
      transaction
        .table<Download>('downloads')
        .where('state')
        .equals('downloaded')
        .modify((download) => {
          download.downloadedAt ??= download.updatedAt;
        }),
  },
  // Downloads v2: the audio belongs to the episode (parts served at /media/<episodeId>), not to
  // its enclosure URL, which is now only where a download starts; every attempt has a generation;
  // a part knows its size. The audio itself moves out of the old media cache in legacy-media.ts.
  {
    version: 5,
    stores: {},
    upgrade: async (transaction) => {
      await transaction
        .table('downloads')
        .toCollection()
        .modify((download: Download & { url?: string; audioBytes?: number }) => {
          download.sourceUrl ??= download.url ?? '';
          download.generation ??= 0;
          if (download.state === 'downloaded') {
            download.bytesDone = download.audioBytes ?? download.bytesTotal ?? download.bytesDone;
            download.bytesTotal = download.bytesDone;
          }
          delete download.url;
          delete download.audioBytes;
        });
      await transaction
        .table('parts')
        .toCollection()
        .modify((part: MediaPart) => {
          part.size ??= part.blob?.size ?? part.bytes?.byteLength ?? 0;
        });
    },
  },
  // Big feeds store faster: every index is written with every episode, and a 5,000-episode
  // subscription spent most of its time on them. Episodes are found by podcast through the
  // [podcastId+publishedAt] index (episodesOf), and matched by GUID or enclosure URL in memory, so
  // the podcastId, [podcastId+guid] and enclosure.url indexes go. An episode must have a numeric
  // date to be in that index; every reader and writer gives one (0 when the feed has none).
  {
    version: 6,
    stores: { episodes: 'id, [podcastId+publishedAt]' },
    upgrade: (transaction) =>
      transaction
        .table<Episode>('episodes')
        .toCollection()
        .modify((episode) => {
          if (typeof episode.publishedAt !== 'number' || Number.isNaN(episode.publishedAt)) {
            episode.publishedAt = 0;
          }
        }),
  },
];

/** A podcast's episodes (in date order), through the one index that holds them. */
export function episodesOf(podcastId: string) {
  return db.episodes
    .where('[podcastId+publishedAt]')
    .between([podcastId, Dexie.minKey], [podcastId, Dexie.maxKey]);
}

/** Declares `migrations` on `database` (tests use it to write databases of earlier versions). */
export function applyMigrations(database: Dexie, migrations: readonly Migration[]): void {
  for (const { version, stores, upgrade } of migrations) {
    const declared = database.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}

/** The app's one IndexedDB database. */
export class LongwaveDatabase extends Dexie {
  podcasts!: EntityTable<Podcast, 'id'>;
  episodes!: EntityTable<Episode, 'id'>;
  downloads!: EntityTable<Download, 'episodeId'>;
  settings!: EntityTable<Setting, 'key'>;
  parts!: Dexie.Table<MediaPart, [string, number]>;
  positions!: EntityTable<PlaybackPosition, 'episodeId'>;
  queue!: EntityTable<QueueItem, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    applyMigrations(this, MIGRATIONS);
  }
}

export const db = new LongwaveDatabase();
