// The settings page in Chromium with real downloads: what the downloads cost, taking space back,
// a full disk, the consistency check repairing what went wrong, and a backup's round trip.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { demoAudioSha256 } from '../../server/demo/demo-audio.ts';
import { demoEpisodes } from '../../server/demo/demo-episodes.ts';
import { formatBytes } from '../../src/shared/format.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import {
  storedSha256,
  downloadRecords,
  episodeItem,
  episodeMenu,
  openApp,
  openDemoPodcast,
} from '../support/app-page.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';
import { damageStorageInPage } from '../support/stored-audio.ts';

const [first, second] = [...demoEpisodes].sort((a, b) => a.bytes - b.bytes);

let server: AppServer;
const browsers: ChromiumSession[] = [];

test.beforeEach(async () => {
  server = await startAppServer();
});

test.afterEach(async () => {
  for (const browser of browsers.splice(0)) await browser.dispose();
  await server?.close();
});

async function openBrowser(): Promise<Page> {
  const browser = await launchChromium();
  browsers.push(browser);
  await openApp(browser.page, server.url);
  return browser.page;
}

const audioUrl = (slug: string) => `${server.url}/demo/audio/${slug}.wav`;

/** Downloads demo episodes from the podcast page and waits until each is stored. */
async function download(page: Page, ...titles: string[]) {
  await openDemoPodcast(page);
  for (const title of titles) {
    await episodeItem(page, title).getByRole('button', { name: 'Download' }).click();
  }
  for (const title of titles) {
    await expect(
      episodeItem(page, title).getByRole('button', { name: 'Delete download' }),
    ).toBeVisible({
      timeout: 60_000,
    });
  }
}

async function openSettings(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

/** The "Used by Longwave" figure, read back from its words ("7.4 MB of 1.2 GB …"). */
async function shownUsage(page: Page): Promise<number> {
  const text = await page.locator('dt:has-text("Used by Longwave") + dd').innerText();
  const [, value, unit] = /([\d.]+) (B|KB|MB|GB)/.exec(text) ?? [];
  const scale = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9 }[unit as 'B'];
  return Number(value) * scale;
}

test('lists every download with its real size; deleting one frees its audio and the usage drops', async () => {
  const page = await openBrowser();
  await download(page, first!.title, second!.title);
  await openSettings(page);

  const group = page.getByRole('region', { name: 'Longwave Demo' });
  for (const episode of [first!, second!]) {
    await expect(episodeItem(page, episode.title)).toContainText(formatBytes(episode.bytes));
  }
  await expect(group.getByRole('heading', { level: 3 })).toContainText(
    formatBytes(first!.bytes + second!.bytes),
  );
  await expect(page.getByText('2 episodes,')).toContainText(
    formatBytes(first!.bytes + second!.bytes),
  );
  // Sorted by size: the larger first; by date downloaded it follows the order they finished in.
  await expect(group.getByRole('listitem').first()).toContainText(second!.title);

  await expect.poll(() => shownUsage(page)).toBeGreaterThan(first!.bytes + second!.bytes);
  const before = await shownUsage(page);
  await episodeItem(page, second!.title).getByRole('button', { name: 'Delete download' }).click();
  await expect(episodeItem(page, second!.title)).toHaveCount(0);
  await expect.poll(() => storedSha256(page, second!.title)).toBeNull();
  expect(await storedSha256(page, first!.title)).toBe(demoAudioSha256(first!));
  await expect.poll(() => shownUsage(page)).toBeLessThan(before - 0.9 * second!.bytes);
  await expect(page.getByText('1 episode,')).toContainText(formatBytes(first!.bytes));
});

test('a full disk fails the download, says what can be freed, and Settings frees it', async () => {
  const page = await openBrowser();
  await download(page, first!.title);
  await (await episodeMenu(page, first!.title)).getByRole('checkbox', { name: 'Played' }).check();
  await page.keyboard.press('Escape');
  const cdp = await page.context().newCDPSession(page);
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  await cdp.send('Storage.overrideQuotaForOrigin', {
    origin: server.url,
    quotaSize: usage + second!.bytes / 2,
  });

  await episodeItem(page, second!.title).getByRole('button', { name: 'Download' }).click();
  const alert = episodeItem(page, second!.title).getByRole('alert');
  await expect(alert).toContainText(/not enough storage space/i, { timeout: 60_000 });
  await expect(alert).toContainText(`of which ${formatBytes(first!.bytes)} is 1 played episode`);
  await alert.getByRole('link', { name: 'Free up space in Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete played downloads' }).click();
  await expect(page.getByText('No downloaded episodes take space on this device.')).toBeVisible();
  await expect.poll(() => storedSha256(page, first!.title)).toBeNull();

  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url });
  await page.goBack();
  await episodeItem(page, second!.title).getByRole('button', { name: 'Retry download' }).click();
  await expect(
    episodeItem(page, second!.title).getByRole('button', { name: 'Delete download' }),
  ).toBeVisible({
    timeout: 60_000,
  });
});

test('the consistency check removes orphan audio and un-marks downloads whose audio is gone', async () => {
  const page = await openBrowser();
  await download(page, first!.title, second!.title);
  // What a crash or cleared storage leaves: audio nobody owns, a "downloaded" with no audio.
  await page.evaluate(damageStorageInPage, { orphan: 'stray', lose: second!.title });

  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'had gone from this device' });
  await expect(notice).toContainText(second!.title);
  await expect(notice).toContainText('Removed 1 leftover file');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(await storedSha256(page, first!.title)).toBe(demoAudioSha256(first!));
  expect(await storedSha256(page, second!.title)).toBeNull();
  expect((await downloadRecords(page)).map((record) => record.sourceUrl)).toEqual([
    audioUrl(first!.slug),
  ]);
  await expect(
    episodeItem(page, second!.title).getByRole('button', { name: 'Download' }),
  ).toBeVisible();

  // On demand too.
  await page.evaluate(damageStorageInPage, { orphan: 'another-stray' });
  await openSettings(page);
  await page.getByRole('button', { name: 'Check storage' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(
    'Removed 1 leftover file that no download needed.',
  );
  await page.getByRole('button', { name: 'Check storage' }).click();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(
    'Everything is in order: nothing to repair.',
  );
});

test('a backup carries subscriptions, played marks, Up Next and settings to another browser', async () => {
  const page = await openBrowser();
  await openDemoPodcast(page);
  await (await episodeMenu(page, first!.title)).getByRole('checkbox', { name: 'Played' }).check();
  const secondMenu = await episodeMenu(page, second!.title);
  await secondMenu.getByRole('button', { name: 'Add to Up Next' }).click();
  await expect(secondMenu.getByRole('button', { name: 'Added to Up Next' })).toBeVisible();
  await openSettings(page);
  await page.getByLabel('Downloads at once').selectOption('4');
  await page.getByLabel('Delete played episodes').selectOption('7');
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const file = await (await saving).path();
  expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 'longwave-backup' });

  const other = await openBrowser();
  await openSettings(other);
  await other.getByLabel('Restore backup').setInputFiles(file);
  await expect(other.getByRole('main').getByRole('status')).toContainText('Backup restored');
  await expect(other.getByLabel('Downloads at once')).toHaveValue('4');
  await expect(other.getByLabel('Delete played episodes')).toHaveValue('7');
  await other.getByRole('link', { name: 'Library' }).click();
  await openDemoPodcast(other);
  await expect(
    (await episodeMenu(other, first!.title)).getByRole('checkbox', { name: 'Played' }),
  ).toBeChecked();
  expect(await queuedTitles(other)).toEqual([second!.title]);

  // A file that is not a backup says so and changes nothing.
  await openSettings(other);
  await other.getByLabel('Restore backup').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello":"world"}'),
  });
  await expect(other.getByRole('alert')).toHaveText('This file is not a Longwave backup.');
  await expect(other.getByLabel('Downloads at once')).toHaveValue('4');
});

test('asking for persistent storage gets an answer in words', async () => {
  const page = await openBrowser();
  await openSettings(page);
  await expect(page.getByText(/Storage is (not )?persistent/)).toBeVisible();
  const ask = page.getByRole('button', { name: 'Keep downloads on this device' });
  if (await ask.isVisible()) {
    await ask.click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(/Done|said no/);
  }
});

/** Titles of the episodes in Up Next, in order, read from IndexedDB. */
function queuedTitles(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('longwave');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['queue', 'episodes']);
          const queue = tx.objectStore('queue').index('position').getAll();
          const episodes = tx.objectStore('episodes').getAll();
          tx.oncomplete = () => {
            const titles = new Map(
              episodes.result.map((e: { id: string; title: string }) => [e.id, e.title]),
            );
            resolve(
              queue.result.map((item: { episodeId: string }) => titles.get(item.episodeId) ?? ''),
            );
          };
        };
      }),
  );
}

test('with "Delete played episodes: Right away", finishing an episode deletes its download', async () => {
  const page = await openBrowser();
  await download(page, first!.title);
  await openSettings(page);
  await page.getByLabel('Delete played episodes').selectOption('Right away');
  await page.goBack();
  await (await episodeMenu(page, first!.title)).getByRole('checkbox', { name: 'Played' }).check();
  await page.keyboard.press('Escape');
  await expect(
    episodeItem(page, first!.title).getByRole('button', { name: 'Download' }),
  ).toBeVisible();
  await expect.poll(() => storedSha256(page, first!.title)).toBeNull();
});
