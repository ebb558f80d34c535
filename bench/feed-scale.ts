// Measurement 6: a 5,000-episode feed in Chromium. Parse + store time (the app's own
// `longwave:feed-parse` and `longwave:feed-store` measures), episode rows in the DOM, and long
// tasks while scrolling to the end. Baseline: the same steps for a 50-episode feed.
import type { Page } from '@playwright/test';
import { startAppServer } from '../tests/support/app-server.ts';
import { launchChromium } from '../tests/support/chromium.ts';
import { startFeedServer } from '../tests/support/feed-server.ts';
import { largeFeedXml } from '../tests/support/large-feed.ts';
import { waitForServiceWorkerControl } from '../tests/support/service-worker-control.ts';
import { figure, median, type Figure } from './figure.ts';

const EPISODES = 5000;
const BASELINE_EPISODES = 50;

interface FeedRun {
  parseMs: number;
  firstMs: number;
  storeMs: number;
  rowsMax: number;
  longTasks: number[];
  scrollSteps: number;
}

async function subscribeAndScroll(page: Page, url: string, count: number): Promise<FeedRun> {
  await page.goto(page.url().replace(/\/podcast\/.*$/, '/'));
  await page.evaluate(() => performance.clearMeasures());
  await page.getByLabel('Feed URL').fill(url);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  return page.evaluate(async (count) => {
    const deadline = Date.now() + 60_000;
    while (performance.getEntriesByName('longwave:feed-store').length === 0) {
      if (Date.now() > deadline) throw new Error('feed never stored');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    while (!document.body.textContent?.includes(`${count.toLocaleString('en-US')} episodes`)) {
      if (Date.now() > deadline) throw new Error('episode count never shown');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const longTasks: number[] = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    let rowsMax = document.querySelectorAll('ul[aria-label="Episodes"] li').length;
    let steps = 0;
    // A listener's fast flick: four screenfuls per two frames until the oldest episode shows.
    for (; steps < 1000; steps += 1) {
      const end = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;
      const oldest = [...document.querySelectorAll('ul[aria-label="Episodes"] h2')].some(
        (h) => h.textContent === 'Episode 1: notes on item number 1',
      );
      if (end && oldest) break;
      window.scrollBy(0, 4 * window.innerHeight);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      rowsMax = Math.max(rowsMax, document.querySelectorAll('ul[aria-label="Episodes"] li').length);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    return {
      // Read inline: tsx wraps named page-side helpers in a function the page does not have.
      firstMs: performance.getEntriesByName('longwave:feed-store-first')[0]?.duration ?? 0,
      parseMs: performance.getEntriesByName('longwave:feed-parse')[0]!.duration,
      storeMs: performance.getEntriesByName('longwave:feed-store')[0]!.duration,
      rowsMax,
      longTasks,
      scrollSteps: steps,
    };
  }, count);
}

/** Runs measurement 6 in Chromium. */
export async function benchFeedScale(): Promise<Figure[]> {
  const app = await startAppServer();
  const feeds = await startFeedServer();
  feeds.route('/large.xml', { body: largeFeedXml(EPISODES, { origin: feeds.url }), cors: true });
  feeds.route('/small.xml', {
    body: largeFeedXml(BASELINE_EPISODES, { origin: feeds.url, title: 'Small Feed' }),
    cors: true,
  });
  const browser = await launchChromium();
  try {
    await browser.page.goto(app.url);
    await browser.page.evaluate(waitForServiceWorkerControl);
    const small = await subscribeAndScroll(
      browser.page,
      `${feeds.url}/small.xml`,
      BASELINE_EPISODES,
    );
    const large = await subscribeAndScroll(browser.page, `${feeds.url}/large.xml`, EPISODES);
    const worst = (r: FeedRun) => Math.max(0, ...r.longTasks);
    const engine = 'chromium';
    const store = figure({
      bench: '6 feed scale',
      what: 'parse + store 5,000 episodes',
      engine,
      value: large.parseMs + large.storeMs,
      unit: 'ms',
      baseline: { what: '50 episodes', value: small.parseMs + small.storeMs },
      target: '≤ 1000 ms',
    });
    const rows = figure({
      bench: '6 feed scale',
      what: 'episode rows in DOM (max)',
      engine,
      value: large.rowsMax,
      unit: 'rows',
      baseline: { what: '50 episodes', value: small.rowsMax },
      target: '≤ 100',
    });
    const scroll = figure({
      bench: '6 feed scale',
      what: 'longest task scrolling to end',
      engine,
      value: worst(large),
      unit: 'ms',
      baseline: { what: '50 episodes', value: worst(small) },
      target: 'no long task > 50 ms',
    });
    return [
      {
        ...store,
        met: store.value <= 1000,
        note: `parse ${Math.round(large.parseMs)} ms + store ${Math.round(large.storeMs)} ms (first screen stored after ${Math.round(large.firstMs)} ms); 50 episodes: ${Math.round(small.parseMs)} + ${Math.round(small.storeMs)} ms`,
      },
      { ...rows, met: large.rowsMax <= 100 },
      {
        ...scroll,
        met: large.longTasks.every((d) => d <= 50),
        note: `${large.longTasks.length} long tasks over ${large.scrollSteps} steps of 4 screens (median ${Math.round(median(large.longTasks.length ? large.longTasks : [0]))} ms); 50 episodes: ${small.longTasks.length}`,
      },
    ];
  } finally {
    await browser.dispose();
    await feeds.close();
    await app.close();
  }
}
