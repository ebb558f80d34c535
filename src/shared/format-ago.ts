// How long ago something happened, as a listener says it: "just now", "5 minutes ago".

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** `timestamp` relative to `now`, e.g. "3 hours ago"; "just now" under a minute; "" if unknown. */
export function formatAgo(timestamp: number, now = Date.now()): string {
  if (!timestamp) return '';
  const elapsed = Math.max(0, now - timestamp);
  const words = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return words.format(-Math.floor(elapsed / ms), unit);
  }
  return 'just now';
}
