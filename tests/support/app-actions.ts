// What the download tests do in the app, for any engine: subscribe, press an episode's buttons,
// and read back what IndexedDB really holds and the service worker really serves.
import type { AppTab } from './engine.ts';
import { audioSha256InPage, type AudioSource } from './stored-audio.ts';

export interface DownloadRecord {
  episodeId: string;
  title: string;
  state: string;
  strategy: string;
  bytesDone: number;
  bytesTotal?: number;
  generation: number;
  sourceUrl: string;
  fetchUrl?: string;
  failureReason?: string;
  failureMessage?: string;
  pauseReason?: string;
  etag?: string;
}

/** Subscribes to `feedUrl` through the Feed URL field and waits for the podcast page. */
export async function subscribe(tab: AppTab, feedUrl: string): Promise<void> {
  await tab.evaluate(async (url) => {
    const input = document.querySelector<HTMLInputElement>('input[name="feedUrl"]');
    if (!input?.form) throw new Error('No Feed URL field');
    input.value = url;
    input.form.requestSubmit();
    const deadline = Date.now() + 15_000;
    while (!location.pathname.startsWith('/podcast/')) {
      if (Date.now() > deadline)
        throw new Error(
          `Subscribing failed: ${document.querySelector('[role=alert]')?.textContent}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }, feedUrl);
}

/** Presses a button ("Download", "Cancel download", …) on the episode with this title. */
export async function pressEpisodeButton(tab: AppTab, title: string, name: string): Promise<void> {
  await tab.evaluate(
    async ({ title, name }) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const item = [...document.querySelectorAll('li')].find(
          (li) => li.querySelector('h2')?.textContent === title,
        );
        const button = [...(item?.querySelectorAll('button') ?? [])].find(
          (b) => b.textContent?.trim() === name,
        );
        if (button) return button.click();
        if (Date.now() > deadline) throw new Error(`No "${name}" button on "${title}"`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    { title, name },
  );
}

/** Whether the episode with this title shows a button with this name now. */
export function hasEpisodeButton(tab: AppTab, title: string, name: string): Promise<boolean> {
  return tab.evaluate(
    ({ title, name }) => {
      const item = [...document.querySelectorAll('li')].find(
        (li) => li.querySelector('h2')?.textContent === title,
      );
      return [...(item?.querySelectorAll('button') ?? [])].some(
        (b) => b.textContent?.trim() === name,
      );
    },
    { title, name },
  );
}

/** Every download record, and the count and total size of stored parts, straight from IndexedDB. */
export function readStore(tab: AppTab): Promise<{
  downloads: DownloadRecord[];
  parts: number;
  partBytes: number;
  /** Stored parts per episode id. */
  partsOf: Record<string, number>;
  /** Stored bytes per episode id. */
  bytesOf: Record<string, number>;
}> {
  return tab.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('longwave');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['downloads', 'parts']);
          const downloads = tx.objectStore('downloads').getAll();
          const parts = tx.objectStore('parts').getAll();
          tx.oncomplete = () => {
            db.close();
            // A part is a Blob, or its bytes where IndexedDB refuses Blobs (WebKit, ephemeral).
            const stored: { episodeId: string; blob?: Blob; bytes?: ArrayBuffer }[] = parts.result;
            const sizeOf = (part: (typeof stored)[number]) =>
              part.blob?.size ?? part.bytes?.byteLength ?? 0;
            const partsOf: Record<string, number> = {};
            const bytesOf: Record<string, number> = {};
            for (const part of stored) {
              partsOf[part.episodeId] = (partsOf[part.episodeId] ?? 0) + 1;
              bytesOf[part.episodeId] = (bytesOf[part.episodeId] ?? 0) + sizeOf(part);
            }
            resolve({
              downloads: downloads.result,
              parts: stored.length,
              partBytes: stored.reduce((sum, part) => sum + sizeOf(part), 0),
              partsOf,
              bytesOf,
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    undefined,
  );
}

/** The download record of the episode with this title. */
export async function downloadOf(tab: AppTab, title: string): Promise<DownloadRecord | undefined> {
  return (await readStore(tab)).downloads.find((d) => d.title === title);
}

/**
 * SHA-256 (hex) of the audio stored for the episode with this title, or null when none is: its
 * parts as stored, or (`served`) as the service worker serves them at the app's media address.
 */
export function storedSha256(
  tab: AppTab,
  title: string,
  source: AudioSource = 'parts',
): Promise<string | null> {
  return tab.evaluate(audioSha256InPage, { title, source });
}

/** Sets a stored setting (e.g. a short stall timeout for tests). */
export function setSetting(tab: AppTab, key: string, value: unknown): Promise<void> {
  return tab.evaluate(
    ({ key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('longwave');
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key, value });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    { key, value },
  );
}

/** Polls `read` until `done` holds for its value, or fails with the last value seen. */
export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await read();
      lastError = undefined;
      if (done(last)) return last;
    } catch (error) {
      // A tab reloading or a browser restarting: read again.
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const failure = lastError === undefined ? '' : `; the last read failed: ${String(lastError)}`;
  throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}${failure}`);
}

/**
 * Goes to `path` inside the app, as its links do: no page load. WebKit wedged IndexedDB reads in
 * a tab navigated to the app again (1 run in 2 here, and 1 in 3 in refresh-on-open).
 */
export async function navigateInApp(tab: AppTab, path: string): Promise<void> {
  await tab.evaluate((path) => {
    // Absolute: WebKitWebDriver's scripts resolve relative URLs against about:blank.
    history.pushState(null, '', new URL(path, location.href).href);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}
