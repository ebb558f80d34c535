// The figure for peak storage during a download: the origin's highest use while it ran, minus its
// use at the press, against the file's size.
import { figure, MB, type Figure } from '../figure.ts';
import type { TimedDownload } from './page-timing.ts';

const LIMIT = 1.1;

/** Peak storage of `download` against a file of `size` bytes; the target is ≤ 1.1× the file. */
export function storagePeakFigure(
  bench: string,
  engine: string,
  download: TimedDownload,
  size: number,
): Figure {
  const f = figure({
    bench,
    what: `peak storage, ${size / MB} MB`,
    engine,
    value: (download.usagePeak - download.usageBefore) / MB,
    unit: 'MB',
    baseline: { what: 'the file', value: size / MB },
    target: `ratio ≤ ${LIMIT}`,
  });
  return {
    ...f,
    met: (f.ratio ?? Infinity) <= LIMIT,
    note: `navigator.storage.estimate() at the press and every 25 ms until downloaded; ${(download.usageBefore / MB).toFixed(1)} MB in use before`,
  };
}
