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
    expect(await restoreBackup(file)).toEqual({ podcasts: 1, episodes: 3, refused: [] });
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
    expect(await restoreBackup(file)).toEqual({ podcasts: 0, episodes: 2, refused: [] });
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

  it('refuses each record with a field of the wrong type, naming it, and restores the rest', async () => {
    const { refused } = await restoreBackup({
      format: 'longwave-backup',
      version: 1,
      podcasts: [
        podcast,
        { ...podcast, id: 'p2', feedUrl: 'https://other.example/feed', title: 42 },
        { ...podcast, id: 'p3', feedUrl: 'https://third.example/feed', persons: [{ name: {} }] },
      ],
      episodes: [
        episode('e1', 'a'),
        episode('e2', 'b', { title: { toString: 'x' } as unknown as string }),
        episode('e3', 'c', {
          enclosure: {
            url: 'https://host.example/c.mp3',
            type: 'audio/mpeg',
            length: '9' as unknown as number,
          },
        }),
        episode('e4', 'd', {
          descriptionHtml: ['<img src=x onerror=alert(1)>'] as unknown as string,
        }),
      ],
      positions: [
        { episodeId: 'e1', seconds: 'late', updatedAt: 1 },
        { episodeId: 'e1', seconds: 12, updatedAt: 1 },
      ],
      queue: ['e1', 7],
      settings: [{ key: 'skipBackSeconds', value: 'soon' }],
    });
    expect(refused).toEqual([
      expect.stringMatching(/^Podcast 2: its field "title" is wrong \(.*string.*\)\.$/),
      expect.stringMatching(/^Podcast 3 \("Show"\): its field "persons\.0\.name" is wrong/),
      expect.stringMatching(/^Episode 2: its field "title" is wrong/),
      expect.stringMatching(/^Episode 3 \("Episode c"\): its field "enclosure\.length" is wrong/),
      expect.stringMatching(/^Episode 4 \("Episode d"\): its field "descriptionHtml" is wrong/),
      expect.stringMatching(/^Position 1: its field "seconds" is wrong/),
      expect.stringMatching(/^Up Next entry 2: /),
      expect.stringMatching(/^Setting 1 \("skipBackSeconds"\): /),
    ]);
    expect((await db.podcasts.toArray()).map(({ id }) => id)).toEqual(['p1']);
    expect((await db.episodes.toArray()).map(({ id }) => id)).toEqual(['e1']);
    expect(await db.positions.toArray()).toEqual([{ episodeId: 'e1', seconds: 12, updatedAt: 1 }]);
    expect((await db.queue.toArray()).map(({ episodeId }) => episodeId)).toEqual(['e1']);
  });

  it('drops fields the app does not know', async () => {
    await restoreBackup({
      format: 'longwave-backup',
      version: 1,
      podcasts: [{ ...podcast, __proto__hack: 1, html: '<script>' }],
      episodes: [],
      positions: [],
      queue: [],
      settings: [],
    });
    expect(await db.podcasts.get('p1')).toEqual(podcast);
  });

  it('never overwrites a podcast or episode of another feed that shares an id', async () => {
    const mine = { ...podcast, feedUrl: 'https://mine.example/feed', title: 'Mine' };
    await db.podcasts.put(mine);
    await db.episodes.put(episode('e1', 'mine'));
    const summary = await restoreBackup({
      format: 'longwave-backup',
      version: 1,
      podcasts: [{ ...podcast, title: 'Theirs' }],
      episodes: [episode('e1', 'theirs', { title: 'Their episode' })],
      positions: [{ episodeId: 'e1', seconds: 30, updatedAt: 5 }],
      queue: [],
      settings: [],
    });
    expect(summary).toMatchObject({ podcasts: 1, episodes: 1 });
    expect(await db.podcasts.get('p1')).toEqual(mine);
    expect(await db.episodes.get('e1')).toEqual(episode('e1', 'mine'));
    const theirs = (await db.podcasts.toArray()).find((p) => p.title === 'Theirs')!;
    expect(theirs.id).not.toBe('p1');
    expect(theirs.feedUrl).toBe(podcast.feedUrl);
    const theirEpisode = (await db.episodes.toArray()).find((e) => e.title === 'Their episode')!;
    expect(theirEpisode.podcastId).toBe(theirs.id);
    expect(await db.positions.get(theirEpisode.id)).toMatchObject({ seconds: 30 });
    expect(await db.positions.get('e1')).toBeUndefined();
  });
});
