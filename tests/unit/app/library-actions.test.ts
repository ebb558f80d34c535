// What the library's controls do, with fetch replaced: subscribing leaves nothing behind on
// failure, moved feeds are followed, refresh failures are recorded, unsubscribing removes downloads.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { getPodcast, listEpisodes, listPodcasts } from '../../../src/db/library.ts';
import { setAutoDownload } from '../../../src/db/listener-marks.ts';
import type { Episode, Podcast } from '../../../src/db/schema.ts';
import { setSetting } from '../../../src/db/settings.ts';
import {
  refreshAll,
  refreshPodcast,
  subscribe,
  unsubscribe,
} from '../../../src/features/library/library-actions.ts';
import { importOpml } from '../../../src/features/library/opml-actions.ts';
import { aDownload } from './downloads/a-download.ts';

const downloads = vi.hoisted(() => ({
  removed: [] as string[],
  started: [] as string[],
}));
vi.mock('../../../src/feeds/feed-worker-client.ts', async (importActual) =>
  (await import('./feeds/in-thread-feed-worker.ts')).inThreadFeedWorker(importActual),
);
vi.mock('../../../src/downloads/download-actions.ts', () => ({
  removeDownload: (id: string) => Promise.resolve(void downloads.removed.push(id)),
  // The real choice of what to download (auto-download.ts); only the scheduler is left out.
  downloadNewEpisodes: async (podcast: Podcast, episodes: Episode[]) => {
    const { autoDownload } = await import('../../../src/downloads/auto-download.ts');
    const queued = await autoDownload(podcast, episodes, 'in-page');
    downloads.started.push(...queued.map((episode) => episode.title));
    return queued.length;
  },
}));

const fixture = (path: string) => readFileSync(`tests/fixtures/feeds/${path}`, 'utf8');
let routes: Record<string, string | number>;
/** Milliseconds before a route answers. */
let delays: Record<string, number>;

beforeEach(async () => {
  await db.delete();
  await db.open();
  routes = {};
  delays = {};
  downloads.removed = [];
  downloads.started = [];
  vi.stubGlobal('fetch', async (url: string) => {
    await new Promise((resolve) => setTimeout(resolve, delays[url] ?? 0));
    const route = routes[url];
    if (route === undefined) return Promise.reject(new TypeError('Failed to fetch'));
    const response =
      typeof route === 'number' ? new Response('', { status: route }) : new Response(route);
    Object.defineProperty(response, 'url', { value: url });
    return response;
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('subscribe', () => {
  it('stores the podcast once, however often it is subscribed to', async () => {
    routes['https://a.example/rss'] = fixture('real-world/npp-apple-example.xml');
    const id = await subscribe(' https://a.example/rss ');
    expect(await subscribe('https://a.example/rss')).toBe(id);
    expect(await listPodcasts()).toHaveLength(1);
    await vi.waitFor(async () => expect(await listEpisodes(id)).toHaveLength(3));
  });

  it('changes nothing when the feed cannot be read', async () => {
    routes['https://a.example/rss'] = fixture('real-world/npp-apple-example.xml');
    await subscribe('https://a.example/rss');
    routes['https://b.example/page'] = fixture('errors/web-page.html');
    routes['https://b.example/gone'] = 404;
    await expect(subscribe('https://b.example/page')).rejects.toThrow(/web page/);
    await expect(subscribe('https://b.example/gone')).rejects.toThrow(/404/);
    await expect(subscribe('ftp://b.example/x')).rejects.toThrow(/http/);
    expect((await listPodcasts()).map((p) => p.feedUrl)).toEqual(['https://a.example/rss']);
  });

  it('follows itunes:new-feed-url when the new address serves a feed, and not otherwise', async () => {
    routes['https://feeds.example/new-feed-url.xml'] = fixture('quirks/new-feed-url.xml');
    const stays = await subscribe('https://feeds.example/new-feed-url.xml');
    expect((await getPodcast(stays))?.feedUrl).toBe('https://feeds.example/new-feed-url.xml');

    routes['https://old.example/new-feed-url.xml'] = fixture('quirks/new-feed-url.xml');
    routes['https://old.example/moved/feed.xml'] = fixture('quirks/durations.xml');
    const moved = await subscribe('https://old.example/new-feed-url.xml');
    expect(await getPodcast(moved)).toMatchObject({
      feedUrl: 'https://old.example/moved/feed.xml',
      title: 'Durations',
    });
  });
});

describe('refresh', () => {
  it('records why a refresh failed, and refresh all carries on past it', async () => {
    routes['https://a.example/rss'] = fixture('real-world/npp-apple-example.xml');
    routes['https://b.example/rss'] = fixture('quirks/durations.xml');
    const a = await subscribe('https://a.example/rss');
    await subscribe('https://b.example/rss');
    routes['https://a.example/rss'] = 500;
    await expect(refreshPodcast((await getPodcast(a))!)).rejects.toThrow(/500/);
    expect((await getPodcast(a))?.refreshError).toMatch(/500/);
    const summary = await refreshAll();
    expect(summary).toMatchObject({ refreshed: 1, added: 0 });
    expect(summary.failed).toEqual([
      { title: 'All About Everything', message: expect.stringMatching(/500/) },
    ]);
  });

  it('downloads the newest new episodes of podcasts that ask for it, within the storage budget', async () => {
    const rss = (...days: number[]) =>
      `<rss version="2.0"><channel><title>Show</title>${days
        .map(
          (day) => `<item><title>Day ${day}</title><guid>${day}</guid>
            <pubDate>${new Date(Date.UTC(2024, 0, day)).toUTCString()}</pubDate>
            <enclosure url="https://host.example/${day}.mp3" length="1000" type="audio/mpeg"/></item>`,
        )
        .join('')}</channel></rss>`;
    routes['https://auto.example/rss'] = rss(1);
    const id = await subscribe('https://auto.example/rss');
    routes['https://auto.example/rss'] = rss(1, 2, 3, 4, 5, 6);
    await refreshPodcast((await getPodcast(id))!);
    expect(downloads.started).toEqual([]);

    await setAutoDownload(id, true);
    routes['https://auto.example/rss'] = rss(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    expect(await refreshPodcast((await getPodcast(id))!)).toBe(5);
    expect(downloads.started).toEqual(['Day 11', 'Day 10', 'Day 9']);

    downloads.started = [];
    await setSetting('storageBudgetBytes', 1500);
    routes['https://auto.example/rss'] = rss(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    await refreshPodcast((await getPodcast(id))!);
    expect(downloads.started).toEqual(['Day 13']);
  });

  it('refresh all counts every new episode, whichever feed answers first', async () => {
    const rss = (...guids: string[]) =>
      `<rss version="2.0"><channel><title>Show</title>${guids
        .map((guid) => `<item><title>${guid}</title><guid>${guid}</guid></item>`)
        .join('')}</channel></rss>`;
    routes['https://slow.example/rss'] = rss('s1');
    routes['https://fast.example/rss'] = rss('f1');
    await subscribe('https://slow.example/rss');
    await subscribe('https://fast.example/rss');
    routes['https://fast.example/rss'] = rss('f1', 'f2');
    delays['https://slow.example/rss'] = 50;
    expect(await refreshAll()).toEqual({ refreshed: 2, added: 1, failed: [] });
  });
});

describe('unsubscribe', () => {
  it('removes every download, running or not, before the podcast', async () => {
    routes['https://a.example/rss'] = fixture('real-world/npp-apple-example.xml');
    const id = await subscribe('https://a.example/rss');
    await vi.waitFor(async () => expect(await listEpisodes(id)).toHaveLength(3));
    const [one, two] = await listEpisodes(id);
    await db.downloads.bulkPut([
      aDownload({ episodeId: one!.id, state: 'downloaded' }),
      aDownload({ episodeId: two!.id, state: 'downloading' }),
    ]);
    await unsubscribe(id);
    expect(downloads.removed.sort()).toEqual([one!.id, two!.id].sort());
    expect(await listPodcasts()).toEqual([]);
  });
});

describe('importOpml', () => {
  it('subscribes to new feeds, counts known ones, and lists failures by name', async () => {
    routes['https://a.example/rss'] = fixture('real-world/npp-apple-example.xml');
    routes['https://b.example/rss'] = fixture('quirks/durations.xml');
    await subscribe('https://a.example/rss');
    const progress: string[] = [];
    const summary = await importOpml(
      `<opml><body><outline xmlUrl="https://a.example/rss"/><outline xmlUrl="https://b.example/rss"/>
       <outline text="Broken" xmlUrl="https://c.example/rss"/></body></opml>`,
      (done, total) => progress.push(`${done}/${total}`),
    );
    expect(summary).toMatchObject({ added: 1, alreadySubscribed: 1 });
    expect(summary.failed).toEqual([{ name: 'Broken', message: expect.stringMatching(/reached/) }]);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    expect(await listPodcasts()).toHaveLength(2);
  });
});
