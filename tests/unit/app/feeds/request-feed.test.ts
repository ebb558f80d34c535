// Fetching a feed: direct first, the proxy when CORS or the network stands in the way, and plain
// words for every failure. fetch is replaced; the browser tests cover the real thing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestFeed, MAX_FEED_BYTES } from '../../../../src/feeds/request-feed.ts';

const FEED = 'https://host.example/feed.xml';
const PROXIED = `${location.origin}/proxy?url=${encodeURIComponent(FEED)}`;

function answer(body: string, init: ResponseInit & { url?: string; redirected?: boolean } = {}) {
  const response = new Response(body, init);
  Object.defineProperty(response, 'url', { value: init.url ?? '' });
  Object.defineProperty(response, 'redirected', { value: init.redirected ?? false });
  return response;
}

/** Stubs fetch with a function of the requested URL; returns the list of URLs asked for. */
function stubFetch(respond: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => {
    asked.push(`${init?.method ?? 'GET'} ${url}`);
    return Promise.resolve().then(() => respond(url, init));
  });
  return asked;
}

const corsFailure = () => {
  throw new TypeError('Failed to fetch');
};

afterEach(() => vi.unstubAllGlobals());

describe('requestFeed', () => {
  it('fetches directly when the host allows it, and reports the final URL', async () => {
    const asked = stubFetch(() => answer('<rss/>', { url: FEED }));
    expect(await requestFeed(FEED)).toEqual({ text: '<rss/>', url: FEED, permanentUrl: undefined });
    expect(asked).toEqual([`GET ${FEED}`]);
  });

  it('falls back to the proxy on a CORS or network TypeError, reading its address headers', async () => {
    const asked = stubFetch((url) =>
      url === FEED
        ? corsFailure()
        : answer('<rss/>', {
            headers: {
              'X-Longwave-Final-Url': 'https://new.example/feed.xml',
              'X-Longwave-Permanent-Url': 'https://new.example/feed.xml',
            },
          }),
    );
    expect(await requestFeed(FEED)).toEqual({
      text: '<rss/>',
      url: 'https://new.example/feed.xml',
      permanentUrl: 'https://new.example/feed.xml',
    });
    expect(asked).toEqual([`GET ${FEED}`, `GET ${PROXIED}`]);
  });

  it('asks the proxy whether a redirect the browser followed was permanent', async () => {
    const asked = stubFetch((_url, init) =>
      init?.method === 'HEAD'
        ? answer('', { headers: { 'X-Longwave-Permanent-Url': 'https://moved.example/rss' } })
        : answer('<rss/>', { url: 'https://moved.example/rss', redirected: true }),
    );
    expect((await requestFeed(FEED)).permanentUrl).toBe('https://moved.example/rss');
    expect(asked).toEqual([`GET ${FEED}`, `HEAD ${PROXIED}`]);
  });

  it.each([
    ['refused', 403, /private or local network/, 'refused'],
    ['too-large', 502, /too large/, 'too-large'],
    ['timeout', 504, /took too long/, 'timeout'],
    ['unreachable', 502, /could not be reached/, 'unreachable'],
  ])('says what the proxy said: %s', async (code, status, words, kind) => {
    stubFetch((url) =>
      url === FEED
        ? corsFailure()
        : answer('Reason from the proxy.', { status, headers: { 'X-Longwave-Proxy-Error': code } }),
    );
    await expect(requestFeed(FEED)).rejects.toMatchObject({
      kind,
      message: expect.stringMatching(words),
    });
  });

  it.each([
    [404, 'not-found', /no feed at this address \(the server answered 404/],
    [410, 'not-found', /no feed at this address/],
    [403, 'bad-status', /refused access \(403/],
    [500, 'bad-status', /answered with an error \(500/],
  ])('says what a %d means', async (status, kind, words) => {
    stubFetch(() => answer('nope', { status }));
    await expect(requestFeed(FEED)).rejects.toMatchObject({
      kind,
      message: expect.stringMatching(words),
    });
  });

  it('says the feed is unreachable when neither the host nor the proxy answer', async () => {
    stubFetch(corsFailure);
    await expect(requestFeed(FEED)).rejects.toMatchObject({ kind: 'unreachable' });
  });

  it('refuses feeds over the size cap, declared or not', async () => {
    stubFetch(() => answer('', { headers: { 'Content-Length': String(MAX_FEED_BYTES + 1) } }));
    await expect(requestFeed(FEED)).rejects.toMatchObject({ kind: 'too-large' });
    stubFetch(() => answer('x'.repeat(MAX_FEED_BYTES + 1)));
    await expect(requestFeed(FEED)).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('says when the server took too long', async () => {
    stubFetch(() => {
      throw new DOMException('timed out', 'TimeoutError');
    });
    await expect(requestFeed(FEED)).rejects.toMatchObject({ kind: 'timeout' });
  });
});
