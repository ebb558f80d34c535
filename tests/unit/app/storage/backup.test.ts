// Backup and restore: a round trip gives the library back, a restore merges without losing what
// is there, and a file that is not a backup (or a hostile one) changes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { exportBackup, restoreBackup } from '../../../../src/db/backup.ts';
import { db } from '../../../../src/db/database.ts';
import type { Episode, Podcast } from '../../../../src/db/schema.ts';

const podcast: Podcast = {
  id: 'p1',
  feedUrl: 'https://host.example/feed.xml',
  title: 'Show',
  author: '',
  description: '',
  subscribedAt: 1,
  refreshedAt: 1,
};
function episode(id: string, guid: string, extra: Partial<Episode> = {}): Episode {
  return {
    id,
    podcastId: 'p1',
    guid,
    title: `Episode ${guid}`,
    descriptionHtml: '',
    publishedAt: 1,
    enclosure: { url: `https://host.example/${guid}.mp3`, type: 'audio/mpeg', length: 1 },
    ...extra,
  };
}

async function fill() {
  await db.podcasts.put(podcast);
  await db.episodes.bulkPut([
    episode('e1', 'a', { playedAt: 10 }),
    episode('e2', 'b'),
    episode('e3', 'c'),
  ]);
  await db.positions.put({ episodeId: 'e2', seconds: 42, updatedAt: 20 });
  await db.queue.bulkAdd([
    { episodeId: 'e3', position: 1 },
    { episodeId: 'e2', position: 2 },
  ]);
  await db.settings.bulkPut([
    { key: 'skipForwardSeconds', value: 45 },
    { key: 'podcastSpeeds', value: { p1: 1.5 } },
    { key: 'nowPlayingEpisodeId', value: 'e2' },
  ]);
}

/** The backup as it travels: a JSON file. */
async function exported(): Promise<unknown> {
  return JSON.parse(JSON.stringify(await exportBackup()));
}

async function snapshot() {
  return {
    podcasts: await db.podcasts.toArray(),
    episodes: await db.episodes.toArray(),
    positions: await db.positions.toArray(),
    queue: (await db.queue.orderBy('position').toArray()).map((item) => item.episodeId),
    settings: await db.settings.toArray(),
  };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('backup', () => {
  it('gives the whole library back on an empty device, without this device’s moment', async () => {
    await fill();
    const file = await exported();
    const before = await snapshot();
    await db.delete();
    await db.open();
    expect(await restoreBackup(file)).toEqual({ podcasts: 1, episodes: 3 });
    expect(await snapshot()).toEqual({
      ...before,
      settings: before.settings.filter((setting) => setting.key !== 'nowPlayingEpisodeId'),
    });
  });

  it('merges into a library that has the podcast under another id, matching episodes by GUID', async () => {
    await fill();
    const file = await exported();
    await db.delete();
    await db.open();
    await db.podcasts.put({ ...podcast, id: 'p9' });
    await db.episodes.bulkPut([
      episode('x1', 'a', { podcastId: 'p9' }),
      episode('x4', 'd', { podcastId: 'p9', playedAt: 99 }),
    ]);
    await db.positions.put({ episodeId: 'x4', seconds: 5, updatedAt: 1 });
    expect(await restoreBackup(file)).toEqual({ podcasts: 0, episodes: 2 });
    expect(await db.podcasts.count()).toBe(1);
    expect((await db.episodes.get('x1'))?.playedAt).toBe(10);
    expect((await db.episodes.get('x4'))?.playedAt).toBe(99);
    expect((await db.episodes.get('e2'))?.podcastId).toBe('p9');
    expect((await db.positions.get('x4'))?.seconds).toBe(5);
    expect((await db.settings.get('podcastSpeeds'))?.value).toEqual({ p9: 1.5 });
  });

  it('refuses a file that is not a backup, and one from a newer version, changing nothing', async () => {
    await fill();
    const before = await snapshot();
    await expect(restoreBackup({ hello: 'world' })).rejects.toThrow(/not a Longwave backup/);
    await expect(restoreBackup('[]')).rejects.toThrow(/not a Longwave backup/);
    const file = (await exported()) as Record<string, unknown>;
    await expect(restoreBackup({ ...file, version: 2 })).rejects.toThrow(/newer version/);
    await expect(restoreBackup({ ...file, episodes: 'lots' })).rejects.toThrow(/damaged/);
    expect(await snapshot()).toEqual(before);
  });

  it('keeps only http(s) addresses and settings within their ranges from a hostile file', async () => {
    await restoreBackup({
      format: 'longwave-backup',
      version: 1,
      podcasts: [
        { ...podcast, artworkUrl: 'javascript:alert(1)' },
        { ...podcast, id: 'p2', feedUrl: 'file:///etc/passwd' },
      ],
      episodes: [
        episode('e1', 'a', {
          enclosure: { url: 'data:audio/mpeg;base64,AA', type: 'audio/mpeg', length: 1 },
          link: 'javascript:alert(1)',
        }),
      ],
      positions: [],
      queue: [],
      settings: [
        { key: 'concurrentDownloads', value: 500 },
        { key: 'skipBackSeconds', value: 'soon' },
        { key: 'demoSubscribed', value: false },
        { key: 'storageBudgetEpisodes', value: 20 },
      ],
    });
    expect(await db.podcasts.toArray()).toEqual([
      { ...podcast, artworkUrl: undefined, link: undefined },
    ]);
    expect(await db.episodes.get('e1')).toMatchObject({ enclosure: undefined, link: undefined });
    expect(await db.settings.toArray()).toEqual([{ key: 'storageBudgetEpisodes', value: 20 }]);
  });
});
