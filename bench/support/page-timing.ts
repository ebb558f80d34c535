// Timings on the page's own clock: a plain streaming fetch (the baseline for downloads), timed in
// one script; and an app download from the button press to "downloaded", polled from here.
import type { AppTab } from '../../tests/support/engine.ts';

export interface PlainFetch {
  ms: number;
  bytes: number;
}

/** fetch() + a streaming read of every byte, nothing kept: what the network and browser allow. */
export function plainFetch(tab: AppTab, url: string): Promise<PlainFetch> {
  return tab.evaluate(async (url) => {
    const started = performance.now();
    const response = await fetch(url, { cache: 'no-store', mode: 'cors' });
    const reader = response.body!.getReader();
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
    return { ms: performance.now() - started, bytes };
  }, url);
}

export interface TimedDownload {
  /** From the press of Download to the record reading "downloaded" (page clock). */
  ms: number;
  /** Wall clock (Date.now() in the page) at the press and when "downloaded" was read. */
  pressedAt: number;
  doneAt: number;
  /**
   * Origin storage use (navigator.storage.estimate) before the press and at its highest since;
   * 0 where the engine has no StorageManager (WebKitGTK).
   */
  usageBefore: number;
  usagePeak: number;
}

/** The poll interval: a few round trips to the browser a second, even through WebDriver. */
const POLL_MS = 25;

/**
 * Presses Download on the episode with this title, then polls its record from here every 25 ms
 * until it reads "downloaded" (throws if it fails, or after `timeoutMs`), sampling the origin's
 * storage use at each poll. Each step is a short script, so WebDriver's 20 s script timeout
 * (WebKit) never cuts a long download short.
 */
export async function timedDownload(
  tab: AppTab,
  title: string,
  timeoutMs = 300_000,
): Promise<TimedDownload> {
  const deadline = Date.now() + timeoutMs;
  let pressed: { at: number; usage: number } | null = null;
  while (!pressed) {
    pressed = await tab.evaluate(pressDownload, title);
    if (Date.now() > deadline) throw new Error(`No Download button on "${title}"`);
    if (!pressed) await sleep(50);
  }
  let usagePeak = pressed.usage;
  for (;;) {
    const poll = await tab.evaluate(readDownload, title);
    usagePeak = Math.max(usagePeak, poll.usage);
    if (poll.state === 'downloaded') {
      // The record's own time, not the poll's: a poll waits for the storage estimate, which
      // takes hundreds of milliseconds while a download writes.
      const doneAt = poll.downloadedAt ?? poll.at;
      return {
        ms: doneAt - pressed.at,
        pressedAt: pressed.at,
        doneAt,
        usageBefore: pressed.usage,
        usagePeak,
      };
    }
    if (poll.state === 'failed') throw new Error(`Download failed: ${poll.failureMessage}`);
    if (Date.now() > deadline) throw new Error(`"${title}" not downloaded in time: ${poll.state}`);
    await sleep(POLL_MS);
  }
}

// The two page-side steps are arrow functions assigned to constants: tsx (esbuild keepNames)
// wraps any function with a name inside them in a `__name` helper that the page does not have.

/** In the page: clicks the episode's Download button; its time and the storage use, or null. */
const pressDownload = async (title: string) => {
  const item = [...document.querySelectorAll('li')].find((li) =>
    [...li.querySelectorAll('h1, h2, h3, a')].some((e) => e.textContent?.trim() === title),
  );
  const button = [...(item?.querySelectorAll('button') ?? [])].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === 'Download',
  );
  if (!button) return null;
  // WebKitGTK has no StorageManager.
  const { usage = 0 } = (await navigator.storage?.estimate()) ?? {};
  const at = Date.now();
  (button as HTMLButtonElement).click();
  return { at, usage };
};

/** In the page: the state of the download with this title, read straight from IndexedDB. */
const readDownload = async (title: string) => {
  const records = await new Promise<
    { title: string; state: string; failureMessage?: string; downloadedAt?: number }[]
  >((resolve, reject) => {
    const open = indexedDB.open('longwave');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('downloads').objectStore('downloads').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      db.close();
    };
  });
  const at = Date.now();
  const record = records.find((d) => d.title === title);
  const { usage = 0 } = (await navigator.storage?.estimate()) ?? {};
  const { state, failureMessage, downloadedAt } = record ?? {};
  return { at, state, failureMessage, downloadedAt, usage };
};

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
