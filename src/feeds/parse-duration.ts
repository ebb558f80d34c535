// itunes:duration in the forms real feeds use: seconds ("3600", "3600.5"), MM:SS, HH:MM:SS, and
// the odd "1h 2m 3s". Minutes or seconds over 59 ("90:00") are read as written, not rejected.

const UNITS =
  /^(?:(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+(?:\.\d+)?)\s*m(?:in(?:utes?)?)?)?\s*(?:(\d+(?:\.\d+)?)\s*s(?:ec(?:onds?)?)?)?$/i;

/** Whole seconds, or undefined when the value is missing, zero or not a duration. */
export function parseDuration(value: string | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let seconds: number;
  if (/^\d+(\.\d+)?(:\d+(\.\d+)?){0,2}$/.test(text)) {
    seconds = text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
  } else {
    const units = UNITS.exec(text);
    if (!units || !(units[1] || units[2] || units[3])) return undefined;
    seconds = Number(units[1] ?? 0) * 3600 + Number(units[2] ?? 0) * 60 + Number(units[3] ?? 0);
  }
  return Number.isFinite(seconds) && seconds >= 1 ? Math.round(seconds) : undefined;
}
