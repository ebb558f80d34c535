// The proxy over real HTTP against a real origin on 127.0.0.1: SSRF refusals (before connecting,
// after DNS resolution, on every redirect), size and time caps, redirects, headers and streaming.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../../server/proxy/address-policy.ts';
import { proxyRoutes, type ProxyOptions } from '../../../server/proxy/proxy-routes.ts';
import { startProxyOrigin, type ProxyOrigin } from './proxy-origin.ts';
import { rawRequest } from './raw-request.ts';

const CAP = 64 * 1024;
let origin: ProxyOrigin;
const proxies: Server[] = [];

beforeAll(async () => {
  origin = await startProxyOrigin(CAP);
});
afterAll(() => origin.close());
afterEach(() => {
  for (const server of proxies.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** A server running only the proxy; returns a function making proxy URLs for a target. */
async function startProxy(options: ProxyOptions): Promise<(target: string) => string> {
  const middleware = proxyRoutes({ maxDocumentBytes: CAP, ...options });
  const server = createServer((req, res) => middleware(req, res, () => res.writeHead(418).end()));
  proxies.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return (target) => `${base}/proxy?url=${encodeURIComponent(target)}`;
}

// Only the origin's own address counts as public: redirects elsewhere on this machine are "private".
const onlyOriginIsPublic = (address: string) => address === '127.0.0.1';

describe('refusals', () => {
  it.each([
    ['loopback', 'http://127.0.0.1:9/'],
    ['loopback in hex', 'http://0x7f.0.0.1:9/'],
    ['loopback as one number', 'http://2130706433:9/'],
    ['IPv6 loopback', 'http://[::1]:9/'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:9/'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['IPv6 metadata', 'http://[fd00:ec2::254]/'],
    ['private 10/8', 'http://10.0.0.1/'],
    ['private 192.168/16', 'https://192.168.1.1/'],
    ['link-local IPv6', 'http://[fe80::1]/'],
    ['unspecified', 'http://0.0.0.0:9/'],
  ])('refuses %s with 403 and a reason, without connecting', async (_name, target) => {
    const proxied = await startProxy({});
    const response = await fetch(proxied(target));
    expect(response.status).toBe(403);
    expect(response.headers.get('x-longwave-proxy-error')).toBe('refused');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/^Refused: .*(private|loopback|link-local|reserved)/);
  });

  it('refuses a name that resolves to a loopback address (checked after DNS)', async () => {
    const proxied = await startProxy({});
    const before = origin.paths.length;
    const port = new URL(origin.origin).port;
    const response = await fetch(proxied(`http://localhost:${port}/feed`));
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/localhost resolves to (127\.0\.0\.1|::1)/);
    expect(origin.paths.length).toBe(before);
  });

  it.each(['file:///etc/passwd', 'ftp://example.org/a', 'javascript:alert(1)', 'not a url', ''])(
    'answers 400 for a url that is not absolute http(s): %j',
    async (target) => {
      const proxied = await startProxy({ allowPrivateHosts: true });
      const response = await fetch(proxied(target));
      expect(response.status).toBe(400);
      expect(response.headers.get('x-longwave-proxy-error')).toBe('bad-url');
    },
  );

  it('fetches loopback and private hosts only when allowed', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const response = await fetch(proxied(`${origin.origin}/feed`));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Origin</title>');
  });

  it('refuses requests that already came through a Longwave proxy (no loops)', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const inner = proxied(`${origin.origin}/feed`);
    // The outer proxy relays what the inner one answered: its refusal.
    const response = await fetch(proxied(inner));
    expect(response.status).toBe(403);
    const direct = await rawRequest(inner, { headers: { Via: '1.1 longwave' } });
    expect(direct.status).toBe(403);
  });

  it('answers only GET and HEAD, and passes other paths on', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const post = await fetch(proxied(`${origin.origin}/feed`), { method: 'POST' });
    expect(post.status).toBe(405);
    const other = await fetch(proxied('x').replace('/proxy?', '/proxyx?'));
    expect(other.status).toBe(418);
  });
});

describe('redirects', () => {
  it('follows them, reporting the final URL and the permanent one (301/308 hops only)', async () => {
    const proxied = await startProxy({ isPublicAddress: onlyOriginIsPublic });
    const feed = `${origin.origin}/feed`;
    const temporary = `${origin.origin}/302/${encodeURIComponent(feed)}`;
    const permanent2 = `${origin.origin}/308/${encodeURIComponent(temporary)}`;
    const response = await fetch(proxied(`${origin.origin}/301/${encodeURIComponent(permanent2)}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-longwave-final-url')).toBe(feed);
    expect(response.headers.get('x-longwave-permanent-url')).toBe(temporary);
  });

  it('reports no permanent URL when the first redirect is temporary', async () => {
    const proxied = await startProxy({ isPublicAddress: onlyOriginIsPublic });
    const feed = `${origin.origin}/feed`;
    const then301 = `${origin.origin}/301/${encodeURIComponent(feed)}`;
    const response = await fetch(proxied(`${origin.origin}/307/${encodeURIComponent(then301)}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-longwave-permanent-url')).toBeNull();
  });

  it('re-checks the address on every hop: a redirect to a private address is refused', async () => {
    const proxied = await startProxy({ isPublicAddress: onlyOriginIsPublic });
    const port = new URL(origin.origin).port;
    for (const privateTarget of [
      `http://127.0.0.2:${port}/feed`,
      'http://169.254.169.254/latest/meta-data/',
      `http://[::1]:${port}/feed`,
    ]) {
      const before = origin.paths.length;
      const response = await fetch(
        proxied(`${origin.origin}/302/${encodeURIComponent(privateTarget)}`),
      );
      expect(response.status).toBe(403);
      expect(response.headers.get('x-longwave-proxy-error')).toBe('refused');
      expect(origin.paths.slice(before)).toEqual([expect.stringMatching(/^\/302\//)]);
    }
  });

  it('refuses redirects to schemes other than http(s)', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const response = await fetch(
      proxied(`${origin.origin}/302/${encodeURIComponent('file:///etc/passwd')}`),
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/only http and https/);
  });

  it('stops after 5 redirects', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const before = origin.paths.length;
    const response = await fetch(proxied(`${origin.origin}/loop/0`));
    expect(response.status).toBe(502);
    expect(response.headers.get('x-longwave-proxy-error')).toBe('too-many-redirects');
    expect(origin.paths.length - before).toBe(6);
  });
});

describe('size and time caps', () => {
  it('refuses a document whose Content-Length is over the cap before sending anything', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const response = await fetch(proxied(`${origin.origin}/big-declared`));
    expect(response.status).toBe(502);
    expect(response.headers.get('x-longwave-proxy-error')).toBe('too-large');
  });

  it('cuts off a document that grows past the cap without declaring its length', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const response = await fetch(proxied(`${origin.origin}/big-chunked`));
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it('streams media of any size, and ranged responses of any type', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const audio = await fetch(proxied(`${origin.origin}/big-audio`));
    expect((await audio.arrayBuffer()).byteLength).toBe(CAP * 3);
    const ranged = await fetch(proxied(`${origin.origin}/ranged`), {
      headers: { Range: 'bytes=0-9' },
    });
    expect(ranged.status).toBe(206);
    expect((await ranged.arrayBuffer()).byteLength).toBe(CAP * 2);
  });

  it('answers 504 when the origin sends no headers within the idle limit', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true, idleTimeoutMs: 300 });
    const started = performance.now();
    const response = await fetch(proxied(`${origin.origin}/stall-headers`));
    expect(response.status).toBe(504);
    expect(response.headers.get('x-longwave-proxy-error')).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('cuts a body that stalls for the idle limit', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true, idleTimeoutMs: 300 });
    const response = await fetch(proxied(`${origin.origin}/stall-body`));
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it('cuts a document that never ends at the total time limit, though it is never idle', async () => {
    const proxied = await startProxy({
      allowPrivateHosts: true,
      idleTimeoutMs: 300,
      documentTimeoutMs: 800,
    });
    const started = performance.now();
    const response = await fetch(proxied(`${origin.origin}/trickle`));
    await expect(response.text()).rejects.toThrow();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThan(700);
    expect(elapsed).toBeLessThan(3000);
  });

  it('streams media without buffering, and stops the origin when the client leaves', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const controller = new AbortController();
    const response = await fetch(proxied(`${origin.origin}/endless-audio`), {
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    // The origin never finishes: bytes arriving at all prove the proxy streams rather than buffers.
    expect((await reader.read()).value?.byteLength).toBeGreaterThan(0);
    controller.abort();
    await expect(origin.endlessClosed).resolves.toBeUndefined();
  });
});

describe('headers', () => {
  it('passes conditional and Range headers upstream, and never cookies or credentials', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    await fetch(proxied(`${origin.origin}/headers`), {
      headers: {
        Range: 'bytes=5-',
        'If-Range': '"v1"',
        'If-None-Match': '"v1"',
        'If-Modified-Since': 'Sun, 15 Jun 2014 19:00:00 GMT',
        Cookie: 'session=1',
        Authorization: 'Bearer secret',
      },
    });
    expect(origin.lastHeaders).toMatchObject({
      range: 'bytes=5-',
      'if-range': '"v1"',
      'if-none-match': '"v1"',
      'if-modified-since': 'Sun, 15 Jun 2014 19:00:00 GMT',
      'accept-encoding': 'identity',
    });
    expect(origin.lastHeaders.cookie).toBeUndefined();
    expect(origin.lastHeaders.authorization).toBeUndefined();
  });

  it('returns the upstream status and the listed headers, with CORS and a sandbox', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const ranged = await rawRequest(proxied(`${origin.origin}/ranged`), {
      headers: { Range: 'bytes=0-9' },
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers).toMatchObject({
      'content-type': 'text/plain',
      'content-range': 'bytes 0-9/100',
      'accept-ranges': 'bytes',
      'content-length': String(CAP * 2),
      'access-control-allow-origin': '*',
    });
    expect(ranged.headers['x-secret']).toBeUndefined();
    expect(String(ranged.headers['access-control-expose-headers'])).toMatch(/Content-Range.*ETag/);
    expect(ranged.headers['content-security-policy']).toMatch(/sandbox/);

    const feed = await rawRequest(proxied(`${origin.origin}/feed`));
    expect(feed.headers).toMatchObject({ etag: '"v1"', 'cache-control': 'max-age=60' });
    expect((await fetch(proxied(`${origin.origin}/missing`))).status).toBe(404);
    expect((await fetch(proxied(`${origin.origin}/not-modified`))).status).toBe(304);
  });

  it('answers HEAD with headers only', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const response = await rawRequest(proxied(`${origin.origin}/big-audio`), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String(CAP * 3));
    expect(response.body.length).toBe(0);
  });
});

describe('address policy', () => {
  it.each([
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['::ffff:8.8.8.8', true],
    ['127.0.0.1', false],
    ['127.255.0.9', false],
    ['::1', false],
    ['::', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['169.254.169.254', false],
    ['fd00:ec2::254', false],
    ['100.64.0.1', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['192.168.0.1', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['64:ff9b::7f00:1', false],
    ['2002:7f00:1::', false],
    ['fe80::1', false],
    ['ff02::1', false],
    ['example.org', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
