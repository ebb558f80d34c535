// Every earlier version of the database, written with data, upgrades to the current one without
// losing a row; migrations that carry data over do it.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyMigrations, LongwaveDatabase, MIGRATIONS } from '../../../src/db/database.ts';

/** Rows a listener could have had in each table, as each version stored them. */
const ROWS: Record<string, object> = {
  podcasts: { id: 'p', feedUrl: 'https://x/feed' },
  episodes: { id: 'e', podcastId: 'p', publishedAt: 1, playedAt: 5 },
  downloads: {
    episodeId: 'e',
    state: 'downloaded',
    updatedAt: 7,
    url: 'https://x/e.mp3',
    bytesDone: 3,
    audioBytes: 3,
  },
  settings: { key: 'demoSubscribed', value: true },
  parts: { episodeId: 'f', offset: 0, blob: new Blob(['abcd']) },
  positions: { episodeId: 'e', seconds: 3, updatedAt: 1 },
  queue: { id: 1, episodeId: 'e', position: 1 },
};
const latest = MIGRATIONS.at(-1)!.version;

describe('database migrations', () => {
  it('are numbered in order, one version each', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
  });

  for (const { version } of MIGRATIONS.slice(0, -1)) {
    it(`upgrade a version ${version} database with data to version ${latest}, keeping every row`, async () => {
      const name = `upgrade-from-v${version}`;
      const old = new Dexie(name);
      applyMigrations(
        old,
        MIGRATIONS.filter((m) => m.version <= version),
      );
      await old.open();
      const tables = old.tables.map((table) => table.name);
      for (const table of tables) await old.table(table).add(ROWS[table]);
      old.close();

      const current = new LongwaveDatabase(name);
      await current.open();
      expect(current.verno).toBe(latest);
      for (const table of tables.filter((name) => name !== 'downloads')) {
        expect(await current.table(table).toArray()).toEqual([
          expect.objectContaining(ROWS[table]),
        ]);
      }
      // v4 dated finished downloads; v5 keeps the enclosure URL only as where a download
      // starts, gives every record a generation and every part its size.
      const download = await current.downloads.get('e');
      if (version < 4) expect(download?.downloadedAt).toBe(7);
      expect(download).toMatchObject({
        sourceUrl: 'https://x/e.mp3',
        generation: 0,
        bytesDone: 3,
        bytesTotal: 3,
      });
      expect(download).not.toHaveProperty('url');
      expect(download).not.toHaveProperty('audioBytes');
      if (tables.includes('parts')) expect((await current.parts.toArray())[0]?.size).toBe(4);
      // Tables added since are there and work.
      await current.queue.put({ episodeId: 'g', position: 2 });
      await current.positions.put({ episodeId: 'g', seconds: 1, updatedAt: 1 });
      current.close();
      await Dexie.delete(name);
    });
  }
});
