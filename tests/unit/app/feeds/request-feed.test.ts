// Fetching a feed: direct first, the proxy when CORS or the network stands in the way, and plain
// words for every failure. fetch is replaced; the browser tests cover the real thing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestFeed, MAX_FEED_BYTES } from '../../../../src/feeds/request-feed.ts';

const FEED = 'https://host.example/feed.xml';
const PROXIED = `${location.origin}/proxy?url=${encodeURIComponent(FEED)}`;

function answer(body: string, init: ResponseInit & { url?: string; redirected?: boolean } = {}) {
  const response = new Response(init.status === 304 ? null : body, init);
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
    expect(await requestFeed(FEED)).toEqual({
      text: '<rss/>',
      url: FEED,
      permanentUrl: undefined,
      facts: { viaProxy: false },
    });
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
      facts: { viaProxy: true },
    });
    expect(asked).toEqual([`GET ${FEED}`, `GET ${PROXIED}`]);
  });

  it('asks the proxy whether a redirect the browser followed was permanent', async () => {
    const asked = stubFetch((_url, init) =>
      init?.method === 'HEAD'
        ? answer('', { headers: { 'X-Longwave-Permanent-Url': 'https://moved.example/rss' } })
        : answer('<rss/>', { url: 'https://moved.example/rss', redirected: true }),
    );
    expect(await requestFeed(FEED)).toMatchObject({ permanentUrl: 'https://moved.example/rss' });
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

  it('says when the feed stops arriving before its end', async () => {
    const cut = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('<rss><channel>'));
        controller.error(new TypeError('network error'));
      },
    });
    stubFetch(() => new Response(cut));
    await expect(requestFeed(FEED)).rejects.toThrow(/stopped arriving before its end/);
  });

  it('says when the server took too long', async () => {
    stubFetch(() => {
      throw new DOMException('timed out', 'TimeoutError');
    });
    await expect(requestFeed(FEED)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('asks the proxy conditionally, and a 304 means unchanged (validators kept)', async () => {
    const sent: Headers[] = [];
    stubFetch((_url, init) => {
      sent.push(new Headers(init?.headers));
      return answer('', { status: 304, headers: { 'Cache-Control': 'max-age=600' } });
    });
    const before = Date.now();
    const result = await requestFeed(FEED, {
      etag: '"v1"',
      lastModified: 'Tue, 01 Jan 2030 00:00:00 GMT',
      viaProxy: true,
    });
    expect(result).toMatchObject({
      unchanged: true,
      facts: { etag: '"v1"', lastModified: 'Tue, 01 Jan 2030 00:00:00 GMT', viaProxy: true },
    });
    expect(sent[0]?.get('if-none-match')).toBe('"v1"');
    expect(sent[0]?.get('if-modified-since')).toBe('Tue, 01 Jan 2030 00:00:00 GMT');
    // Cache-Control max-age: no automatic refresh for ten minutes.
    expect(result.facts.refreshNotBefore).toBeGreaterThanOrEqual(before + 600_000);
    expect(result.facts.refreshNotBefore).toBeLessThanOrEqual(Date.now() + 600_000);
  });

  it('sends no validators to a CORS host (they would need a preflight), and reads the same ETag as unchanged', async () => {
    const sent: Headers[] = [];
    stubFetch((_url, init) => {
      sent.push(new Headers(init?.headers));
      return answer('<rss/>', { url: FEED, headers: { ETag: '"v1"' } });
    });
    expect(await requestFeed(FEED, { etag: '"v1"' })).toMatchObject({ unchanged: true });
    expect(sent[0]?.has('if-none-match')).toBe(false);
    expect(await requestFeed(FEED, { etag: '"v0"' })).toMatchObject({
      text: '<rss/>',
      facts: { etag: '"v1"', viaProxy: false },
    });
  });

  it('says when the host asks to be left alone, and until when (Retry-After)', async () => {
    stubFetch(() => answer('busy', { status: 503, headers: { 'Retry-After': '120' } }));
    const before = Date.now();
    const error = await requestFeed(FEED).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ kind: 'busy', message: expect.stringMatching(/busy \(503/) });
    expect((error as { retryAt: number }).retryAt).toBeGreaterThanOrEqual(before + 120_000);
    const inAnHour = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
    stubFetch(() =>
      answer('', { status: 429, headers: { 'Retry-After': inAnHour.toUTCString() } }),
    );
    await expect(requestFeed(FEED)).rejects.toMatchObject({
      kind: 'busy',
      retryAt: inAnHour.getTime(),
    });
    // A year away is a typo, not a plan: a week at most.
    stubFetch(() => answer('', { status: 503, headers: { 'Retry-After': String(365 * 86_400) } }));
    const capped = (await requestFeed(FEED).catch((reason: unknown) => reason)) as {
      retryAt: number;
    };
    expect(capped.retryAt).toBeLessThanOrEqual(Date.now() + 7 * 86_400_000);
  });

  it('goes straight to the proxy for a host known to send no CORS headers', async () => {
    const asked = stubFetch(() => answer('<rss/>'));
    await requestFeed(FEED, { viaProxy: true });
    expect(asked).toEqual([`GET ${PROXIED}`]);
  });
});
