// Offline playback in Chromium, Firefox ESR and WebKit: an episode hosted on another origin (as
// every real podcast is) is downloaded; then, with every server stopped, it plays from the app's
// own address for it, seeks to 80 % through the service worker's Range answers, keeps playing from
// there, and after a reload the player is back at the saved position and plays on.
import { expect, test } from '@playwright/test';
import { downloadOf, pressEpisodeButton, waitUntil } from '../support/app-actions.ts';
import { MIB, setUpDownloadTest, type DownloadFixture } from '../support/download-fixture.ts';
import type { AppTab, EngineName } from '../support/engine.ts';

// 16 MiB ≈ 6 min 16 s: 80 % leaves more than the last minute, so the episode is not yet played.
const SIZE = 16 * MIB;
const ENGINES: EngineName[] = ['chromium-background-fetch', 'firefox-in-page', 'webkit-in-page'];
/**
 * Headless Firefox on a machine without a sound card reports this once audio reaches its output,
 * and plays on with a silent clock (currentTime keeps advancing, as the test checks). Any other
 * error fails the test.
 */
const NO_SOUND_CARD = 'OnMediaSinkAudioError';
const playedCleanly = (error: string | null) => error === null || error === NO_SOUND_CARD;

let fixture: DownloadFixture | undefined;
test.afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

for (const name of ENGINES) {
  test.describe(name, () => {
    // Measured here: headless Firefox with no sound card fails its audio output
    // (OnMediaSinkAudioError) once audible playback starts, and a seek issued after that stays
    // `seeking` for good. Muted, it opens no output (5 of 5 runs passed, 2 of 4 unmuted); one retry
    // stays as a guard against that machine fault.
    test.describe.configure({ retries: name === 'firefox-in-page' ? 1 : 0 });
    test(`a downloaded episode plays and seeks with every server stopped, and resumes after a reload`, async () => {
      fixture = await setUpDownloadTest(name, [SIZE]);
      const { tab, app, media, engine } = fixture;
      const episode = media.episodes[0]!;
      expect(new URL(media.origin).origin).not.toBe(new URL(app.url).origin);
      await pressEpisodeButton(tab, episode.title, 'Download');
      const { episodeId } = (await waitUntil(
        () => downloadOf(tab, episode.title),
        (record) => record?.state === 'downloaded',
        90_000,
        'the download',
      ))!;

      await media.close();
      await app.close();
      await engine.setOffline(true);
      await tab.reload();
      if (name === 'firefox-in-page') {
        await tab.evaluate(() => void (document.querySelector('audio')!.muted = true), undefined);
      }
      await pressEpisodeButton(tab, episode.title, 'Play');
      await waitUntil(
        () => audioState(tab),
        (state) => state.readyState >= 1,
        15_000,
        'metadata',
      );
      // Pause, seek, play again (not awaited): headless Firefox without a sound card may stall its
      // clock after its sink error until play() is called again.
      const target = await tab.evaluate(async () => {
        const audio = document.querySelector('audio')!;
        audio.pause();
        const to = audio.duration * 0.8;
        const seeked = new Promise((resolve) => {
          audio.addEventListener('seeked', resolve, { once: true });
          setTimeout(resolve, 10_000);
        });
        audio.currentTime = to;
        await seeked;
        void audio.play();
        return to;
      }, undefined);
      const playing = await waitUntil(
        () => audioState(tab),
        (state) => state.currentTime > target + 1,
        15_000,
        'playback past the seek point',
      );
      expect(playedCleanly(playing.error), String(playing.error)).toBe(true);
      // The app's own address for the episode, which the service worker answers in every engine
      // (Firefox sends a cross-origin <audio> request past the service worker).
      expect(playing.src).toBe(`${new URL(playing.pageUrl).origin}/media/${episodeId}`);

      // The position is saved on pause (and every few seconds while playing).
      const pausedAt = await tab.evaluate(() => {
        const audio = document.querySelector('audio')!;
        audio.pause();
        return audio.currentTime;
      }, undefined);
      const saved = await waitUntil(
        () => savedPosition(tab),
        (seconds) => seconds !== undefined && Math.abs(seconds - pausedAt) < 0.5,
        10_000,
        'the saved position',
      );

      await tab.reload();
      const restored = await waitUntil(
        () => audioState(tab),
        (state) => state.readyState >= 1 && state.currentTime > 0,
        15_000,
        'the restored episode',
      );
      expect(restored.currentTime).toBeCloseTo(saved!, 0);
      expect(restored.error).toBeNull();
      // It resumes from there on Play, still offline.
      await tab.evaluate(() => void document.querySelector('audio')!.play(), undefined);
      await waitUntil(
        () => audioState(tab),
        (state) => state.currentTime > saved! + 1,
        15_000,
        'playback after the reload',
      );
    });
  });
}

function audioState(tab: AppTab) {
  return tab.evaluate(() => {
    const audio = document.querySelectorAll('audio');
    if (audio.length !== 1) throw new Error(`${audio.length} audio elements`);
    const [element] = audio;
    return {
      readyState: element!.readyState,
      currentTime: element!.currentTime,
      paused: element!.paused,
      seeking: element!.seeking,
      error: element!.error?.message ?? null,
      src: element!.currentSrc,
      pageUrl: location.href,
    };
  }, undefined);
}

function savedPosition(tab: AppTab): Promise<number | undefined> {
  return tab.evaluate(
    () =>
      new Promise<number | undefined>((resolve, reject) => {
        const open = indexedDB.open('longwave');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('positions').objectStore('positions').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result[0] as { seconds?: number } | undefined)?.seconds);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    undefined,
  );
}
