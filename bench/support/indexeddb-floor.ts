// The floor for storing a feed: the browser's IndexedDB putting episode-shaped records from a
// worker in one transaction, with the app's one episode index and nothing else.
import type { Page } from '@playwright/test';

/**
 * IndexedDB alone: 5,000 episode-shaped records put in one transaction from a worker (ms), on a
 * plain page of the feed host (the app's CSP rightly allows no blob: workers).
 */
export async function bareStoreMs(page: Page, blankUrl: string, count: number): Promise<number> {
  await page.goto(blankUrl);
  return page.evaluate(async (count) => {
    const source = `onmessage = async ({ data: count }) => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('bench-floor-' + Math.random(), 1);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('episodes', { keyPath: 'id' });
          // The app's episode indexes (schema v6).
          store.createIndex('byDate', ['podcastId', 'publishedAt']);
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const records = [];
      for (let i = 0; i < count; i += 1) {
        records.push({ id: crypto.randomUUID(), podcastId: 'p', guid: 'g' + i,
          title: 'Episode ' + i + ': notes on item number ' + i, publishedAt: i * 1000,
          descriptionHtml: '<p>Show notes for episode ' + i + ', with <a href="https://example.org/' + i + '">a link</a> and enough words to look like a real paragraph of show notes written by a real person.</p>',
          durationSeconds: i % 3600, enclosure: { url: 'https://example.org/' + i + '.mp3', type: 'audio/mpeg', length: 20000000 + i } });
      }
      const started = performance.now();
      await new Promise((resolve, reject) => {
        const tx = db.transaction('episodes', 'readwrite');
        for (const record of records) tx.objectStore('episodes').add(record);
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      postMessage(performance.now() - started);
    };`;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    const ms = await new Promise<number>((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data as number);
      worker.onerror = (event) => reject(new Error(`floor worker: ${event.message}`));
      setTimeout(() => reject(new Error('floor worker: no answer in 60 s')), 60_000);
      worker.postMessage(count);
    });
    worker.terminate();
    return ms;
  }, count);
}
