// Measurement 8: the server under load: 50 listeners stream media through the proxy at once for
// 20 s at 512 KiB/s each (tests/support/proxy-load.ts), the server in its own process. Its memory
// (resident set, JS heap) against the same server with one stream, in the same run.
import { figure, type Figure } from './figure.ts';
import { lateGrowthMiB, mean, runProxyLoad } from '../tests/support/proxy-load.ts';

const STREAMS = 50;
const PACE = 512 * 1024;

/** Runs measurement 8 (no browser). */
export async function benchProxyLoad(): Promise<Figure[]> {
  const r = await runProxyLoad({ streams: STREAMS, seconds: 20, bytesPerSecond: PACE });
  const later = r.loaded.slice(Math.floor(r.loaded.length / 3));
  const peakRss = Math.max(...r.loaded.map((s) => s.rssMiB));
  const peakHeap = Math.max(...r.loaded.map((s) => s.heapMiB));
  const growth = lateGrowthMiB(r.loaded);
  const settled = mean(later);
  const note =
    `idle RSS ${r.idle.rssMiB.toFixed(1)} MiB, heap ${r.idle.heapMiB.toFixed(1)} MiB; ` +
    `1 stream RSS ${r.oneStream.rssMiB.toFixed(1)} MiB; ${STREAMS} streams settled RSS ` +
    `${settled.rssMiB.toFixed(1)} MiB, floor growth over the last third ${growth.toFixed(1)} MiB; ` +
    `${r.openStreams} open at once, ${r.failures} failed, ${(r.bytes / 2 ** 20).toFixed(0)} MiB moved`;
  return [
    {
      ...figure({
        bench: '8 proxy load',
        what: `server RSS peak, ${STREAMS} streams`,
        engine: 'node',
        value: peakRss,
        unit: 'MiB',
        baseline: { what: '1 stream', value: r.oneStream.rssMiB },
        target: `≤ 1 stream + ${STREAMS * 2} MiB; flat (late floor growth ≤ 8 MiB)`,
      }),
      met: peakRss - r.oneStream.rssMiB <= STREAMS * 2 && growth <= 8 && r.failures === 0,
      note,
    },
    {
      ...figure({
        bench: '8 proxy load',
        what: `server JS heap peak, ${STREAMS} streams`,
        engine: 'node',
        value: peakHeap,
        unit: 'MiB',
        baseline: { what: 'idle', value: r.idle.heapMiB },
        target: '≤ idle + 32 MiB',
      }),
      met: peakHeap - r.idle.heapMiB <= 32,
    },
    {
      ...figure({
        bench: '8 proxy load',
        what: `throughput, ${STREAMS} streams`,
        engine: 'node',
        value: r.mibPerSecond,
        unit: 'MiB/s',
        baseline: { what: `${STREAMS} × pace`, value: (STREAMS * PACE) / 2 ** 20 },
        target: 'ratio ≥ 0.95',
      }),
      met: r.mibPerSecond >= (0.95 * STREAMS * PACE) / 2 ** 20,
    },
  ];
}
