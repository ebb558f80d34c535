// Install: the Install app button appears when Chromium offers installation (its own
// beforeinstallprompt, then real-shaped stand-ins), shows the prompt once, and goes away when the
// app is installed.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { openApp } from '../support/app-page.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';

let server: AppServer;
let browser: ChromiumSession;

test.afterEach(async () => {
  await browser?.dispose();
  await server?.close();
});

test('Install app shows the browser prompt, and is gone once the app is installed', async () => {
  server = await startAppServer();
  browser = await launchChromium();
  const { page } = browser;
  await openApp(page, server.url);
  const install = page.getByRole('banner').getByRole('button', { name: 'Install app' });
  // Chromium itself offers to install the app: the manifest and service worker are good enough.
  await expect(install).toBeVisible({ timeout: 30_000 });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // From here a stand-in prompt, so that what the listener chooses is the test's to decide.
  await page.evaluate(() => {
    // What Chromium dispatches: cancelable, with prompt() and the listener's choice.
    const event = new Event('beforeinstallprompt', { cancelable: true });
    Object.assign(event, {
      prompt: async () => {
        (window as { prompted?: number }).prompted =
          ((window as { prompted?: number }).prompted ?? 0) + 1;
      },
      userChoice: Promise.resolve({ outcome: 'dismissed', platform: 'web' }),
    });
    window.dispatchEvent(event);
    (window as { infobarPrevented?: boolean }).infobarPrevented = event.defaultPrevented;
  });
  await expect(install).toBeVisible();
  expect(
    await page.evaluate(() => (window as { infobarPrevented?: boolean }).infobarPrevented),
  ).toBe(true);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await install.click();
  expect(await page.evaluate(() => (window as { prompted?: number }).prompted)).toBe(1);
  // Dismissed: a prompt works once, so the button goes until the browser offers again.
  await expect(install).toHaveCount(0);

  await page.evaluate(() => {
    const event = new Event('beforeinstallprompt', { cancelable: true });
    Object.assign(event, {
      prompt: async () => undefined,
      userChoice: new Promise(() => undefined),
    });
    window.dispatchEvent(event);
  });
  await expect(install).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
  await expect(install).toHaveCount(0);
});
