// The demo podcast's other routes over real HTTP: the feed, the artwork, 404s, and pacing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEpisodes } from '../../../server/demo/demo-episodes.ts';
import { rawRequest } from './raw-request.ts';
import { serveDemo, type DemoServer } from './serve-demo.ts';

let demo: DemoServer;
let origin: string;

beforeAll(async () => {
  demo = await serveDemo();
  origin = demo.origin;
});
afterAll(() => demo.close());

describe('demo feed', () => {
  it('is RSS with every episode and absolute URLs from the Host header', async () => {
    const response = await rawRequest(`${origin}/demo/feed.xml`, {
      headers: { Host: 'podcasts.test:8080' },
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    const xml = response.body.toString('utf8');
    expect(xml).toContain('xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"');
    expect(xml).toContain('<title>Longwave Demo</title>');
    expect(xml).toContain('<itunes:image href="http://podcasts.test:8080/demo/artwork.png"/>');
    expect(xml.match(/<item>/g)?.length).toBe(demoEpisodes.length);
    expect(demoEpisodes.length).toBeGreaterThanOrEqual(8);
    for (const { slug } of demoEpisodes) {
      expect(xml).toContain(`url="http://podcasts.test:8080/demo/audio/${slug}.wav"`);
      expect(xml).toContain(`<guid isPermaLink="false">longwave-demo-${slug}</guid>`);
    }
    expect(xml).toMatch(/<itunes:duration>\d\d:\d\d:\d\d<\/itunes:duration>/);
    expect(xml).toContain('<pubDate>Mon, 16 Nov 2026 06:00:00 GMT</pubDate>');
  });

  it('understates one enclosure length, as real feeds do', async () => {
    const xml = await (await fetch(`${origin}/demo/feed.xml`)).text();
    const lengths = [...xml.matchAll(/<enclosure url="[^"]+\/([a-z0-9-]+)\.wav" length="(\d+)"/g)];
    expect(lengths).toHaveLength(demoEpisodes.length);
    const wrong = lengths.filter(([, slug, length]) => {
      const real = demoEpisodes.find((episode) => episode.slug === slug)!.bytes;
      return Number(length) !== real;
    });
    expect(wrong).toHaveLength(1);
    expect(Number(wrong[0]![2])).toBeLessThan(
      demoEpisodes.find((e) => e.slug === wrong[0]![1])!.bytes,
    );
  });

  it('falls back to localhost for a Host header that is not a host', async () => {
    const response = await rawRequest(`${origin}/demo/feed.xml`, {
      headers: { Host: 'evil.test/"><x' },
    });
    expect(response.body.toString()).toContain('http://localhost/demo/artwork.png');
  });
});

describe('demo artwork and routing', () => {
  it('serves the artwork as a 512×512 PNG with an ETag', async () => {
    const response = await fetch(`${origin}/demo/artwork.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const etag = response.headers.get('ETag')!;
    const again = await rawRequest(`${origin}/demo/artwork.png`, {
      headers: { 'If-None-Match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('answers 404 inside /demo/ and passes everything else on', async () => {
    expect((await fetch(`${origin}/demo/audio/no-such-episode.wav`)).status).toBe(404);
    expect((await fetch(`${origin}/demo/audio/${demoEpisodes[0]!.slug}.mp3`)).status).toBe(404);
    expect((await fetch(`${origin}/demo/`)).status).toBe(404);
    expect((await fetch(`${origin}/podcast/1`)).status).toBe(418);
    expect((await fetch(`${origin}/demo`)).status).toBe(418);
  });

  it('paces the body to about bytesPerSecond', async () => {
    const episode = demoEpisodes[0]!;
    const paced = await serveDemo({ bytesPerSecond: 200_000 });
    try {
      const started = performance.now();
      const response = await fetch(`${paced.origin}/demo/audio/${episode.slug}.wav`, {
        headers: { Range: 'bytes=0-99999' },
      });
      expect((await response.arrayBuffer()).byteLength).toBe(100_000);
      const seconds = (performance.now() - started) / 1000;
      expect(seconds).toBeGreaterThan(0.35);
      expect(seconds).toBeLessThan(2);
    } finally {
      paced.close();
    }
  });
});
