// A 5,000-episode feed in Chromium: subscribing takes about a second, and the episode list stays
// virtualised (at most 100 rows in the DOM) at the top, after scrolling to the end, and back.
import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { openApp } from '../support/app-page.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';
import { startFeedServer, type FeedServer } from '../support/feed-server.ts';
import { largeFeedXml } from '../support/large-feed.ts';
import { episodeRows, subscribeTo } from './library-helpers.ts';
import type { Page } from '@playwright/test';

const EPISODES = 5000;
const MAX_ROWS = 100;

let server: AppServer;
let feeds: FeedServer;
let browser: ChromiumSession;

test.afterEach(async () => {
  await browser?.dispose();
  await server?.close();
  await feeds?.close();
});

/**
 * Subscribes through the UI; returns how long until the podcast was on screen (shownMs) and until
 * every episode was stored and listed (allMs), with the app's own fetch/parse/store measures.
 */
async function timedSubscribe(page: Page, url: string, title: string, count: number) {
  await page.evaluate(() => performance.clearMeasures());
  const started = Date.now();
  await subscribeTo(page, url);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({
    timeout: 30_000,
  });
  await expect(episodeRows(page).first()).toBeVisible();
  const shownMs = Date.now() - started;
  await expect(
    page.getByText(`${count.toLocaleString('en-US')} episodes`, { exact: true }),
  ).toBeVisible();
  const allMs = Date.now() - started;
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('longwave:feed-store').length))
    .toBe(1);
  const measures = await page.evaluate(() =>
    Object.fromEntries(
      performance
        .getEntriesByType('measure')
        .filter((entry) => entry.name.startsWith('longwave:'))
        .map((entry) => [entry.name.replace('longwave:', ''), Math.round(entry.duration)]),
    ),
  );
  return { shownMs, allMs, ...measures } as Record<string, number>;
}

test('a 5,000-episode feed subscribes, every episode reachable, at most 100 rows rendered', async () => {
  server = await startAppServer();
  feeds = await startFeedServer();
  feeds.route('/large.xml', { body: largeFeedXml(EPISODES, { origin: feeds.url }), cors: true });
  feeds.route('/baseline.xml', { body: largeFeedXml(50, { origin: feeds.url }), cors: true });
  browser = await launchChromium();
  const { page } = browser;
  await openApp(page, server.url);

  const baseline = await timedSubscribe(
    page,
    `${feeds.url}/baseline.xml`,
    'Large Feed (50 episodes)',
    50,
  );
  const large = await timedSubscribe(
    page,
    `${feeds.url}/large.xml`,
    `Large Feed (${EPISODES} episodes)`,
    EPISODES,
  );
  const rowsAtTop = await episodeRows(page).count();
  await expect(episodeRows(page).first().getByRole('heading')).toHaveText(
    `Episode ${EPISODES}: notes on item number ${EPISODES}`,
  );

  // Scroll to the end: the oldest episode renders, and the DOM stays small.
  const scrollStarted = Date.now();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const oldest = page.getByRole('heading', {
    name: 'Episode 1: notes on item number 1',
    exact: true,
  });
  await expect(oldest).toBeVisible();
  const scrollMs = Date.now() - scrollStarted;
  const rowsAtEnd = await episodeRows(page).count();
  await expect(oldest.locator('xpath=ancestor::li')).toHaveAttribute(
    'aria-posinset',
    String(EPISODES),
  );
  await expect(oldest.locator('xpath=ancestor::li')).toHaveAttribute(
    'aria-setsize',
    String(EPISODES),
  );

  console.log(
    `[5,000-episode feed] baseline 50 episodes: ${JSON.stringify(baseline)}; ` +
      `${EPISODES} episodes: ${JSON.stringify(large)}; rows rendered at top ${rowsAtTop}, ` +
      `at end ${rowsAtEnd}; scroll to end and render ${scrollMs} ms`,
  );
  expect(rowsAtTop).toBeLessThanOrEqual(MAX_ROWS);
  expect(rowsAtEnd).toBeLessThanOrEqual(MAX_ROWS);
  expect(rowsAtTop).toBeGreaterThan(5);
  // How long it takes is measured by `npm run bench` (figure 6), against a baseline in the same
  // run: a time limit here would fail whenever the machine is busy.
});
