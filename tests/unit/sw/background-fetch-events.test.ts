// The service worker's Background Fetch handlers: a finished fetch's audio becomes the episode's
// stored audio and the download is marked downloaded; a body that does not match its own length
// is not kept; a fetch of an older attempt or of a cancelled download stores nothing; failures
// and aborts go through the download reducer.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/db/database.ts';
import { dispatchDownload, getDownload } from '../../../src/db/downloads.ts';
import { readMedia, storedBytes } from '../../../src/db/media-parts.ts';
import type { Download } from '../../../src/db/schema.ts';
import { backgroundFetchId } from '../../../src/shared/background-fetch-id.ts';
import { ARTWORK_CACHE } from '../../../src/shared/cache-names.ts';
import {
  onBackgroundFetchAbort,
  onBackgroundFetchFail,
  onBackgroundFetchSuccess,
} from '../../../sw/background-fetch-events.ts';

const AUDIO = 'https://cdn.example/a.mp3';
const ARTWORK = 'https://cdn.example/a.jpg';

/** A started Background Fetch download of episode `e1`; returns its record. */
async function running(changes: Partial<Download> = {}): Promise<Download> {
  await dispatchDownload('e1', {
    type: 'requested',
    title: 'Episode One',
    sourceUrl: AUDIO,
    artworkUrl: ARTWORK,
    strategy: 'background-fetch',
  });
  const { download } = await dispatchDownload('e1', { type: 'started' });
  await dispatchDownload('e1', {
    type: 'responded',
    generation: download!.generation,
    fetchUrl: AUDIO,
    bytesTotal: 999,
  });
  if (changes.state === 'cancelled') await dispatchDownload('e1', { type: 'cancelled' });
  return (await getDownload('e1'))!;
}

/** The event the browser dispatches for the fetch with `id`, holding these responses. */
function fetchEvent(id: string, responses: Record<string, Response>, failureReason = '') {
  const waits: Promise<unknown>[] = [];
  const records = Object.entries(responses).map(([url, response]) => ({
    request: new Request(url),
    responseReady: Promise.resolve(response),
  }));
  const event = {
    registration: {
      id,
      failureReason,
      downloaded: 0,
      matchAll: () => Promise.resolve(records),
      match: (url: string) => Promise.resolve(records.find((record) => record.request.url === url)),
    },
    updateUI: vi.fn(() => Promise.resolve()),
    waitUntil: (promise: Promise<unknown>) => waits.push(promise),
    settled: () => Promise.all(waits),
  };
  return event;
}

type HandlerEvent = Parameters<typeof onBackgroundFetchSuccess>[0];

async function text(episodeId: string): Promise<string> {
  const size = await storedBytes(episodeId);
  return new Response(await readMedia(episodeId, 0, size - 1)).text();
}

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('backgroundfetchsuccess', () => {
  it('stores the audio as the episode’s own, marks it downloaded, and keeps the artwork', async () => {
    const download = await running();
    const event = fetchEvent(backgroundFetchId('e1', download.generation), {
      [AUDIO]: new Response('ID3 audio', {
        headers: { 'Content-Type': 'audio/mpeg', 'Content-Length': '9' },
      }),
      [ARTWORK]: new Response('jpeg'),
    });
    onBackgroundFetchSuccess(event as unknown as HandlerEvent);
    await event.settled();
    expect(await getDownload('e1')).toMatchObject({
      state: 'downloaded',
      bytesDone: 9,
      bytesTotal: 9,
      contentType: 'audio/mpeg',
    });
    expect(await text('e1')).toBe('ID3 audio');
    expect(await (await (await caches.open(ARTWORK_CACHE)).match(ARTWORK))?.text()).toBe('jpeg');
    expect(event.updateUI).toHaveBeenCalledWith({ title: 'Downloaded: Episode One' });
  });

  it('keeps the episode when its artwork cannot be stored (a full disk)', async () => {
    const download = await running();
    const open = caches.open.bind(caches);
    vi.spyOn(caches, 'open').mockImplementation(async (name) => {
      const cache = await open(name);
      if (name === ARTWORK_CACHE)
        cache.put = () => Promise.reject(new DOMException('', 'QuotaExceededError'));
      return cache;
    });
    const event = fetchEvent(backgroundFetchId('e1', download.generation), {
      [AUDIO]: new Response('ID3 audio', { headers: { 'Content-Length': '9' } }),
      [ARTWORK]: new Response('jpeg'),
    });
    onBackgroundFetchSuccess(event as unknown as HandlerEvent);
    await event.settled();
    vi.restoreAllMocks();
    expect(await getDownload('e1')).toMatchObject({ state: 'downloaded', bytesDone: 9 });
    expect(await text('e1')).toBe('ID3 audio');
  });

  it('checks the audio against its own response’s length, not an earlier answer’s (ad insertion)', async () => {
    const download = await running(); // the probe said 999 bytes
    const event = fetchEvent(backgroundFetchId('e1', download.generation), {
      [AUDIO]: new Response('ID3 longer file with an ad in!', {
        headers: { 'Content-Length': '30' },
      }),
    });
    onBackgroundFetchSuccess(event as unknown as HandlerEvent);
    await event.settled();
    expect(await getDownload('e1')).toMatchObject({ state: 'downloaded', bytesDone: 30 });
  });

  it('keeps nothing of a body shorter than its own Content-Length, and tries again later', async () => {
    const download = await running();
    const short = new Response(
      new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('cut')), c.close()) }),
      {
        headers: { 'Content-Length': '10' },
      },
    );
    const event = fetchEvent(backgroundFetchId('e1', download.generation), { [AUDIO]: short });
    onBackgroundFetchSuccess(event as unknown as HandlerEvent);
    await event.settled();
    expect(await getDownload('e1')).toMatchObject({
      state: 'paused',
      pauseReason: 'retry',
      failureMessage: expect.stringMatching(/incomplete/),
    });
    expect(await storedBytes('e1')).toBe(0);
  });

  it('never stores a captive portal page: the download waits for another connection', async () => {
    const download = await running();
    const event = fetchEvent(backgroundFetchId('e1', download.generation), {
      [AUDIO]: new Response('<html><body>Sign in to the Wi-Fi</body></html>', {
        headers: { 'Content-Type': 'text/html', 'Content-Length': '46' },
      }),
    });
    onBackgroundFetchSuccess(event as unknown as HandlerEvent);
    await event.settled();
    expect(await getDownload('e1')).toMatchObject({
      state: 'paused',
      pauseReason: 'web-page',
      failureMessage:
        'The network answered with a web page instead of the episode — are you signed in to this Wi-Fi?',
    });
    expect(await db.parts.count()).toBe(0);
  });

  it('stores nothing for an older attempt, or for a download cancelled meanwhile', async () => {
    const download = await running();
    const older = fetchEvent(backgroundFetchId('e1', download.generation - 1), {
      [AUDIO]: new Response('old'),
    });
    onBackgroundFetchSuccess(older as unknown as HandlerEvent);
    await older.settled();
    expect(await getDownload('e1')).toEqual(download);

    const cancelled = await running({ state: 'cancelled' });
    const late = fetchEvent(backgroundFetchId('e1', cancelled.generation), {
      [AUDIO]: new Response('late'),
    });
    onBackgroundFetchSuccess(late as unknown as HandlerEvent);
    await late.settled();
    expect((await getDownload('e1'))?.state).toBe('cancelled');
    expect(await db.parts.count()).toBe(0);
  });
});

describe('backgroundfetchfail and backgroundfetchabort', () => {
  it('a 503 waits as long as Retry-After says, then the scheduler tries again', async () => {
    const download = await running();
    const event = fetchEvent(
      backgroundFetchId('e1', download.generation),
      { [AUDIO]: new Response(null, { status: 503, headers: { 'Retry-After': '30' } }) },
      'bad-status',
    );
    const before = Date.now();
    onBackgroundFetchFail(event as unknown as HandlerEvent);
    await event.settled();
    const after = (await getDownload('e1'))!;
    expect(after).toMatchObject({ state: 'paused', pauseReason: 'retry', attempts: 1 });
    expect(after.nextRetryAt! - before).toBeGreaterThanOrEqual(30_000);
  });

  it('a 404 fails with the reason in words', async () => {
    const download = await running();
    const event = fetchEvent(
      backgroundFetchId('e1', download.generation),
      { [AUDIO]: new Response(null, { status: 404 }) },
      'bad-status',
    );
    onBackgroundFetchFail(event as unknown as HandlerEvent);
    await event.settled();
    expect(await getDownload('e1')).toMatchObject({
      state: 'failed',
      failureReason: 'bad-status',
      failureMessage: expect.stringMatching(/404/),
    });
  });

  it('an abort from the browser’s UI cancels the attempt it belongs to, and no other', async () => {
    const download = await running();
    const stale = fetchEvent(backgroundFetchId('e1', download.generation - 1), {});
    onBackgroundFetchAbort(stale as unknown as HandlerEvent);
    await stale.settled();
    expect((await getDownload('e1'))?.state).toBe('downloading');
    const current = fetchEvent(backgroundFetchId('e1', download.generation), {});
    onBackgroundFetchAbort(current as unknown as HandlerEvent);
    await current.settled();
    expect((await getDownload('e1'))?.state).toBe('cancelled');
  });
});
