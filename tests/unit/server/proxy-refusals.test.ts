// The proxy's SSRF refusals over real HTTP against a real origin on 127.0.0.1: before connecting,
// after DNS resolution and on every redirect; redirect handling; and the address policy itself.
import { describe, expect, it } from 'vitest';
import { isPublicAddress } from '../../../server/proxy/address-policy.ts';
import { onlyOriginIsPublic, startProxy, useProxyOrigin } from './proxy-harness.ts';
import { rawRequest } from './raw-request.ts';

const origin = useProxyOrigin();

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
    const before = origin.current.paths.length;
    const port = new URL(origin.current.origin).port;
    const response = await fetch(proxied(`http://localhost:${port}/feed`));
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/localhost resolves to (127\.0\.0\.1|::1)/);
    expect(origin.current.paths.length).toBe(before);
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
    const response = await fetch(proxied(`${origin.current.origin}/feed`));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Origin</title>');
  });

  it('refuses requests that already came through a Longwave proxy (no loops)', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const inner = proxied(`${origin.current.origin}/feed`);
    // The outer proxy relays what the inner one answered: its refusal.
    const response = await fetch(proxied(inner));
    expect(response.status).toBe(403);
    const direct = await rawRequest(inner, { headers: { Via: '1.1 longwave' } });
    expect(direct.status).toBe(403);
  });

  it('answers only GET and HEAD, and passes other paths on', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const post = await fetch(proxied(`${origin.current.origin}/feed`), { method: 'POST' });
    expect(post.status).toBe(405);
    const other = await fetch(proxied('x').replace('/proxy?', '/proxyx?'));
    expect(other.status).toBe(418);
  });
});

describe('redirects', () => {
  it('follows them, reporting the final URL and the permanent one (301/308 hops only)', async () => {
    const proxied = await startProxy({ isPublicAddress: onlyOriginIsPublic });
    const feed = `${origin.current.origin}/feed`;
    const temporary = `${origin.current.origin}/302/${encodeURIComponent(feed)}`;
    const permanent2 = `${origin.current.origin}/308/${encodeURIComponent(temporary)}`;
    const response = await fetch(
      proxied(`${origin.current.origin}/301/${encodeURIComponent(permanent2)}`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-longwave-final-url')).toBe(feed);
    expect(response.headers.get('x-longwave-permanent-url')).toBe(temporary);
  });

  it('reports no permanent URL when the first redirect is temporary', async () => {
    const proxied = await startProxy({ isPublicAddress: onlyOriginIsPublic });
    const feed = `${origin.current.origin}/feed`;
    const then301 = `${origin.current.origin}/301/${encodeURIComponent(feed)}`;
    const response = await fetch(
      proxied(`${origin.current.origin}/307/${encodeURIComponent(then301)}`),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-longwave-permanent-url')).toBeNull();
  });

  it('re-checks the address on every hop: a redirect to a private address is refused', async () => {
    const proxied = await startProxy({ isPublicAddress: onlyOriginIsPublic });
    const port = new URL(origin.current.origin).port;
    for (const privateTarget of [
      `http://127.0.0.2:${port}/feed`,
      'http://169.254.169.254/latest/meta-data/',
      `http://[::1]:${port}/feed`,
    ]) {
      const before = origin.current.paths.length;
      const response = await fetch(
        proxied(`${origin.current.origin}/302/${encodeURIComponent(privateTarget)}`),
      );
      expect(response.status).toBe(403);
      expect(response.headers.get('x-longwave-proxy-error')).toBe('refused');
      expect(origin.current.paths.slice(before)).toEqual([expect.stringMatching(/^\/302\//)]);
    }
  });

  it('refuses redirects to schemes other than http(s)', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const response = await fetch(
      proxied(`${origin.current.origin}/302/${encodeURIComponent('file:///etc/passwd')}`),
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/only http and https/);
  });

  it('stops after 5 redirects', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const before = origin.current.paths.length;
    const response = await fetch(proxied(`${origin.current.origin}/loop/0`));
    expect(response.status).toBe(502);
    expect(response.headers.get('x-longwave-proxy-error')).toBe('too-many-redirects');
    expect(origin.current.paths.length - before).toBe(6);
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
