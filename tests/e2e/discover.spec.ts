// Discover in Chromium and Firefox ESR, against the directory double and real local hosts: search
// as you type, preview a podcast read from its feed (Play streams, nothing stored), Subscribe
// through the library's path, download; shows already in the library say so; and Discover with
// the directory down and then with no network at all, showing what it kept, saying so.
import { expect, test } from '@playwright/test';
import { hasEpisodeButton, pressEpisodeButton, waitUntil } from '../support/app-actions.ts';
import { openApp } from '../support/app-page.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';
import {
  directoryOptions,
  startDirectoryDouble,
  type DirectoryDouble,
} from '../support/directory-double.ts';
import { TECHNOLOGY } from '../support/directory-shows.ts';
import {
  choose,
  click,
  linkDescription,
  type,
  waitForLinks,
  waitForHeading,
  waitForText,
} from '../support/discover-actions.ts';
import { launchEngine, type AppTab, type Engine, type EngineName } from '../support/engine.ts';
import { startMediaServer, type MediaServer } from '../support/media-server.ts';
import { storedRows } from './library-helpers.ts';

const ENGINES: EngineName[] = ['chromium-background-fetch', 'firefox-in-page'];
/** The double's all-podcasts chart for the US store, as the page lists it. */
const TOP_CHART = [
  'The Daily Example',
  'Bold & Beautiful Tonight',
  'No Picture Hour',
  'Everything Ever Recorded',
  'Fault Line',
  'Longwave Demo',
];

let app: AppServer | undefined;
let double: DirectoryDouble | undefined;
let media: MediaServer | undefined;
let engine: Engine | undefined;

test.afterEach(async () => {
  await engine?.dispose();
  await app?.close();
  await double?.close();
  await media?.close();
  engine = app = double = media = undefined;
});

/** The app (with its directory on the double), a media host listed in it, and a tab on the app. */
async function setUp(name: EngineName): Promise<AppTab> {
  double = await startDirectoryDouble();
  media = await startMediaServer([2 * 2 ** 20, 2 * 2 ** 20]);
  app = await startAppServer({ allowPrivateHosts: true, directory: directoryOptions(double) });
  double.shows.push(
    {
      appleId: 2000000001,
      indexId: 930001,
      inApple: true,
      title: 'Fault Line',
      author: 'Test Host',
      feedUrl: media.feedUrl,
      genreId: TECHNOLOGY,
      genre: 'Technology',
      trackCount: 2,
    },
    {
      appleId: 2000000002,
      inApple: true,
      title: 'Longwave Demo',
      author: 'Longwave',
      feedUrl: `${app.url}/demo/feed.xml`,
      genreId: TECHNOLOGY,
      genre: 'Technology',
      trackCount: 9,
    },
  );
  engine = await launchEngine(name);
  const tab = await engine.newTab();
  await tab.goto(app.url);
  await waitForText(tab, /Longwave Demo/);
  return tab;
}

for (const name of ENGINES) {
  test.describe(name, () => {
    test('search, preview and play, subscribe, download; a show in the library says so', async () => {
      const tab = await setUp(name);
      await click(tab, { role: 'link', name: 'Discover' });
      await waitForHeading(tab, 'Discover');
      // With nothing typed: the top podcasts of the browser's store.
      await waitForLinks(tab, 'Top podcasts', TOP_CHART);

      await type(tab, 'Search podcasts', 'longwave');
      await waitForLinks(tab, 'Search results', ['Longwave Demo']);
      expect(await linkDescription(tab, 'Search results', 'Longwave Demo')).toMatch(
        /In your library/,
      );
      await type(tab, 'Search podcasts', 'fault');
      await waitForLinks(tab, 'Search results', ['Fault Line']);
      expect(await linkDescription(tab, 'Search results', 'Fault Line')).toBe(
        'Test Host · Technology · 2 episodes',
      );

      await click(tab, { role: 'link', name: 'Fault Line', inList: 'Search results' });
      await waitForText(tab, /Test Episode 1.*Test Episode 2/);
      await waitForHeading(tab, 'Fault Line');
      if (name === 'firefox-in-page') {
        // No sound card: muted, Firefox opens no audio output (see player-offline.spec.ts).
        await tab.evaluate(() => void (document.querySelector('audio')!.muted = true), undefined);
      }
      await pressEpisodeButton(tab, 'Test Episode 1', 'Play');
      const playing = await waitUntil(
        () =>
          tab.evaluate(() => {
            const audio = document.querySelector('audio')!;
            return { src: audio.currentSrc, time: audio.currentTime, error: audio.error?.code };
          }, undefined),
        (state) => state.time > 0.5,
        30_000,
        'the preview episode playing',
      );
      expect(playing.src).toBe(`${media!.origin}/media/episode-1.wav`);
      await waitUntil(
        () =>
          tab.evaluate(
            () => document.querySelector('[aria-label="Player"]')?.textContent ?? '',
            undefined,
          ),
        (text) => text.includes('Test Episode 1'),
        10_000,
        'the player bar',
      );
      // Nothing of the preview is stored until Subscribe.
      expect(await storedRows(tab, 'podcasts')).toHaveLength(1);
      expect(await storedRows(tab, 'episodes')).toHaveLength(9);
      expect(await storedRows(tab, 'positions')).toEqual([]);

      await click(tab, { role: 'button', name: 'Subscribe' });
      await waitUntil(
        () => tab.evaluate(() => location.pathname, undefined),
        (path) => path.startsWith('/podcast/'),
        15_000,
        'the library copy',
      );
      await waitForHeading(tab, 'Fault Line');
      expect(await storedRows(tab, 'podcasts')).toHaveLength(2);
      await pressEpisodeButton(tab, 'Test Episode 2', 'Download');
      await waitUntil(
        () => hasEpisodeButton(tab, 'Test Episode 2', 'Delete download'),
        Boolean,
        60_000,
        'the download',
      );

      // Back in Discover, the show is now in the library, and opens the library copy.
      await click(tab, { role: 'link', name: 'Discover' });
      await type(tab, 'Search podcasts', 'fault');
      await waitForLinks(tab, 'Search results', ['Fault Line']);
      expect(await linkDescription(tab, 'Search results', 'Fault Line')).toMatch(/In your library/);
      await click(tab, { role: 'link', name: 'Fault Line', inList: 'Search results' });
      await waitForText(tab, /Refresh/);
      expect(await tab.evaluate(() => location.pathname, undefined)).toMatch(/^\/podcast\//);
    });

    test('with the directory down, and then offline, shows what it kept and says so', async () => {
      const tab = await setUp(name);
      await tab.goto(`${app!.url}/discover`);
      await waitForLinks(tab, 'Top podcasts', TOP_CHART);
      await choose(tab, 'Category', 'Comedy');
      await waitForLinks(tab, 'Top podcasts', ['Bold & Beautiful Tonight', 'No Picture Hour']);
      await type(tab, 'Search podcasts', 'example');
      await waitForLinks(tab, 'Search results', ['The Daily Example', 'Independent Example Radio']);

      // The directory goes down; the app's server stays up.
      await double!.close();
      double = undefined;
      await type(tab, 'Search podcasts', 'daily news');
      await waitForText(
        tab,
        /Apple Podcasts could not be reached\..*Showing the last results kept, for “example”/,
      );
      await waitForLinks(tab, 'Search results', ['The Daily Example', 'Independent Example Radio']);

      // Then the network goes too: every server stops, and the app opens from its service worker.
      await app!.close();
      app = undefined;
      await engine!.setOffline(true);
      await tab.reload();
      // The address still holds "daily news", never answered: the last results kept are shown.
      await waitForText(
        tab,
        engine!.canGoOffline
          ? /You are offline\. Showing the last results kept, for “example”/
          : /could not be reached\. Showing the last results kept, for “example”/,
      );
      await type(tab, 'Search podcasts', 'example');
      await waitForText(tab, /Showing the results kept on/);
      await waitForLinks(tab, 'Search results', ['The Daily Example', 'Independent Example Radio']);
      await type(tab, 'Search podcasts', '');
      await waitForText(tab, /Showing the chart kept on/);
      await waitForLinks(tab, 'Top podcasts', ['Bold & Beautiful Tonight', 'No Picture Hour']);
      await choose(tab, 'Category', 'News');
      await waitForText(tab, /Showing the last chart kept: Comedy, United States/);
    });
  });
}

test.describe('keyboard and names', () => {
  let browser: ChromiumSession | undefined;
  test.afterEach(async () => {
    await browser?.dispose();
    browser = undefined;
  });

  test('↓ from the field into the results, ↑/↓ between them, ↑ back, Enter opens a preview', async () => {
    double = await startDirectoryDouble();
    app = await startAppServer({ allowPrivateHosts: true, directory: directoryOptions(double) });
    browser = await launchChromium();
    const { page } = browser;
    await openApp(page, app.url);
    // The empty library's main action leads to Discover (the demo was removed, as a new user has none).
    await page.getByRole('link', { name: 'Longwave Demo' }).click();
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, unsubscribe' }).click();
    await page.getByRole('link', { name: 'Library', exact: true }).click();
    await page.getByRole('link', { name: 'Find podcasts' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Discover' })).toBeVisible();

    const field = page.getByRole('searchbox', { name: 'Search podcasts' });
    await field.fill('example');
    const results = page.getByRole('list', { name: 'Search results' }).getByRole('link');
    await expect(results).toHaveCount(2);
    await expect(results.nth(0)).toHaveAccessibleName('The Daily Example');
    await expect(results.nth(0)).toHaveAccessibleDescription(
      'Example News Desk · News · 1,873 episodes',
    );
    await expect(page.getByRole('main').getByRole('status')).toHaveText('2 podcasts.');
    await field.press('ArrowDown');
    await expect(results.nth(0)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(results.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(results.nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(field).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    // The directory's details show at once; its feed (on a host that does not exist) cannot be read.
    await expect(page.getByRole('heading', { level: 1, name: 'The Daily Example' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText(/The podcast’s feed could not be read\./);
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    expect(new URL(page.url()).searchParams.get('feed')).toBe(
      'https://feeds.example.com/daily-example.xml',
    );
  });

  test('the page never calls a directory itself, and the secret never reaches it', async () => {
    double = await startDirectoryDouble();
    app = await startAppServer({ allowPrivateHosts: true, directory: directoryOptions(double) });
    browser = await launchChromium();
    const { page } = browser;
    const requested: string[] = [];
    const bodies: Promise<string>[] = [];
    // Noted as they happen; the bodies are awaited at the end (a body read in the handler could
    // still be on its way when the assertions run).
    page.on('request', (request) => requested.push(request.url()));
    page.on('response', (response) => bodies.push(response.text().catch(() => '')));
    await openApp(page, `${app.url}/discover`);
    await expect(page.getByRole('list', { name: 'Top podcasts' }).getByRole('link')).toHaveCount(4);
    const searched = page.waitForResponse((response) =>
      response.url().startsWith(`${app!.url}/directory/search?`),
    );
    await page.getByRole('searchbox', { name: 'Search podcasts' }).fill('example');
    expect((await searched).ok()).toBe(true);
    await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link')).toHaveCount(
      2,
    );
    expect(requested.filter((url) => url.startsWith(double!.origin))).toEqual([]);
    const everything = [...requested, ...(await Promise.all(bodies))].join('\n');
    expect(everything).not.toContain(double.credentials.secret);
    expect(everything).not.toContain(double.credentials.key);
  });
});
