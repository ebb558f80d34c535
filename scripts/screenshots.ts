// `npm run screenshots`: the production build served by server/, opened in Chromium, photographed
// at the sizes the manifest lists (public/screenshots/, also shown in the README). The demo audio
// is served slowly, so the Downloads picture catches downloads under way.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { appScreenshots, type AppScreenshot } from '../pwa.config.ts';
import { listen } from '../server/listen.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.ts';
import { distDir, repoRoot } from '../tests/support/paths.ts';
import requireBuild from '../tests/support/require-build.ts';
import { waitForServiceWorkerControl } from '../tests/support/service-worker-control.ts';

requireBuild();
const server = await listen({
  distDir,
  port: 0,
  host: '127.0.0.1',
  demo: { bytesPerSecond: 1_500_000 },
});
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const shot of appScreenshots) {
    const context = await browser.newContext({
      viewport: shot.viewport,
      deviceScaleFactor: shot.scale,
      colorScheme: 'light',
    });
    // The in-page downloader (as in Firefox and Safari), whose progress a fresh context shows.
    await context.addInitScript(() => {
      delete (ServiceWorkerRegistration.prototype as { backgroundFetch?: unknown }).backgroundFetch;
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.evaluate(waitForServiceWorkerControl);
    await show(page, shot.view);
    const path = join(repoRoot, 'public', shot.src);
    await mkdir(dirname(path), { recursive: true });
    await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
    console.log(`${shot.src} (${shot.form_factor})`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

/** Brings the page to the view the screenshot is of, with its images loaded. */
async function show(page: Page, view: AppScreenshot['view']): Promise<void> {
  const demo = page.getByRole('link', { name: 'Longwave Demo' });
  await demo.waitFor();
  if (view === 'player') {
    await demo.click();
    await page.getByRole('button', { name: 'Play' }).first().click();
    await page.getByRole('link', { name: /^Open player/ }).click();
    // A few seconds in, so the seek bar shows where it is.
    await page.getByText('0:05', { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Pause' }).first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
  }
  if (view === 'downloads') await startDownloads(page);
  // No tooltip from where the last click left the pointer.
  await page.mouse.move(0, 0);
  await page.evaluate(() =>
    Promise.all(Array.from(document.images, (image) => image.decode().catch(() => undefined))),
  );
}

/** One episode downloaded, two under way, then the Downloads view once they show speed. */
async function startDownloads(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Longwave Demo' }).click();
  const row = (title: string) =>
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await row('First Light').getByRole('button', { name: 'Download' }).click();
  await row('First Light').getByRole('button', { name: 'Delete download' }).waitFor();
  for (const title of ['The Long Crossing', 'Open Ocean']) {
    await row(title).getByRole('button', { name: 'Download' }).click();
  }
  await page.getByRole('link', { name: 'Downloads' }).click();
  await page.getByText(/left$/).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(2_000);
}
