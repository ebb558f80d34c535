// One face for the browsers the download tests run in: Chromium (with Background Fetch or without)
// through Playwright, Firefox ESR through puppeteer-core, WebKitGTK through WebKitWebDriver.
// Tests speak to tabs, not to a tool.

/** A page of the app. Functions passed to evaluate run in the page, so they must be self-contained. */
export interface AppTab {
  goto(url: string): Promise<void>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  reload(): Promise<void>;
  close(): Promise<void>;
  /** Makes this the tab on screen (the one before it turns hidden), where the tool can. */
  bringToFront?(): Promise<void>;
}

export interface Engine {
  name: 'chromium-background-fetch' | 'chromium-in-page' | 'firefox-in-page' | 'webkit-in-page';
  backgroundFetch: boolean;
  /** Can flag the browser itself offline (navigator.onLine false); else only servers stop. */
  canGoOffline: boolean;
  newTab(): Promise<AppTab>;
  setOffline(offline: boolean): Promise<void>;
  /** Closes the whole browser and starts it again on the same profile. */
  relaunch(): Promise<void>;
  /** Chrome DevTools Protocol, where the engine has it. */
  overrideQuota?(origin: string, bytes: number): Promise<void>;
  dispose(): Promise<void>;
}

export type EngineName = Engine['name'];
/** The engines every download spec runs in. */
export const ENGINES: EngineName[] = [
  'chromium-background-fetch',
  'chromium-in-page',
  'firefox-in-page',
  'webkit-in-page',
];

/** Whether the profile outlives `relaunch()`: MiniBrowser --automation keeps data in memory. */
export function keepsProfileOnRelaunch(name: EngineName): boolean {
  return name !== 'webkit-in-page';
}

/** Launches the named engine on a fresh profile. */
export async function launchEngine(name: EngineName): Promise<Engine> {
  if (name === 'firefox-in-page')
    return (await import('./firefox-engine.ts')).launchFirefoxEngine();
  if (name === 'webkit-in-page') return (await import('./webkit-engine.ts')).launchWebKitEngine();
  return (await import('./chromium-engine.ts')).launchChromiumEngine(
    name === 'chromium-background-fetch',
  );
}
