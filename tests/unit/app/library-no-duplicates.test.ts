// Subscriptions never duplicate: an address that redirects (temporarily or for good, directly or
// through the proxy) or declares itunes:new-feed-url to a feed already in the library merges into
// that podcast, and a Refresh while a big first store is still running stores no episode twice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { listPodcasts } from '../../../src/db/library.ts';
import { refreshFeed, subscribeFeed } from '../../../src/db/feed-store.ts';
import { parseFeed } from '../../../src/feeds/parse-feed.ts';
import { subscribeToFeed } from '../../../src/feeds/subscribe-to-feed.ts';

/** What each address answers: a feed, or a redirect to another address. */
interface Route {
  body?: string;
  to?: string;
  permanent?: boolean;
  /** The host sends no CORS headers: only the proxy can read it. */
  noCors?: boolean;
}
let routes: Record<string, Route>;

const rss = (count: number, extra = '') =>
  `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Show</title>${extra}${Array.from(
    { length: count },
    (_, i) =>
      `<item><title>E${i}</title><guid>g${i}</guid><pubDate>${new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toUTCString()}</pubDate><enclosure url="https://cdn.example/${i}.mp3" type="audio/mpeg" length="1"/></item>`,
  ).join('')}</channel></rss>`;

/** Follows `url`'s redirects as the browser (or the proxy) would: the final address and whether
 * every hop was permanent. */
function follow(url: string): { final: string; permanent?: string; route?: Route } {
  let at = url;
  let permanent: string | undefined;
  let allPermanent = true;
  for (let hops = 0; routes[at]?.to && hops < 5; hops += 1) {
    allPermanent &&= !!routes[at]!.permanent;
    at = routes[at]!.to!;
    if (allPermanent) permanent = at;
  }
  return { final: at, permanent, route: routes[at] };
}

beforeEach(async () => {
  await db.delete();
  await db.open();
  routes = {};
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const proxied = input.startsWith(`${location.origin}/proxy?`);
    const target = proxied ? new URL(input).searchParams.get('url')! : input;
    const { final, permanent, route } = follow(target);
    const blocked = !proxied && (routes[target]?.noCors || route?.noCors);
    if (!route?.body || blocked) throw new TypeError('Failed to fetch');
    const headers: Record<string, string> = {};
    if (proxied) {
      headers['x-longwave-final-url'] = final;
      if (permanent) headers['x-longwave-permanent-url'] = permanent;
    }
    const response = new Response(init?.method === 'HEAD' ? null : route.body, { headers });
    Object.defineProperty(response, 'url', { value: proxied ? input : final });
    Object.defineProperty(response, 'redirected', { value: final !== target });
    return response;
  });
});
afterEach(() => vi.unstubAllGlobals());

async function rows() {
  return { podcasts: (await listPodcasts()).length, episodes: await db.episodes.count() };
}

describe('subscribing to an address of a feed already in the library', () => {
  beforeEach(async () => {
    routes['https://feeds.example/show'] = { body: rss(150) };
    await subscribeToFeed('https://feeds.example/show');
    expect(await rows()).toEqual({ podcasts: 1, episodes: 150 });
  });

  it.each([
    ['a 301 across origins', { to: 'https://feeds.example/show', permanent: true }],
    ['a 302 across origins', { to: 'https://feeds.example/show' }],
    ['a 307 through the proxy (no CORS)', { to: 'https://feeds.example/show', noCors: true }],
    ['a 308 to another spelling', { to: 'http://www.feeds.example/show/', permanent: true }],
  ])('merges into that podcast after %s', async (_, redirect) => {
    routes['http://www.feeds.example/show/'] = { body: rss(150) };
    routes['https://track.example/r/show'] = redirect;
    const [known] = await listPodcasts();
    const { podcastId } = await subscribeToFeed('https://track.example/r/show');
    expect(podcastId).toBe(known!.id);
    expect(await rows()).toEqual({ podcasts: 1, episodes: 150 });
    expect((await listPodcasts())[0]!.feedUrl).toBe('https://feeds.example/show');
  });

  it('merges into that podcast when the feed declares it as its new address', async () => {
    const moved = '<itunes:new-feed-url>https://feeds.example/show</itunes:new-feed-url>';
    routes['https://old.example/show'] = { body: rss(151, moved) };
    const [known] = await listPodcasts();
    expect((await subscribeToFeed('https://old.example/show')).podcastId).toBe(known!.id);
    expect(await rows()).toEqual({ podcasts: 1, episodes: 150 });
  });

  it('merges into it even when the new address does not answer, adding only what is new', async () => {
    const moved = '<itunes:new-feed-url>https://feeds.example/show</itunes:new-feed-url>';
    routes['https://old.example/show'] = { body: rss(152, moved) };
    routes['https://feeds.example/show'] = {};
    await subscribeToFeed('https://old.example/show');
    expect(await rows()).toEqual({ podcasts: 1, episodes: 152 });
  });
});

describe('a Refresh while a big first store is still running', () => {
  it('stores each episode once', async () => {
    const feed = parseFeed(rss(1500), 'https://feeds.example/big');
    const { podcastId, rest } = await subscribeFeed('https://feeds.example/big', feed);
    // Queued behind the first of the remaining batches (900 episodes) and before the second
    // (500): the refresh finds 1,000 stored and adds the other 500 itself.
    const added = await refreshFeed(podcastId, 'https://feeds.example/big', feed);
    await rest;
    expect(added).toHaveLength(500);
    expect(await rows()).toEqual({ podcasts: 1, episodes: 1500 });
    const guids = new Set((await db.episodes.toArray()).map((episode) => episode.guid));
    expect(guids.size).toBe(1500);
  });

  it('stops storing when the podcast is unsubscribed meanwhile', async () => {
    routes['https://feeds.example/big'] = { body: rss(1500) };
    const { removePodcast } = await import('../../../src/db/remove-podcast.ts');
    let removing: Promise<unknown> | undefined;
    await subscribeToFeed('https://feeds.example/big', (podcastId) => {
      removing = removePodcast(podcastId);
    });
    await removing;
    expect(await rows()).toEqual({ podcasts: 0, episodes: 0 });
  });
});
