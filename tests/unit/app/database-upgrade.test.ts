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
      // starts, gives every record a generation and every part its size. (The rows are written
      // as v1 wrote them, so from v5 on they are not what that version stored: not checked.)
      const download = await current.downloads.get('e');
      if (version < 4) expect(download?.downloadedAt).toBe(7);
      if (version < 5) {
        expect(download).toMatchObject({
          sourceUrl: 'https://x/e.mp3',
          generation: 0,
          bytesDone: 3,
          bytesTotal: 3,
        });
        expect(download).not.toHaveProperty('url');
        expect(download).not.toHaveProperty('audioBytes');
        if (tables.includes('parts')) expect((await current.parts.toArray())[0]?.size).toBe(4);
      }
      // Tables added since are there and work.
      await current.queue.put({ episodeId: 'g', position: 2 });
      await current.positions.put({ episodeId: 'g', seconds: 1, updatedAt: 1 });
      current.close();
      await Dexie.delete(name);
    });
  }

  it('v6 keeps one episode index, and gives an episode without a date one, so it stays findable', async () => {
    const name = 'upgrade-v5-episodes';
    const old = new Dexie(name);
    applyMigrations(
      old,
      MIGRATIONS.filter((m) => m.version <= 5),
    );
    await old.open();
    await old.table('episodes').bulkAdd([
      { id: 'dated', podcastId: 'p', guid: 'a', publishedAt: 5 },
      { id: 'undated', podcastId: 'p', guid: 'b' },
      { id: 'other', podcastId: 'q', guid: 'a', publishedAt: 1 },
    ]);
    old.close();

    const current = new LongwaveDatabase(name);
    await current.open();
    expect(current.episodes.schema.indexes.map((index) => index.name)).toEqual([
      '[podcastId+publishedAt]',
    ]);
    const ofP = await current.episodes
      .where('[podcastId+publishedAt]')
      .between(['p', Dexie.minKey], ['p', Dexie.maxKey])
      .toArray();
    expect(ofP.map((episode) => [episode.id, episode.publishedAt])).toEqual([
      ['undated', 0],
      ['dated', 5],
    ]);
    current.close();
    await Dexie.delete(name);
  });
});
