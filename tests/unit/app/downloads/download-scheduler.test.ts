// The scheduler's pump: first come first served within the limit, offline pauses and resumes,
// retries when due, and for Background Fetch one registration per attempt, stale and duplicate
// fetches aborted, a lost one replaced but never one whose audio is being stored. Real Dexie
// (fake-indexeddb), the real in-page downloader against a fake host, a fake Background Fetch
// manager.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { dispatchDownload, getDownload } from '../../../../src/db/downloads.ts';
import { setSetting } from '../../../../src/db/settings.ts';
import { DownloadScheduler } from '../../../../src/downloads/download-scheduler.ts';
import { fetchAudio } from '../../../../src/downloads/fetch-audio.ts';
import { backgroundFetchId } from '../../../../src/shared/background-fetch-id.ts';
import { FakeBackgroundFetchManager } from './fake-background-fetch.ts';
import { fakeHost, fileOf, SOURCE, type FakeHost } from './fake-host.ts';

const worker = vi.hoisted(() => ({
  running: 0,
  most: 0,
  /** Resolves to let every in-page attempt go on. */
  gate: Promise.resolve(),
}));
const bridge = vi.hoisted(() => ({ manager: undefined as unknown }));

vi.mock('../../../../src/sw-bridge.ts', () => ({
  serviceWorkerRegistration: () => Promise.resolve({ backgroundFetch: bridge.manager }),
}));
// The worker's own code, run on this thread (jsdom has no module workers).
vi.mock('../../../../src/downloads/in-page-download.ts', () => ({
  runInPageDownload: async (
    download: Parameters<typeof fetchAudio>[0],
    options: Parameters<typeof fetchAudio>[1],
  ) => {
    worker.running += 1;
    worker.most = Math.max(worker.most, worker.running);
    try {
      await worker.gate;
      return await fetchAudio(download, options);
    } finally {
      worker.running -= 1;
    }
  },
}));

let host: FakeHost;
let stop: AbortController;
let online = true;

beforeEach(async () => {
  await db.delete();
  await db.open();
  host = fakeHost(fileOf(64 * 1024));
  vi.stubGlobal('fetch', host.fetch);
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  online = true;
  bridge.manager = undefined;
  worker.running = 0;
  worker.most = 0;
  worker.gate = Promise.resolve();
  stop = new AbortController();
});

afterEach(() => {
  stop.abort();
  vi.restoreAllMocks();
});

function schedule(): DownloadScheduler {
  const scheduler = new DownloadScheduler();
  void scheduler.run(stop.signal);
  return scheduler;
}

async function request(episodeId: string, strategy: 'in-page' | 'background-fetch' = 'in-page') {
  await dispatchDownload(episodeId, {
    type: 'requested',
    title: episodeId,
    sourceUrl: SOURCE,
    strategy,
  });
}

const stateOf = async (episodeId: string) => (await getDownload(episodeId))?.state;

describe('in-page downloads', () => {
  it('run first come first served, as many at once as the setting allows', async () => {
    await setSetting('concurrentDownloads', 2);
    let open!: () => void;
    worker.gate = new Promise((resolve) => (open = resolve));
    for (const id of ['a', 'b', 'c']) await request(id);
    schedule();
    await vi.waitFor(async () => expect(worker.running).toBe(2));
    expect(await stateOf('c')).toBe('queued');
    open();
    await vi.waitFor(async () => {
      for (const id of ['a', 'b', 'c']) expect(await stateOf(id)).toBe('downloaded');
    });
    expect(worker.most).toBe(2);
  });

  it('pause for the network and resume by themselves, as a new attempt, when it returns', async () => {
    let open!: () => void;
    worker.gate = new Promise((resolve) => (open = resolve));
    await request('a');
    const scheduler = schedule();
    await vi.waitFor(async () => expect(worker.running).toBe(1));
    const first = (await getDownload('a'))!.generation;
    online = false;
    dispatchEvent(new Event('offline'));
    await vi.waitFor(async () =>
      expect(await getDownload('a')).toMatchObject({ state: 'paused', pauseReason: 'offline' }),
    );
    open();
    online = true;
    dispatchEvent(new Event('online'));
    await vi.waitFor(async () => expect(await stateOf('a')).toBe('downloaded'));
    expect((await getDownload('a'))!.generation).toBeGreaterThan(first);
    await scheduler.settled();
  });

  it('after a captive portal page, wait for the connection to change, not in a loop', async () => {
    let portal = true;
    let gets = 0;
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
      if (init?.method !== 'HEAD') gets += 1;
      return portal
        ? Promise.resolve(
            new Response('<html>Sign in</html>', { headers: { 'Content-Type': 'text/html' } }),
          )
        : host.fetch(input, init);
    });
    await request('a');
    const scheduler = schedule();
    await vi.waitFor(async () =>
      expect(await getDownload('a')).toMatchObject({ state: 'paused', pauseReason: 'web-page' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await scheduler.settled();
    expect(gets).toBe(1);
    portal = false;
    dispatchEvent(new Event('online'));
    await vi.waitFor(async () => expect(await stateOf('a')).toBe('downloaded'));
    expect(gets).toBe(2);
  });

  it('are tried again when the retry is due, honouring Retry-After', async () => {
    let calls = 0;
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) =>
      init?.method !== 'HEAD' && ++calls === 1
        ? Promise.resolve(new Response(null, { status: 503, headers: { 'Retry-After': '0' } }))
        : host.fetch(input, init),
    );
    await request('a');
    schedule();
    await vi.waitFor(async () => expect(await stateOf('a')).toBe('downloaded'));
    expect(calls).toBe(2);
  });

  it('are never woken by progress: only a change of state wakes the scheduler', async () => {
    worker.gate = new Promise(() => undefined); // the attempt stays under way
    await request('a');
    const scheduler = new DownloadScheduler();
    const wake = vi.spyOn(scheduler, 'wake');
    void scheduler.run(stop.signal);
    await vi.waitFor(() => expect(worker.running).toBe(1));
    await scheduler.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = wake.mock.calls.length;
    const { generation } = (await getDownload('a'))!;
    for (let bytes = 1; bytes <= 20; bytes++) {
      await dispatchDownload('a', { type: 'progressed', generation, bytesDone: bytes });
    }
    await dispatchDownload('a', { type: 'responded', generation, fetchUrl: SOURCE });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(wake.mock.calls.length).toBe(before);
    await dispatchDownload('a', { type: 'cancelled' });
    await vi.waitFor(() => expect(wake.mock.calls.length).toBeGreaterThan(before));
  });
});

describe('Background Fetch', () => {
  let manager: FakeBackgroundFetchManager;
  beforeEach(() => {
    manager = new FakeBackgroundFetchManager();
    bridge.manager = manager;
  });

  it('starts one registration per attempt, its id carrying the generation, with the size when it is sure', async () => {
    await request('a', 'background-fetch');
    schedule();
    await vi.waitFor(() => expect(manager.started).toHaveLength(1));
    const download = (await getDownload('a'))!;
    const [registration] = manager.started;
    expect(registration!.id).toBe(backgroundFetchId('a', download.generation));
    expect(registration!.requests).toEqual([SOURCE]);
    expect(registration!.options.downloadTotal).toBe(64 * 1024);
    expect(download).toMatchObject({
      state: 'downloading',
      fetchUrl: SOURCE,
      bytesTotal: 64 * 1024,
    });
  });

  it('promises no total when the host answers with another size each time (dynamic ad insertion)', async () => {
    let size = 1000;
    vi.stubGlobal('fetch', async () => {
      size += 17;
      return new Response(null, {
        headers: { 'Content-Length': String(size), 'Content-Range': `bytes 0-0/${size}` },
        status: 200,
      });
    });
    await request('a', 'background-fetch');
    schedule();
    await vi.waitFor(() => expect(manager.started).toHaveLength(1));
    expect(manager.started[0]!.options.downloadTotal).toBeUndefined();
  });

  it('aborts a fetch of an older attempt, and one for a download nobody wants', async () => {
    await request('a', 'background-fetch');
    const { download } = await dispatchDownload('a', { type: 'started' });
    const stale = await manager.fetch(backgroundFetchId('a', download!.generation - 1), [SOURCE]);
    const current = await manager.fetch(backgroundFetchId('a', download!.generation), [SOURCE]);
    const orphan = await manager.fetch(backgroundFetchId('gone', 1), [SOURCE]);
    const scheduler = schedule();
    await vi.waitFor(() => expect(stale.aborted && orphan.aborted).toBe(true));
    await scheduler.settled();
    expect(current.aborted).toBe(false);
  });

  it('replaces a fetch missing for 5 s, but never one whose audio the service worker is storing', async () => {
    await request('a', 'background-fetch');
    await request('b', 'background-fetch');
    const now = Date.now();
    for (const id of ['a', 'b']) {
      const { download } = await dispatchDownload(id, { type: 'started' }, now - 60_000);
      if (id === 'b')
        await dispatchDownload(
          id,
          { type: 'storing', generation: download!.generation },
          now - 60_000,
        );
    }
    const before = {
      a: (await getDownload('a'))!.generation,
      b: (await getDownload('b'))!.generation,
    };
    const scheduler = schedule();
    await scheduler.settled();
    // Not at once, however old the record: a fetch that just finished leaves the list a moment
    // before the service worker says it is storing it. Only after 5 s of missing it.
    expect(manager.started).toHaveLength(0);
    await vi.waitFor(() => expect(manager.started).toHaveLength(1), { timeout: 8_000 });
    await scheduler.settled();
    expect(manager.started[0]!.id).toBe(
      backgroundFetchId('a', (await getDownload('a'))!.generation),
    );
    expect((await getDownload('a'))!.generation).toBeGreaterThan(before.a);
    expect((await getDownload('b'))!.generation).toBe(before.b);
  }, 10_000);

  it('starts again from the page a fetch the browser holds for the listener, and aborts the held one', async () => {
    await request('a', 'background-fetch');
    // What the service worker leaves after an automatic download with no window open.
    const { download } = await dispatchDownload('a', { type: 'started' });
    const held = await manager.fetch(backgroundFetchId('a', download!.generation), [SOURCE]);
    await dispatchDownload('a', { type: 'held', generation: download!.generation });
    const scheduler = schedule();
    await vi.waitFor(() => expect(manager.started).toHaveLength(2));
    await vi.waitFor(() => expect(held.aborted).toBe(true));
    await scheduler.settled();
    const now = (await getDownload('a'))!;
    expect(now).toMatchObject({ state: 'downloading', pauseReason: undefined });
    expect(now.generation).toBeGreaterThan(download!.generation);
    expect(manager.started[1]!.id).toBe(backgroundFetchId('a', now.generation));
    expect(manager.started[1]!.aborted).toBe(false);
  });

  it('lets a fetch it took for held carry on once bytes arrive: resumed, same attempt', async () => {
    await request('a', 'background-fetch');
    const { download } = await dispatchDownload('a', { type: 'started' });
    const running = await manager.fetch(backgroundFetchId('a', download!.generation), [SOURCE]);
    await dispatchDownload('a', { type: 'held', generation: download!.generation });
    running.progress(4096);
    const scheduler = schedule();
    await vi.waitFor(async () => expect(await stateOf('a')).toBe('downloading'));
    await scheduler.settled();
    expect((await getDownload('a'))!.generation).toBe(download!.generation);
    expect(manager.started).toHaveLength(1);
    expect(running.aborted).toBe(false);
  });

  it('lets a fetch that outlived the network carry on: resumed, same attempt, no new fetch', async () => {
    await request('a', 'background-fetch');
    schedule();
    await vi.waitFor(() => expect(manager.started).toHaveLength(1));
    online = false;
    dispatchEvent(new Event('offline'));
    await vi.waitFor(async () => expect(await stateOf('a')).toBe('paused'));
    const { generation } = (await getDownload('a'))!;
    online = true;
    dispatchEvent(new Event('online'));
    await vi.waitFor(async () => expect(await stateOf('a')).toBe('downloading'));
    expect((await getDownload('a'))!.generation).toBe(generation);
    expect(manager.started).toHaveLength(1);
    expect(manager.started[0]!.aborted).toBe(false);
  });
});
