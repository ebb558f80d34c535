// Timings taken inside the page, so no round trip to the test tool blurs them: a plain streaming
// fetch (the baseline for downloads), and an app download from the button press to "downloaded".
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
  /** From the press of Download to the record reading "downloaded". */
  ms: number;
  /** Wall clock (Date.now()) at the press and when "downloaded" was seen. */
  pressedAt: number;
  doneAt: number;
}

/**
 * Presses Download on the episode with this title and polls IndexedDB every 20 ms until its
 * record is "downloaded" (throws if it fails, or after `timeoutMs`).
 */
export function timedDownload(
  tab: AppTab,
  title: string,
  timeoutMs = 300_000,
): Promise<TimedDownload> {
  return tab.evaluate(
    async ({ title, timeoutMs }) => {
      const deadline = Date.now() + timeoutMs;
      let button: HTMLButtonElement | undefined;
      while (!button) {
        const item = [...document.querySelectorAll('li')].find(
          (li) => li.querySelector('h2')?.textContent === title,
        );
        button = [...(item?.querySelectorAll('button') ?? [])].find(
          (b) => b.textContent?.trim() === 'Download',
        );
        if (Date.now() > deadline) throw new Error(`No Download button on "${title}"`);
        if (!button) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('longwave');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const started = performance.now();
      const pressedAt = Date.now();
      button.click();
      try {
        for (;;) {
          // Inline, not a named helper: tsx would wrap a named function in a helper the page lacks.
          const records = await new Promise<
            { title: string; state: string; failureMessage?: string }[]
          >((resolve, reject) => {
            const request = db.transaction('downloads').objectStore('downloads').getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          const record = records.find((d) => d.title === title);
          if (record?.state === 'downloaded')
            return { ms: performance.now() - started, pressedAt, doneAt: Date.now() };
          if (record?.state === 'failed')
            throw new Error(`Download failed: ${record.failureMessage}`);
          if (Date.now() > deadline)
            throw new Error(`"${title}" not downloaded in time: ${record?.state}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      } finally {
        db.close();
      }
    },
    { title, timeoutMs },
  );
}
