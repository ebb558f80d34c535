// The Engine face over puppeteer-core (WebDriver BiDi) and Debian's Firefox ESR.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { appTab } from './app-tab.ts';
import type { Engine } from './engine.ts';
import { startSoundServer } from './sound-server.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Firefox ESR on a fresh profile, playing into a private sound server: no Background Fetch, so
 * the in-page downloader runs.
 */
export async function launchFirefoxEngine(): Promise<Engine> {
  const profileDir = await mkdtemp(join(tmpdir(), 'longwave-firefox-'));
  const sound = await startSoundServer();
  const launch = () =>
    puppeteer.launch({
      env: { ...process.env, ...sound.env },
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
      return appTab(page);
    },
    setOffline: async () => undefined,
    relaunch: async () => {
      await browser.close();
      browser = await launch();
    },
    dispose: async () => {
      await browser.close().catch(() => undefined);
      await sound.stop();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
