// Sets up one download test: the app server, a fault-injecting media host, an engine, a tab on the
// app subscribed to the host's feed; and takes it all down again.
import { startAppServer, type AppServer } from './app-server.ts';
import { setSetting, subscribe } from './app-actions.ts';
import { launchEngine, type AppTab, type Engine, type EngineName } from './engine.ts';
import { startMediaServer, type MediaServer } from './media-server.ts';

export const MIB = 2 ** 20;

export interface DownloadFixture {
  app: AppServer;
  media: MediaServer;
  engine: Engine;
  tab: AppTab;
  dispose(): Promise<void>;
}

/** Options of a download test's app and browser. */
export interface DownloadTestOptions {
  stallSeconds?: number;
  /**
   * A disk this full (Chromium only). Set before the app first stores anything: Chromium's
   * IndexedDB reads an origin's quota when it opens the origin's database and keeps it.
   */
  quotaBytes?: number;
  /** Downloads at once (the app's setting; 2 unless given). */
  concurrentDownloads?: number;
}

/** Everything a download test needs, with episodes of the given sizes on the media host. */
export async function setUpDownloadTest(
  name: EngineName,
  sizes: number[],
  options: DownloadTestOptions = {},
): Promise<DownloadFixture> {
  const media = await startMediaServer(sizes);
  const { app, engine, tab } = await openSubscribedTab(name, media.feedUrl, options);
  return {
    app,
    media,
    engine,
    tab,
    dispose: async () => {
      await engine.dispose();
      await media.close();
      await app.close();
    },
  };
}

/** The app's server, an engine, and a tab on the app subscribed to `feedUrl`. */
export async function openSubscribedTab(
  name: EngineName,
  feedUrl: string,
  options: DownloadTestOptions = {},
): Promise<{ app: AppServer; engine: Engine; tab: AppTab }> {
  // The hosts are on loopback, so the proxy must be allowed to reach them.
  const app = await startAppServer({ allowPrivateHosts: true });
  const engine = await launchEngine(name);
  if (options.quotaBytes !== undefined)
    await engine.overrideQuota!(new URL(app.url).origin, options.quotaBytes);
  const tab = await engine.newTab();
  await tab.goto(app.url);
  await setSetting(tab, 'downloadStallSeconds', options.stallSeconds ?? 3);
  if (options.concurrentDownloads !== undefined)
    await setSetting(tab, 'concurrentDownloads', options.concurrentDownloads);
  await subscribe(tab, feedUrl);
  return { app, engine, tab };
}
