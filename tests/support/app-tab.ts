// An AppTab over a Playwright or puppeteer page: both drive tabs the same way.
import type { AppTab } from './engine.ts';
import { waitForServiceWorkerControl } from './service-worker-control.ts';

/** What the two tools' pages have in common, as far as an AppTab needs it. */
export interface DrivablePage {
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  close(): Promise<void>;
  evaluate(fn: never, arg?: unknown): Promise<unknown>;
  bringToFront?(): Promise<void>;
}

/** The app in `page`; navigations wait until the service worker controls the page. */
export function appTab(page: DrivablePage): AppTab {
  const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
    page.evaluate(fn as never, arg) as Promise<R>;
  return {
    goto: async (url) => {
      await page.goto(url);
      await evaluate(waitForServiceWorkerControl);
    },
    evaluate,
    reload: async () => {
      await page.reload();
      await evaluate(waitForServiceWorkerControl);
    },
    close: () => page.close(),
    bringToFront: page.bringToFront && (() => page.bringToFront!()),
  };
}
