// Managing the library in Chromium: refresh keeps what the listener did, refresh all reports,
// search finds episodes, OPML goes in and out, and unsubscribing removes downloads when confirmed.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { demoEpisodes } from '../../server/demo/demo-episodes.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import {
  storedPartCount,
  storedSha256,
  downloadRecords,
  episodeItem,
  episodeMenu,
  openApp,
  openDemoPodcast,
} from '../support/app-page.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';
import { startFeedServer, type FeedServer } from '../support/feed-server.ts';
import { episodeRows, podcastTiles, subscribeAndOpen } from './library-helpers.ts';

let server: AppServer;
let feeds: FeedServer;
let browser: ChromiumSession;

test.beforeEach(async () => {
  server = await startAppServer({ allowPrivateHosts: true });
  feeds = await startFeedServer();
  browser = await launchChromium();
  await openApp(browser.page, server.url);
});

test.afterEach(async () => {
  await browser?.dispose();
  await server?.close();
  await feeds?.close();
});

/** A small RSS feed; each item is [guid, title, enclosure path, day of January 2024]. */
function feed(title: string, items: [string, string, string, number][]): string {
  const entries = items.map(
    ([guid, name, path, day]) => `<item><title>${name}</title><guid>${guid}</guid>
      <pubDate>${new Date(Date.UTC(2024, 0, day)).toUTCString()}</pubDate>
      <description>Notes about ${name.toLowerCase()}.</description>
      <enclosure url="${feeds.url}${path}" length="1000" type="audio/mpeg"/></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${entries.join('')}</channel></rss>`;
}

test.describe('refresh', () => {
  test('refresh adds new episodes and keeps played state, matching by GUID then enclosure URL', async () => {
    const { page } = browser;
    feeds.route('/show.xml', {
      body: feed('Changing Show', [
        ['a', 'First steps', '/a.mp3', 1],
        ['b', 'Second thoughts', '/b.mp3', 2],
      ]),
    });
    await subscribeAndOpen(page, `${feeds.url}/show.xml`, 'Changing Show');
    await (
      await episodeMenu(page, 'First steps')
    )
      .getByRole('checkbox', { name: 'Played' })
      .check();
    await (
      await episodeMenu(page, 'Second thoughts')
    )
      .getByRole('checkbox', { name: 'Played' })
      .check();
    await page.keyboard.press('Escape');

    // The host re-published: "a" kept its GUID, "b" got a new GUID but the same file, "c" is new.
    feeds.route('/show.xml', {
      body: feed('Changing Show', [
        ['a', 'First steps (remastered)', '/a.mp3', 1],
        ['b-new-guid', 'Second thoughts', '/b.mp3', 2],
        ['c', 'Third time', '/c.mp3', 3],
      ]),
    });
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText('1 new episode.');
    await expect(episodeRows(page)).toHaveCount(3);
    await expect(episodeRows(page).first().getByRole('heading')).toHaveText('Third time');
    const played = async (title: string) =>
      (await episodeMenu(page, title)).getByRole('checkbox', { name: 'Played' });
    await expect(await played('First steps (remastered)')).toBeChecked();
    await expect(await played('Second thoughts')).toBeChecked();
    await expect(await played('Third time')).not.toBeChecked();
    await page.keyboard.press('Escape');

    // A failing refresh says why and changes nothing.
    feeds.route('/show.xml', { status: 500, body: 'oops', type: 'text/plain' });
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(/server answered with an error \(500/);
    await expect(episodeRows(page)).toHaveCount(3);

    feeds.route('/show.xml', { body: feed('Changing Show', [['d', 'Fourth wall', '/d.mp3', 4]]) });
    await page.getByRole('link', { name: 'Library' }).click();
    await page.getByRole('button', { name: 'Refresh all' }).click();
    await expect(page.getByRole('main').getByRole('status')).toHaveText(
      /Checked 2 podcasts: 1 new episode\./,
    );
  });
});

test('search finds episodes by words in titles and show notes, across podcasts', async () => {
  const { page } = browser;
  feeds.route('/show.xml', {
    body: feed('Searchable', [
      ['a', 'Café culture', '/a.mp3', 1],
      ['b', 'Gardening', '/b.mp3', 2],
    ]),
  });
  await subscribeAndOpen(page, `${feeds.url}/show.xml`, 'Searchable');
  await page.getByRole('link', { name: 'Search' }).click();
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  await page.getByLabel('Search episodes').fill('cafe');
  await expect(results).toHaveCount(1);
  await expect(results.getByRole('heading')).toHaveText('Café culture');
  await expect(results.getByRole('link', { name: 'Searchable' })).toBeVisible();
  await page.getByLabel('Search episodes').fill('notes about gardening');
  await expect(results.getByRole('heading')).toHaveText('Gardening');
  await page.getByLabel('Search episodes').fill(demoEpisodes[0]!.title);
  await expect(results.first().getByRole('link', { name: 'Longwave Demo' })).toBeVisible();
  await page.getByLabel('Search episodes').fill('zebra crossing');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('No episodes match.');
  await page.reload();
  await expect(page.getByLabel('Search episodes')).toHaveValue('zebra crossing');
});

test('imports an OPML file, reporting each feed, and exports the library as OPML', async () => {
  const { page } = browser;
  feeds.route('/one.xml', { body: feed('Imported One', [['1', 'One', '/1.mp3', 1]]) });
  feeds.route('/two.xml', { body: feed('Imported Two', [['2', 'Two', '/2.mp3', 2]]) });
  const opml = `<?xml version="1.0"?>
<opml version="1.0"><head><title>From another app</title></head><body>
  <outline text="Podcasts">
    <outline type="rss" text="One &amp; only" xmlUrl="${feeds.url}/one.xml"/>
    <outline type="rss" text="Two" xmlURL="${feeds.url}/two.xml"/>
  </outline>
  <outline type="rss" text="Gone" xmlUrl="${feeds.url}/gone.xml"/>
  <outline type="rss" text="Demo" xmlUrl="${server.url}/demo/feed.xml"/>
</body></opml>`;
  await page.getByLabel('Import OPML').setInputFiles({
    name: 'subscriptions.opml',
    mimeType: 'text/x-opml',
    buffer: Buffer.from(opml),
  });
  await expect(page.getByRole('main').getByRole('status')).toContainText(
    'Subscribed to 2 podcasts. 1 already in your library. 1 could not be read:',
  );
  await expect(page.getByRole('main').getByRole('status')).toContainText(
    'Gone: There is no feed at this address',
  );
  await expect(podcastTiles(page)).toHaveCount(3);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export OPML' }).click();
  const exported = await readFile(await (await download).path(), 'utf8');
  for (const url of [
    `${feeds.url}/one.xml`,
    `${feeds.url}/two.xml`,
    `${server.url}/demo/feed.xml`,
  ]) {
    expect(exported).toContain(`xmlUrl="${url}"`);
  }
  expect(exported).toContain('text="Imported One"');

  await page.getByLabel('Import OPML').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('just some text'),
  });
  await expect(page.getByRole('alert')).toHaveText('This file is not an OPML subscription list.');
});

test('unsubscribing asks about downloads, then removes the podcast, its episodes and its audio', async () => {
  const { page } = browser;
  const smallest = demoEpisodes.reduce((a, b) => (a.bytes <= b.bytes ? a : b));
  await openDemoPodcast(page);
  await episodeItem(page, smallest.title).getByRole('button', { name: 'Download' }).click();
  await expect(
    episodeItem(page, smallest.title).getByRole('button', { name: 'Delete download' }),
  ).toBeVisible({ timeout: 60_000 });
  expect(await storedSha256(page, smallest.title)).not.toBeNull();

  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  const dialog = page.getByRole('dialog', { name: 'Unsubscribe from Longwave Demo?' });
  await expect(dialog).toContainText('1 downloaded episode');
  await dialog.getByRole('button', { name: 'Keep subscription' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Longwave Demo' })).toBeVisible();

  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await dialog.getByRole('button', { name: 'Unsubscribe and delete downloads' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(page.getByText('No podcasts yet.')).toBeVisible();
  expect(await storedPartCount(page)).toBe(0);
  expect(await downloadRecords(page)).toEqual([]);
});
