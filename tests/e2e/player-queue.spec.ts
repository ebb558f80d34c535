// The player in Chromium: Up Next reordered with the keyboard and played on automatically, speed
// remembered per podcast across a reload, and the desktop shortcuts.
import { expect, test, type Page } from '@playwright/test';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import {
  episodeItem,
  episodeMenu,
  openApp,
  openDemoPodcast,
  storedSetting,
} from '../support/app-page.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';

let server: AppServer;
let browser: ChromiumSession;

test.afterEach(async () => {
  await browser?.dispose();
  await server?.close();
});

const audioState = (page: Page) =>
  page.locator('audio').evaluate((audio: HTMLAudioElement) => ({
    src: audio.currentSrc,
    paused: audio.paused,
    currentTime: audio.currentTime,
    rate: audio.playbackRate,
    readyState: audio.readyState,
  }));

test('Up Next is reordered with the keyboard, persists, and plays on when an episode ends', async () => {
  server = await startAppServer();
  browser = await launchChromium();
  const { page } = browser;
  await openApp(page, server.url);
  await openDemoPodcast(page);
  for (const title of ['Harbour Lights', 'Night Ferry']) {
    const menu = await episodeMenu(page, title);
    await menu.getByRole('button', { name: 'Add to Up Next' }).click();
    await expect(menu.getByRole('button', { name: 'Added to Up Next' })).toBeVisible();
  }

  // A fresh load of the player view: the queue comes from IndexedDB.
  await page.goto(`${server.url}/player`);
  const queue = page.getByRole('list', { name: 'Up Next' });
  await expect(queue.getByRole('listitem')).toHaveText([/Harbour Lights/, /Night Ferry/]);
  await page.getByRole('button', { name: 'Move Night Ferry up' }).focus();
  await page.keyboard.press('Enter');
  await expect(queue.getByRole('listitem')).toHaveText([/Night Ferry/, /Harbour Lights/]);
  await expect(
    page.getByRole('status').filter({ hasText: 'Night Ferry moved to position 1 of 2' }),
  ).toBeAttached();

  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await openDemoPodcast(page);
  await episodeItem(page, 'First Light').getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await audioState(page)).readyState).toBeGreaterThanOrEqual(1);
  await page.locator('audio').evaluate((audio: HTMLAudioElement) => {
    audio.currentTime = audio.duration - 1;
  });

  await expect(page.getByRole('link', { name: 'Open player: Night Ferry' })).toBeVisible({
    timeout: 15_000,
  });
  await expect.poll(async () => (await audioState(page)).src).toMatch(/night-ferry\.wav$/);
  await expect.poll(async () => (await audioState(page)).currentTime).toBeGreaterThan(0.5);
  await expect(
    (await episodeMenu(page, 'First Light')).getByRole('checkbox', { name: 'Played' }),
  ).toBeChecked();
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'Open player: Night Ferry' }).click();
  await expect(queue.getByRole('listitem')).toHaveText([/Harbour Lights/]);
});

test('speed is remembered per podcast across a reload; space and arrows control playback', async () => {
  server = await startAppServer();
  browser = await launchChromium();
  const { page } = browser;
  await openApp(page, server.url);
  await openDemoPodcast(page);
  await episodeItem(page, 'Night Ferry').getByRole('button', { name: 'Play' }).click();
  await page.getByRole('link', { name: 'Open player: Night Ferry' }).click();
  await page.getByLabel('Speed').selectOption('2');
  await expect.poll(async () => (await audioState(page)).rate).toBe(2);
  // Reload once the speed is stored: the audio takes it at once, the store a moment later.
  await expect
    .poll(async () => Object.values((await storedSetting(page, 'podcastSpeeds')) ?? {}))
    .toEqual([2]);

  await page.reload();
  // The episode is back in the player, paused, at the podcast's speed.
  await expect(page.getByRole('heading', { level: 1, name: 'Night Ferry' })).toBeVisible();
  await expect.poll(async () => (await audioState(page)).readyState).toBeGreaterThanOrEqual(1);
  expect(await audioState(page)).toMatchObject({ paused: true, rate: 2 });
  await expect(page.getByLabel('Speed')).toHaveValue('2');

  await page.locator('body').press(' ');
  await expect.poll(async () => (await audioState(page)).paused).toBe(false);
  await expect(page.getByRole('status').filter({ hasText: 'Playing' })).toBeAttached();
  const before = (await audioState(page)).currentTime;
  await page.locator('body').press('ArrowRight');
  await expect.poll(async () => (await audioState(page)).currentTime).toBeGreaterThan(before + 29);
  await page.locator('body').press(' ');
  await expect.poll(async () => (await audioState(page)).paused).toBe(true);

  // Another episode of the same podcast starts at the same speed.
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await openDemoPodcast(page);
  await episodeItem(page, 'Harbour Lights').getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await audioState(page)).src).toMatch(/harbour-lights\.wav$/);
  await expect.poll(async () => (await audioState(page)).rate).toBe(2);
});
