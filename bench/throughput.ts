// Measurement 1: the in-page downloader's throughput on a 200 MB episode against a plain fetch()
// with a streaming read of the same file, in the same browser (Chromium without Background
// Fetch, and Firefox). Baselines run before and after the download; their mean is the baseline.
import { setUpDownloadTest } from '../tests/support/download-fixture.ts';
import type { EngineName } from '../tests/support/engine.ts';
import { figure, MB, type Figure } from './figure.ts';
import { watchLastByte } from './support/last-byte.ts';
import { plainFetch, timedDownload } from './support/page-timing.ts';

const SIZE = 200 * MB;
const ENGINES: EngineName[] = ['chromium-in-page', 'firefox-in-page'];

/** Runs measurement 1 in each engine. */
export async function benchThroughput(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const engine of ENGINES) {
    const fixture = await setUpDownloadTest(engine, [SIZE, SIZE]);
    try {
      const { tab, media } = fixture;
      const [episode, other] = media.episodes;
      // The second episode is fetched as the baseline, so no cache can help either side.
      const before = await plainFetch(tab, media.audioUrl(other!.slug));
      const lastByte = watchLastByte(media, episode!.slug, SIZE);
      const download = await timedDownload(tab, episode!.title);
      lastByte.stop();
      const lastByteAt = (await lastByte.at) ?? download.doneAt;
      const after = await plainFetch(tab, media.audioUrl(other!.slug));
      const plainMBps = (2 * SIZE) / MB / ((before.ms + after.ms) / 1000);
      const appMBps = SIZE / MB / (download.ms / 1000);
      const f = figure({
        bench: '1 throughput',
        what: 'in-page download 200 MB',
        engine,
        value: appMBps,
        unit: 'MB/s',
        baseline: { what: 'plain fetch', value: plainMBps },
        target: 'ratio ≥ 0.95',
      });
      figures.push({
        ...f,
        met: (f.ratio ?? 0) >= 0.95,
        note: `download ${Math.round(download.ms)} ms = press → last byte ${lastByteAt - download.pressedAt} ms + last byte → downloaded ${download.doneAt - lastByteAt} ms; plain fetch ${Math.round(before.ms)} / ${Math.round(after.ms)} ms`,
      });
    } finally {
      await fixture.dispose();
    }
  }
  return figures;
}
