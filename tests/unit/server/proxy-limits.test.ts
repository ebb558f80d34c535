// The proxy's size and time caps, headers and streaming over real HTTP against a real origin.
import { describe, expect, it } from 'vitest';
import { CAP, startProxy, useProxyOrigin } from './proxy-harness.ts';
import { rawRequest } from './raw-request.ts';

const origin = useProxyOrigin();

describe('size and time caps', () => {
  it('refuses a document whose Content-Length is over the cap before sending anything', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const response = await fetch(proxied(`${origin.current.origin}/big-declared`));
    expect(response.status).toBe(502);
    expect(response.headers.get('x-longwave-proxy-error')).toBe('too-large');
  });

  it('cuts off a document that grows past the cap without declaring its length', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const response = await fetch(proxied(`${origin.current.origin}/big-chunked`));
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it('streams media past the document cap, up to the media cap', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const audio = await fetch(proxied(`${origin.current.origin}/big-audio`));
    expect((await audio.arrayBuffer()).byteLength).toBe(CAP * 3);
    const capped = await startProxy({ allowPrivateHosts: true, maxMediaBytes: CAP * 2 });
    const refused = await fetch(capped(`${origin.current.origin}/big-audio`));
    expect(refused.status).toBe(502);
    expect(refused.headers.get('x-longwave-proxy-error')).toBe('too-large');
  });

  it('treats a ranged answer by its type: a Range header alone does not make media', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    // 206 text/plain declaring twice the document cap: refused like any oversized document.
    const ranged = await fetch(proxied(`${origin.current.origin}/ranged`), {
      headers: { Range: 'bytes=0-9' },
    });
    expect(ranged.status).toBe(502);
    expect(ranged.headers.get('x-longwave-proxy-error')).toBe('too-large');
  });

  it('answers 504 when the origin sends no headers within the idle limit', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true, idleTimeoutMs: 300 });
    const started = performance.now();
    const response = await fetch(proxied(`${origin.current.origin}/stall-headers`));
    expect(response.status).toBe(504);
    expect(response.headers.get('x-longwave-proxy-error')).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('cuts a body that stalls for the idle limit', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true, idleTimeoutMs: 300 });
    const response = await fetch(proxied(`${origin.current.origin}/stall-body`));
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
    const response = await fetch(proxied(`${origin.current.origin}/trickle`));
    await expect(response.text()).rejects.toThrow();
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThan(700);
    expect(elapsed).toBeLessThan(3000);
  });

  it('streams media without buffering, and stops the origin when the client leaves', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const controller = new AbortController();
    const response = await fetch(proxied(`${origin.current.origin}/endless-audio`), {
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    // The origin never finishes: bytes arriving at all prove the proxy streams rather than buffers.
    expect((await reader.read()).value?.byteLength).toBeGreaterThan(0);
    controller.abort();
    await expect(origin.current.endlessClosed).resolves.toBeUndefined();
  });
});

describe('headers', () => {
  it('passes conditional and Range headers upstream, and never cookies or credentials', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    await fetch(proxied(`${origin.current.origin}/headers`), {
      headers: {
        Range: 'bytes=5-',
        'If-Range': '"v1"',
        'If-None-Match': '"v1"',
        'If-Modified-Since': 'Sun, 15 Jun 2014 19:00:00 GMT',
        Cookie: 'session=1',
        Authorization: 'Bearer secret',
      },
    });
    expect(origin.current.lastHeaders).toMatchObject({
      range: 'bytes=5-',
      'if-range': '"v1"',
      'if-none-match': '"v1"',
      'if-modified-since': 'Sun, 15 Jun 2014 19:00:00 GMT',
      'accept-encoding': 'identity',
    });
    expect(origin.current.lastHeaders.cookie).toBeUndefined();
    expect(origin.current.lastHeaders.authorization).toBeUndefined();
  });

  it('returns the upstream status and the listed headers, with a sandbox and no CORS', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true, maxDocumentBytes: CAP * 2 });
    const ranged = await rawRequest(proxied(`${origin.current.origin}/ranged`), {
      headers: { Range: 'bytes=0-9' },
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers).toMatchObject({
      'content-type': 'text/plain',
      'content-range': 'bytes 0-9/100',
      'accept-ranges': 'bytes',
      'content-length': String(CAP * 2),
    });
    expect(ranged.headers['x-secret']).toBeUndefined();
    expect(Object.keys(ranged.headers).filter((name) => name.startsWith('access-control'))).toEqual(
      [],
    );
    expect(ranged.headers['content-security-policy']).toMatch(/sandbox/);

    const feed = await rawRequest(proxied(`${origin.current.origin}/feed`));
    expect(feed.headers).toMatchObject({ etag: '"v1"', 'cache-control': 'max-age=60' });
    expect((await fetch(proxied(`${origin.current.origin}/missing`))).status).toBe(404);
    expect((await fetch(proxied(`${origin.current.origin}/not-modified`))).status).toBe(304);
  });

  it('answers HEAD with headers only', async () => {
    const proxied = await startProxy({ allowPrivateHosts: true });
    const response = await rawRequest(proxied(`${origin.current.origin}/big-audio`), {
      method: 'HEAD',
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String(CAP * 3));
    expect(response.body.length).toBe(0);
  });
});
