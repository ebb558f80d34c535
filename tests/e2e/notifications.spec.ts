// Download notifications in Chromium with a real Background Fetch: permission asked once, from the
// first Download click; a notification with the episode's title and artwork when a download ends
// with no app window on screen, none while the app shows the result itself; opening the episode.
import { expect, test, type Worker } from '@playwright/test';
import { demoEpisodes } from '../../server/demo/demo-episodes.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import {
  backgroundFetchBytes,
  episodeItem,
  openApp,
  openDemoPodcast,
} from '../support/app-page.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';

const [first, second, third] = demoEpisodes;
const night = demoEpisodes.find((episode) => episode.slug === 'night-ferry')!;

let server: AppServer;
let browser: ChromiumSession;

test.afterEach(async () => {
  await browser?.dispose();
  await server?.close();
});

test('permission is asked at the first download, never on load, and not again once declined', async () => {
  server = await startAppServer();
  browser = await launchChromium();
  // Stands in for the browser's prompt: counts requests, answers as a listener closing it would.
  await browser.context.addInitScript(() => {
    Notification.requestPermission = async () => {
      localStorage.setItem('asked', String(Number(localStorage.getItem('asked') ?? 0) + 1));
      return 'default';
    };
  });
  const { page } = browser;
  const asked = () => page.evaluate(() => Number(localStorage.getItem('asked') ?? 0));
  await openApp(page, server.url);
  await openDemoPodcast(page);
  expect(await asked()).toBe(0);

  await episodeItem(page, first!.title).getByRole('button', { name: 'Download' }).click();
  await expect.poll(asked).toBe(1);
  const secondDownload = episodeItem(page, second!.title).getByRole('button', {
    name: 'Download',
    exact: true,
  });
  await secondDownload.click();
  // Reload once the tap has taken effect (the record is written), as a listener would see it.
  await expect(secondDownload).toBeHidden();
  await page.reload();
  await episodeItem(page, third!.title).getByRole('button', { name: 'Download' }).click();
  // Declining costs nothing: the downloads finish all the same.
  for (const { title } of [first!, second!, third!]) {
    await expect(
      episodeItem(page, title).getByRole('button', { name: 'Delete download' }),
    ).toBeVisible({ timeout: 60_000 });
  }
  expect(await asked()).toBe(1);
});

test('a background download that ends with no app window shows a notification that opens the episode', async () => {
  server = await startAppServer({ bytesPerSecond: 2_000_000 });
  browser = await launchChromium();
  const { context } = browser;
  await context.grantPermissions(['notifications'], { origin: server.url });
  let page = browser.page;
  await openApp(page, server.url);
  await openDemoPodcast(page);
  await episodeItem(page, night.title).getByRole('button', { name: 'Download' }).click();
  await expect
    .poll(() => page.evaluate(backgroundFetchBytes), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await page.close();

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await expect
    .poll(() => notifications(worker), { timeout: 60_000, intervals: [500] })
    .toEqual([
      expect.objectContaining({
        title: `Downloaded: ${night.title}`,
        icon: `${server.url}/demo/artwork.png`,
      }),
    ]);
  const [shown] = await notifications(worker);

  // Where a tap on it leads with no window open: the episode, scrolled to and focused.
  page = await context.newPage();
  await openApp(page, `${server.url}${shown!.url}`);
  await expect(page.getByRole('heading', { level: 2, name: night.title })).toBeFocused();

  // With a window open, the service worker tells it which episode to show.
  await page.goto(`${server.url}/downloads`);
  await worker.evaluate(async (episodeId) => {
    const sw = self as unknown as {
      clients: { matchAll(o: object): Promise<{ postMessage(m: unknown): void }[]> };
    };
    for (const client of await sw.clients.matchAll({ type: 'window' })) {
      client.postMessage({ type: 'OPEN_EPISODE', episodeId });
    }
  }, shown!.episodeId);
  await expect(page.getByRole('heading', { level: 2, name: night.title })).toBeFocused();
});

test('no notification while the app is on screen: it shows the result itself', async () => {
  server = await startAppServer();
  browser = await launchChromium();
  await browser.context.grantPermissions(['notifications'], { origin: server.url });
  const { page } = browser;
  await openApp(page, server.url);
  await openDemoPodcast(page);
  const item = episodeItem(page, first!.title);
  await item.getByRole('button', { name: 'Download' }).click();
  await expect(item.getByRole('button', { name: 'Delete download' })).toBeVisible({
    timeout: 30_000,
  });
  const worker = browser.context.serviceWorkers()[0]!;
  // The fetch is gone once the success event's work (storing, then deciding to notify) is done.
  await expect
    .poll(() =>
      page.evaluate(async () => (await navigator.serviceWorker.ready).backgroundFetch?.getIds()),
    )
    .toEqual([]);
  expect(await notifications(worker)).toEqual([]);
});

/** Runs in the service worker: the notifications it is showing. */
function notifications(worker: Worker) {
  return worker.evaluate(async () => {
    const sw = self as unknown as { registration: ServiceWorkerRegistration };
    return (await sw.registration.getNotifications()).map((notification) => ({
      title: notification.title,
      icon: notification.icon,
      tag: notification.tag,
      url: (notification.data as { url: string }).url,
      episodeId: (notification.data as { episodeId: string }).episodeId,
    }));
  });
}
