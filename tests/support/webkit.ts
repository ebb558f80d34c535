// WebKitGTK's MiniBrowser driven by Debian's WebKitWebDriver (WebDriver classic) through
// webdriverio, on a private Xvfb display and a fresh home directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remote } from 'webdriverio';
import { killWithThisProcess } from './reaper.ts';
import { startXvfb, type Xvfb } from './xvfb.ts';

export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
const MULTIARCH: Partial<Record<string, string>> = {
  x64: 'x86_64-linux-gnu',
  arm64: 'aarch64-linux-gnu',
};

/** MiniBrowser ships with the WebKitGTK library that webkit2gtk-driver depends on (dpkg -L). */
export function miniBrowserPath(): string {
  if (process.env.MINIBROWSER_PATH) return process.env.MINIBROWSER_PATH;
  const lib = `/usr/lib/${MULTIARCH[process.arch] ?? `${process.arch}-linux-gnu`}`;
  const candidates = [`${lib}/webkit2gtk-4.1/MiniBrowser`, `${lib}/webkitgtk-6.0/MiniBrowser`];
  const found = candidates.find((path) => existsSync(path));
  if (!found)
    throw new Error(`No MiniBrowser at ${candidates.join(' or ')}: install webkit2gtk-driver.`);
  return found;
}

export type WebKitBrowser = WebdriverIO.Browser;

export interface WebKitSession {
  browser: WebKitBrowser;
  /** Ends the session, the driver and the display, and deletes the home directory. */
  dispose(): Promise<void>;
}

/**
 * Launches MiniBrowser. `--automation` gives it an ephemeral website-data session: storage lives
 * as long as the browser process (reloads keep it, a relaunch starts empty) and never leaks
 * between tests. The fresh HOME/XDG directories keep caches and settings apart as well.
 */
export async function launchWebKit(): Promise<WebKitSession> {
  const home = await mkdtemp(join(tmpdir(), 'longwave-webkit-'));
  let xvfb: Xvfb | undefined;
  let driver: ChildProcess | undefined;
  let reaper: { release(): void } | undefined;
  const stop = async () => {
    await stopProcess(driver);
    // Without its display, a MiniBrowser the driver left behind exits too.
    await xvfb?.stop();
    reaper?.release();
    await rm(home, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    xvfb = await startXvfb();
    const port = await freePort();
    driver = await startDriver(port, {
      ...process.env,
      DISPLAY: xvfb.display,
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CACHE_HOME: join(home, 'cache'),
      MESA_SHADER_CACHE_DISABLE: 'true',
    });
    reaper = killWithThisProcess([xvfb.pid, driver.pid!], home);
    const browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'silent',
      connectionRetryCount: 0,
      capabilities: {
        browserName: 'MiniBrowser',
        // WebKitWebDriver speaks WebDriver classic; BiDi would only slow the session down.
        'wdio:enforceWebDriverClassic': true,
        // A script the tab behind never finishes (seen: IndexedDB open in a background window) fails
        // after this and is read again, instead of holding the session for a minute.
        timeouts: { script: 20_000, pageLoad: 30_000, implicit: 0 },
        'webkitgtk:browserOptions': {
          binary: miniBrowserPath(),
          args: ['--automation', '--autoplay-policy=allow'],
        },
      } as WebdriverIO.Capabilities,
    });
    return {
      browser,
      dispose: async () => {
        await browser.deleteSession().catch(() => undefined);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startDriver(port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const driver = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`, '--host=local'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  driver.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const failed = new Promise<never>((_, reject) => {
    driver.once('error', (error) =>
      reject(new Error(`Cannot start ${WEBKIT_DRIVER_PATH} (webkit2gtk-driver): ${error.message}`)),
    );
    driver.once('exit', (code) => reject(new Error(`WebKitWebDriver exited with ${code}: ${log}`)));
  });
  failed.catch(() => undefined);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const ready = await Promise.race([
      fetch(`http://127.0.0.1:${port}/status`).then(
        (response) => response.ok,
        () => false,
      ),
      failed,
    ]);
    if (ready) return driver;
    if (Date.now() > deadline) {
      driver.kill('SIGTERM');
      throw new Error(`WebKitWebDriver did not answer on port ${port}: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
