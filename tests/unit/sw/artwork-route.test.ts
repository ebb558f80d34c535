// Artwork at /artwork?url=: fetched with CORS or, when the host refuses CORS, through the proxy;
// stored only when it is a real image within the size cap; answered from storage offline; and
// stored artwork is pruned to what the library names and to the budget.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { pruneArtwork } from '../../../src/db/prune-artwork.ts';
import type { Episode, Podcast } from '../../../src/db/schema.ts';
import { ARTWORK_BYTES_HEADER, MAX_ARTWORK_BYTES } from '../../../src/shared/artwork-budget.ts';
import { artworkSrc } from '../../../src/shared/artwork-url.ts';
import { ARTWORK_CACHE } from '../../../src/shared/cache-names.ts';
import { serveArtwork } from '../../../sw/artwork-route.ts';

const ART = 'https://cdn.example/show.png';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const HTML = '<html><body>Sign in to the Wi-Fi</body></html>';

let fetches: { url: string; mode?: RequestMode }[];
/** What the network answers: by URL, a function of the request's mode. */
let network: (url: string, mode?: RequestMode) => Response;

function serve(target = ART): Promise<Response> {
  return serveArtwork(new Request(artworkSrc(target)!), target);
}

async function storedKeys(): Promise<string[]> {
  return (await (await caches.open(ARTWORK_CACHE)).keys()).map((request) => request.url);
}

beforeEach(async () => {
  vi.stubGlobal('location', new URL('http://app.test/'));
  fetches = [];
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    fetches.push({ url: input, mode: init?.mode });
    return Promise.resolve().then(() => network(input, init?.mode));
  });
  await caches.delete(ARTWORK_CACHE);
  await db.delete();
  await db.open();
  await db.podcasts.put({ id: 'p1', title: 'Show', artworkUrl: ART } as Podcast);
});

afterEach(async () => {
  await pruneArtwork();
  vi.unstubAllGlobals();
});

const proxied = (url: string) => `http://app.test/proxy?url=${encodeURIComponent(url)}`;
const png = (headers: Record<string, string> = {}) =>
  new Response(PNG, { headers: { 'Content-Type': 'image/png', ...headers } });

describe('serveArtwork', () => {
  it('stores an image from a host with CORS and answers it from storage offline', async () => {
    network = () => png();
    const online = await serve();
    expect(online.status).toBe(200);
    expect(new Uint8Array(await online.arrayBuffer())).toEqual(PNG);
    expect(fetches).toEqual([{ url: ART, mode: 'cors' }]);

    network = () => {
      throw new TypeError('Failed to fetch');
    };
    const offline = await serve();
    expect(offline.headers.get('Content-Type')).toBe('image/png');
    expect(offline.headers.get(ARTWORK_BYTES_HEADER)).toBe(String(PNG.byteLength));
    expect(new Uint8Array(await offline.arrayBuffer())).toEqual(PNG);
  });

  it('goes through the proxy when the host refuses CORS, and types the image by its bytes', async () => {
    const art = 'https://no-cors.example/a.png';
    await db.episodes.put({ id: 'e1', podcastId: 'p1', artworkUrl: art } as Episode);
    network = (url) => {
      if (url.startsWith('https://no-cors.example/')) throw new TypeError('CORS');
      return png({ 'Content-Type': 'binary/octet-stream' });
    };
    const response = await serve(art);
    expect(fetches.map((fetch) => fetch.url)).toEqual([art, proxied(art)]);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(await storedKeys()).toEqual([artworkSrc(art)]);
    // The host's next image goes straight through the proxy.
    await serve('https://no-cors.example/b.png');
    expect(fetches.slice(2).map((fetch) => fetch.url)).toEqual([
      proxied('https://no-cors.example/b.png'),
    ]);
  });

  it('stores no web page, whatever type it claims', async () => {
    for (const type of ['text/html', 'image/jpeg']) {
      network = () => new Response(HTML, { headers: { 'Content-Type': type } });
      const response = await serve();
      expect(response.status).toBe(502);
      expect(await response.text()).toMatch(/did not answer with an image/);
    }
    expect(await storedKeys()).toEqual([]);
  });

  it('shows a too large image online without storing it', async () => {
    const big = new Uint8Array(MAX_ARTWORK_BYTES + 1);
    big.set(PNG);
    network = (_url, mode) =>
      mode === 'no-cors' ? new Response('passed through') : new Response(big, { headers: {} });
    const response = await serve();
    expect(await response.text()).toBe('passed through');
    expect(fetches.at(-1)).toEqual({ url: ART, mode: 'no-cors' });
    expect(await storedKeys()).toEqual([]);
  });

  it('says so when it is offline and nothing is stored', async () => {
    network = () => {
      throw new TypeError('Failed to fetch');
    };
    const response = await serve();
    expect(response.status).toBe(504);
  });
});

describe('pruneArtwork', () => {
  async function store(url: string, bytes: number) {
    const cache = await caches.open(ARTWORK_CACHE);
    await cache.put(
      artworkSrc(url)!,
      new Response(PNG, { headers: { [ARTWORK_BYTES_HEADER]: String(bytes) } }),
    );
  }

  it('drops the artwork of a podcast no longer subscribed, and its episodes', async () => {
    await db.episodes.put({
      id: 'e1',
      podcastId: 'p1',
      artworkUrl: 'https://cdn.example/e1.jpg',
    } as Episode);
    await store(ART, 10);
    await store('https://cdn.example/e1.jpg', 10);
    await store('https://other.example/unsubscribed.png', 10);
    await pruneArtwork();
    expect(await storedKeys()).toEqual([artworkSrc(ART), artworkSrc('https://cdn.example/e1.jpg')]);
    await db.transaction('rw', db.podcasts, db.episodes, async () => {
      await db.podcasts.delete('p1');
      await db.episodes.delete('e1');
    });
    await pruneArtwork();
    expect(await storedKeys()).toEqual([]);
  });

  it("keeps within the budget by dropping the oldest episodes' artwork first", async () => {
    const episodes = ['a', 'b', 'c'].map((id) => `https://cdn.example/${id}.jpg`);
    await db.episodes.bulkPut(
      episodes.map(
        (artworkUrl, index) => ({ id: `e${index}`, podcastId: 'p1', artworkUrl }) as Episode,
      ),
    );
    await store(episodes[0]!, 40);
    await store(ART, 40);
    await store(episodes[1]!, 40);
    await store(episodes[2]!, 40);
    await pruneArtwork(100);
    expect(await storedKeys()).toEqual([artworkSrc(ART), artworkSrc(episodes[2])]);
  });
});
