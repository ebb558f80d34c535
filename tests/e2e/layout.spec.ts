// The layout from a 320 px phone up: no page scrolls sideways, and every control is a touch target
// of at least 44 px.
import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from '../support/app-server.ts';
import { openApp } from '../support/app-page.ts';
import { APP_TOUR } from '../support/app-tour.ts';
import { launchChromium, type ChromiumSession } from '../support/chromium.ts';

let server: AppServer;
let browser: ChromiumSession;

test.afterEach(async () => {
  await browser?.dispose();
  await server?.close();
});

test('at 320, 360 and 420 px wide no page overflows, and controls are at least 44 px tall', async () => {
  server = await startAppServer();
  browser = await launchChromium();
  const { page } = browser;
  await openApp(page, server.url);
  const problems: string[] = [];
  for (const width of [320, 360, 420]) {
    await page.setViewportSize({ width, height: 780 });
    for (const stop of APP_TOUR) {
      await stop.open(page, server.url);
      const found = await page.evaluate(() => {
        const issues: string[] = [];
        const scrollWidth = document.documentElement.scrollWidth;
        if (scrollWidth > window.innerWidth) issues.push(`page is ${scrollWidth} px wide`);
        const controls = document.querySelectorAll<HTMLElement>(
          'button, select, input:not([type="checkbox"]):not([type="file"]), .app-nav a, summary',
        );
        for (const control of controls) {
          const box = control.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) continue;
          if (box.height < 44 || box.width < 44) {
            const name = control.getAttribute('aria-label') ?? control.textContent?.trim();
            issues.push(`${control.tagName.toLowerCase()} "${name}" is ${box.width}×${box.height}`);
          }
        }
        return issues;
      });
      problems.push(...found.map((issue) => `${width} px, ${stop.name}: ${issue}`));
    }
  }
  expect(problems).toEqual([]);
});
