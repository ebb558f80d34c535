// Where there is no background refresh (Firefox, Safari's engine, and Chromium without Periodic
// Background Sync), opening the app, or coming back to its tab, refreshes the podcasts last
// refreshed longer ago than the listener's interval (default 1 h), and leaves fresher ones alone.
import { expect, test } from '@playwright/test';
import { subscribe, waitUntil } from '../support/app-actions.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchEngine, type AppTab, type Engine, type EngineName } from '../support/engine.ts';
import { startFeedServer, type FeedServer } from '../support/feed-server.ts';

// Set by subscribedIn() at the start of every test.
let app: AppServer;
let feeds: FeedServer;
let engine: Engine;

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

/** The app in `name`, subscribed to the one-episode feed. */
async function subscribedIn(name: EngineName): Promise<AppTab> {
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
  return tab;
}

/** Waits until the second episode is stored by a refresh after `since`, the feed asked `hits` times. */
async function expectRefreshed(tab: AppTab, since: number, hits: number, what: string) {
  const after = await waitUntil(
    () => stored(tab),
    (s) => s.guids.length === 2,
    30_000,
    what,
  );
  expect(after.guids).toEqual(['open-1', 'open-2']);
  expect(after.refreshedAt).toBeGreaterThanOrEqual(since - 1000);
  expect(feeds.hits('/show.xml')).toBe(hits);
}

/** Sets the podcast's last refresh `ms` back, as the clock moving on would. */
function ageRefresh(tab: AppTab, ms: number): Promise<void> {
  return tab.evaluate(async (ms) => {
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
          if (podcast.title === 'On Open') store.put({ ...podcast, refreshedAt: Date.now() - ms });
        }
        store.transaction.oncomplete = () => resolve();
      };
      request.onerror = () => reject(request.error);
    });
    db.close();
  }, ms);
}

for (const name of ['firefox-in-page', 'webkit-in-page', 'chromium-in-page'] as EngineName[]) {
  test(`${name}: opening the app refreshes podcasts older than the interval, not fresher ones`, async () => {
    test.setTimeout(120_000);
    let tab = await subscribedIn(name);
    // Opening the app is a new tab each time: WebKit wedged IndexedDB reads in a tab navigated to
    // the app again and again (1 run in 3 of the whole suite; see also the download specs).
    const reopen = async () => {
      const next = await engine.newTab();
      await tab.close();
      tab = next;
      await tab.goto(app.url);
    };

    // A new episode; the app opens again within the hour: nothing is asked.
    feeds.route('/show.xml', { body: rss(2), cors: true });
    const hits = feeds.hits('/show.xml');
    await reopen();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(feeds.hits('/show.xml')).toBe(hits);
    expect((await stored(tab)).guids).toEqual(['open-1']);

    // Two hours later (the stored time set back, as the clock would have moved): opening the app
    // fetches the feed and stores the new episode.
    await ageRefresh(tab, 7_200_000);
    const opened = Date.now();
    await reopen();
    await expectRefreshed(tab, opened, hits + 1, 'the new episode stored on open');
  });
}

// Headless Firefox hides a tab when another comes to the front, as a desktop browser does
// (headless Chromium keeps every tab visible, so it cannot show this).
test('firefox-in-page: coming back to the app refreshes podcasts older than the interval, not fresher ones', async () => {
  test.setTimeout(120_000);
  const tab = await subscribedIn('firefox-in-page');
  const visibility = () => tab.evaluate(() => document.visibilityState, undefined);
  const other = await engine.newTab();
  feeds.route('/show.xml', { body: rss(2), cors: true });
  const hits = feeds.hits('/show.xml');

  // Away and back within the hour: nothing is asked.
  await other.bringToFront!();
  await waitUntil(visibility, (state) => state === 'hidden', 5_000, 'the app hidden');
  await tab.bringToFront!();
  await waitUntil(visibility, (state) => state === 'visible', 5_000, 'the app visible');
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(feeds.hits('/show.xml')).toBe(hits);

  // Away for two hours (the stored time set back): nothing happens while the tab is hidden, and
  // coming back fetches the feed and stores the new episode, with no reload.
  await other.bringToFront!();
  await waitUntil(visibility, (state) => state === 'hidden', 5_000, 'the app hidden again');
  await ageRefresh(tab, 7_200_000);
  await tab.evaluate(() => {
    (window as { stayed?: boolean }).stayed = true;
  }, undefined);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(feeds.hits('/show.xml')).toBe(hits);
  const back = Date.now();
  await tab.bringToFront!();
  await expectRefreshed(tab, back, hits + 1, 'the new episode stored on coming back');
  expect(await tab.evaluate(() => (window as { stayed?: boolean }).stayed, undefined)).toBe(true);
});
