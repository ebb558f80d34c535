// Load on loopback: 50 listeners stream media through the proxy at once for a bounded time, and
// every one of them is served at its pace. The memory figures (flat, bounded) are measured in
// `npm run bench` (bench/proxy-load.ts), not asserted here: on a shared two-core machine a few
// seconds of RSS samples move with the collector and the neighbours.
import { expect, it } from 'vitest';
import { runProxyLoad } from '../../support/proxy-load.ts';

const STREAMS = 50;
const PACE = 256 * 1024;

it('proxies 50 concurrent media streams, none failed or starved', { timeout: 60_000 }, async () => {
  const result = await runProxyLoad({ streams: STREAMS, seconds: 8, bytesPerSecond: PACE });
  expect(result.failures).toBe(0);
  expect(result.openStreams).toBe(STREAMS);
  expect(result.mibPerSecond).toBeGreaterThan((0.8 * STREAMS * PACE) / 2 ** 20);
});
