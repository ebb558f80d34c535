// Upgrading from before Downloads v2, in every engine that runs the in-page downloader: a library
// at schema version 4 with an episode downloaded the old way (its audio in the old media cache
// under the enclosure URL) opens in this version, which upgrades the database, moves the audio
// into the episode's own parts without fetching it again, deletes the old cache, and plays the
// episode from the app's own address with every server stopped.
import { expect, test } from '@playwright/test';
import { LEGACY_MEDIA_CACHE } from '../../src/db/legacy-media.ts';
import { downloadOf, pressEpisodeButton, storedSha256, waitUntil } from '../support/app-actions.ts';
import { MIB, setUpDownloadTest, type DownloadFixture } from '../support/download-fixture.ts';
import type { EngineName } from '../support/engine.ts';
import { rewindLibraryInPage, storesAtVersion } from '../support/legacy-library.ts';

const SIZE = 4 * MIB;
const ENGINES: EngineName[] = ['chromium-in-page', 'firefox-in-page', 'webkit-in-page'];

let fixture: DownloadFixture | undefined;
test.afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

for (const name of ENGINES) {
  test(`${name}: a download made before Downloads v2 plays offline after the upgrade, never fetched again`, async () => {
    fixture = await setUpDownloadTest(name, [SIZE]);
    const { app, media, engine } = fixture;
    const episode = media.episodes[0]!;
    const enclosureUrl = media.audioUrl(episode.slug);

    const podcastPage = await fixture.tab.evaluate(() => location.href, undefined);
    // On a page of the app's origin where the app is not running, so nothing reopens the database;
    // in a new tab, with the app's tab closed: in WebKit, with the app's tab merely navigated away,
    // deleting the database stayed blocked in 3 of 4 runs (the old page's connection, most likely
    // kept in the back/forward cache).
    const tab = await engine.newTab();
    await fixture.tab.close();
    await tab.goto(new URL('/logo.svg', app.url).href);
    await tab.evaluate(rewindLibraryInPage, {
      version: 4,
      stores: storesAtVersion(4),
      title: episode.title,
      cacheName: LEGACY_MEDIA_CACHE,
    });
    const servedBefore = media.bytesServed(episode.slug);

    await tab.goto(podcastPage);
    await waitUntil(
      () => tab.evaluate((cache) => caches.has(cache), LEGACY_MEDIA_CACHE),
      (has) => !has,
      30_000,
      'the old media cache to be gone',
    );
    expect(await downloadOf(tab, episode.title)).toMatchObject({
      state: 'downloaded',
      sourceUrl: enclosureUrl,
      generation: 0,
      bytesDone: SIZE,
    });
    expect(await storedSha256(tab, episode.title)).toBe(media.sha256(episode.slug));
    expect(media.bytesServed(episode.slug)).toBe(servedBefore);

    await media.close();
    await app.close();
    await engine.setOffline(true);
    await tab.reload();
    expect(await storedSha256(tab, episode.title, 'served')).toBe(media.sha256(episode.slug));
    await pressEpisodeButton(tab, episode.title, 'Play');
    const playing = await waitUntil(
      () =>
        tab.evaluate(() => {
          const audio = document.querySelector('audio')!;
          return {
            time: audio.currentTime,
            src: audio.currentSrc,
            error: audio.error?.message ?? null,
          };
        }, undefined),
      (state) => state.time > 1 || state.error !== null,
      20_000,
      'offline playback',
    );
    expect(playing!.error).toBeNull();
    expect(new URL(playing!.src).pathname).toMatch(/^\/media\//);
  });
}
