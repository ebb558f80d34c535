// Per-client limits over real HTTP: the token bucket (429 with Retry-After once it is empty), the
// cap on open media streams, media told by the upstream's type, and who counts as one client.
import { describe, expect, it, vi } from 'vitest';
import { runLimited } from '../../../src/shared/run-limited.ts';
import { CAP, startProxy, useProxyOrigin } from './proxy-harness.ts';
import { rawRequest } from './raw-request.ts';

const origin = useProxyOrigin();
const feed = () => `${origin.current.origin}/feed`;

describe('rate limit', () => {
  it('answers 429 with Retry-After once the bucket is empty, without fetching anything', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true, requestsPerMinute: 3 });
    for (let i = 0; i < 3; i += 1) expect((await rawRequest(proxied(feed()))).status).toBe(200);
    const before = origin.current.paths.length;
    const refused = await rawRequest(proxied(feed()));
    expect(refused.status).toBe(429);
    // One token comes back every 20 s at 3 a minute.
    expect(refused.headers['retry-after']).toBe('20');
    expect(refused.headers['x-longwave-proxy-error']).toBe('rate-limited');
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.body.toString()).toMatch(/try again in 20 s/);
    expect(origin.current.paths.length).toBe(before);
  });

  it('cannot be bypassed by adding X-Forwarded-For when no proxy header is trusted', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true, requestsPerMinute: 2 });
    await rawRequest(proxied(feed()));
    await rawRequest(proxied(feed()));
    for (const spoof of ['203.0.113.1', '203.0.113.2', '2001:db8::1']) {
      const response = await rawRequest(proxied(feed()), {
        headers: { 'X-Forwarded-For': spoof, 'X-Real-IP': spoof, Forwarded: `for=${spoof}` },
      });
      expect(response.status).toBe(429);
    }
  });

  it('behind a trusted proxy, keys clients by the last address it appended', async () => {
    const proxied = await startProxy({
      allowPrivateHosts: true,
      requestsPerMinute: 1,
      trustedProxyHeader: 'X-Forwarded-For',
    });
    const as = (value: string) =>
      rawRequest(proxied(feed()), { headers: { 'X-Forwarded-For': value } });
    expect((await as('198.51.100.9')).status).toBe(200);
    // The client wrote the first entries itself; the proxy in front appended the last one.
    expect((await as('1.1.1.1, 198.51.100.9')).status).toBe(429);
    expect((await as('9.9.9.9, 198.51.100.9')).status).toBe(429);
    expect((await as('198.51.100.10')).status).toBe(200);
    // One IPv6 /64 is one subscriber.
    expect((await as('2001:db8:1:2::1')).status).toBe(200);
    expect((await as('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).status).toBe(429);
    expect((await as('2001:db8:1:3::1')).status).toBe(200);
  });

  it('lets a Refresh all of 500 podcasts through with the default settings', async () => {
    // As the page does it (src/features/library): three at a time, one proxy request per feed.
    const proxied = await startProxy({ allowPrivateHosts: true });
    const statuses: number[] = [];
    await runLimited(Array.from({ length: 500 }), 3, async () => {
      statuses.push((await rawRequest(proxied(feed()))).status);
    });
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });
});

describe('open media streams', () => {
  /** Opens an endless stream through the proxy and reads its first bytes; resolves to a closer. */
  async function openStream(url: string, headers: Record<string, string> = {}) {
    const controller = new AbortController();
    const response = await fetch(url, { headers, signal: controller.signal });
    if (response.status === 200) await response.body!.getReader().read();
    return { status: response.status, headers: response.headers, close: () => controller.abort() };
  }

  it('caps them per client with 429 and Retry-After; HEAD and documents are not streams', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true, maxStreams: 2 });
    const audio = proxied(`${origin.current.origin}/endless-audio`);
    const first = await openStream(audio);
    const second = await openStream(proxied(`${origin.current.origin}/endless-video`));
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await openStream(audio);
    expect(third.status).toBe(429);
    expect(third.headers.get('x-longwave-proxy-error')).toBe('too-many-streams');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    const head = await rawRequest(proxied(`${origin.current.origin}/big-audio`), {
      method: 'HEAD',
    });
    expect(head.status).toBe(200);
    expect((await rawRequest(proxied(feed()))).status).toBe(200);
    first.close();
    // The slot is free once the server sees the first stream closed.
    await vi.waitFor(async () => {
      const again = await openStream(audio);
      again.close();
      expect(again.status).toBe(200);
    });
    second.close();
  });

  it('counts each client on its own behind a trusted proxy, and a header cannot fake one', async () => {
    const proxied = await startProxy({
      allowPrivateHosts: true,
      maxStreams: 1,
      trustedProxyHeader: 'X-Forwarded-For',
    });
    const audio = proxied(`${origin.current.origin}/endless-audio`);
    const a = await openStream(audio, { 'X-Forwarded-For': '198.51.100.1' });
    expect(a.status).toBe(200);
    expect((await openStream(audio, { 'X-Forwarded-For': '7.7.7.7, 198.51.100.1' })).status).toBe(
      429,
    );
    const b = await openStream(audio, { 'X-Forwarded-For': '198.51.100.2' });
    expect(b.status).toBe(200);
    a.close();
    b.close();
  });

  it('tells media by the upstream type: audio, video, octet-stream and untyped stream uncapped', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    for (const path of ['/big-audio', '/octet', '/untyped']) {
      const response = await fetch(proxied(`${origin.current.origin}${path}`));
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBe(CAP * 3);
    }
    // A document over the cap is refused, whatever Range the client sent.
    const xml = await fetch(proxied(`${origin.current.origin}/big-declared`), {
      headers: { Range: 'bytes=0-' },
    });
    expect(xml.status).toBe(502);
  });
});
