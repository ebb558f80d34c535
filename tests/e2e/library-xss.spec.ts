// A hostile feed in Chromium: scripts, event handlers, javascript: and data: URLs in titles, show
// notes, links and artwork. The page's CSP would block inline scripts anyway, so it is bypassed
// here: what is proven is that the app's own sanitising lets nothing through.
import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { openApp } from '../support/app-page.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';
import { feedFixture, startFeedServer, type FeedServer } from '../support/feed-server.ts';
import { episodeRows, subscribeAndOpen } from './library-helpers.ts';

let server: AppServer;
let feeds: FeedServer;
let browser: ChromiumSession;

test.afterEach(async () => {
  await browser?.dispose();
  await server?.close();
  await feeds?.close();
});

test('no script from a hostile feed runs and no dialog opens, anywhere it is shown', async () => {
  server = await startAppServer({ allowPrivateHosts: true });
  feeds = await startFeedServer();
  feeds.route('/hostile.xml', { body: feedFixture('hostile/xss.xml'), cors: true });
  browser = await launchChromium();
  const { page, context } = browser;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setBypassCSP', { enabled: true });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const popups: string[] = [];
  context.on('page', (popup) => popups.push(popup.url()));
  await openApp(page, server.url);
  // Precondition: with the CSP bypassed, inline script really runs (so a leak would show).
  const probe = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__probe = 1';
    document.head.append(script);
    script.remove();
    return (window as { __probe?: number }).__probe;
  });
  expect(probe).toBe(1);

  // Titles are plain text: markup in them is read as HTML, and only its text is kept.
  const title = 'Hostile Show';
  await subscribeAndOpen(page, `${feeds.url}/hostile.xml`, title);
  await expect(episodeRows(page)).toHaveCount(2);
  await expect(episodeRows(page).first().getByRole('heading')).toHaveText('Payload episode');
  // Escaped twice, the markup is text after one decoding: shown as written, never run.
  await expect(episodeRows(page).nth(1).getByRole('heading')).toHaveText(
    'Plain <b>escaped</b> title',
  );
  await expect(episodeRows(page).nth(1)).toContainText('No audio file in the feed.');

  // Show notes are on each episode's own page: the escaped one's first, then the payload's.
  const scanDom = () =>
    page.evaluate(() => {
      const all = Array.from(document.querySelectorAll('#root *'));
      return {
        scripts: document.querySelectorAll('#root script, #root iframe, #root object, #root embed')
          .length,
        handlers: all.flatMap((element) =>
          Array.from(element.attributes)
            .filter((attribute) => attribute.name.startsWith('on'))
            .map((attribute) => `${element.tagName} ${attribute.name}`),
        ),
        unsafeUrls: all.flatMap((element) =>
          ['href', 'src', 'action', 'formaction', 'data', 'xlink:href']
            .map((name) => element.getAttribute(name) ?? '')
            .filter((value) => !/^(https?:|\/(?!\/)|blob:|#)/i.test(value) && value !== ''),
        ),
        flag: (window as { __xss?: unknown }).__xss,
      };
    });
  await episodeRows(page).nth(1).getByRole('heading').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Show notes' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(await scanDom()).toEqual({ scripts: 0, handlers: [], unsafeUrls: [], flag: undefined });
  await page.goBack();
  await episodeRows(page).first().getByRole('heading').getByRole('link').click();
  await expect(page.getByText('Safe text with')).toBeVisible();
  await page.waitForTimeout(500);
  const dom = await scanDom();
  expect(dialogs).toEqual([]);
  expect(dom).toEqual({ scripts: 0, handlers: [], unsafeUrls: [], flag: undefined });

  await expect(page.getByRole('link', { name: 'a real link' })).toHaveAttribute(
    'href',
    'https://example.org/',
  );
  await expect(page.getByRole('link', { name: 'a real link' })).toHaveAttribute('target', '_blank');
  await expect(page.getByRole('link', { name: 'a real link' })).toHaveAttribute('rel', /noopener/);
  await expect(page.getByRole('link', { name: 'relative link' })).toHaveAttribute(
    'href',
    `${feeds.url}/relative/page`,
  );
  // Links whose URL was unsafe lose the URL: clicking them goes nowhere.
  for (const text of ['javascript link', 'tab-split javascript link', 'data link']) {
    const link = page.getByText(text, { exact: true });
    await expect(link).not.toHaveAttribute('href', /./);
    await link.click();
  }
  await page.getByRole('link', { name: 'Search' }).click();
  await page.getByLabel('Search episodes').fill('payload');
  await expect(
    page.getByRole('list', { name: 'Search results' }).getByRole('listitem'),
  ).toHaveCount(1);
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByText(title)).toBeVisible();
  await page.waitForTimeout(500);

  expect(dialogs).toEqual([]);
  expect(popups).toEqual([]);
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
});
