// Every fixture feed subscribes in Chromium without an error, and what the app stored matches the
// expected file: episode count, titles, GUIDs, enclosure URLs and durations. Real-world feeds come
// through the proxy (no CORS, as most hosts), quirk feeds directly.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { openApp } from '../support/app-page.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';
import { feedFixture, startFeedServer, type FeedServer } from '../support/feed-server.ts';
import { repoRoot } from '../support/paths.ts';
import {
  storedRows,
  subscribeAndOpen,
  type StoredEpisode,
  type StoredPodcast,
} from './library-helpers.ts';

interface Expected {
  podcastTitle: string;
  episodes: {
    guid: string;
    title: string;
    enclosureUrl: string | null;
    durationSeconds: number | null;
  }[];
}

const FOLDERS = ['real-world', 'quirks'] as const;

let server: AppServer;
let feeds: FeedServer;
let browser: ChromiumSession;

test.afterEach(async () => {
  await browser?.dispose();
  await server?.close();
  await feeds?.close();
});

for (const folder of FOLDERS) {
  test(`every ${folder} feed subscribes and stores what the file says`, async () => {
    test.setTimeout(240_000);
    server = await startAppServer({ allowPrivateHosts: true });
    feeds = await startFeedServer();
    browser = await launchChromium();
    const { page } = browser;
    await openApp(page, server.url);
    const dir = `${repoRoot}tests/fixtures/feeds/${folder}`;
    const names = readdirSync(dir).filter((name) => name.endsWith('.xml'));
    const expected = new Map<string, Expected>();
    for (const name of names) {
      const path = `/${folder}/${name}`;
      feeds.route(path, { body: feedFixture(`${folder}/${name}`), cors: folder === 'quirks' });
      const text = readFileSync(`${dir}/${name.replace(/\.xml$/, '.expected.json')}`, 'utf8');
      // Quirk feeds' relative URLs are expected against https://feed-host.example/quirks/<file>.
      // Protocol-relative ones (//cdn.example/) take the feed's scheme: http here.
      const here = text
        .replaceAll('https://feed-host.example/', `${feeds.url}/`)
        .replaceAll('https://cdn.example/3.mp3', 'http://cdn.example/3.mp3');
      expected.set(`${feeds.url}${path}`, JSON.parse(here) as Expected);
    }

    for (const [url, feed] of expected) {
      await subscribeAndOpen(page, url, feed.podcastTitle);
    }

    const total = [...expected.values()].reduce((sum, feed) => sum + feed.episodes.length, 0);
    const demoEpisodes = 9;
    await expect
      .poll(async () => (await storedRows(page, 'episodes')).length)
      .toBe(total + demoEpisodes);
    const podcasts = await storedRows<StoredPodcast>(page, 'podcasts');
    const episodes = await storedRows<StoredEpisode>(page, 'episodes');
    for (const [url, feed] of expected) {
      // A feed that announces a move (itunes:new-feed-url) is stored under the old address when
      // the new one serves nothing: here, none of them does.
      const podcast = podcasts.find((candidate) => candidate.feedUrl === url);
      expect(podcast, url).toBeDefined();
      expect(podcast?.title).toBe(feed.podcastTitle);
      const stored = episodes
        .filter((episode) => episode.podcastId === podcast?.id)
        .map((episode) => ({
          guid: episode.guid,
          title: episode.title,
          enclosureUrl: episode.enclosure?.url ?? null,
          durationSeconds: episode.durationSeconds ?? null,
        }));
      const byGuid = (a: { guid: string }, b: { guid: string }) => a.guid.localeCompare(b.guid);
      expect(stored.sort(byGuid), url).toEqual([...feed.episodes].sort(byGuid));
    }
  });
}
