// The Engine face over puppeteer-core (WebDriver BiDi) and Debian's Firefox ESR.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { AppTab, Engine } from './engine.ts';
import { waitForServiceWorkerControl } from './service-worker-control.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Firefox ESR on a fresh profile: no Background Fetch, so the in-page downloader runs. */
export async function launchFirefoxEngine(): Promise<Engine> {
  const profileDir = await mkdtemp(join(tmpdir(), 'longwave-firefox-'));
  const launch = () =>
    puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profileDir,
      extraPrefsFirefox: {
        // A closed network: no update checks, telemetry or captive-portal probes.
        'network.captive-portal-service.enabled': false,
        'app.update.enabled': false,
        'dom.serviceWorkers.enabled': true,
        'media.autoplay.default': 0,
      },
    });
  let browser: Browser = await launch();
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
    name: 'firefox-in-page',
    backgroundFetch: false,
    canGoOffline: false,
    newTab: async () => {
      const [blank] = await browser.pages();
      const page =
        blank && blank.url() === 'about:blank' && (await browser.pages()).length === 1
          ? blank
          : await browser.newPage();
      return tab(page);
    },
    setOffline: async () => undefined,
    relaunch: async () => {
      await browser.close();
      browser = await launch();
    },
    dispose: async () => {
      await browser.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
