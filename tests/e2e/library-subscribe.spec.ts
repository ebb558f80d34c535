// Subscribing in Chromium: directly when the host allows CORS, through the app's proxy when not;
// moved feeds; and a clear message, with the library unchanged, for every way a feed can fail.
import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { openApp } from '../support/app-page.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';
import { feedFixture, startFeedServer, type FeedServer } from '../support/feed-server.ts';
import {
  episodeRows,
  podcastTiles,
  storedRows,
  subscribeAndOpen,
  subscribeTo,
  type StoredPodcast,
} from './library-helpers.ts';

let server: AppServer;
let feeds: FeedServer;
let browser: ChromiumSession;

test.beforeEach(async () => {
  feeds = await startFeedServer();
  feeds.route('/cors.xml', { body: feedFixture('real-world/npp-apple-example.xml'), cors: true });
  feeds.route('/no-cors.xml', { body: feedFixture('quirks/podcast-namespace.xml') });
  browser = await launchChromium();
});

test.afterEach(async () => {
  await browser?.dispose();
  await server?.close();
  await feeds?.close();
});

async function openLibrary(allowPrivateHosts = true): Promise<void> {
  server = await startAppServer({ allowPrivateHosts });
  await openApp(browser.page, server.url);
  await expect(podcastTiles(browser.page)).toHaveCount(1); // the demo
}

test('subscribes directly to a host that allows CORS, without the proxy', async () => {
  await openLibrary();
  const { page } = browser;
  const proxied: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/proxy') proxied.push(request.url());
  });
  await subscribeAndOpen(page, `${feeds.url}/cors.xml`, 'All About Everything');
  await expect(episodeRows(page)).toHaveCount(3);
  await expect(episodeRows(page).first().getByRole('heading')).toHaveText(
    'Shake Shake Shake Your Spices',
  );
  expect(proxied).toEqual([]);
});

test('subscribes through the proxy when the host sends no CORS headers', async () => {
  await openLibrary();
  const { page } = browser;
  const proxied: string[] = [];
  page.on('requestfinished', (request) => {
    if (new URL(request.url()).pathname === '/proxy') proxied.push(request.url());
  });
  await subscribeAndOpen(page, `${feeds.url}/no-cors.xml`, 'Namespace Both Ways');
  await expect(episodeRows(page)).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Support us' })).toHaveAttribute(
    'href',
    'https://feeds.example/donate',
  );
  // One direct attempt (which CORS keeps from the page), then one through the proxy.
  expect(feeds.hits('/no-cors.xml')).toBe(2);
  expect(proxied).toEqual([
    `${server.url}/proxy?url=${encodeURIComponent(`${feeds.url}/no-cors.xml`)}`,
  ]);
});

test('follows a permanent redirect and itunes:new-feed-url by storing the new address', async () => {
  await openLibrary();
  const { page } = browser;
  feeds.route('/old.xml', { status: 301, headers: { Location: '/moved.xml' } });
  feeds.route('/moved.xml', { body: feedFixture('quirks/itunes-spellings.xml') });
  feeds.route('/announces-move.xml', {
    body: new TextDecoder().decode(feedFixture('quirks/new-feed-url.xml')),
  });
  feeds.route('/moved/feed.xml', { body: feedFixture('quirks/durations.xml') });

  await subscribeAndOpen(page, `${feeds.url}/old.xml`, 'Spellings');
  await subscribeAndOpen(page, `${feeds.url}/announces-move.xml`, 'Durations');
  const stored = await storedRows<StoredPodcast>(page, 'podcasts');
  expect(stored.map((podcast) => podcast.feedUrl).sort()).toEqual(
    [`${feeds.url}/moved.xml`, `${feeds.url}/moved/feed.xml`, `${server.url}/demo/feed.xml`].sort(),
  );
});

test('says clearly why a feed cannot be read, and leaves the library as it was', async () => {
  await openLibrary();
  const { page } = browser;
  feeds.route('/page.html', { body: feedFixture('errors/web-page.html'), type: 'text/html' });
  feeds.route('/broken.xml', { body: feedFixture('errors/truncated.xml') });
  feeds.route('/gone.xml', { status: 404, body: 'Not here', type: 'text/plain' });
  feeds.route('/svg.xml', { body: feedFixture('errors/not-a-feed.xml'), cors: true });
  feeds.route('/huge.xml', { headers: { 'Content-Length': String(40 * 2 ** 20) }, body: '' });
  const cases: [string, RegExp][] = [
    ['not an address', /not a feed address/i],
    ['javascript:alert(1)', /must start with http/i],
    [`${feeds.url}/gone.xml`, /no feed at this address.*404/i],
    [`${feeds.url}/page.html`, new RegExp(`web page, not a podcast feed.*${feeds.url}/feed\\.xml`)],
    [`${feeds.url}/broken.xml`, /XML is broken/],
    [`${feeds.url}/svg.xml`, /not a podcast feed \(RSS or Atom\)/],
    [`${feeds.url}/huge.xml`, /too large/],
    ['http://127.0.0.1:9/nothing-listens-here.xml', /could not be reached/],
  ];
  for (const [input, message] of cases) {
    await subscribeTo(page, input);
    await expect(page.getByRole('alert')).toHaveText(message);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library');
  }
  await expect(podcastTiles(page)).toHaveCount(1);
  expect(await storedRows(page, 'podcasts')).toHaveLength(1);
});

test('refuses private addresses through the proxy unless they are allowed', async () => {
  await openLibrary(false);
  const { page } = browser;
  await subscribeTo(page, `${feeds.url}/no-cors.xml`);
  await expect(page.getByRole('alert')).toHaveText(/private or local network/);
  // Only the browser's own attempt arrived (CORS kept its answer from the page); the proxy refused.
  expect(feeds.hits('/no-cors.xml')).toBe(1);
  await expect(podcastTiles(page)).toHaveCount(1);
});
