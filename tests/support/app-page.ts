// What a browser test does on Longwave's pages, said once: find things as a person reads them.
import { expect, type Locator, type Page } from '@playwright/test';
import { audioSha256InPage, type AudioSource } from './stored-audio.ts';

/** Opens the app and waits until its service worker controls the page. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

/** Goes from the library to the demo podcast's episodes. */
export async function openDemoPodcast(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Longwave Demo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Longwave Demo' })).toBeVisible();
}

/** The list item of the episode with this title. */
export function episodeItem(page: Page, title: string): Locator {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

/**
 * Opens the "More actions" menu of the episode with this title (closing any other menu first, as
 * Escape does) and returns the open menu: Add to Up Next, the Played checkbox, Show notes.
 */
export async function episodeMenu(page: Page, title: string): Promise<Locator> {
  await page.keyboard.press('Escape');
  const item = episodeItem(page, title);
  await item.getByRole('button', { name: 'More actions' }).click();
  const menu = item.getByRole('group', { name: 'More actions' });
  await expect(menu).toBeVisible();
  return menu;
}

/**
 * SHA-256 (hex) of the audio stored for the episode with this title, or null when none is: its
 * parts as stored, or (`served`) as the service worker serves them at the app's media address.
 */
export function storedSha256(
  page: Page,
  title: string,
  source: AudioSource = 'parts',
): Promise<string | null> {
  return page.evaluate(audioSha256InPage, { title, source });
}

/** The download record of every episode, read straight from IndexedDB. */
export function downloadRecords(
  page: Page,
): Promise<{ episodeId: string; state: string; sourceUrl: string; generation: number }[]> {
  return storedRows(page, 'downloads');
}

/** How many parts of audio IndexedDB holds, for every episode together. */
export async function storedPartCount(page: Page): Promise<number> {
  return (await storedRows(page, 'parts')).length;
}

/** A setting's stored value, read straight from IndexedDB; undefined when never written. */
export async function storedSetting(page: Page, key: string): Promise<unknown> {
  const rows = await storedRows<{ key: string; value: unknown }>(page, 'settings');
  return rows.find((row) => row.key === key)?.value;
}

/** Every row of one of the app's IndexedDB tables. */
function storedRows<Row>(page: Page, table: string): Promise<Row[]> {
  return page.evaluate(
    (table) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('longwave');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(table).objectStore(table).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** Runs in the page: bytes downloaded so far by the one running Background Fetch. */
export async function backgroundFetchBytes(): Promise<number> {
  const manager = (await navigator.serviceWorker.ready).backgroundFetch;
  const [id] = (await manager?.getIds()) ?? [];
  return (id && (await manager?.get(id))?.downloaded) || 0;
}
