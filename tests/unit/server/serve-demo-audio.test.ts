// One demo episode's audio over real HTTP: validators, ranges, If-Range, HEAD and CORS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAudioRange } from '../../../server/demo/demo-audio.ts';
import { demoEpisodes } from '../../../server/demo/demo-episodes.ts';
import { rawRequest } from './raw-request.ts';
import { serveDemo, type DemoServer } from './serve-demo.ts';

const episode = demoEpisodes.reduce((a, b) => (a.bytes <= b.bytes ? a : b));
const size = episode.bytes;

let demo: DemoServer;
let audioUrl: string;

beforeAll(async () => {
  demo = await serveDemo();
  audioUrl = `${demo.origin}/demo/audio/${episode.slug}.wav`;
});
afterAll(() => demo.close());

describe('demo audio', () => {
  it('answers HEAD with size, validators, ranges and CORS, and no body', async () => {
    const response = await rawRequest(audioUrl, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String(size));
    expect(response.headers['content-type']).toBe('audio/wav');
    expect(response.headers.etag).toBe(`"demo-${episode.slug}-${size}-v1"`);
    expect(response.headers['last-modified']).toBe(new Date(episode.publishedAt).toUTCString());
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['access-control-expose-headers']).toContain('Content-Range');
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    expect(response.body.length).toBe(0);
  });

  it('sends a whole file equal to the synthesised bytes', async () => {
    const response = await fetch(audioUrl);
    expect(response.status).toBe(200);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(demoAudioRange(episode, 0, size - 1))).toBe(true);
  });

  it.each([
    ['bytes=100-199', 100, 199],
    ['bytes=0-0', 0, 0],
    [`bytes=${size - 10}-`, size - 10, size - 1],
    ['bytes=-500', size - 500, size - 1],
    [`bytes=10-${size + 1000}`, 10, size - 1],
  ])('answers Range %s with 206 and exactly those bytes', async (range, start, end) => {
    const response = await fetch(audioUrl, { headers: { Range: range } });
    expect(response.status).toBe(206);
    expect(response.headers.get('Content-Range')).toBe(`bytes ${start}-${end}/${size}`);
    expect(response.headers.get('Content-Length')).toBe(String(end - start + 1));
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(demoAudioRange(episode, start, end))).toBe(true);
  });

  it('answers an unsatisfiable range with 416 and the size', async () => {
    for (const range of [`bytes=${size}-`, 'bytes=-0']) {
      const response = await fetch(audioUrl, { headers: { Range: range } });
      expect(response.status).toBe(416);
      expect(response.headers.get('Content-Range')).toBe(`bytes */${size}`);
    }
  });

  it.each(['bytes=0-1, 5-6', 'bytes=20-10', 'items=0-5', 'bytes=abc'])(
    'ignores Range %s and sends the whole file',
    async (range) => {
      const response = await fetch(audioUrl, { headers: { Range: range } });
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBe(size);
    },
  );

  it('honours If-Range only when it matches the ETag or the Last-Modified date', async () => {
    const head = await fetch(audioUrl, { method: 'HEAD' });
    const etag = head.headers.get('ETag')!;
    const lastModified = head.headers.get('Last-Modified')!;
    for (const validator of [etag, lastModified]) {
      const response = await fetch(audioUrl, {
        headers: { Range: 'bytes=0-9', 'If-Range': validator },
      });
      expect(response.status).toBe(206);
      await response.arrayBuffer();
    }
    for (const validator of ['"demo-old-v0"', `W/${etag}`, 'Tue, 01 Jan 2030 00:00:00 GMT']) {
      const response = await fetch(audioUrl, {
        headers: { Range: 'bytes=0-9', 'If-Range': validator },
      });
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBe(size);
    }
  });

  it('answers a matching If-None-Match with 304', async () => {
    const etag = (await fetch(audioUrl, { method: 'HEAD' })).headers.get('ETag')!;
    const response = await rawRequest(audioUrl, { headers: { 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.body.length).toBe(0);
  });

  it('answers a CORS preflight for Range requests', async () => {
    const response = await fetch(audioUrl, {
      method: 'OPTIONS',
      headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Methods')).toBe('GET, HEAD, OPTIONS');
    expect(response.headers.get('Access-Control-Allow-Headers')).toBe('Range, If-Range');
    expect(Number(response.headers.get('Access-Control-Max-Age'))).toBeGreaterThan(0);
  });

  it('refuses other methods', async () => {
    const response = await fetch(audioUrl, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD, OPTIONS');
  });
});
