// Chromium on the app with a DevTools Protocol session at hand (the test engines do not expose
// one): the app server, a media host, the app open and subscribed to the host's feed.
import type { CDPSession, Page } from '@playwright/test';
import { setSetting, subscribe } from '../../tests/support/app-actions.ts';
import { startAppServer, type AppServer } from '../../tests/support/app-server.ts';
import { appTab } from '../../tests/support/app-tab.ts';
import { launchChromium, type ChromiumSession } from '../../tests/support/chromium.ts';
import type { AppTab } from '../../tests/support/engine.ts';
import { startMediaServer, type MediaServer } from '../../tests/support/media-server.ts';

export interface ChromiumApp {
  session: ChromiumSession;
  page: Page;
  tab: AppTab;
  cdp: CDPSession;
  app: AppServer;
  media: MediaServer;
  dispose(): Promise<void>;
}

/** The app in Chromium (Background Fetch on or hidden), subscribed to a host with these sizes. */
export async function startChromiumApp(
  sizes: number[],
  options: { backgroundFetch: boolean },
): Promise<ChromiumApp> {
  const app = await startAppServer({ allowPrivateHosts: true });
  const media = await startMediaServer(sizes);
  const session = await launchChromium({ backgroundFetch: options.backgroundFetch });
  const { page } = session;
  const tab = appTab(page);
  await tab.goto(app.url);
  await setSetting(tab, 'downloadStallSeconds', 5);
  await subscribe(tab, media.feedUrl);
  const cdp = await session.context.newCDPSession(page);
  return {
    session,
    page,
    tab,
    cdp,
    app,
    media,
    dispose: async () => {
      await session.dispose();
      await media.close();
      await app.close();
    },
  };
}
