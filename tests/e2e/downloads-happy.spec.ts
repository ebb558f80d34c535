// Downloads that work, in every engine: the bytes stored, and served back at the app's own media
// address, are the server's; they are stored once, nothing more.
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
import { ENGINES } from '../support/engine.ts';

let fixture: DownloadFixture | undefined;
test.afterEach(async () => {
  await fixture?.dispose();
  fixture = undefined;
});

for (const engine of ENGINES) {
  test.describe(engine, () => {
    test('downloads an episode whole, then shows Delete download', async () => {
      fixture = await setUpDownloadTest(engine, [6 * MIB]);
      const { tab, media } = fixture;
      const [episode] = media.episodes;
      await pressEpisodeButton(tab, episode!.title, 'Download');
      const record = await waitUntil(
        () => downloadOf(tab, episode!.title),
        (d) => d?.state === 'downloaded',
        60_000,
        'downloaded',
      );
      expect(record?.strategy).toBe(
        engine === 'chromium-background-fetch' ? 'background-fetch' : 'in-page',
      );
      expect(await storedSha256(tab, episode!.title)).toBe(media.sha256(episode!.slug));
      expect(await storedSha256(tab, episode!.title, 'served')).toBe(media.sha256(episode!.slug));
      expect((await readStore(tab)).partBytes).toBe(episode!.bytes);
      await waitUntil(
        () => hasEpisodeButton(tab, episode!.title, 'Delete download'),
        Boolean,
        10_000,
        'Delete download',
      );
      // The Downloads view lists it with its size.
      await tab.goto(`${fixture.app.url}/downloads`);
      const row = await waitUntil(
        () =>
          tab.evaluate(
            (title) =>
              [...document.querySelectorAll('li')].find(
                (li) => li.getAttribute('aria-label') === title,
              )?.textContent,
            episode!.title,
          ),
        Boolean,
        10_000,
        'the Downloads view',
      );
      expect(row).toMatch(/Downloaded · 6\.3 MB/);
    });
  });
}
