// What the library browser tests do, said once: subscribe as a person does, and read what the app
// stored straight from IndexedDB.
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppTab } from '../support/engine.ts';

/** Types `url` into Feed URL on the library page and presses Subscribe. */
export async function subscribeTo(page: Page, url: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/') {
    await page.getByRole('link', { name: 'Library' }).click();
  }
  await page.getByLabel('Feed URL').fill(url);
  await page.getByRole('button', { name: 'Subscribe' }).click();
}

/** Subscribes and waits for the podcast's page (its title as the h1). */
export async function subscribeAndOpen(page: Page, url: string, title: string): Promise<void> {
  await subscribeTo(page, url);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** The library's podcast tiles. */
export function podcastTiles(page: Page): Locator {
  return page.getByRole('list', { name: 'Podcasts' }).getByRole('listitem');
}

/** The rendered episode rows of the open podcast. */
export function episodeRows(page: Page): Locator {
  return page.getByRole('list', { name: 'Episodes' }).getByRole('listitem');
}

export interface StoredPodcast {
  id: string;
  title: string;
  feedUrl: string;
}

export interface StoredEpisode {
  id: string;
  podcastId: string;
  guid: string;
  title: string;
  durationSeconds?: number;
  playedAt?: number;
  enclosure?: { url: string };
}

/** Every row of a table in the app's database (in a Playwright page or any engine's tab). */
export function storedRows<T>(
  page: Pick<AppTab, 'evaluate'>,
  table: 'podcasts' | 'episodes' | 'positions',
): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('longwave');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}
