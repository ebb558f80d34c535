// "Download new episodes" in the service worker after a background refresh: with no window open,
// the newest new episodes of podcasts that ask for it are queued within the storage budget and
// handed to Background Fetch (as many as may run at once), each recorded as held for the listener;
// with a window open they are only queued, for that window's scheduler. Real Dexie
// (fake-indexeddb), a fake host and a fake Background Fetch manager.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { getDownload, listDownloads } from '../../../src/db/downloads.ts';
import { listEpisodes } from '../../../src/db/library.ts';
import { saveFeed } from '../../../src/db/feed-store.ts';
import { setAutoDownload } from '../../../src/db/listener-marks.ts';
import type { Episode } from '../../../src/db/schema.ts';
import { setSetting } from '../../../src/db/settings.ts';
import type { RefreshOutcome } from '../../../src/feeds/refresh-podcast-feed.ts';
import { backgroundFetchId } from '../../../src/shared/background-fetch-id.ts';
import { downloadNewInBackground } from '../../../sw/download-new-in-background.ts';
import { FakeBackgroundFetchManager } from '../app/downloads/fake-background-fetch.ts';
import { fakeHost, fileOf, SOURCE } from '../app/downloads/fake-host.ts';

let manager: FakeBackgroundFetchManager | undefined;
let windows: { visibilityState: string }[];

beforeEach(async () => {
  await db.delete();
  await db.open();
  manager = new FakeBackgroundFetchManager();
  windows = [];
  vi.stubGlobal('fetch', fakeHost(fileOf(4096)).fetch);
  vi.stubGlobal('location', new URL('https://app.example/sw.js'));
  vi.stubGlobal('registration', {
    get backgroundFetch() {
      return manager;
    },
  });
  vi.stubGlobal('clients', { matchAll: () => Promise.resolve(windows) });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A podcast with `count` episodes (1 oldest), each claiming 1,000 bytes; its refresh outcome. */
async function podcastWithNews(title: string, count: number): Promise<RefreshOutcome> {
  const podcastId = await saveFeed(`https://feeds.example/${title}`, {
    podcast: { title, author: '', description: '' },
    episodes: Array.from({ length: count }, (_, index) => ({
      guid: `${title}-${index + 1}`,
      title: `${title} ${index + 1}`,
      descriptionHtml: '',
      publishedAt: Date.UTC(2026, 0, index + 1),
      enclosure: { url: SOURCE, type: 'audio/mpeg', length: 1000 },
    })),
  });
  const newest: Episode[] = await listEpisodes(podcastId);
  return { podcastId, added: count, newest, unchanged: false, skipped: false };
}

function titles(episodes: { title: string }[]): string[] {
  return episodes.map((episode) => episode.title).sort();
}

describe('with no app window open', () => {
  it('hands the newest new episodes to Background Fetch, each held for the listener', async () => {
    const news = await podcastWithNews('Auto', 5);
    const other = await podcastWithNews('Manual', 2);
    await setAutoDownload(news.podcastId, true);
    await setSetting('concurrentDownloads', 5);

    const waiting = await downloadNewInBackground([news, other]);

    expect(waiting).toEqual(new Map([[news.podcastId, 3]]));
    const downloads = await listDownloads();
    expect(titles(downloads)).toEqual(['Auto 3', 'Auto 4', 'Auto 5']);
    for (const download of downloads) {
      expect(download).toMatchObject({
        state: 'paused',
        pauseReason: 'held',
        strategy: 'background-fetch',
        fetchUrl: SOURCE,
        bytesTotal: 4096,
      });
    }
    expect(manager!.started.map((fetch) => fetch.id).sort()).toEqual(
      downloads.map((d) => backgroundFetchId(d.episodeId, d.generation)).sort(),
    );
    expect(manager!.started.map((fetch) => fetch.options.title).sort()).toEqual(titles(downloads));
  });

  it('holds them for the page when the browser refuses a fetch from the service worker', async () => {
    // Chromium 156: "backgroundFetch.fetch() is not allowed in service worker environments".
    const refusing = new FakeBackgroundFetchManager();
    let asked = 0;
    refusing.fetch = () => {
      asked += 1;
      return Promise.reject(new TypeError('not allowed in service worker environments'));
    };
    manager = refusing;
    const news = await podcastWithNews('Auto', 3);
    await setAutoDownload(news.podcastId, true);
    await setSetting('concurrentDownloads', 5);

    expect((await downloadNewInBackground([news])).get(news.podcastId)).toBe(3);
    // Asked once: the first is held (no failure recorded), the others wait in the queue.
    expect(asked).toBe(1);
    const downloads = await listDownloads();
    expect(
      downloads.map((d) => `${d.title}: ${d.state} ${d.pauseReason ?? ''}`.trim()).sort(),
    ).toEqual(['Auto 1: queued', 'Auto 2: queued', 'Auto 3: paused held']);
    expect(downloads.every((d) => d.failureMessage === undefined)).toBe(true);
  });

  it('starts no more fetches than may run at once; the rest wait in the queue', async () => {
    const news = await podcastWithNews('Auto', 3);
    await setAutoDownload(news.podcastId, true);
    await setSetting('concurrentDownloads', 2);
    const waiting = await downloadNewInBackground([news]);
    expect(waiting.get(news.podcastId)).toBe(3);
    expect(manager!.started).toHaveLength(2);
    const states = (await listDownloads()).map((d) => d.state).sort();
    expect(states).toEqual(['paused', 'paused', 'queued']);
  });

  it('keeps within the storage budget', async () => {
    const news = await podcastWithNews('Auto', 4);
    await setAutoDownload(news.podcastId, true);
    await setSetting('storageBudgetBytes', 2500);
    expect((await downloadNewInBackground([news])).get(news.podcastId)).toBe(2);
    expect(titles(await listDownloads())).toEqual(['Auto 3', 'Auto 4']);
  });

  it('records a host that refuses the audio as a failed attempt, and starts no fetch for it', async () => {
    const news = await podcastWithNews('Auto', 1);
    await setAutoDownload(news.podcastId, true);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('gone', { status: 404 })));
    await downloadNewInBackground([news]);
    expect(manager!.started).toEqual([]);
    const [download] = await listDownloads();
    expect(download).toMatchObject({ state: 'failed', failureReason: 'bad-status' });
  });

  it('queues them for the page where there is no Background Fetch', async () => {
    manager = undefined;
    const news = await podcastWithNews('Auto', 1);
    await setAutoDownload(news.podcastId, true);
    expect((await downloadNewInBackground([news])).get(news.podcastId)).toBe(1);
    const [episode] = news.newest;
    expect(await getDownload(episode!.id)).toMatchObject({ state: 'queued', strategy: 'in-page' });
  });
});

it('with an app window open only queues them: that window starts them, unheld', async () => {
  windows = [{ visibilityState: 'hidden' }];
  const news = await podcastWithNews('Auto', 2);
  await setAutoDownload(news.podcastId, true);
  expect(await downloadNewInBackground([news])).toEqual(new Map());
  expect(manager!.started).toEqual([]);
  expect((await listDownloads()).map((d) => d.state)).toEqual(['queued', 'queued']);
});
