// Debian's Chromium through Playwright, with a fresh persistent profile (Background Fetch needs one).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a closed network and a machine without a sound card or a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export interface ChromiumSession {
  context: BrowserContext;
  /** The tab the browser opened with. */
  page: Page;
  profileDir: string;
  /** Closes the browser; the profile stays until `dispose`. */
  close(): Promise<void>;
  /** Closes the browser and deletes the profile. */
  dispose(): Promise<void>;
}

/** Launches Chromium on a profile (a new one unless given). */
export async function launchChromium(
  options: { profileDir?: string; backgroundFetch?: boolean } = {},
): Promise<ChromiumSession> {
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'longwave-chromium-')));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  if (options.backgroundFetch === false) {
    // The in-page downloader is what Firefox and Safari get; this shows it to Chromium too.
    await context.addInitScript(() => {
      delete (ServiceWorkerRegistration.prototype as { backgroundFetch?: unknown }).backgroundFetch;
    });
  }
  const close = () => context.close();
  return {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    profileDir,
    close,
    dispose: async () => {
      await close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
