import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { LongwaveDatabase } from '../../../../src/db/database.ts';

describe('database version 3', () => {
  it('upgrades a version 2 database with data, keeping every row, and adds positions and queue', async () => {
    const name = 'upgrade-v2-v3';
    const v2 = new Dexie(name);
    v2.version(1).stores({
      podcasts: 'id, &feedUrl',
      episodes: 'id, podcastId, [podcastId+publishedAt], [podcastId+guid], enclosure.url',
      downloads: 'episodeId, state',
      settings: 'key',
    });
    v2.version(2).stores({ parts: '[episodeId+offset], episodeId' });
    await v2.open();
    await v2.table('podcasts').add({ id: 'p', feedUrl: 'https://x/feed' });
    await v2.table('episodes').add({ id: 'e', podcastId: 'p', publishedAt: 1, playedAt: 5 });
    await v2.table('downloads').add({ episodeId: 'e', state: 'downloaded' });
    await v2.table('settings').add({ key: 'demoSubscribed', value: true });
    await v2.table('parts').add({ episodeId: 'e', offset: 0, blob: 'x' });
    v2.close();

    const v3 = new LongwaveDatabase(name);
    await v3.open();
    expect(v3.verno).toBe(3);
    expect(await v3.podcasts.get('p')).toMatchObject({ feedUrl: 'https://x/feed' });
    expect(await v3.episodes.get('e')).toMatchObject({ playedAt: 5 });
    expect(await v3.downloads.get('e')).toMatchObject({ state: 'downloaded' });
    expect(await v3.settings.get('demoSubscribed')).toMatchObject({ value: true });
    expect(await v3.parts.count()).toBe(1);
    await v3.positions.put({ episodeId: 'e', seconds: 3, updatedAt: 1 });
    await v3.queue.add({ episodeId: 'e', position: 1 });
    expect(await v3.queue.where('episodeId').equals('e').count()).toBe(1);
    v3.close();
    await Dexie.delete(name);
  });
});
