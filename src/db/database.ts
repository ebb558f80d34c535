// The Dexie database shared by the page and the service worker. Schema changes are numbered versions.
import { Dexie, type EntityTable } from 'dexie';
import type {
  Download,
  Episode,
  PlaybackPosition,
  Podcast,
  QueueItem,
  Setting,
  StoredPart,
} from './schema.ts';

export const DATABASE_NAME = 'longwave';

/** The app's one IndexedDB database. */
export class LongwaveDatabase extends Dexie {
  podcasts!: EntityTable<Podcast, 'id'>;
  episodes!: EntityTable<Episode, 'id'>;
  downloads!: EntityTable<Download, 'episodeId'>;
  settings!: EntityTable<Setting, 'key'>;
  parts!: Dexie.Table<StoredPart, [string, number]>;
  positions!: EntityTable<PlaybackPosition, 'episodeId'>;
  queue!: EntityTable<QueueItem, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      podcasts: 'id, &feedUrl',
      episodes: 'id, podcastId, [podcastId+publishedAt], [podcastId+guid], enclosure.url',
      downloads: 'episodeId, state',
      settings: 'key',
    });
    // v2: parts of in-page downloads, so an interrupted download resumes from its last byte.
    this.version(2).stores({ parts: '[episodeId+offset], episodeId' });
    // v3: playback positions (resume, even after the browser closed) and the Up Next queue.
    this.version(3).stores({
      positions: 'episodeId, updatedAt',
      queue: '++id, &episodeId, position',
    });
  }
}

export const db = new LongwaveDatabase();
