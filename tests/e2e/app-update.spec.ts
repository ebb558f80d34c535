// Updates as a listener meets them: build A is running, build B is deployed to the same origin.
// The new service worker waits; the app offers "Update available — Reload"; Dismiss keeps A
// working; Reload switches to B; downloads under way carry on across the switch.
import { rm } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { demoAudioSha256 } from '../../server/demo/demo-audio.ts';
import { demoEpisodes } from '../../server/demo/demo-episodes.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import {
  backgroundFetchBytes,
  storedSha256,
  episodeItem,
  openApp,
  openDemoPodcast,
} from '../support/app-page.ts';
import { buildApp } from '../support/build-app.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';

const episode = demoEpisodes.find(({ bytes }) => bytes >= 12 * 2 ** 20 && bytes <= 24 * 2 ** 20)!;

let buildA: string;
let buildB: string;
let server: AppServer;
let browser: ChromiumSession;

test.beforeAll(async () => {
  [buildA, buildB] = await Promise.all([buildApp('update-a'), buildApp('update-b')]);
});

test.afterAll(async () => {
  await Promise.all([buildA, buildB].map((dir) => dir && rm(dir, { recursive: true })));
});

test.afterEach(async () => {
  await browser?.dispose();
  await server?.close();
});

test('a waiting update is offered; Dismiss keeps A running, Reload switches to B, and a Background Fetch download goes on', async () => {
  server = await startAppServer({ distDir: buildA, bytesPerSecond: 1_000_000 });
  browser = await launchChromium();
  const { page } = browser;
  await openApp(page, server.url);
  await expect(footer(page)).toHaveText('Longwave update-a');
  await openDemoPodcast(page);
  const item = episodeItem(page, episode.title);
  await item.getByRole('button', { name: 'Download' }).click();
  await expect
    .poll(() => page.evaluate(backgroundFetchBytes), { timeout: 30_000 })
    .toBeGreaterThan(0);

  await deploy(page, buildB);
  const prompt = page.getByRole('status').filter({ hasText: 'Update available' });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Dismiss' }).click();
  await expect(prompt).toBeHidden();
  // Declined: A goes on, offline-ready and navigable, with B waiting behind it.
  await page.getByRole('link', { name: 'Downloads' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Downloads' })).toBeVisible();
  await expect(footer(page)).toHaveText('Longwave update-a');
  expect(await page.evaluate(hasWaitingWorker)).toBe(true);

  // Reopened later, A still runs and asks again; this time the listener takes the update.
  await page.reload();
  await expect(footer(page)).toHaveText('Longwave update-a');
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Reload' }).click();
  await expect(footer(page)).toHaveText('Longwave update-b');
  await expect(prompt).toBeHidden();
  expect(await page.evaluate(hasWaitingWorker)).toBe(false);

  // B's service worker receives the end of the fetch A's page started.
  await page.getByRole('link', { name: 'Library' }).click();
  await openDemoPodcast(page);
  await expect(item.getByRole('button', { name: 'Delete download' })).toBeVisible({
    timeout: 60_000,
  });
  expect(await storedSha256(page, episode.title)).toBe(demoAudioSha256(episode));
});

test('an in-page download under way resumes after Reload into the new version', async () => {
  server = await startAppServer({ distDir: buildA, bytesPerSecond: 1_000_000 });
  browser = await launchChromium({ backgroundFetch: false });
  const { page } = browser;
  await openApp(page, server.url);
  await openDemoPodcast(page);
  const item = episodeItem(page, episode.title);
  await item.getByRole('button', { name: 'Download' }).click();
  const progress = item.getByRole('progressbar');
  await expect
    .poll(() => progress.evaluate((bar: HTMLProgressElement) => bar.value), { timeout: 30_000 })
    .toBeGreaterThan(0);

  await deploy(page, buildB);
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(footer(page)).toHaveText('Longwave update-b');
  await expect(item.getByRole('button', { name: 'Delete download' })).toBeVisible({
    timeout: 60_000,
  });
  expect(await storedSha256(page, episode.title)).toBe(demoAudioSha256(episode));
});

/** Puts `build` on the server and lets the browser find it, as its own update check would. */
async function deploy(page: Page, build: string): Promise<void> {
  server.serveBuild(build);
  await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
}

function footer(page: Page) {
  return page.getByRole('contentinfo');
}

/** Runs in the page: whether a new service worker is installed and waiting. */
async function hasWaitingWorker(): Promise<boolean> {
  return Boolean((await navigator.serviceWorker.getRegistration())?.waiting);
}
