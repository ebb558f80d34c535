// Accessibility: axe-core finds nothing on any page in the light or the dark theme, and the app
// works from the keyboard alone.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { demoEpisodes } from '../../server/demo/demo-episodes.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { episodeItem, openApp, openDemoPodcast } from '../support/app-page.ts';
import { APP_TOUR } from '../support/app-tour.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';
import {
  directoryOptions,
  startDirectoryDouble,
  type DirectoryDouble,
} from '../support/directory-double.ts';

let server: AppServer;
let browser: ChromiumSession;
let double: DirectoryDouble | undefined;

test.afterEach(async () => {
  await browser?.dispose();
  await server?.close();
  await double?.close();
  double = undefined;
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe finds no violations on any page in the ${colorScheme} theme`, async () => {
    double = await startDirectoryDouble();
    server = await startAppServer({ allowPrivateHosts: true, directory: directoryOptions(double) });
    browser = await launchChromium();
    const { page } = browser;
    await page.emulateMedia({ colorScheme });
    await openApp(page, server.url);
    const found: string[] = [];
    for (const stop of APP_TOUR) {
      await stop.open(page, server.url);
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const violation of violations) {
        const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
        found.push(`${stop.name}: ${violation.id} (${violation.impact}) at ${targets}`);
      }
    }
    expect(found).toEqual([]);
  });
}

test('keyboard alone: skip to content, tab to Download and Play, and use them', async () => {
  server = await startAppServer();
  browser = await launchChromium();
  const { page } = browser;
  await openApp(page, server.url);
  await openDemoPodcast(page);
  const [episode] = demoEpisodes;
  const item = episodeItem(page, episode!.title);
  // A fresh load: focus starts at the top of the document.
  await page.reload();
  await expect(item).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  await tabTo(item.getByRole('button', { name: 'Download' }));
  await page.keyboard.press('Enter');
  await expect(item.getByRole('button', { name: 'Delete download' })).toBeVisible({
    timeout: 30_000,
  });

  await tabTo(item.getByRole('button', { name: 'Play' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Player' })).toBeVisible();
  await expect
    .poll(() => page.locator('audio').evaluate((audio: HTMLAudioElement) => audio.currentTime))
    .toBeGreaterThan(0);

  /** Presses Tab until `target` has focus (a person tabbing through the page). */
  async function tabTo(target: ReturnType<typeof item.getByRole>): Promise<void> {
    for (let presses = 0; presses < 60; presses++) {
      if (await target.evaluate((element) => element === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('Tab never reached the control.');
  }
});
