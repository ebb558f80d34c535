// Measurement 3: the peak memory of an in-page download, minus idle, for a 100 MB and a 500 MB
// episode (Chromium, DevTools Protocol Runtime.getHeapUsage every 100 ms), counting the page and
// its workers (the download runs in one): the JS heap, which holds what the code keeps, and the
// ArrayBuffers' backing stores, where received bytes wait (and, until a collection, linger).
// Baseline: the same during a plain fetch() + streaming read of 500 MB on the page.
import { figure, MB, MIB, type Figure } from './figure.ts';
import { startChromiumApp, type ChromiumApp } from './support/chromium-app.ts';
import { plainFetch, timedDownload } from './support/page-timing.ts';
import { attachToWorkers, type SendToWorkers } from './support/worker-sessions.ts';

const SMALL = 100 * MB;
const LARGE = 500 * MB;
const LIMIT_MIB = 32;

interface Usage {
  heap: number;
  buffers: number;
}

/** The page's and its workers' JS heap and ArrayBuffer backing stores, in bytes. */
async function usage(c: ChromiumApp, workers: SendToWorkers): Promise<Usage> {
  const usages = [
    (await c.cdp.send('Runtime.getHeapUsage')) as Record<string, unknown>,
    ...(await workers('Runtime.getHeapUsage')),
  ];
  const sum = (key: string) => usages.reduce((total, u) => total + Number(u[key] ?? 0), 0);
  return { heap: sum('usedSize'), buffers: sum('backingStorageSize') };
}

async function collectGarbage(c: ChromiumApp, workers: SendToWorkers): Promise<void> {
  await Promise.all([
    c.cdp.send('HeapProfiler.collectGarbage'),
    workers('HeapProfiler.collectGarbage'),
  ]);
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** Use after a forced GC, the peak while `work` runs, and the use after another GC. */
async function peakDuring(c: ChromiumApp, workers: SendToWorkers, work: () => Promise<unknown>) {
  await collectGarbage(c, workers);
  const idle = await usage(c, workers);
  const peak = { ...idle };
  let running = true;
  const sampling = (async () => {
    while (running) {
      const now = await usage(c, workers);
      peak.heap = Math.max(peak.heap, now.heap);
      peak.buffers = Math.max(peak.buffers, now.buffers);
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
  await collectGarbage(c, workers);
  const retained = await usage(c, workers);
  return { idle, peak, retained };
}

type Peak = Awaited<ReturnType<typeof peakDuring>>;

const mib = (bytes: number) => bytes / MIB;
const grew = (p: Peak, key: keyof Usage) => mib(p.peak[key] - p.idle[key]);
const detail = (p: Peak, key: keyof Usage) =>
  `idle ${mib(p.idle[key]).toFixed(1)} MiB, peak ${mib(p.peak[key]).toFixed(1)} MiB, after GC ${mib(p.retained[key]).toFixed(1)} MiB`;

/** Runs measurement 3 in Chromium. */
export async function benchMemory(): Promise<Figure[]> {
  const c = await startChromiumApp([SMALL, LARGE, LARGE], { backgroundFetch: false });
  try {
    const workers = await attachToWorkers(c.cdp);
    const [small, large, other] = c.media.episodes;
    const plain = await peakDuring(c, workers, () =>
      plainFetch(c.tab, c.media.audioUrl(other!.slug)),
    );
    const s = await peakDuring(c, workers, () => timedDownload(c.tab, small!.title));
    const l = await peakDuring(c, workers, () => timedDownload(c.tab, large!.title));
    const measured = (await workers('Runtime.getHeapUsage')).length;
    const heap = (what: string, p: Peak) => {
      const f = figure({
        bench: '3 memory',
        what: `JS heap peak − idle, ${what}`,
        engine: 'chromium-in-page',
        value: grew(p, 'heap'),
        unit: 'MiB',
        baseline: { what: 'plain fetch 500 MB', value: grew(plain, 'heap') },
        target: `≤ ${LIMIT_MIB} MiB`,
      });
      return { ...f, met: grew(p, 'heap') <= LIMIT_MIB, note: `${detail(p, 'heap')}` };
    };
    const growth = figure({
      bench: '3 memory',
      what: 'heap growth 500 MB vs 100 MB',
      engine: 'chromium-in-page',
      value: grew(l, 'heap'),
      unit: 'MiB',
      baseline: { what: '100 MB', value: grew(s, 'heap') },
      target: '500 MB − 100 MB ≤ 2 MiB',
    });
    const buffers = figure({
      bench: '3 memory',
      what: 'ArrayBuffers peak − idle, 500 MB',
      engine: 'chromium-in-page',
      value: grew(l, 'buffers'),
      unit: 'MiB',
      baseline: { what: 'plain fetch 500 MB', value: grew(plain, 'buffers') },
      target: 'reported (vs plain fetch)',
    });
    return [
      heap('500 MB', l),
      heap('100 MB', s),
      { ...growth, met: grew(l, 'heap') - grew(s, 'heap') <= 2 },
      {
        ...buffers,
        note: `${detail(l, 'buffers')}; plain fetch ${detail(plain, 'buffers')}; page and ${measured} worker(s)`,
      },
    ];
  } finally {
    await c.dispose();
  }
}
