// Numbers as a listener reads them: sizes, durations and dates.

/** 1536 → "1.5 KB"; sizes in decimal units as storage is sold. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** 3725 → "1 h 2 min"; 95 → "1 min 35 s". */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return s > 0 ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}

/**
 * One formatter for every date: `toLocaleDateString` with options builds a new one per call, which
 * took 42 ms of a podcast page's first render (bench 6 profile).
 */
let dates: Intl.DateTimeFormat | undefined;

/** A publication date, e.g. "16 Nov 2026"; empty when unknown. */
export function formatDate(timestamp: number): string {
  if (!timestamp) return '';
  dates ??= new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
  return dates.format(timestamp);
}
