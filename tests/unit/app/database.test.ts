import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { getEpisode, listEpisodes, listPodcasts } from '../../../src/db/library.ts';
import { saveFeed } from '../../../src/db/feed-store.ts';
import { type FeedSnapshot } from '../../../src/db/feed-snapshot.ts';
import { getSetting, setSetting } from '../../../src/db/settings.ts';

const FEED = 'https://example.org/feed.xml';

function feed(guids: string[], title = 'Show'): FeedSnapshot {
  return {
    podcast: { title, author: 'A', description: 'D' },
    episodes: guids.map((guid, index) => ({
      guid,
      title: `Episode ${guid}`,
      descriptionHtml: '',
      publishedAt: Date.UTC(2026, 0, index + 1),
      enclosure: { url: `https://example.org/${guid}.mp3`, type: 'audio/mpeg', length: 0 },
    })),
  };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('library', () => {
  it('stores a feed and lists its episodes newest first', async () => {
    const podcastId = await saveFeed(FEED, feed(['a', 'b', 'c']));
    expect((await listPodcasts()).map((p) => p.title)).toEqual(['Show']);
    expect((await listEpisodes(podcastId)).map((e) => e.guid)).toEqual(['c', 'b', 'a']);
  });

  it('keeps the ids of known episodes when the feed is saved again, so their downloads stay attached', async () => {
    const podcastId = await saveFeed(FEED, feed(['a', 'b']));
    const before = await listEpisodes(podcastId);
    const again = await saveFeed(FEED, feed(['a', 'b', 'new'], 'Renamed'));
    expect(again).toBe(podcastId);
    const after = await listEpisodes(podcastId);
    expect(after).toHaveLength(3);
    for (const episode of before) expect((await getEpisode(episode.id))?.guid).toBe(episode.guid);
    expect((await listPodcasts())[0]?.title).toBe('Renamed');
  });

  it('keeps two podcasts apart', async () => {
    const one = await saveFeed(FEED, feed(['a']));
    const two = await saveFeed('https://example.com/other.xml', feed(['a']));
    expect(one).not.toBe(two);
    expect(await listEpisodes(one)).toHaveLength(1);
    expect(await listEpisodes(two)).toHaveLength(1);
  });
});

describe('settings', () => {
  it('reads back what was written, and undefined before', async () => {
    expect(await getSetting('demoSubscribed')).toBeUndefined();
    await setSetting('demoSubscribed', true);
    expect(await getSetting('demoSubscribed')).toBe(true);
  });
});
