// listen(): a free port on request, a close() that cuts downloads in flight, and a shutdown() that
// lets them finish up to a deadline.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEpisodes } from '../../../server/demo/demo-episodes.ts';
import { listen } from '../../../server/listen.ts';

let distDir: string;

beforeAll(() => {
  distDir = mkdtempSync(join(tmpdir(), 'longwave-dist-'));
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Longwave</title>');
});
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

it('listens on a free port and reports its URL', async () => {
  const running = await listen({ distDir, port: 0, host: '127.0.0.1' });
  try {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${running.url}/`)).status).toBe(200);
  } finally {
    await running.close();
  }
});

it('closes promptly with a slow download in flight, which then fails', async () => {
  const running = await listen({
    distDir,
    port: 0,
    host: '127.0.0.1',
    demo: { bytesPerSecond: 100_000 },
  });
  const episode = demoEpisodes[0]!;
  const response = await fetch(`${running.url}/demo/audio/${episode.slug}.wav`);
  const reader = response.body!.getReader();
  expect((await reader.read()).done).toBe(false);

  const started = performance.now();
  await running.close();
  expect(performance.now() - started).toBeLessThan(1000);
  await expect(
    (async () => {
      for (;;) if ((await reader.read()).done) return 'complete';
    })(),
  ).rejects.toThrow();
  await expect(fetch(`${running.url}/`)).rejects.toThrow();
});

it('rejects when the port is taken', async () => {
  const first = await listen({ distDir, port: 0, host: '127.0.0.1' });
  try {
    const port = Number(new URL(first.url).port);
    await expect(listen({ distDir, port, host: '127.0.0.1' })).rejects.toThrow(/EADDRINUSE/);
  } finally {
    await first.close();
  }
});

describe('shutdown()', () => {
  const smallest = demoEpisodes.reduce((a, b) => (a.bytes <= b.bytes ? a : b));

  it('stops taking connections at once, and lets a response in flight finish', async () => {
    // The smallest demo episode takes about half a second at this rate.
    const running = await listen({
      distDir,
      port: 0,
      host: '127.0.0.1',
      demo: { bytesPerSecond: smallest.bytes * 2 },
    });
    const response = await fetch(`${running.url}/demo/audio/${smallest.slug}.wav`);
    const body = response.arrayBuffer();
    const stopped = running.shutdown(10_000);
    await expect(fetch(`${running.url}/`)).rejects.toThrow();
    expect((await body).byteLength).toBe(smallest.bytes);
    expect(await stopped).toBe(0);
  });

  it('cuts what is still running at the deadline, and says how much', async () => {
    const running = await listen({
      distDir,
      port: 0,
      host: '127.0.0.1',
      demo: { bytesPerSecond: 50_000 },
    });
    const response = await fetch(`${running.url}/demo/audio/${smallest.slug}.wav`);
    const started = performance.now();
    expect(await running.shutdown(300)).toBe(1);
    expect(performance.now() - started).toBeLessThan(2000);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  it('closes idle keep-alive connections instead of waiting for them', async () => {
    const running = await listen({ distDir, port: 0, host: '127.0.0.1' });
    // fetch keeps its connection open for the next request.
    await (await fetch(`${running.url}/`)).text();
    const started = performance.now();
    expect(await running.shutdown(5_000)).toBe(0);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
