// Measurement 3: the page's peak JS heap during an in-page download, minus the idle heap, for a
// 100 MB and a 500 MB episode (Chromium, DevTools Protocol Performance.getMetrics sampled every
// 100 ms). Baseline: the same peak-minus-idle during a plain fetch() + streaming read of 500 MB.
import { figure, MB, MIB, type Figure } from './figure.ts';
import { startChromiumApp, type ChromiumApp } from './support/chromium-app.ts';
import { plainFetch, timedDownload } from './support/page-timing.ts';

const SMALL = 100 * MB;
const LARGE = 500 * MB;
const LIMIT_MIB = 32;

async function heapUsed(c: ChromiumApp): Promise<number> {
  const { metrics } = await c.cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

/** Idle heap after a forced GC, then the peak while `work` runs; both in bytes. */
async function peakDuring(c: ChromiumApp, work: () => Promise<unknown>) {
  await c.cdp.send('HeapProfiler.collectGarbage');
  await new Promise((resolve) => setTimeout(resolve, 500));
  const idle = await heapUsed(c);
  let peak = idle;
  let running = true;
  const sampling = (async () => {
    while (running) {
      peak = Math.max(peak, await heapUsed(c));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    await work();
  } finally {
    running = false;
    await sampling;
  }
  // What is still held once the work is over tells retained memory from garbage not yet collected.
  await c.cdp.send('HeapProfiler.collectGarbage');
  const retained = await heapUsed(c);
  return { idle, peak, retained, delta: peak - idle };
}

/** Runs measurement 3 in Chromium. */
export async function benchMemory(): Promise<Figure[]> {
  const c = await startChromiumApp([SMALL, LARGE, LARGE], { backgroundFetch: false });
  try {
    await c.cdp.send('Performance.enable');
    const [small, large, other] = c.media.episodes;
    const plain = await peakDuring(c, () => plainFetch(c.tab, c.media.audioUrl(other!.slug)));
    const s = await peakDuring(c, () => timedDownload(c.tab, small!.title));
    const l = await peakDuring(c, () => timedDownload(c.tab, large!.title));
    const mib = (bytes: number) => bytes / MIB;
    const detail = (r: { idle: number; peak: number; retained: number }) =>
      `idle ${mib(r.idle).toFixed(1)} MiB, peak ${mib(r.peak).toFixed(1)} MiB, after GC ${mib(r.retained).toFixed(1)} MiB`;
    const largeFigure = figure({
      bench: '3 memory',
      what: 'JS heap peak − idle, 500 MB',
      engine: 'chromium-in-page',
      value: mib(l.delta),
      unit: 'MiB',
      baseline: { what: 'plain fetch 500 MB', value: mib(plain.delta) },
      target: `≤ ${LIMIT_MIB} MiB`,
    });
    const smallFigure = figure({
      bench: '3 memory',
      what: 'JS heap peak − idle, 100 MB',
      engine: 'chromium-in-page',
      value: mib(s.delta),
      unit: 'MiB',
      baseline: { what: 'plain fetch 500 MB', value: mib(plain.delta) },
      target: `≤ ${LIMIT_MIB} MiB`,
    });
    // "Not growing with file size": five times the file may not cost more than a part or two.
    const growth = figure({
      bench: '3 memory',
      what: 'heap growth 500 MB vs 100 MB',
      engine: 'chromium-in-page',
      value: mib(l.delta),
      unit: 'MiB',
      baseline: { what: '100 MB', value: mib(s.delta) },
      target: '500 MB − 100 MB ≤ 2 MiB',
    });
    return [
      {
        ...largeFigure,
        met: mib(l.delta) <= LIMIT_MIB,
        note: `${detail(l)}; plain ${detail(plain)}`,
      },
      { ...smallFigure, met: mib(s.delta) <= LIMIT_MIB, note: detail(s) },
      { ...growth, met: mib(l.delta - s.delta) <= 2 },
    ];
  } finally {
    await c.dispose();
  }
}
