// The build's pre-compressed copies (vite.config.ts, precompress): brotli and gzip beside every
// hashed text asset, byte-for-byte the asset once decoded, never precached by the service worker,
// and what the server really sends a browser that accepts them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type RunningServer } from '../../../server/listen.ts';

const dist = 'dist';
const assets = readdirSync(join(dist, 'assets')).filter(
  (file) => /\.(js|css)$/.test(file) && statSync(join(dist, 'assets', file)).size >= 1024,
);

describe('pre-compressed assets', () => {
  it('has a .br and a .gz beside every hashed JS and CSS asset, decoding to the same bytes', () => {
    expect(assets.length).toBeGreaterThan(5);
    for (const file of assets) {
      const original = readFileSync(join(dist, 'assets', file));
      const br = readFileSync(join(dist, 'assets', `${file}.br`));
      const gz = readFileSync(join(dist, 'assets', `${file}.gz`));
      expect(brotliDecompressSync(br).equals(original), file).toBe(true);
      expect(gunzipSync(gz).equals(original), file).toBe(true);
      expect(br.length).toBeLessThan(original.length);
    }
  });

  it('keeps the copies out of the service worker’s precache', () => {
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1]);
    expect(precached.filter((url) => /\.(br|gz)$/.test(url ?? ''))).toEqual([]);
  });
});

describe('served from dist/', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await listen({ distDir: dist, port: 0, host: '127.0.0.1' });
  });
  afterAll(() => running.close());

  const get = (path: string, acceptEncoding?: string) =>
    new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const headers = acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : undefined;
      request(`${running.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });

  it('sends brotli, gzip or the file by Accept-Encoding, with Vary and an immutable lifetime', async () => {
    const largest = assets.reduce((a, b) =>
      statSync(join(dist, 'assets', a)).size >= statSync(join(dist, 'assets', b)).size ? a : b,
    );
    const original = readFileSync(join(dist, 'assets', largest));
    const br = await get(`/assets/${largest}`, 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
    const gz = await get(`/assets/${largest}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get(`/assets/${largest}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it('never lets index.html or sw.js be used from a cache without revalidating', async () => {
    for (const path of ['/', '/index.html', '/sw.js', '/podcast/1']) {
      expect((await get(path, 'br')).headers['cache-control'], path).toBe('no-cache');
    }
  });
});
