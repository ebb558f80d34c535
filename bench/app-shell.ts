// Measurement 5: the app shell. The JS and CSS that index.html loads, gzipped; and an offline cold
// start in Chromium (service worker in control, server down, browser just launched) to first
// contentful paint and to the library on screen. The cold-start baseline is the same browser,
// just launched, opening a static page with the same library markup from a live local server.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startAppServer } from '../tests/support/app-server.ts';
import { launchChromium, type ChromiumSession } from '../tests/support/chromium.ts';
import { startFeedServer } from '../tests/support/feed-server.ts';
import { distDir } from '../tests/support/paths.ts';
import { waitForServiceWorkerControl } from '../tests/support/service-worker-control.ts';
import { figure, median, type Figure } from './figure.ts';

const RUNS = 3;
const JS_BUDGET_KB = 120;
const FCP_TARGET_MS = 300;
const LIBRARY_TARGET_MS = 600;

/** Runs measurement 5. */
export async function benchAppShell(): Promise<Figure[]> {
  return [...shellSizes(), ...(await coldStart())];
}

/** Gzipped bytes (level 9) of what index.html loads up front. */
function shellSizes(): Figure[] {
  const html = readFileSync(`${distDir}/index.html`, 'utf8');
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="(\/assets\/[^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const gz = (ext: string) =>
    refs
      .filter((ref) => ref.endsWith(ext))
      .reduce(
        (sum, ref) => sum + gzipSync(readFileSync(`${distDir}${ref}`), { level: 9 }).length,
        0,
      ) / 1000;
  const js = gz('.js');
  const css = gz('.css');
  return [
    {
      ...figure({
        bench: '5 app shell',
        what: 'initial JS, gzip',
        engine: 'build',
        value: js,
        unit: 'KB',
        baseline: { what: 'budget', value: JS_BUDGET_KB },
        target: `≤ ${JS_BUDGET_KB} KB`,
      }),
      met: js <= JS_BUDGET_KB,
      note: `${refs.length} files from index.html`,
    },
    figure({
      bench: '5 app shell',
      what: 'initial CSS, gzip',
      engine: 'build',
      value: css,
      unit: 'KB',
      target: 'reported',
    }),
  ];
}

/** Records, from the first script on, when the page paints and when a podcast tile appears. */
function watchLibrary(): void {
  const w = window as unknown as { __libraryAt?: number };
  // No named inner functions: tsx would wrap them in a helper the page does not have.
  new MutationObserver(() => {
    if (w.__libraryAt === undefined && document.querySelector('ul[aria-label="Podcasts"] li'))
      w.__libraryAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
}

interface Start {
  fcp: number;
  library: number;
}

async function timedStart(profileDir: string, url: string): Promise<Start> {
  const session: ChromiumSession = await launchChromium({ profileDir });
  try {
    await session.context.addInitScript(watchLibrary);
    await session.page.goto(url);
    return await session.page.evaluate(async () => {
      const deadline = Date.now() + 15_000;
      const w = window as unknown as { __libraryAt?: number };
      for (;;) {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        if (fcp !== undefined && w.__libraryAt !== undefined)
          return { fcp, library: w.__libraryAt };
        if (Date.now() > deadline) throw new Error(`No paint or library: ${fcp} ${w.__libraryAt}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
  } finally {
    await session.close();
  }
}

async function coldStart(): Promise<Figure[]> {
  const app = await startAppServer();
  const pages = await startFeedServer();
  pages.route('/static.html', {
    type: 'text/html; charset=utf-8',
    body: '<!doctype html><title>Longwave</title><h1>Library</h1><ul aria-label="Podcasts"><li><a href="#">Longwave Demo</a></li></ul>',
  });
  const first = await launchChromium();
  const appRuns: Start[] = [];
  const baseRuns: Start[] = [];
  try {
    // Install: the service worker precaches the shell; the demo podcast lands in IndexedDB.
    await first.page.goto(app.url);
    await first.page.evaluate(waitForServiceWorkerControl);
    await first.page.waitForSelector('ul[aria-label="Podcasts"] li', { timeout: 15_000 });
    await first.close();
    await app.close();
    for (let run = 0; run < RUNS; run += 1) {
      appRuns.push(await timedStart(first.profileDir, app.url));
      baseRuns.push(await timedStart(first.profileDir, `${pages.url}/static.html`));
    }
  } finally {
    await first.dispose();
    await pages.close();
    await app.close();
  }
  const note = (pick: (s: Start) => number) =>
    `median of ${RUNS}: app ${appRuns.map((s) => Math.round(pick(s))).join('/')} ms, static ${baseRuns.map((s) => Math.round(pick(s))).join('/')} ms`;
  const fcp = median(appRuns.map((s) => s.fcp));
  const library = median(appRuns.map((s) => s.library));
  return [
    {
      ...figure({
        bench: '5 app shell',
        what: 'offline cold start → FCP',
        engine: 'chromium',
        value: fcp,
        unit: 'ms',
        baseline: { what: 'static page', value: median(baseRuns.map((s) => s.fcp)) },
        target: `≤ ${FCP_TARGET_MS} ms`,
      }),
      met: fcp <= FCP_TARGET_MS,
      note: note((s) => s.fcp),
    },
    {
      ...figure({
        bench: '5 app shell',
        what: 'offline cold start → library',
        engine: 'chromium',
        value: library,
        unit: 'ms',
        baseline: { what: 'static page', value: median(baseRuns.map((s) => s.library)) },
        target: `≤ ${LIBRARY_TARGET_MS} ms`,
      }),
      met: library <= LIBRARY_TARGET_MS,
      note: note((s) => s.library),
    },
  ];
}
