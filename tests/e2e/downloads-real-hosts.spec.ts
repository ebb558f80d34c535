// Downloads from hosts that behave like real podcast hosting (tests/support/podcast-host/), in
// every engine: one feed whose episodes each meet another mix of tracking redirects, CORS-less
// hops, refused preflights, expiring signed URLs, dynamic ad insertion, chunked bodies, refused
// HEAD, no ranges, vague types, 429/503 with Retry-After, ETag changes, drops and stalls, all
// downloaded at once. Each must be stored byte-exact (the SHA-256 of a version the host served,
// the one whose ETag the download completed), a captive portal's page must never be stored and
// the download must go on once the connection changes; then, with every server stopped, an
// episode plays offline.
import { expect, test } from '@playwright/test';
import {
  downloadOf,
  pressEpisodeButton,
  readStore,
  storedSha256,
  waitUntil,
  type DownloadRecord,
} from '../support/app-actions.ts';
import { openSubscribedTab } from '../support/download-fixture.ts';
import { ENGINES, type AppTab } from '../support/engine.ts';
import {
  startPodcastHost,
  type Behaviour,
  type PodcastHost,
} from '../support/podcast-host/podcast-host.ts';

const KIB = 1024;
const SIZE = 1024 * KIB;
const WEB_PAGE =
  'The network answered with a web page instead of the episode — are you signed in to this Wi-Fi?';

let dispose: (() => Promise<void>) | undefined;
test.afterEach(async () => {
  await dispose?.();
  dispose = undefined;
});

/** The behaviour classes, one episode each; `inPage` tells which downloader will meet them. */
function behaviours(inPage: boolean): Record<string, Behaviour> {
  // Paced like a real network, so a drop leaves bytes behind in every engine (see downloads-faults).
  // A new object each time: the host counts a fault's times down in place.
  const drop = () => ({ drop: { afterBytes: 400 * KIB, times: 1 }, bytesPerSecond: 4_000_000 });
  return {
    'tracking chain with a hop without CORS, new query per feed fetch, dropped once': {
      redirects: { hops: 3, status: [302, 307, 302], noCorsHops: [1] },
      rotatingQuery: true,
      ...drop(),
    },
    'tracking chain refusing preflights (OPTIONS 405), dropped once': {
      redirects: { hops: 2, status: [307, 302] },
      refusePreflight: true,
      ...drop(),
    },
    'signed CDN URL that expires before the resume': {
      redirects: { hops: 2 },
      signedTtlMs: 300,
      drop: { afterBytes: 400 * KIB, times: 1 },
      bytesPerSecond: 1_000_000,
    },
    // Background Fetch cannot resume: its ad-insertion episode is measured without a drop.
    'dynamic ad insertion': { dynamicAds: true, ...(inPage ? drop() : {}) },
    'chunked, HEAD refused, application/octet-stream, 503 with Retry-After in seconds': {
      chunked: true,
      refuseHead: true,
      contentType: 'application/octet-stream',
      status: { code: 503, times: 1, retryAfter: '1' },
    },
    'Accept-Ranges: none, text/plain, dropped once': {
      acceptRangesNone: true,
      contentType: 'text/plain',
      ...drop(),
    },
    '429 with Retry-After as an HTTP date, binary/octet-stream': {
      status: { code: 429, times: 1, retryAfter: new Date(Date.now() + 2000).toUTCString() },
      contentType: 'binary/octet-stream',
    },
    // A stall never ends by itself, and Background Fetch has no stall timeout: it meets a drop.
    'ETag change mid-download, stalled (in-page) or dropped (Background Fetch)': {
      changeAfterBytes: 300 * KIB,
      ...(inPage
        ? { stall: { afterBytes: 500 * KIB, times: 1 }, bytesPerSecond: 4_000_000 }
        : drop()),
    },
    'captive portal in place of the audio': { captivePortal: true },
  };
}

for (const name of ENGINES) {
  const inPage = name !== 'chromium-background-fetch';
  test(`${name}: every kind of real host downloads byte-exact and plays offline; a captive portal is never stored`, async () => {
    test.setTimeout(180_000);
    const classes = behaviours(inPage);
    const host = await startPodcastHost(
      Object.values(classes).map((behaviour) => ({ bytes: SIZE, behaviour })),
    );
    dispose = () => host.close();
    const { app, engine, tab } = await openSubscribedTab(name, host.feedUrl, {
      concurrentDownloads: 9,
    });
    dispose = async () => {
      await engine.dispose();
      await host.close();
      await app.close();
    };
    const named = host.episodes.map((episode, i) => ({ episode, what: Object.keys(classes)[i]! }));
    const captive = named.at(-1)!;
    const real = named.slice(0, -1);
    for (const { episode } of named) await pressEpisodeButton(tab, episode.title, 'Download');

    const settled = await waitUntil(
      () => readStore(tab),
      (store) =>
        real.every(
          ({ episode }) => recordOf(store.downloads, episode.title)?.state === 'downloaded',
        ) && // Settled either way, so a stored portal page fails at once below.
        ['web-page', 'downloaded'].some((end) =>
          [
            recordOf(store.downloads, captive.episode.title)?.pauseReason,
            recordOf(store.downloads, captive.episode.title)?.state,
          ].includes(end),
        ),
      120_000,
      'every episode downloaded and the captive portal paused',
    );
    // The sign-in page: paused with the words, nothing of it stored.
    const portal = recordOf(settled.downloads, captive.episode.title)!;
    expect(portal).toMatchObject({ state: 'paused', failureMessage: WEB_PAGE });
    expect(settled.partsOf[portal.episodeId] ?? 0).toBe(0);

    for (const { episode, what } of real) {
      await test.step(what, async () => {
        const record = recordOf(settled.downloads, episode.title)!;
        await expectServedExactly(tab, host, episode.slug, record, inPage);
        expect(settled.bytesOf[record.episodeId]).toBe(record.bytesDone);
      });
    }
    if (process.env.HOSTS_LOG) console.log(JSON.stringify(host.requests));
    if (inPage) {
      const resumed = (slug: string) =>
        host.requests.filter((r) => r.slug === slug && /^bytes=[1-9]/.test(r.range ?? ''));
      // The resume went on mid-file; where the engine asked for a preflight (If-Range is not
      // safelisted) and it was refused, through the proxy. WebKit 2.50 sent Range and If-Range
      // with no preflight at all (measured: no OPTIONS reached any origin), so it resumed directly.
      const refused = host.preflights.some((p) => p.slug === 'host-2' && p.refused);
      const resume = resumed('host-2').find((r) => r.status === 206);
      expect(resume).toBeDefined();
      if (refused) expect(resume!.fromPage).toBe(false);
      test.info().annotations.push({
        type: 'refused preflight',
        description: refused ? 'resumed through the proxy' : 'no preflight asked; resumed directly',
      });
      // The expired signed URL answered 403, and the resume went on from the enclosure URL's new one.
      const signed = host.requests.filter((r) => r.slug === 'host-3');
      const expired = signed.findIndex((r) => r.status === 403);
      expect(expired).toBeGreaterThanOrEqual(0);
      expect(
        signed.slice(expired).some((r) => r.status === 206 && /^bytes=[1-9]/.test(r.range ?? '')),
      ).toBe(true);
      // Ad insertion: the resume got the same stitch (If-Range), not a new one.
      // (WebKit under this load kept no byte of the dropped body, so it started afresh instead.)
      for (const r of resumed('host-4')) expect([r.status, r.etag]).toEqual([206, r.ifRange]);
    }
    // The tracking hops were really taken, across origins.
    expect(new Set(host.hops.filter((h) => h.slug === 'host-1').map((h) => h.hop))).toEqual(
      new Set([0, 1, 2]),
    );
    // Ad insertion: the file once (plus a one-byte probe and, in-page, a drop's resume).
    const dai = real[3]!.episode;
    const daiRecord = recordOf(settled.downloads, dai.title)!;
    const ratio = host.bytesServed(dai.slug) / daiRecord.bytesDone;
    test.info().annotations.push({
      type: 'dynamic ad insertion',
      description: `${host.bytesServed(dai.slug)} bytes served for a ${daiRecord.bytesDone}-byte file: ${ratio.toFixed(3)}×`,
    });
    // In-page, a drop can waste what was in flight (Chromium discarded up to 400 KiB of it on a
    // reset with nine downloads running); Background Fetch must not fetch the file again at all.
    expect(ratio).toBeLessThanOrEqual(1.1 + (inPage ? (400 * KIB) / SIZE : 0));

    // The portal is gone (the listener signed in); the next start of the app tries again.
    host.captive.all = false;
    captive.episode.behaviour.captivePortal = false;
    await tab.reload();
    const fetched = await waitUntil(
      () => downloadOf(tab, captive.episode.title),
      (d) => d?.state === 'downloaded',
      60_000,
      'the episode after the captive portal',
    );
    await expectServedExactly(tab, host, captive.episode.slug, fetched!, inPage);

    // Offline: every server stopped; the ad-inserted episode plays from the app's own address.
    await host.close();
    await app.close();
    await engine.setOffline(true);
    await tab.reload();
    await pressEpisodeButton(tab, dai.title, 'Play');
    const playing = await waitUntil(
      () =>
        tab.evaluate(() => {
          const audio = document.querySelector('audio');
          return {
            currentTime: audio?.currentTime ?? 0,
            error: audio?.error?.message ?? null,
            src: audio?.currentSrc ?? '',
            origin: location.origin,
          };
        }, undefined),
      (state) => state.currentTime > 1 || state.error !== null,
      20_000,
      'offline playback',
    );
    expect(playing.error).toBeNull();
    expect(playing.src).toBe(`${playing.origin}/media/${daiRecord.episodeId}`);
  });
}

function recordOf(downloads: DownloadRecord[], title: string): DownloadRecord | undefined {
  return downloads.find((d) => d.title === title);
}

/**
 * The stored audio (its parts, and as the service worker serves it) is a version the host served,
 * whole: the one the download completed (in-page, its ETag; Background Fetch keeps the probe's).
 */
async function expectServedExactly(
  tab: AppTab,
  host: PodcastHost,
  slug: string,
  record: DownloadRecord,
  inPage: boolean,
) {
  const versions = host.servedVersions(slug);
  const stored = await storedSha256(tab, record.title);
  const match = [...versions.entries()].find(([, v]) => v.sha256 === stored);
  expect(match, `stored ${stored}; served ${JSON.stringify([...versions])}`).toBeDefined();
  expect(record.bytesDone).toBe(match![1].bytes);
  if (inPage) expect(record.etag).toBe(match![0]);
  expect(await storedSha256(tab, record.title, 'served')).toBe(stored);
}
