// The app server over real HTTP against a small dist/: caching per file kind, security headers,
// the SPA fallback, pre-compressed files chosen by Accept-Encoding, /healthz, /metrics and the log.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoEpisodes } from '../../../server/demo/demo-episodes.ts';
import { listen, type RunningServer } from '../../../server/listen.ts';
import { rawRequest } from './raw-request.ts';

const INDEX_HTML = '<!doctype html><title>Longwave</title><div id="root"></div>';
// Over the build's 1 KiB threshold, and compressible.
const APP_JS = `console.log(${JSON.stringify('longwave '.repeat(400))});\n`;

let distDir: string;
let running: RunningServer;
const logged: Record<string, unknown>[] = [];

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'longwave-dist-'));
  mkdirSync(join(distDir, 'assets'));
  writeFileSync(join(distDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(distDir, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
  writeFileSync(join(distDir, 'assets', 'app-abc123.js'), APP_JS);
  // What the build leaves beside each text file (vite.config.ts, precompress).
  writeFileSync(join(distDir, 'assets', 'app-abc123.js.br'), brotliCompressSync(APP_JS));
  writeFileSync(join(distDir, 'assets', 'app-abc123.js.gz'), gzipSync(APP_JS));
  writeFileSync(join(distDir, 'assets', 'plain-abc123.css'), `body{color:red}${' '.repeat(2000)}`);
  writeFileSync(join(distDir, 'manifest.webmanifest'), '{"name":"Longwave"}');
  writeFileSync(join(distDir, 'icon.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
  running = await listen({
    distDir,
    port: 0,
    host: '127.0.0.1',
    log: (line) => logged.push(JSON.parse(line) as Record<string, unknown>),
  });
});

afterAll(async () => {
  await running.close();
  rmSync(distDir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  rawRequest(`${running.url}${path}`, { headers });

describe('static files', () => {
  it('serves index.html to be revalidated on every load, with a CSP and security headers', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe(INDEX_HTML);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("media-src 'self' blob: http: https:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('answers app routes with the shell (SPA fallback) but missing files with 404', async () => {
    const route = await get('/podcast/123');
    expect(route.status).toBe(200);
    expect(route.body.toString()).toBe(INDEX_HTML);
    expect(route.headers['content-security-policy']).toBeDefined();
    expect(route.headers['cache-control']).toBe('no-cache');
    const missing = await get('/assets/missing-000.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('lets the service worker revalidate and control the whole origin', async () => {
    const response = await get('/sw.js');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['service-worker-allowed']).toBe('/');
    expect(response.headers['content-security-policy']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('caches hashed assets forever and other files for an hour', async () => {
    const asset = await get('/assets/app-abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.etag).toBeDefined();
    const icon = await get('/icon.png');
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
    expect(icon.headers['content-type']).toBe('image/png');
  });

  it('serves the web manifest with its own type, revalidated', async () => {
    const response = await get('/manifest.webmanifest');
    expect(response.headers['content-type']).toBe('application/manifest+json');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('ignores Range for static files rather than answering it wrongly', async () => {
    const response = await get('/assets/app-abc123.js', { Range: 'bytes=-10' });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe(APP_JS);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await rawRequest(`${running.url}/`, { method: 'POST' });
    expect(response.status).toBe(405);
  });
});

describe('pre-compressed files', () => {
  it('sends the brotli copy to a client that accepts br, with Vary', async () => {
    const response = await get('/assets/app-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toContain('Accept-Encoding');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(response.body).toString()).toBe(APP_JS);
  });

  it('sends the gzip copy to a client that accepts only gzip, and the file to one that accepts none', async () => {
    const gzip = await get('/assets/app-abc123.js', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(APP_JS);
    const identity = await get('/assets/app-abc123.js');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.toString()).toBe(APP_JS);
    // Each encoding is its own representation, so each has its own validator.
    expect(gzip.headers.etag).not.toBe(identity.headers.etag);
  });

  it('compresses nothing on the fly: a file without copies goes as it is', async () => {
    const css = await get('/assets/plain-abc123.css', { 'Accept-Encoding': 'gzip, br' });
    expect(css.headers['content-encoding']).toBeUndefined();
    const feed = await get('/demo/feed.xml', { 'Accept-Encoding': 'gzip, br' });
    expect(feed.headers['content-encoding']).toBeUndefined();
    expect(feed.body.toString()).toContain('<rss');
  });

  it('never compresses audio, whole or ranged', async () => {
    const episode = demoEpisodes.reduce((a, b) => (a.bytes <= b.bytes ? a : b));
    const path = `/demo/audio/${episode.slug}.wav`;
    const whole = await get(path, { 'Accept-Encoding': 'gzip, br' });
    expect(whole.headers['content-encoding']).toBeUndefined();
    expect(whole.headers['content-length']).toBe(String(episode.bytes));
    expect(whole.body.length).toBe(episode.bytes);
    const part = await get(path, { 'Accept-Encoding': 'gzip, br', Range: 'bytes=0-99' });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBeUndefined();
    expect(part.body.length).toBe(100);
  });
});

describe('operations', () => {
  it('answers /healthz with 200 for any Host, never cached', async () => {
    const response = await get('/healthz', { Host: '10.1.2.3:4173' });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('ok\n');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('counts requests by route and status at /metrics, in Prometheus text format', async () => {
    await get('/');
    await get('/assets/missing-000.js');
    await get('/proxy?url=x', { Host: 'rebound.example' });
    const response = await get('/metrics');
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body.toString();
    expect(text).toMatch(/^longwave_http_requests_total\{route="static",status="200"\} [1-9]/m);
    expect(text).toMatch(/^longwave_http_requests_total\{route="static",status="404"\} [1-9]/m);
    expect(text).toMatch(/^longwave_http_requests_total\{route="\/proxy",status="421"\} 1$/m);
    for (const name of [
      'longwave_proxy_bytes_total',
      'longwave_rate_limited_total',
      'longwave_upstream_latency_seconds',
      'process_resident_memory_bytes',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('logs one JSON line per request, without the query string or any header', async () => {
    const before = logged.length;
    const target = 'https://feeds.example.org/show.xml?token=secret';
    await get(`/proxy?url=${encodeURIComponent(target)}`, {
      Host: 'rebound.example',
      Cookie: 'session=secret',
      Authorization: 'Bearer secret',
    });
    await get('/podcast/1?q=secret');
    // The line is written when the server sees the response closed, just after the client has it.
    await vi.waitFor(() => expect(logged.length - before).toBe(2));
    const lines = logged.slice(before);
    expect(lines[0]).toMatchObject({
      method: 'GET',
      route: '/proxy',
      path: '/proxy',
      status: 421,
      error: 'wrong-host',
      client: '127.0.0.1',
    });
    expect(lines[1]).toMatchObject({ route: 'static', path: '/podcast/1', status: 200 });
    expect(lines[1]!.bytes).toBeGreaterThan(INDEX_HTML.length);
    expect(JSON.stringify(lines)).not.toMatch(/secret|token/);
  });
});
