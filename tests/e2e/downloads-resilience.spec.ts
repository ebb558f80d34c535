// Downloads that outlive what listeners do to them: closed tabs, restarted browsers, lost networks,
// two tabs at once, a full disk, a change of mind. Every engine, real servers, real storage (WebKit's
// automation session cannot be restarted with its storage, so it has no restart test).
import { expect, test } from '@playwright/test';
import {
  downloadOf,
  hasEpisodeButton,
  pressEpisodeButton,
  readStore,
  storedSha256,
  waitUntil,
} from '../support/app-actions.ts';
import { setUpDownloadTest, MIB, type DownloadFixture } from '../support/download-fixture.ts';
import { ENGINES, keepsProfileOnRelaunch } from '../support/engine.ts';

let fixture: DownloadFixture | undefined;
test.afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

const SIZE = 8 * MIB;
const RATE = 2_000_000;

/** A slow download of the host's only episode, started and under way. */
async function startSlowDownload(engine: (typeof ENGINES)[number]) {
  fixture = await setUpDownloadTest(engine, [SIZE]);
  const { tab, media } = fixture;
  const episode = media.episodes[0]!;
  media.setFault(episode.slug, { bytesPerSecond: RATE });
  await pressEpisodeButton(tab, episode.title, 'Download');
  await waitUntil(
    async () => media.bytesServed(episode.slug),
    (bytes) => bytes >= 2 * MIB,
    30_000,
    '2 MiB served',
  );
  return { ...fixture, episode };
}

async function expectDownloaded(f: DownloadFixture, title: string, slug: string) {
  const tab = f.tab;
  const download = await waitUntil(
    () => downloadOf(tab, title),
    (d) => d?.state === 'downloaded',
    90_000,
    'downloaded',
  );
  expect(await storedSha256(tab, title)).toBe(f.media.sha256(slug));
  expect(await storedSha256(tab, title, 'served')).toBe(f.media.sha256(slug));
  // Stored once: this episode's parts are exactly its file (another may still be writing its own).
  expect((await readStore(tab)).bytesOf[download!.episodeId]).toBe(download!.bytesDone);
}

for (const engine of ENGINES) {
  const backgroundFetch = engine === 'chromium-background-fetch';
  test.describe(engine, () => {
    test('closing the tab mid-download: it finishes (Background Fetch) or resumes from its byte offset', async () => {
      const f = await startSlowDownload(engine);
      const keeper = await f.engine.newTab(); // the browser stays open with no app page in it
      const storedAtClose = (await readStore(f.tab)).partBytes;
      await f.tab.close();
      if (backgroundFetch)
        await waitUntil(
          async () => f.media.bytesServed(f.episode.slug),
          (b) => b >= SIZE,
          30_000,
          'all bytes served',
        );
      else await new Promise((resolve) => setTimeout(resolve, 1000));
      f.tab = keeper;
      await keeper.goto(f.app.url);
      await expectDownloaded(f, f.episode.title, f.episode.slug);
      if (!backgroundFetch) {
        const resumedAt = f.media.requests
          .filter((r) => r.method === 'GET')
          .map((r) => Number(/bytes=(\d+)-/.exec(r.range ?? '')?.[1] ?? 0));
        expect(Math.max(...resumedAt)).toBeGreaterThanOrEqual(storedAtClose);
        expect(storedAtClose).toBeGreaterThan(0);
      }
    });

    if (keepsProfileOnRelaunch(engine))
      test('restarting the browser mid-download: the download completes after relaunch', async () => {
        const f = await startSlowDownload(engine);
        await f.engine.relaunch();
        f.tab = await f.engine.newTab();
        await f.tab.goto(f.app.url);
        await expectDownloaded(f, f.episode.title, f.episode.slug);
      });

    test('losing the network pauses the download; it resumes by itself when the network returns', async () => {
      const f = await startSlowDownload(engine);
      await f.media.close();
      await f.engine.setOffline(true);
      // The server may drop the connection a moment before the browser says it is offline: the
      // download first waits to retry, then, once offline, waits for the network instead.
      const reason = f.engine.canGoOffline ? 'offline' : 'retry';
      await waitUntil(
        () => downloadOf(f.tab, f.episode.title),
        (d) => d?.state === 'paused' && d.pauseReason === reason,
        30_000,
        `paused (${reason})`,
      );
      await f.media.restart();
      await f.engine.setOffline(false);
      await expectDownloaded(f, f.episode.title, f.episode.slug);
    });

    test('cancelling removes everything fetched so far and offers Download again', async () => {
      const f = await startSlowDownload(engine);
      await pressEpisodeButton(f.tab, f.episode.title, 'Cancel download');
      await waitUntil(
        () => downloadOf(f.tab, f.episode.title),
        (d) => d?.state === 'cancelled',
        15_000,
        'cancelled',
      );
      await waitUntil(
        () => hasEpisodeButton(f.tab, f.episode.title, 'Download'),
        Boolean,
        10_000,
        'Download button',
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await readStore(f.tab)).parts).toBe(0);
      expect(await storedSha256(f.tab, f.episode.title)).toBeNull();
      const running = await f.tab.evaluate(
        async () => (await (await navigator.serviceWorker.ready).backgroundFetch?.getIds()) ?? [],
        undefined,
      );
      expect(running).toEqual([]);
    });

    test('with two tabs open, exactly one of them downloads', async () => {
      fixture = await setUpDownloadTest(engine, [SIZE]);
      const { media } = fixture;
      const episode = media.episodes[0]!;
      const second = await fixture.engine.newTab();
      // One navigation, straight to the podcast. In WebKitGTK, leaving a page of the app while its
      // IndexedDB work is in flight (here: a second goto right after load) sometimes wedges the
      // database for every tab: the next read-write transaction never starts (3 runs in 8).
      await second.goto(
        `${fixture.app.url}${new URL(await fixture.tab.evaluate(() => location.href, undefined)).pathname}`,
      );
      await pressEpisodeButton(second, episode.title, 'Download');
      // Read back from the tab in front.
      await expectDownloaded({ ...fixture, tab: second }, episode.title, episode.slug);
      // One download of the body (Background Fetch first asks for one byte, to check the size).
      const bodies = media.requests.filter((r) => r.method === 'GET' && r.range !== 'bytes=0-0');
      expect(bodies).toHaveLength(1);
    });
  });
}

for (const engine of ['chromium-background-fetch', 'chromium-in-page'] as const) {
  test(`${engine}: a full disk fails the download with a way to free space`, async () => {
    // Room for the app (about 1.3 MB) but not for the episode.
    fixture = await setUpDownloadTest(engine, [SIZE], { quotaBytes: 5 * MIB });
    const { tab, media } = fixture;
    const episode = media.episodes[0]!;
    await pressEpisodeButton(tab, episode.title, 'Download');
    const record = await waitUntil(
      () => downloadOf(tab, episode.title),
      (d) => d?.state === 'failed',
      60_000,
      'failed',
    );
    expect(record?.failureReason).toBe('quota-exceeded');
    expect(record?.failureMessage).toMatch(/storage|space/i);
    expect(await storedSha256(tab, episode.title, 'served')).toBeNull();
  });
}

for (const engine of ['chromium-background-fetch', 'chromium-in-page'] as const) {
  test(`${engine}: three downloads run two at a time, first come first served`, async () => {
    fixture = await setUpDownloadTest(engine, [4 * MIB, 4 * MIB, 4 * MIB]);
    const { tab, media } = fixture;
    for (const episode of media.episodes) media.setFault(episode.slug, { bytesPerSecond: RATE });
    for (const episode of media.episodes) await pressEpisodeButton(tab, episode.title, 'Download');
    const states = (
      await waitUntil(
        async () => (await readStore(tab)).downloads,
        // All three recorded (a tap's record lands a moment after the click), two of them running.
        (downloads) =>
          downloads.length === 3 && downloads.filter((d) => d.state === 'downloading').length === 2,
        30_000,
        'two running',
      )
    ).map((d) => [d.title, d.state]);
    expect(Object.fromEntries(states)).toMatchObject({
      'Test Episode 1': 'downloading',
      'Test Episode 2': 'downloading',
      'Test Episode 3': 'queued',
    });
    for (const episode of media.episodes)
      await expectDownloaded(fixture, episode.title, episode.slug);
  });
}
