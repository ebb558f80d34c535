// Where there is no background refresh (Firefox, Safari's engine, and Chromium without Periodic
// Background Sync), opening the app refreshes the podcasts last refreshed longer ago than the
// listener's interval (default 1 h), and leaves fresher ones alone.
import { expect, test } from '@playwright/test';
import { subscribe, waitUntil } from '../support/app-actions.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchEngine, type AppTab, type Engine, type EngineName } from '../support/engine.ts';
import { startFeedServer, type FeedServer } from '../support/feed-server.ts';

let app: AppServer | undefined;
let feeds: FeedServer | undefined;
let engine: Engine | undefined;

test.afterEach(async () => {
  await engine?.dispose();
  await feeds?.close();
  await app?.close();
});

function rss(count: number): string {
  const items = Array.from({ length: count }, (_, index) => count - index).map(
    (n) => `<item><title>Open ${n}</title><guid>open-${n}</guid>
      <pubDate>${new Date(Date.UTC(2026, 0, n)).toUTCString()}</pubDate></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>On Open</title>${items.join('')}</channel></rss>`;
}

/** The stored podcast's refreshedAt and its episodes' GUIDs, straight from IndexedDB. */
function stored(tab: AppTab): Promise<{ refreshedAt: number; guids: string[] }> {
  return tab.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('longwave');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(name: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const podcasts = await all<{ id: string; title: string; refreshedAt: number }>('podcasts');
    const podcast = podcasts.find((p) => p.title === 'On Open');
    const episodes = await all<{ podcastId: string; guid: string }>('episodes');
    db.close();
    return {
      refreshedAt: podcast?.refreshedAt ?? 0,
      guids: episodes
        .filter((e) => e.podcastId === podcast?.id)
        .map((e) => e.guid)
        .sort(),
    };
  }, undefined);
}

for (const name of ['firefox-in-page', 'webkit-in-page', 'chromium-in-page'] as EngineName[]) {
  test(`${name}: opening the app refreshes podcasts older than the interval, not fresher ones`, async () => {
    test.setTimeout(120_000);
    app = await startAppServer();
    feeds = await startFeedServer();
    feeds.route('/show.xml', { body: rss(1), cors: true });
    engine = await launchEngine(name);
    const tab = await engine.newTab();
    await tab.goto(app.url);
    await subscribe(tab, `${feeds.url}/show.xml`);
    await waitUntil(
      () => stored(tab),
      (s) => s.guids.length === 1,
      15_000,
      'subscribed',
    );

    // A new episode; the app opens again within the hour: nothing is asked.
    feeds.route('/show.xml', { body: rss(2), cors: true });
    const hits = feeds.hits('/show.xml');
    await tab.goto(app.url);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(feeds.hits('/show.xml')).toBe(hits);
    expect((await stored(tab)).guids).toEqual(['open-1']);

    // Two hours later (the stored time set back, as the clock would have moved): opening the app
    // fetches the feed and stores the new episode.
    await tab.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('longwave');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const store = db.transaction('podcasts', 'readwrite').objectStore('podcasts');
      await new Promise<void>((resolve, reject) => {
        const request = store.getAll();
        request.onsuccess = () => {
          for (const podcast of request.result as { title: string; refreshedAt: number }[]) {
            if (podcast.title === 'On Open')
              store.put({ ...podcast, refreshedAt: Date.now() - 7_200_000 });
          }
          store.transaction.oncomplete = () => resolve();
        };
        request.onerror = () => reject(request.error);
      });
      db.close();
    }, undefined);
    const opened = Date.now();
    await tab.goto(app.url);
    const after = await waitUntil(
      () => stored(tab),
      (s) => s.guids.length === 2,
      30_000,
      'the new episode stored on open',
    );
    expect(after.guids).toEqual(['open-1', 'open-2']);
    expect(after.refreshedAt).toBeGreaterThanOrEqual(opened - 1000);
    expect(feeds.hits('/show.xml')).toBe(hits + 1);
  });
}
