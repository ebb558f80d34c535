// Measurement 4: bytes fetched beyond the file size when the connection drops five times during a
// download, in every engine. Baseline: the bytes fetched for the same size with no drops.
import { setUpDownloadTest } from '../tests/support/download-fixture.ts';
import { ENGINES } from '../tests/support/engine.ts';
import { figure, MIB, type Figure } from './figure.ts';
import { timedDownload } from './support/page-timing.ts';

const SIZE = 48 * MIB;
const DROPS = 5;
/** Not a multiple of the 1 MiB part, so each drop lands in the middle of a part. */
const DROP_AFTER = Math.round(6.3 * MIB);

/** Runs measurement 4 in each engine. */
export async function benchResumeWaste(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const engine of ENGINES) {
    const fixture = await setUpDownloadTest(engine, [SIZE, SIZE]);
    try {
      const { tab, media } = fixture;
      const [dropped, clean] = media.episodes;
      await timedDownload(tab, clean!.title, 120_000);
      const cleanBytes = media.bytesServed(clean!.slug);
      media.setFault(dropped!.slug, { drop: { afterBytes: DROP_AFTER, times: DROPS } });
      const run = await timedDownload(tab, dropped!.title, 180_000);
      const droppedBytes = media.bytesServed(dropped!.slug);
      const gets = media.requests.filter((r) => r.slug === dropped!.slug && r.method === 'GET');
      const wastePerDrop = (droppedBytes - SIZE) / DROPS;
      const f = figure({
        bench: '4 resume waste',
        what: `bytes fetched, ${DROPS} drops, 48 MiB`,
        engine,
        value: droppedBytes / MIB,
        unit: 'MiB',
        baseline: { what: 'no drops', value: cleanBytes / MIB },
        target: 'waste ≤ 1 MiB per drop',
      });
      figures.push({
        ...f,
        met: wastePerDrop <= MIB && gets.length > DROPS,
        note: `waste ${(wastePerDrop / 1024).toFixed(1)} KiB per drop; ${gets.length} GETs; ${Math.round(run.ms)} ms with retry waits`,
      });
    } finally {
      await fixture.dispose();
    }
  }
  return figures;
}
