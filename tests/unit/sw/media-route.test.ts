// Downloaded audio at /media/<episodeId>, answered from the stored parts: the whole file, any byte
// range across parts (seeking), 416 past the end, and 404 for an episode that is not downloaded.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/db/database.ts';
import type { Download } from '../../../src/db/schema.ts';
import { serveDownloadedAudio } from '../../../sw/media-route.ts';

const download: Download = {
  episodeId: 'e1',
  state: 'downloaded',
  strategy: 'in-page',
  generation: 1,
  sourceUrl: 'https://cdn.example/a.mp3',
  title: 'A',
  bytesDone: 12,
  bytesTotal: 12,
  contentType: 'audio/mp4',
  attempts: 0,
  createdAt: 1,
  updatedAt: 1,
};

const get = (range?: string) =>
  serveDownloadedAudio(
    new Request('http://app.example/media/e1', { headers: range ? { Range: range } : {} }),
    'e1',
  );

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.downloads.put(download);
  await db.parts.bulkPut([
    { episodeId: 'e1', offset: 0, size: 7, blob: new Blob(['hello, ']) },
    { episodeId: 'e1', offset: 7, size: 5, bytes: new TextEncoder().encode('world').buffer },
  ]);
});

describe('serveDownloadedAudio', () => {
  it('answers the whole file with its type and length', async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'audio/mp4',
      'content-length': '12',
      'accept-ranges': 'bytes',
    });
    expect(await response.text()).toBe('hello, world');
  });

  it.each([
    ['audio/mpeg; charset=binary', 'audio/mpeg'],
    ['text/plain', 'application/octet-stream'],
    ['text/html', 'application/octet-stream'],
    [undefined, 'audio/mpeg'],
  ])('serves %s as %s, never to be rendered or run', async (stored, served) => {
    await db.downloads.put({ ...download, contentType: stored });
    const response = await get();
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': served,
      'x-content-type-options': 'nosniff',
      'content-security-policy': 'sandbox',
    });
  });

  it('answers a byte range across parts with 206 and Content-Range', async () => {
    const response = await get('bytes=5-8');
    expect(response.status).toBe(206);
    expect(response.headers.get('Content-Range')).toBe('bytes 5-8/12');
    expect(response.headers.get('Content-Length')).toBe('4');
    expect(await response.text()).toBe(', wo');
    expect(await (await get('bytes=7-')).text()).toBe('world');
    expect(await (await get('bytes=-3')).text()).toBe('rld');
  });

  it('answers 416 for a range past the end', async () => {
    const response = await get('bytes=12-');
    expect(response.status).toBe(416);
    expect(response.headers.get('Content-Range')).toBe('bytes */12');
  });

  it('answers 404, in words, for an episode not downloaded or whose audio is incomplete', async () => {
    await db.downloads.put({ ...download, bytesDone: 20 });
    expect((await get()).status).toBe(404);
    await db.downloads.put({ ...download, state: 'downloading' });
    const response = await get();
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/not downloaded/);
  });
});
