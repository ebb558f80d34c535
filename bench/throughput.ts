// Measurement 1: the in-page downloader's throughput on a 200 MB episode against a plain fetch()
// with a streaming read of the same file, in the same browser (Chromium without Background
// Fetch, and Firefox). Baselines run before and after the download; their mean is the baseline.
// Twice: as fast as loopback allows (host, browser and storage then share two cores, so this is
// a CPU race), and with the host paced like a fast home connection (the network sets the pace).
// The peak storage of the unpaced download is reported too.
import { setUpDownloadTest } from '../tests/support/download-fixture.ts';
import type { EngineName } from '../tests/support/engine.ts';
import type { MediaServer } from '../tests/support/media-server.ts';
import { figure, MB, type Figure } from './figure.ts';
import { watchLastByte } from './support/last-byte.ts';
import { plainFetch, timedDownload } from './support/page-timing.ts';
import { storagePeakFigure } from './support/storage-peak.ts';

const SIZE = 200 * MB;
/** 25 MB/s = 200 Mbit/s, a fast home connection. */
const PACE = 25 * MB;
const TARGET = 0.9;
const ENGINES: EngineName[] = ['chromium-in-page', 'firefox-in-page'];

/** Runs measurement 1 in each engine. */
export async function benchThroughput(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const engine of ENGINES) {
    const fixture = await setUpDownloadTest(engine, [SIZE, SIZE, SIZE]);
    try {
      const [loopback, paced, baseline] = fixture.media.episodes;
      const run = (slug: string, title: string, pace?: number) =>
        timeAgainstPlainFetch(fixture.tab, fixture.media, { slug, title }, baseline!.slug, pace);
      const fast = await run(loopback!.slug, loopback!.title);
      figures.push(throughputFigure(engine, 'loopback', fast));
      figures.push(storagePeakFigure('1 throughput', engine, fast.download, SIZE));
      const slow = await run(paced!.slug, paced!.title, PACE);
      figures.push(throughputFigure(engine, `host paced at ${PACE / MB} MB/s`, slow));
    } finally {
      await fixture.dispose();
    }
  }
  return figures;
}

type Timed = Awaited<ReturnType<typeof timeAgainstPlainFetch>>;

/** Downloads `episode` in the app between two plain fetches of the baseline file. */
async function timeAgainstPlainFetch(
  tab: Parameters<typeof plainFetch>[0],
  media: MediaServer,
  episode: { slug: string; title: string },
  baselineSlug: string,
  pace?: number,
) {
  // The baseline is another file, so no cache can help either side; both get the same pace.
  for (const slug of [episode.slug, baselineSlug]) media.setFault(slug, { bytesPerSecond: pace });
  const before = await plainFetch(tab, media.audioUrl(baselineSlug));
  const lastByte = watchLastByte(media, episode.slug, SIZE);
  const download = await timedDownload(tab, episode.title);
  lastByte.stop();
  const lastByteAt = (await lastByte.at) ?? download.doneAt;
  const after = await plainFetch(tab, media.audioUrl(baselineSlug));
  return { before, after, download, lastByteAt };
}

function throughputFigure(engine: string, how: string, t: Timed): Figure {
  const plainMBps = (2 * SIZE) / MB / ((t.before.ms + t.after.ms) / 1000);
  const f = figure({
    bench: '1 throughput',
    what: `in-page download 200 MB, ${how}`,
    engine,
    value: SIZE / MB / (t.download.ms / 1000),
    unit: 'MB/s',
    baseline: { what: 'plain fetch', value: plainMBps },
    target: `ratio ≥ ${TARGET}`,
  });
  const { ms, pressedAt, doneAt } = t.download;
  return {
    ...f,
    met: (f.ratio ?? 0) >= TARGET,
    note: `download ${Math.round(ms)} ms = press → last byte ${t.lastByteAt - pressedAt} ms + last byte → downloaded ${doneAt - t.lastByteAt} ms; plain fetch ${Math.round(t.before.ms)} / ${Math.round(t.after.ms)} ms`,
  };
}
