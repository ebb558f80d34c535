// Tabs over a WebDriver classic session, which has one "current window" at a time: every command
// switches to its tab first, and commands run one after another so two tabs never interleave.
import type { DrivablePage } from './app-tab.ts';
import type { WebKitBrowser } from './webkit.ts';

/** Hands out pages for the windows of one session. */
export class WebDriverWindows {
  private current?: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly browser: WebKitBrowser) {}

  /** The window the session started with. */
  async first(): Promise<DrivablePage> {
    return this.page(await this.run(undefined, () => this.browser.getWindowHandle()));
  }

  /** A new tab in the same browser (same storage, same service worker). */
  async open(): Promise<DrivablePage> {
    const { handle } = await this.run(undefined, () => this.browser.createWindow('tab'));
    return this.page(handle);
  }

  private page(handle: string): DrivablePage {
    const { browser } = this;
    return {
      goto: (url) => this.run(handle, () => browser.navigateTo(url)),
      reload: () => this.run(handle, () => browser.refresh()),
      evaluate: (fn: never, arg?: unknown) =>
        this.run(handle, () =>
          // WebDriver awaits a returned promise itself. `__name` is what esbuild-based runners
          // (tsx) wrap named inner functions in; Playwright and puppeteer supply it, so do we.
          browser.executeScript(`const __name = (f) => f; return (${String(fn)})(arguments[0]);`, [
            arg ?? null,
          ]),
        ),
      close: () =>
        this.run(handle, async () => {
          await browser.closeWindow();
          this.current = undefined;
        }),
    };
  }

  /** Runs `command` alone, in window `handle` (or wherever the session is). */
  private run<T>(handle: string | undefined, command: () => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      if (handle && handle !== this.current) {
        await this.browser.switchToWindow(handle);
        this.current = handle;
      }
      return command();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
