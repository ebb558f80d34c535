// The library's integrity as a listener meets it, in Chromium, Firefox ESR and WebKit: an address
// that redirects (302, across origins, through the proxy) to a podcast already subscribed opens
// that podcast and stores nothing twice; a Refresh answered by a captive portal's web page keeps
// the library and says so; a downloaded episode whose copy cannot play says that (not "offline")
// and keeps saying it after the pause that follows the error; unsubscribing the podcast that is
// playing removes its Up Next entries, positions and now-playing, and the player plays on from
// the next entry. One engine launch covers all four, to keep browser time small.
import { expect, test } from '@playwright/test';
import { navigateInApp, pressEpisodeButton, subscribe, waitUntil } from '../support/app-actions.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchEngine, type AppTab, type Engine, type EngineName } from '../support/engine.ts';
import { startFeedServer, type FeedServer } from '../support/feed-server.ts';

const ENGINES: EngineName[] = ['chromium-in-page', 'firefox-in-page', 'webkit-in-page'];

const PORTAL =
  '<!DOCTYPE html><html><head><title>Sign in</title></head><body><h1>Sign in to the Wi-Fi</h1><form><input name="room"></form></body></html>';

/** A feed of three episodes whose audio is the demo podcast's (real, playable WAV). */
function showFeed(app: string): string {
  const items = ['first-light', 'harbour-lights', 'night-ferry']
    .map(
      (slug, i) =>
        `<item><title>Show ${slug}</title><guid>show-${slug}</guid><pubDate>${new Date(Date.UTC(2026, 0, i + 1)).toUTCString()}</pubDate><enclosure url="${app}/demo/audio/${slug}.wav?show" type="audio/wav" length="1"/></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Integrity Show</title>${items}</channel></rss>`;
}

interface Library {
  podcasts: { id: string; title: string; feedUrl: string }[];
  episodes: { id: string; podcastId: string; title: string }[];
  queue: string[];
  positions: string[];
  nowPlaying: string | null;
  path: string;
  alerts: string[];
  audio: { src: string; paused: boolean };
}

/** What IndexedDB holds and what the page shows, read in the page. */
function library(tab: AppTab): Promise<Library> {
  return tab.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('longwave');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = ['podcasts', 'episodes', 'queue', 'positions', 'settings'];
    const tx = db.transaction(names);
    const reads = names.map((name) => tx.objectStore(name).getAll());
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    const [podcasts, episodes, queue, positions, settings] = reads.map(
      (read) => read.result as Record<string, unknown>[],
    );
    const audio = document.querySelector('audio');
    return {
      podcasts: podcasts!.map(({ id, title, feedUrl }) => ({ id, title, feedUrl })),
      episodes: episodes!.map(({ id, podcastId, title }) => ({ id, podcastId, title })),
      queue: [...queue!]
        .sort((a, b) => (a.position as number) - (b.position as number))
        .map((item) => item.episodeId),
      positions: positions!.map((position) => position.episodeId),
      nowPlaying: (settings!.find((s) => s.key === 'nowPlayingEpisodeId')?.value ?? null) as
        string | null,
      path: location.pathname,
      alerts: [...document.querySelectorAll('[role=alert]')].map((a) => a.textContent ?? ''),
      audio: { src: audio?.currentSrc ?? '', paused: audio?.paused ?? true },
    } as never;
  }, undefined);
}

/** Clicks the button with this exact text (in an open dialog first, if there is one). */
function press(tab: AppTab, name: string): Promise<void> {
  return tab.evaluate(async (name) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const scope = document.querySelector('dialog[open]') ?? document;
      const button = [...scope.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === name && !b.disabled,
      );
      if (button) return button.click();
      if (Date.now() > deadline) throw new Error(`No "${name}" button`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, name);
}

/** Writes records straight into IndexedDB, as another tab or the service worker would. */
function put(tab: AppTab, store: string, records: unknown[]): Promise<void> {
  return tab.evaluate(
    async ({ store, records }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('longwave');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(store, 'readwrite');
      for (const record of records) tx.objectStore(store).put(record);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { store, records },
  );
}

let engine: Engine | undefined;
let app: AppServer | undefined;
let feeds: FeedServer | undefined;
let tracker: FeedServer | undefined;

test.afterEach(async () => {
  await engine?.dispose();
  await Promise.all([app?.close(), feeds?.close(), tracker?.close()]);
  engine = app = feeds = tracker = undefined;
});

for (const name of ENGINES) {
  test(`${name}: no duplicate by redirect, web page on refresh, broken download, unsubscribe while playing`, async () => {
    app = await startAppServer({ allowPrivateHosts: true });
    feeds = await startFeedServer();
    tracker = await startFeedServer();
    feeds.route('/show.xml', { body: showFeed(app.url) });
    // An analytics prefix on another origin, without CORS: only the proxy can follow it.
    tracker.route('/t/show', { status: 302, headers: { Location: `${feeds.url}/show.xml` } });
    engine = await launchEngine(name);
    const tab = await engine.newTab();
    await tab.goto(app.url);
    await waitUntil(
      () => library(tab),
      (l) => l.podcasts.length === 1,
      30_000,
      'the demo',
    );
    const demo = (await library(tab)).podcasts[0]!;

    // 1. Subscribed once directly, then through the redirect: one podcast, three episodes.
    await subscribe(tab, `${feeds.url}/show.xml`);
    const first = await waitUntil(
      () => library(tab),
      (l) => l.episodes.filter((e) => e.podcastId !== demo.id).length === 3,
      15_000,
      'the show stored',
    );
    const show = first.podcasts.find((p) => p.id !== demo.id)!;
    await navigateInApp(tab, '/');
    await waitUntil(
      () => tab.evaluate(() => !!document.querySelector('input[name="feedUrl"]'), undefined),
      Boolean,
      15_000,
      'the Feed URL field',
    );
    await subscribe(tab, `${tracker.url}/t/show`);
    const after = await library(tab);
    expect(after.path).toBe(`/podcast/${show.id}`);
    expect(after.podcasts).toHaveLength(2);
    expect(after.episodes.filter((e) => e.podcastId === show.id)).toHaveLength(3);
    expect(tracker.hits('/t/show')).toBeGreaterThan(0);

    // 2. Refresh answered by a captive portal: the words say so, the library is as it was.
    feeds.route('/show.xml', { body: PORTAL, type: 'text/html; charset=utf-8' });
    await press(tab, 'Refresh');
    const refreshed = await waitUntil(
      () => library(tab),
      (l) => l.alerts.some((a) => a.includes('signed in to this Wi-Fi')),
      15_000,
      'the web page message',
    );
    expect(refreshed.alerts.join(' ')).toContain('Nothing in your library was changed');
    expect(refreshed.podcasts).toEqual(after.podcasts);
    expect(refreshed.episodes).toEqual(after.episodes);

    // 3. A downloaded copy that is not audio: the player says the download is what failed.
    const broken = after.episodes.find((e) => e.title === 'Show night-ferry')!;
    const junk = Array.from(new TextEncoder().encode(PORTAL));
    await tab.evaluate(
      async ({ id, bytes }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('longwave');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const tx = db.transaction(['downloads', 'parts'], 'readwrite');
        const now = Date.now();
        tx.objectStore('downloads').put({
          episodeId: id,
          state: 'downloaded',
          strategy: 'in-page',
          generation: 1,
          sourceUrl: 'http://example.invalid/x.mp3',
          title: 'Show night-ferry',
          bytesDone: bytes.length,
          bytesTotal: bytes.length,
          attempts: 0,
          contentType: 'audio/mpeg',
          createdAt: now,
          updatedAt: now,
          downloadedAt: now,
        });
        // Bytes, not a Blob: WebKit's ephemeral sessions refuse Blobs in IndexedDB.
        const buffer = new Uint8Array(bytes).buffer;
        tx.objectStore('parts').put({
          episodeId: id,
          offset: 0,
          size: bytes.length,
          bytes: buffer,
        });
        await new Promise((resolve, reject) => {
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { id: broken.id, bytes: junk },
    );
    // The service worker claims the page when it activates: /media/ is answered from the device.
    await waitUntil(
      () => tab.evaluate(() => !!navigator.serviceWorker.controller, undefined),
      Boolean,
      15_000,
      'a controlling service worker',
    );
    await pressEpisodeButton(tab, 'Show night-ferry', 'Play');
    const failed = await waitUntil(
      () => library(tab),
      (l) => l.alerts.some((a) => a.includes('downloaded copy')),
      15_000,
      'the broken download message',
    );
    expect(failed.alerts.join(' ')).not.toContain('offline');
    expect(failed.audio.src).toContain(`/media/${broken.id}`);
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the pause after the error
    const still = await library(tab);
    expect(still.alerts.join(' ')).toContain('downloaded copy');
    expect(
      await tab.evaluate(() => !!document.querySelector('[role=alert] button'), undefined),
    ).toBe(true);

    // 4. Unsubscribe the podcast that is playing, with Up Next holding one of its episodes and
    // one of another podcast: its entries, positions and now-playing go; the player plays on.
    await navigateInApp(tab, `/podcast/${demo.id}`);
    await pressEpisodeButton(tab, 'First Light', 'Play');
    await waitUntil(
      () => library(tab),
      (l) => !l.audio.paused,
      15_000,
      'the demo playing',
    );
    const demoEpisodes = (await library(tab)).episodes.filter((e) => e.podcastId === demo.id);
    const harbour = demoEpisodes.find((e) => e.title === 'Harbour Lights')!;
    const next = after.episodes.find((e) => e.title === 'Show first-light')!;
    await put(tab, 'queue', [
      { episodeId: harbour.id, position: 1 },
      { episodeId: next.id, position: 2 },
    ]);
    await put(tab, 'positions', [{ episodeId: harbour.id, seconds: 3, updatedAt: Date.now() }]);
    await press(tab, 'Unsubscribe');
    await press(tab, 'Yes, unsubscribe');
    const gone = await waitUntil(
      () => library(tab),
      (l) => l.podcasts.length === 1 && l.nowPlaying === next.id && !l.audio.paused,
      20_000,
      'the player on the next entry',
    );
    expect(gone.queue).toEqual([]);
    expect(gone.positions.filter((id) => demoEpisodes.some((e) => e.id === id))).toEqual([]);
    expect(gone.episodes.filter((e) => e.podcastId === demo.id)).toEqual([]);
    expect(gone.audio.src).toBe(`${app.url}/demo/audio/first-light.wav?show`);
  });
}
