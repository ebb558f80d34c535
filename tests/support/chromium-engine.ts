// The Engine face over Playwright and Debian's Chromium.
import type { Page } from '@playwright/test';
import { launchChromium, type ChromiumSession } from './chromium.ts';
import { appTab } from './app-tab.ts';
import type { Engine } from './engine.ts';

/** Chromium with Background Fetch, or with it hidden so the in-page downloader runs. */
export async function launchChromiumEngine(backgroundFetch: boolean): Promise<Engine> {
  let session: ChromiumSession = await launchChromium({ backgroundFetch });
  let first: Page | undefined = session.page;
  return {
    name: backgroundFetch ? 'chromium-background-fetch' : 'chromium-in-page',
    backgroundFetch,
    canGoOffline: true,
    newTab: async () => {
      const page = first ?? (await session.context.newPage());
      first = undefined;
      return appTab(page);
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
