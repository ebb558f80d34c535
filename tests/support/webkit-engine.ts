// The Engine face over WebKitGTK's MiniBrowser (WebKitWebDriver + webdriverio): the engine behind
// Safari, with no Background Fetch, so the in-page downloader runs.
import { appTab } from './app-tab.ts';
import type { Engine } from './engine.ts';
import { launchWebKit } from './webkit.ts';
import { WebDriverWindows } from './webdriver-windows.ts';

/** MiniBrowser on a fresh, private display and an empty website-data session. */
export async function launchWebKitEngine(): Promise<Engine> {
  const session = await launchWebKit();
  const windows = new WebDriverWindows(session.browser);
  let firstTaken = false;
  return {
    name: 'webkit-in-page',
    backgroundFetch: false,
    canGoOffline: false,
    newTab: async () => {
      const page = firstTaken ? await windows.open() : await windows.first();
      firstTaken = true;
      return appTab(page);
    },
    setOffline: async () => undefined,
    relaunch: () =>
      Promise.reject(
        new Error(
          'MiniBrowser --automation keeps website data in memory: a relaunch starts empty.',
        ),
      ),
    dispose: () => session.dispose(),
  };
}
