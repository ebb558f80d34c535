// Refreshing one podcast in the worker or the service worker: conditional requests, the host's
// timing respected by automatic refreshes only, failures recorded with Retry-After.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { getPodcast, listEpisodes } from '../../../../src/db/library.ts';
import { saveFeed } from '../../../../src/db/feed-store.ts';
import {
  refreshPodcastFeed,
  refreshStalePodcasts,
} from '../../../../src/feeds/refresh-podcast-feed.ts';

const FEED = 'https://host.example/feed.xml';
let answers: (() => Response)[];
let asked: Headers[];

const rss = (...guids: string[]) =>
  `<rss version="2.0"><channel><title>Show</title>${guids
    .map(
      (g, i) =>
        `<item><title>${g}</title><guid>${g}</guid><pubDate>${new Date(Date.UTC(2026, 0, i + 1)).toUTCString()}</pubDate></item>`,
    )
    .join('')}</channel></rss>`;

function answer(body: string | null, init: ResponseInit = {}): Response {
  const response = new Response(body, init);
  Object.defineProperty(response, 'url', { value: FEED });
  return response;
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  answers = [];
  asked = [];
  vi.stubGlobal('fetch', (_url: string, init?: RequestInit) => {
    asked.push(new Headers(init?.headers));
    const next = answers.shift();
    return next ? Promise.resolve(next()) : Promise.reject(new TypeError('Failed to fetch'));
  });
});
afterEach(() => vi.unstubAllGlobals());

async function subscribed(facts = {}) {
  return saveFeed(
    FEED,
    { podcast: { title: 'Show', author: '', description: '' }, episodes: [] },
    facts,
  );
}

describe('refreshPodcastFeed', () => {
  it('stores new episodes and the validators, and passes back the newest', async () => {
    const id = await subscribed();
    answers.push(() => answer(rss('a', 'b', 'c', 'd'), { headers: { ETag: '"v2"' } }));
    const outcome = await refreshPodcastFeed(id);
    expect(outcome).toMatchObject({ added: 4, unchanged: false, skipped: false });
    expect(outcome.newest.map((e) => e.guid)).toEqual(['d', 'c', 'b']);
    expect(await getPodcast(id)).toMatchObject({ etag: '"v2"', viaProxy: false });
    expect(await listEpisodes(id)).toHaveLength(4);
  });

  it('reads the same validators as unchanged, and records the refresh', async () => {
    const id = await subscribed({ etag: '"v1"' });
    await db.podcasts.update(id, { refreshedAt: 1, refreshError: 'old' });
    answers.push(() => answer(rss('a'), { headers: { ETag: '"v1"' } }));
    expect(await refreshPodcastFeed(id)).toMatchObject({ unchanged: true, added: 0 });
    const podcast = await getPodcast(id);
    expect(podcast?.refreshedAt).toBeGreaterThan(1);
    expect(podcast?.refreshError).toBeUndefined();
    expect(await listEpisodes(id)).toHaveLength(0);
  });

  it('lets automatic refreshes wait for the host, but not the listener', async () => {
    const id = await subscribed({ refreshNotBefore: Date.now() + 60_000 });
    expect(await refreshPodcastFeed(id, { automatic: true })).toMatchObject({ skipped: true });
    expect(asked).toHaveLength(0);
    answers.push(() => answer(rss('a')));
    expect(await refreshPodcastFeed(id)).toMatchObject({ added: 1 });
  });

  it('records a busy host with its Retry-After, so automatic refreshes wait', async () => {
    const id = await subscribed();
    answers.push(() => answer('busy', { status: 503, headers: { 'Retry-After': '600' } }));
    await expect(refreshPodcastFeed(id, { automatic: true })).rejects.toMatchObject({
      kind: 'busy',
    });
    const podcast = await getPodcast(id);
    expect(podcast?.refreshError).toMatch(/busy/);
    expect(podcast?.refreshNotBefore).toBeGreaterThan(Date.now() + 590_000);
    const { outcomes, failed } = await refreshStalePodcasts(0);
    expect(outcomes).toEqual([expect.objectContaining({ podcastId: id, skipped: true })]);
    expect(failed).toEqual([]);
  });

  it('keeps the library exactly as it was when a web page (captive portal) comes back, and says so', async () => {
    const id = await subscribed({ etag: '"v1"' });
    answers.push(() => answer(rss('a', 'b'), { headers: { ETag: '"v2"' } }));
    await refreshPodcastFeed(id);
    const episodesBefore = await db.episodes.toArray();
    const podcastBefore = (await getPodcast(id))!;
    const portal =
      '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Sign in to the Wi-Fi</form></body></html>';
    for (const automatic of [false, true]) {
      answers.push(() => answer(portal, { headers: { 'Content-Type': 'text/html' } }));
      await expect(refreshPodcastFeed(id, { automatic })).rejects.toThrow(
        /web page instead of the podcast's feed — are you signed in to this Wi-Fi\? Nothing in your library was changed/,
      );
      expect(await db.episodes.toArray()).toEqual(episodesBefore);
      expect(await getPodcast(id)).toEqual({
        ...podcastBefore,
        refreshError: expect.stringMatching(/Wi-Fi/),
      });
    }
    // Refreshing every stale podcast (the service worker's background refresh) reports it too.
    answers.push(() => answer(portal));
    const { failed } = await refreshStalePodcasts(0);
    expect(failed).toEqual([expect.objectContaining({ message: expect.stringMatching(/Wi-Fi/) })]);
    expect(await db.episodes.toArray()).toEqual(episodesBefore);
  });
});
