// Load on loopback: 50 listeners stream media through the proxy at once for a bounded time, and the
// server's memory (its own process, read from its /metrics) stays flat. Figures: bench/proxy-load.ts.
import { expect, it } from 'vitest';
import { lateGrowthMiB, runProxyLoad } from '../../support/proxy-load.ts';

const STREAMS = 50;
const PACE = 256 * 1024;

it('proxies 50 concurrent media streams with flat memory', { timeout: 60_000 }, async () => {
  const result = await runProxyLoad({ streams: STREAMS, seconds: 8, bytesPerSecond: PACE });
  expect(result.failures).toBe(0);
  expect(result.openStreams).toBe(STREAMS);
  // Every stream got about its pace: nothing was starved or stalled.
  expect(result.mibPerSecond).toBeGreaterThan((0.8 * STREAMS * PACE) / 2 ** 20);
  // Flat: no growth once the streams are up (a leak of 1 KiB a chunk would add 5 MiB a third).
  expect(lateGrowthMiB(result.loaded)).toBeLessThan(8);
  // Bounded: 50 streams cost well under 2 MiB each over the one-stream baseline; the JS heap
  // does not grow with the bytes moved (about 100 MiB), since nothing is buffered.
  const peak = Math.max(...result.loaded.map((sample) => sample.rssMiB));
  expect(peak - result.oneStream.rssMiB).toBeLessThan(STREAMS * 2);
  expect(Math.max(...result.loaded.map((s) => s.heapMiB)) - result.idle.heapMiB).toBeLessThan(32);
});
