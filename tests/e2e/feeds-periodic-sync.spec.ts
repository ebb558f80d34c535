// Fresh while closed, in Chromium: the page registers Periodic Background Sync, and a real
// `periodicsync` event, dispatched to the real service worker through the Chrome DevTools
// Protocol with no app window open, refreshes every subscription: conditional requests (a 304
// costs nothing), new episodes stored, one notification only when something was found and only
// with permission; Cache-Control max-age and Retry-After hold a feed back; "Download new episodes"
// queues the new episode for the tap that opens the app (Chromium 156 refuses a Background Fetch
// started by the service worker), and the app then downloads it.
import { expect, test, type CDPSession, type Worker } from '@playwright/test';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { openApp, storedSha256 } from '../support/app-page.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';
import { startFeedServer, type FeedServer } from '../support/feed-server.ts';
import { startMediaServer, type MediaServer } from '../support/media-server.ts';
import { storedRows, subscribeAndOpen, type StoredPodcast } from './library-helpers.ts';

const TAG = 'longwave-refresh-feeds';

let server: AppServer;
let feeds: FeedServer;
let browser: ChromiumSession;
let media: MediaServer | undefined;

test.afterEach(async () => {
  await browser?.dispose();
  await media?.close();
  await server?.close();
  await feeds?.close();
});

/** A feed with episodes 1…count, newest first. */
function rss(title: string, count: number): string {
  const items = Array.from({ length: count }, (_, index) => count - index).map(
    (n) => `<item><title>${title} ${n}</title><guid>${title}-${n}</guid>
      <pubDate>${new Date(Date.UTC(2026, 0, n)).toUTCString()}</pubDate>
      <enclosure url="https://media.example/${n}.mp3" length="1000" type="audio/mpeg"/></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${items.join('')}</channel></rss>`;
}

/** The app open, periodic sync allowed (and notifications when asked), a DevTools session. */
async function openWithPeriodicSync(notifications: boolean) {
  server = await startAppServer({ allowPrivateHosts: true });
  browser = await launchChromium();
  const { page, context } = browser;
  const cdp = await context.newCDPSession(page);
  const permissions: ('periodicBackgroundSync' | 'notifications')[] = [
    'periodicBackgroundSync',
    ...(notifications ? (['notifications'] as const) : []),
  ];
  await cdp.send('Browser.grantPermissions', { origin: server.url, permissions });
  const registrations = new Map<string, string>();
  cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: updated }) => {
    for (const r of updated) registrations.set(r.scopeURL, r.registrationId);
  });
  await cdp.send('ServiceWorker.enable');
  await openApp(page, server.url);
  return { page, context, cdp, registrationId: () => registrations.get(`${server.url}/`) };
}

/** Dispatches a real periodicsync event to the app's service worker. */
async function dispatchPeriodicSync(cdp: CDPSession, registrationId: string | undefined) {
  expect(registrationId).toBeDefined();
  await cdp.send('ServiceWorker.dispatchPeriodicSyncEvent', {
    origin: server.url,
    registrationId: registrationId!,
    tag: TAG,
  });
}

/** Runs in the service worker: the notifications it shows. */
function notifications(worker: Worker) {
  return worker.evaluate(async () => {
    const sw = self as unknown as { registration: ServiceWorkerRegistration };
    return (await sw.registration.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      url: (n.data as { url?: string }).url,
    }));
  });
}

test('a periodicsync with no window open refreshes conditionally, stores new episodes and notifies once', async () => {
  feeds = await startFeedServer();
  // A host without CORS (through the proxy, explicit validators) and one with (browser cache).
  feeds.route('/a.xml', { body: rss('Alpha', 2), etag: '"a1"' });
  feeds.route('/b.xml', { body: rss('Beta', 1), etag: '"b1"', cors: true });
  const { page, context, cdp, registrationId } = await openWithPeriodicSync(true);
  await subscribeAndOpen(page, `${feeds.url}/a.xml`, 'Alpha');
  await subscribeAndOpen(page, `${feeds.url}/b.xml`, 'Beta');
  // The page asked the browser for the periodic refresh.
  expect(
    await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
        periodicSync?: { getTags(): Promise<string[]> };
      };
      return registration.periodicSync?.getTags();
    }),
  ).toEqual(['longwave-refresh-feeds']);
  const worker = context.serviceWorkers()[0]!;

  // Two new Alpha episodes; Beta unchanged. No app window: the tab shows another site's page.
  feeds.route('/a.xml', { body: rss('Alpha', 4), etag: '"a2"' });
  await page.goto('about:blank');
  const aBefore = feeds.requests('/a.xml').length;
  const bBefore = feeds.requests('/b.xml').length;
  await dispatchPeriodicSync(cdp, registrationId());

  await expect
    .poll(() => notifications(worker), { timeout: 20_000 })
    .toEqual([
      {
        title: '2 new episodes in Alpha',
        body: 'Alpha 4, Alpha 3',
        tag: 'new-episodes',
        url: expect.stringMatching(/^\/podcast\/.+\?episode=/),
      },
    ]);
  // Alpha through the proxy, asked with its ETag, changed; Beta revalidated by the browser's
  // cache, unchanged (304).
  expect(feeds.requests('/a.xml').slice(aBefore)).toEqual([
    expect.objectContaining({
      ifNoneMatch: '"a1"',
      status: 200,
      via: expect.stringMatching(/longwave/),
    }),
  ]);
  expect(feeds.requests('/b.xml').slice(bBefore)).toEqual([
    expect.objectContaining({ ifNoneMatch: '"b1"', status: 304 }),
  ]);

  // What the notification opens: Alpha's newest episode, stored with the others.
  const [shown] = await notifications(worker);
  await page.goto(`${server.url}${shown!.url}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Alpha 4', exact: true })).toBeFocused();
  await expect(page.getByText('4 episodes', { exact: true })).toBeVisible();

  // Nothing new: both feeds answer 304, and no notification is shown.
  await worker.evaluate(async () => {
    const sw = self as unknown as { registration: ServiceWorkerRegistration };
    for (const n of await sw.registration.getNotifications()) n.close();
  });
  await page.goto('about:blank');
  const aAgain = feeds.requests('/a.xml').length;
  await dispatchPeriodicSync(cdp, registrationId());
  await expect.poll(() => feeds.requests('/a.xml').length, { timeout: 20_000 }).toBe(aAgain + 1);
  expect(feeds.requests('/a.xml').at(-1)).toMatchObject({ ifNoneMatch: '"a2"', status: 304 });
  await expect.poll(() => feeds.requests('/b.xml').at(-1)?.status).toBe(304);
  // Give the worker time to (wrongly) notify before saying it did not.
  await page.waitForTimeout(1000);
  expect(await notifications(worker)).toEqual([]);
});

test('Cache-Control and Retry-After hold feeds back, and without permission nothing is shown', async () => {
  feeds = await startFeedServer();
  feeds.route('/fresh.xml', {
    body: rss('Fresh', 1),
    cors: true,
    headers: { 'Cache-Control': 'max-age=3600' },
  });
  feeds.route('/busy.xml', { body: rss('Busy', 1), cors: true });
  feeds.route('/news.xml', { body: rss('News', 1), cors: true });
  const { page, context, cdp, registrationId } = await openWithPeriodicSync(false);
  for (const title of ['Fresh', 'Busy', 'News']) {
    await subscribeAndOpen(page, `${feeds.url}/${title.toLowerCase()}.xml`, title);
  }
  const worker = context.serviceWorkers()[0]!;
  feeds.route('/fresh.xml', { body: rss('Fresh', 2), cors: true });
  feeds.route('/busy.xml', {
    status: 503,
    body: 'Come back later',
    type: 'text/plain',
    cors: true,
    headers: { 'Retry-After': '3600', 'Access-Control-Expose-Headers': 'Retry-After' },
  });
  feeds.route('/news.xml', { body: rss('News', 2), cors: true });
  await page.goto('about:blank');
  const before = { fresh: feeds.hits('/fresh.xml'), busy: feeds.hits('/busy.xml') };
  await dispatchPeriodicSync(cdp, registrationId());

  await page.goto(server.url);
  await expect
    .poll(
      async () => {
        const podcasts = await storedRows<StoredPodcast & { refreshError?: string }>(
          page,
          'podcasts',
        );
        return podcasts.find((p) => p.title === 'Busy')?.refreshError;
      },
      { timeout: 20_000 },
    )
    .toMatch(/busy \(503.*left alone until/);
  // News was refreshed (a new episode, but no permission: no notification); Fresh was not asked.
  await expect
    .poll(async () => (await storedRows<{ guid: string }>(page, 'episodes')).map((e) => e.guid))
    .toContain('News-2');
  expect(feeds.hits('/fresh.xml')).toBe(before.fresh);
  expect(feeds.hits('/busy.xml')).toBe(before.busy + 1);
  expect(await notifications(worker)).toEqual([]);

  // Again: Busy's Retry-After and Fresh's max-age still hold; News is asked again.
  await page.goto('about:blank');
  const newsBefore = feeds.hits('/news.xml');
  await dispatchPeriodicSync(cdp, registrationId());
  await expect.poll(() => feeds.hits('/news.xml'), { timeout: 20_000 }).toBe(newsBefore + 1);
  await page.waitForTimeout(500);
  expect(feeds.hits('/busy.xml')).toBe(before.busy + 1);
  expect(feeds.hits('/fresh.xml')).toBe(before.fresh);

  // The listener's own Refresh does not wait: Fresh's new episode arrives.
  await page.goto(server.url);
  await page.getByRole('link', { name: 'Fresh' }).click();
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.getByText('1 new episode.')).toBeVisible();
});

/** Runs in the service worker: the download records, and the ids of our Background Fetches. */
function backgroundDownloads(worker: Worker) {
  return worker.evaluate(async () => {
    const sw = self as unknown as { registration: ServiceWorkerRegistration };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('longwave');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const records = await new Promise<
      {
        episodeId: string;
        title: string;
        state: string;
        pauseReason?: string;
        failureMessage?: string;
        generation: number;
      }[]
    >((resolve, reject) => {
      const request = db.transaction('downloads').objectStore('downloads').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const manager = sw.registration.backgroundFetch!;
    return { records, fetches: await manager.getIds() };
  });
}

test('a periodicsync with no window open queues new episodes to download, held until one tap opens the app', async () => {
  feeds = await startFeedServer();
  media = await startMediaServer([120_000, 240_000]);
  const item = (n: number) => {
    const episode = media!.episodes[n - 1]!;
    return `<item><title>${episode.title}</title><guid>auto-${n}</guid>
      <pubDate>${new Date(Date.UTC(2026, 0, n)).toUTCString()}</pubDate>
      <enclosure url="${media!.audioUrl(episode.slug)}" length="${episode.bytes}" type="audio/wav"/></item>`;
  };
  const feed = (...items: number[]) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Auto</title>${items.map(item).join('')}</channel></rss>`;
  feeds.route('/auto.xml', { body: feed(1), cors: true });
  const { page, context, cdp, registrationId } = await openWithPeriodicSync(true);
  await subscribeAndOpen(page, `${feeds.url}/auto.xml`, 'Auto');
  // The box shows what is stored, so it changes once the podcast is written, not on the click.
  await page.getByLabel('Download new episodes').click();
  await expect(page.getByLabel('Download new episodes')).toBeChecked();
  await expect
    .poll(async () =>
      // Only this podcast: the demo podcast the first run subscribes to may land at any time.
      (await storedRows<{ title: string; autoDownload?: boolean }>(page, 'podcasts'))
        .filter((p) => p.title === 'Auto')
        .map((p) => p.autoDownload),
    )
    .toEqual([true]);
  const worker = context.serviceWorkers()[0]!;

  // A new episode; no app window open.
  feeds.route('/auto.xml', { body: feed(2, 1), cors: true });
  await page.goto('about:blank');
  await dispatchPeriodicSync(cdp, registrationId());

  await expect
    .poll(() => notifications(worker), { timeout: 20_000 })
    .toEqual([
      {
        title: '1 new episode in Auto',
        body: 'Test Episode 2. Its download waits: tap to start it.',
        tag: 'new-episodes',
        url: expect.stringMatching(/^\/podcast\/.+\?episode=/),
      },
    ]);
  // Chromium refuses a Background Fetch begun by the service worker: the attempt waits, held for
  // the listener, with no fetch registered and no failure recorded, and no audio is fetched.
  const held = await backgroundDownloads(worker);
  expect(held).toEqual({
    records: [
      expect.objectContaining({ title: 'Test Episode 2', state: 'paused', pauseReason: 'held' }),
    ],
    fetches: [],
  });
  expect(held.records[0]!.failureMessage).toBeUndefined();
  const wholeGets = () =>
    media!.requests.filter(
      (r) => r.slug === 'episode-2' && r.method === 'GET' && r.range !== 'bytes=0-0',
    );
  await page.waitForTimeout(1000);
  expect(wholeGets()).toEqual([]);
  const [record] = held.records;

  // The tap opens the app where the notification points; the app starts the download itself.
  const [shown] = await notifications(worker);
  await page.goto(`${server.url}${shown!.url}`);
  await expect
    .poll(async () => (await backgroundDownloads(worker)).records.map((r) => r.state), {
      timeout: 30_000,
    })
    .toEqual(['downloaded']);
  expect(await storedSha256(page, 'Test Episode 2')).toBe(media.sha256('episode-2'));
  const after = await backgroundDownloads(worker);
  expect(after.records[0]!.generation).toBeGreaterThan(record!.generation);
  expect(after.fetches).toEqual([]);
  expect(wholeGets()).toHaveLength(1);
});
