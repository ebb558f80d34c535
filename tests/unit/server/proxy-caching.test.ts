// Caching headers on proxied answers, and what they are for: a shared HTTP cache (undici's, as a
// CDN would) in front of two proxy instances behind a round-robin balancer serves repeated fetches
// and revalidates through whichever instance with the upstream's own validators.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { Agent, cacheStores, fetch as undiciFetch, interceptors } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startProxy, useProxyOrigin } from './proxy-harness.ts';
import { rawRequest } from './raw-request.ts';

const origin = useProxyOrigin();
const balancers: Server[] = [];
afterEach(() => {
  for (const server of balancers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

describe('headers', () => {
  it('gives a feed the upstream’s validators and a shared-cache lifetime, varying by encoding', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const fresh = await rawRequest(proxied(`${origin.current.origin}/fresh-feed`));
    expect(fresh.headers).toMatchObject({
      'cache-control': 'public, max-age=300',
      etag: '"f1"',
      vary: 'Accept-Encoding',
    });
    const told = await rawRequest(proxied(`${origin.current.origin}/feed`));
    expect(told.headers['cache-control']).toBe('max-age=60');
  });

  it('gzips a feed for a client that takes gzip, with a weak validator', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const response = await rawRequest(proxied(`${origin.current.origin}/big-feed`), {
      headers: { 'Accept-Encoding': 'gzip, br' },
    });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.etag).toBe('W/"b1"');
    expect(response.headers['content-length']).toBeUndefined();
    const text = gunzipSync(response.body).toString();
    expect(text.split('<item>')).toHaveLength(501);
    expect(text.endsWith('</item></rss>')).toBe(true);
    const identity = await rawRequest(proxied(`${origin.current.origin}/big-feed`));
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers.etag).toBe('"b1"');
  });

  it('never gzips media, and lets caches store it only to revalidate', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const audio = await rawRequest(proxied(`${origin.current.origin}/big-audio`), {
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(audio.headers['content-encoding']).toBeUndefined();
    expect(audio.headers['cache-control']).toBe('no-cache');
    expect(audio.headers.vary).toBeUndefined();
  });

  it('keeps errors and refusals out of caches', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true, requestsPerMinute: 2 });
    expect((await rawRequest(proxied(`${origin.current.origin}/missing`))).headers).toMatchObject({
      'cache-control': 'no-store',
    });
    const refused = await rawRequest(proxied('http://x'), { headers: { Host: 'evil.example' } });
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('passes on the upstream’s Retry-After, in seconds or as a date, with its status', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const busy = await rawRequest(proxied(`${origin.current.origin}/busy`));
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('120');
    expect(busy.headers['cache-control']).toBe('no-store');
    const limited = await rawRequest(proxied(`${origin.current.origin}/rate-limited`));
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('Wed, 02 Dec 2026 06:00:00 GMT');
    // The proxy's own refusals are not confused with the upstream's.
    expect(limited.headers['x-longwave-proxy-error']).toBeUndefined();
  });

  it('passes a conditional request upstream and relays its 304', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const response = await rawRequest(proxied(`${origin.current.origin}/revalidated-feed`), {
      headers: { 'If-None-Match': '"r1"' },
    });
    expect(response.status).toBe(304);
    expect(response.headers.etag).toBe('"r1"');
    expect(origin.current.lastHeaders['if-none-match']).toBe('"r1"');
    // The weak validator of a gzipped copy asks the same question, and gets it confirmed as sent.
    const weak = await rawRequest(proxied(`${origin.current.origin}/revalidated-feed`), {
      headers: { 'If-None-Match': 'W/"r1"', 'Accept-Encoding': 'gzip' },
    });
    expect(weak.status).toBe(304);
    expect(weak.headers.etag).toBe('W/"r1"');
    expect(origin.current.lastHeaders['if-none-match']).toBe('"r1"');
  });
});

describe('a shared cache in front of two instances', () => {
  /** A round-robin balancer over `backends`, counting what each one was sent. */
  async function balance(backends: string[]) {
    const sent = backends.map(() => 0);
    let next = 0;
    const server = createServer((req, res) => {
      const index = next++ % backends.length;
      sent[index]! += 1;
      const forward = request(
        `${backends[index]}${req.url}`,
        { headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(forward);
    });
    balancers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent };
  }

  it('serves repeats from the cache and revalidates through any instance', async () => {
    const instances = [
      await startProxy({ allowPrivateHosts: true }),
      await startProxy({ allowPrivateHosts: true }),
    ].map((proxied) => new URL(proxied('x')).origin);
    const balancer = await balance(instances);
    const cache = new Agent().compose(
      interceptors.cache({ store: new cacheStores.MemoryCacheStore(), type: 'shared' }),
    );
    const get = async (path: string) => {
      const url = `${balancer.url}/proxy?url=${encodeURIComponent(`${origin.current.origin}${path}`)}`;
      const response = await undiciFetch(url, { dispatcher: cache });
      return { status: response.status, text: await response.text() };
    };
    const hits = (path: string) => origin.current.paths.filter((p) => p === path).length;

    // Fresh for 300 s in a shared cache: the second fetch reaches neither instance nor upstream.
    const earlier = hits('/fresh-feed');
    expect(await get('/fresh-feed')).toMatchObject({ status: 200 });
    expect(await get('/fresh-feed')).toMatchObject({
      status: 200,
      text: expect.stringContaining('<rss>'),
    });
    expect(hits('/fresh-feed') - earlier).toBe(1);
    expect(balancer.sent.reduce((a, b) => a + b)).toBe(1);

    // no-cache upstream: every use revalidates, through the other instance, and costs a 304.
    const before = origin.current.paths.length;
    expect((await get('/revalidated-feed')).text).toContain('<rss>');
    expect(await get('/revalidated-feed')).toMatchObject({
      status: 200,
      text: expect.stringContaining('<rss>'),
    });
    expect(origin.current.paths.length - before).toBe(2);
    expect(origin.current.lastHeaders['if-none-match']).toBe('"r1"');
    expect(balancer.sent).toEqual([2, 1]);
    await cache.close();
  });
});
