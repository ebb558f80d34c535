// The library in IndexedDB: merging refreshed feeds, moving feeds, big subscriptions in chunks,
// played state, unsubscribing, and search.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { aDownload } from './downloads/a-download.ts';
import { removePodcast } from '../../../src/db/remove-podcast.ts';
import {
  getPodcast,
  listEpisodes,
  podcastDownloads,
  searchEpisodes,
} from '../../../src/db/library.ts';
import { refreshFeed, saveFeed, subscribeFeed } from '../../../src/db/feed-store.ts';
import { sameFeedFields } from '../../../src/db/merge-episodes.ts';
import { setPlayed } from '../../../src/db/listener-marks.ts';
import { type EpisodeSnapshot, type FeedSnapshot } from '../../../src/db/feed-snapshot.ts';

const FEED = 'https://example.org/feed.xml';

function episode(guid: string, day: number, extra: Partial<EpisodeSnapshot> = {}): EpisodeSnapshot {
  return {
    guid,
    title: `Episode ${guid}`,
    descriptionHtml: `<p>Notes for ${guid}</p>`,
    publishedAt: Date.UTC(2026, 0, day),
    enclosure: { url: `https://example.org/${guid}.mp3`, type: 'audio/mpeg', length: 0 },
    ...extra,
  };
}

function feed(episodes: EpisodeSnapshot[], title = 'Show'): FeedSnapshot {
  return { podcast: { title, author: 'A', description: 'D' }, episodes };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('refreshing a podcast', () => {
  it('matches by GUID, then by enclosure URL, keeping ids and what the listener did', async () => {
    const podcastId = await saveFeed(FEED, feed([episode('a', 1), episode('b', 2)]));
    const [b, a] = await listEpisodes(podcastId);
    await setPlayed(a!.id, true);
    await db.episodes.update(b!.id, { playedAt: 5 });

    const added = await refreshFeed(
      podcastId,
      FEED,
      feed([
        episode('a', 1, { title: 'Renamed' }),
        // New GUID, same file: the host migrated.
        episode('b-migrated', 2, { enclosure: b!.enclosure }),
        episode('c', 3),
      ]),
    );
    expect(added.map((e) => e.guid)).toEqual(['c']);
    const after = await listEpisodes(podcastId);
    expect(after.map((e) => [e.guid, e.title])).toEqual([
      ['c', 'Episode c'],
      ['b-migrated', 'Episode b-migrated'],
      ['a', 'Renamed'],
    ]);
    expect(after.find((e) => e.guid === 'a')).toMatchObject({ id: a!.id });
    expect(after.find((e) => e.guid === 'a')?.playedAt).toBeGreaterThan(0);
    expect(after.find((e) => e.guid === 'b-migrated')).toMatchObject({ id: b!.id, playedAt: 5 });
  });

  it('lets a GUID match win over another item claiming the same file', async () => {
    const podcastId = await saveFeed(FEED, feed([episode('a', 1)]));
    const [a] = await listEpisodes(podcastId);
    await refreshFeed(
      podcastId,
      FEED,
      feed([episode('x', 2, { enclosure: a!.enclosure }), episode('a', 1)]),
    );
    const after = await listEpisodes(podcastId);
    expect(after.find((e) => e.guid === 'a')?.id).toBe(a!.id);
    expect(after.find((e) => e.guid === 'x')?.id).not.toBe(a!.id);
  });

  it('keeps episodes the feed no longer lists, and writes only what changed', async () => {
    const podcastId = await saveFeed(FEED, feed([episode('a', 1), episode('b', 2)]));
    let writes = 0;
    db.episodes.hook('updating', () => void (writes += 1));
    db.episodes.hook('creating', () => void (writes += 1));
    await refreshFeed(podcastId, FEED, feed([episode('b', 2)]));
    expect(writes).toBe(0);
    expect(await listEpisodes(podcastId)).toHaveLength(2);
  });

  it('moves the podcast to a new feed address, unless another subscription has it', async () => {
    const podcastId = await saveFeed(FEED, feed([episode('a', 1)]));
    await saveFeed('https://other.example/rss', feed([], 'Other'));
    await refreshFeed(podcastId, 'https://moved.example/rss', feed([episode('a', 1)]));
    expect((await getPodcast(podcastId))?.feedUrl).toBe('https://moved.example/rss');
    await refreshFeed(podcastId, 'https://other.example/rss', feed([episode('a', 1)]));
    expect((await getPodcast(podcastId))?.feedUrl).toBe('https://moved.example/rss');
  });

  it('clears a recorded refresh error once a refresh works', async () => {
    const podcastId = await saveFeed(FEED, feed([]));
    await db.podcasts.update(podcastId, { refreshError: 'It broke.' });
    await refreshFeed(podcastId, FEED, feed([]));
    expect((await getPodcast(podcastId))?.refreshError).toBeUndefined();
  });
});

describe('subscribing to a big feed', () => {
  it('stores the newest episodes first, then all of them', async () => {
    const episodes = Array.from({ length: 2500 }, (_, i) => episode(`e${i}`, i));
    const { podcastId, rest } = await subscribeFeed(FEED, feed(episodes));
    const shown = await listEpisodes(podcastId);
    expect(shown.length).toBeLessThan(episodes.length);
    expect(shown[0]?.guid).toBe('e2499');
    await rest;
    const all = await listEpisodes(podcastId);
    expect(all).toHaveLength(2500);
    expect(new Set(all.map((e) => e.guid)).size).toBe(2500);
  });
});

describe('reading a big podcast back', () => {
  it('reads every episode once, newest first, even when a date spans pages', async () => {
    // 1,200 episodes, 400 of them on one day, around the 500-episode page boundary.
    const episodes = Array.from({ length: 1200 }, (_, i) =>
      episode(`e${i}`, i >= 300 && i < 700 ? 300 : i),
    );
    const { podcastId, rest } = await subscribeFeed(FEED, feed(episodes));
    await rest;
    const read = await listEpisodes(podcastId);
    expect(read).toHaveLength(1200);
    expect(new Set(read.map((e) => e.id)).size).toBe(1200);
    const dates = read.map((e) => e.publishedAt);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });
});

describe('comparing a refreshed episode', () => {
  it('sees a change in any feed field, nested ones too, and nothing else', () => {
    const a = episode('a', 1, {
      transcripts: [{ url: 'https://t.example/1.vtt', type: 'text/vtt' }],
    });
    expect(sameFeedFields(a, structuredClone(a))).toBe(true);
    expect(sameFeedFields(a, { ...a, title: 'Other' })).toBe(false);
    expect(sameFeedFields(a, { ...a, enclosure: { ...a.enclosure!, length: 1 } })).toBe(false);
    expect(
      sameFeedFields(a, {
        ...a,
        transcripts: [{ url: 'https://t.example/2.vtt', type: 'text/vtt' }],
      }),
    ).toBe(false);
    expect(sameFeedFields(a, { ...a, artworkUrl: 'https://a.example/x.png' })).toBe(false);
  });
});

describe('unsubscribing', () => {
  it('lists the podcast’s downloads, then removes the podcast and only its episodes', async () => {
    const mine = await saveFeed(FEED, feed([episode('a', 1), episode('b', 2)]));
    const other = await saveFeed('https://other.example/rss', feed([episode('z', 1)]));
    const [b] = await listEpisodes(mine);
    await db.downloads.put(aDownload({ episodeId: b!.id, state: 'downloaded', bytesDone: 10 }));
    expect((await podcastDownloads(mine)).map((d) => d.episodeId)).toEqual([b!.id]);
    await removePodcast(mine);
    expect(await getPodcast(mine)).toBeUndefined();
    expect(await listEpisodes(mine)).toEqual([]);
    expect(await listEpisodes(other)).toHaveLength(1);
  });
});

describe('search', () => {
  it('finds every word in titles or notes, ignoring case and accents, newest first', async () => {
    await saveFeed(
      FEED,
      feed([
        episode('1', 1, { title: 'Café society' }),
        episode('2', 2, {
          title: 'Gardens',
          descriptionHtml: '<p>About the <b>CAFE</b> garden</p>',
        }),
        episode('3', 3, { title: 'Unrelated' }),
      ]),
    );
    expect((await searchEpisodes('cafe')).map((e) => e.guid)).toEqual(['2', '1']);
    expect((await searchEpisodes('café garden')).map((e) => e.guid)).toEqual(['2']);
    expect(await searchEpisodes('zebra')).toHaveLength(0);
    expect(await searchEpisodes('   ')).toEqual([]);
    expect((await searchEpisodes('notes', 1)).map((e) => e.guid)).toEqual(['3']);
  });
});
