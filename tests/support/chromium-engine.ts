// The Engine face over Playwright and Debian's Chromium.
import type { Page } from '@playwright/test';
import { launchChromium, type ChromiumSession } from './chromium.ts';
import type { AppTab, Engine } from './engine.ts';
import { waitForServiceWorkerControl } from './service-worker-control.ts';

/** Chromium with Background Fetch, or with it hidden so the in-page downloader runs. */
export async function launchChromiumEngine(backgroundFetch: boolean): Promise<Engine> {
  let session: ChromiumSession = await launchChromium({ backgroundFetch });
  let first: Page | undefined = session.page;
  const tab = (page: Page): AppTab => ({
    goto: async (url) => {
      await page.goto(url);
      await page.evaluate(waitForServiceWorkerControl);
    },
    evaluate: (fn, arg) => page.evaluate(fn as (arg: unknown) => never, arg),
    reload: async () => {
      await page.reload();
      await page.evaluate(waitForServiceWorkerControl);
    },
    close: () => page.close(),
  });
  return {
    name: backgroundFetch ? 'chromium-background-fetch' : 'chromium-in-page',
    backgroundFetch,
    canGoOffline: true,
    newTab: async () => {
      const page = first ?? (await session.context.newPage());
      first = undefined;
      return tab(page);
    },
    setOffline: (offline) => session.context.setOffline(offline),
    relaunch: async () => {
      await session.close();
      session = await launchChromium({ backgroundFetch, profileDir: session.profileDir });
      first = session.page;
    },
    overrideQuota: async (origin, bytes) => {
      const page = session.context.pages()[0] ?? (await session.context.newPage());
      const cdp = await session.context.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: bytes });
    },
    dispose: () => session.dispose(),
  };
}
