// The walking skeleton in Chromium: Background Fetch download, tab closed, offline playback, delete.
import { expect, test } from '@playwright/test';
import { demoAudioSha256 } from '../../server/demo/demo-audio.ts';
import { demoEpisodes } from '../../server/demo/demo-episodes.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import {
  backgroundFetchBytes,
  storedSha256,
  downloadRecords,
  episodeItem,
  openApp,
  openDemoPodcast,
} from '../support/app-page.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';

const smallest = demoEpisodes.reduce((a, b) => (a.bytes <= b.bytes ? a : b));
const medium = demoEpisodes.find(
  (episode) => episode.bytes >= 12 * 2 ** 20 && episode.bytes <= 24 * 2 ** 20,
)!;

let server: AppServer;
let browser: ChromiumSession;

test.afterEach(async () => {
  await browser?.dispose();
  await server?.close();
});

test('a Background Fetch download shows progress and then the downloaded state without a reload', async () => {
  server = await startAppServer({ bytesPerSecond: 1_000_000 });
  browser = await launchChromium();
  const { page } = browser;
  await openApp(page, server.url);
  await openDemoPodcast(page);
  const item = episodeItem(page, smallest.title);

  await item.getByRole('button', { name: 'Download' }).click();
  await expect(item.getByRole('progressbar')).toBeVisible();
  // Queued first, then handed to the browser.
  await expect
    .poll(() =>
      page.evaluate(async () => (await navigator.serviceWorker.ready).backgroundFetch?.getIds()),
    )
    .toHaveLength(1);

  await expect(item.getByRole('button', { name: 'Delete download' })).toBeVisible({
    timeout: 30_000,
  });
  expect(await storedSha256(page, smallest.title)).toBe(demoAudioSha256(smallest));
});

test('a download finishes with the tab closed, then plays and seeks with the server stopped', async () => {
  server = await startAppServer({ bytesPerSecond: 4_000_000 });
  browser = await launchChromium();
  const { context } = browser;
  let { page } = browser;
  await openApp(page, server.url);
  await openDemoPodcast(page);

  await episodeItem(page, medium.title).getByRole('button', { name: 'Download' }).click();
  await expect(episodeItem(page, medium.title).getByRole('progressbar')).toBeVisible();
  // Close the tab once bytes flow (Chromium's download service takes a moment to start).
  await expect
    .poll(() => page.evaluate(backgroundFetchBytes), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await page.close();

  // With no page open, only the service worker can finish the job: watch IndexedDB from there.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await expect
    .poll(() => worker.evaluate(readDownloadState), { timeout: 60_000, intervals: [500] })
    .toBe('downloaded');
  expect(context.pages()).toHaveLength(0);

  page = await context.newPage();
  await openApp(page, server.url);
  await openDemoPodcast(page);
  const item = episodeItem(page, medium.title);
  await expect(item.getByRole('button', { name: 'Delete download' })).toBeVisible();
  expect(await storedSha256(page, medium.title)).toBe(demoAudioSha256(medium));

  await server.close();
  await context.setOffline(true);
  await page.reload();
  // The shell comes from the precache, the podcast page from Dexie.
  await expect(page.getByRole('heading', { level: 1, name: 'Longwave Demo' })).toBeVisible();
  await item.getByRole('button', { name: 'Play' }).click();
  const audio = page.locator('audio');
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.readyState))
    .toBeGreaterThanOrEqual(1);
  const seekTo = await audio.evaluate(async (element: HTMLAudioElement) => {
    const target = element.duration * 0.8;
    const seeked = new Promise((resolve) =>
      element.addEventListener('seeked', resolve, { once: true }),
    );
    element.currentTime = target;
    await seeked;
    await element.play();
    return target;
  });
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime), {
      timeout: 10_000,
    })
    .toBeGreaterThan(seekTo + 0.5);
  expect(await audio.evaluate((element: HTMLAudioElement) => element.error)).toBeNull();

  await item.getByRole('button', { name: 'Delete download' }).click();
  await expect(item.getByRole('button', { name: 'Download' })).toBeVisible();
  await expect.poll(() => storedSha256(page, medium.title)).toBeNull();
  expect(await downloadRecords(page)).toEqual([]);
});

test('the app is installable: Chrome reports no installability errors', async () => {
  server = await startAppServer();
  browser = await launchChromium();
  const { page } = browser;
  await openApp(page, server.url);
  const cdp = await browser.context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
});

/** Runs in the service worker: the state of the one download record. */
function readDownloadState(): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('longwave');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('downloads').objectStore('downloads').getAll();
      request.onsuccess = () =>
        resolve((request.result[0] as { state?: string } | undefined)?.state);
      request.onerror = () => reject(request.error);
    };
  });
}
