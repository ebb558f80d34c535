// The feed worker's preview read (what Discover's preview shows): only the newest episodes cross
// to the page, newest first, with the total; nothing is stored; a feed that cannot be read settles
// to an error in words rather than throwing across the thread.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { feedWorkerApi } from '../../../../src/feeds/feed-worker-api.ts';

const FEED = 'https://a.example/rss';

/** An RSS feed of `count` episodes, one a day, listed oldest first (some feeds do). */
function feed(count: number): string {
  const items = Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(2024, 0, 1 + index)).toUTCString();
    return `<item><title>Episode ${index + 1}</title><guid>e${index + 1}</guid><pubDate>${date}</pubDate>
      <enclosure url="https://a.example/${index + 1}.mp3" type="audio/mpeg" length="1"/></item>`;
  }).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>A Show</title>
    <link>https://a.example/</link><description>About it.</description>${items}</channel></rss>`;
}

let routes: Record<string, string>;

beforeEach(async () => {
  await db.delete();
  await db.open();
  routes = {};
  vi.stubGlobal('fetch', (url: string) => {
    const body = routes[url];
    if (body === undefined) return Promise.reject(new TypeError('Failed to fetch'));
    const response = new Response(body, { headers: { 'Content-Type': 'application/rss+xml' } });
    Object.defineProperty(response, 'url', { value: url });
    return Promise.resolve(response);
  });
});
afterEach(() => vi.unstubAllGlobals());

it('sends the newest episodes only, newest first, with the total, and stores nothing', async () => {
  routes[FEED] = feed(25);
  const result = await feedWorkerApi.preview(FEED, 20);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.feedUrl).toBe(FEED);
  expect(result.value.podcast.title).toBe('A Show');
  expect(result.value.total).toBe(25);
  expect(result.value.episodes.map((episode) => episode.title)).toEqual(
    Array.from({ length: 20 }, (_, index) => `Episode ${25 - index}`),
  );
  expect(await db.podcasts.count()).toBe(0);
  expect(await db.episodes.count()).toBe(0);
});

it('settles to an error in words when the feed cannot be read', async () => {
  const result = await feedWorkerApi.preview('https://gone.example/rss', 20);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.message).not.toBe('');
});
