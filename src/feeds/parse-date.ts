// Publication dates as feeds really write them: RFC 822 with a wrong weekday, no space after the
// comma, a named, short North American or "+02:00" zone, a two-digit year or no seconds; US
// "June 5, 2024"; asctime ("Sun Nov  6 08:49:37 1994"); ISO 8601 / W3C-DTF down to a year alone,
// with milliseconds kept. Anything else is "no date" rather than a plausible wrong one: a day
// past the month's end, a time like "09:xx", an offset beyond ±14 hours, trailing junk.
// Parsed here rather than by Date.parse, which differs between Chromium, Firefox and Safari.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Hours from UTC of the zone names feeds use (ambiguous ones take their most common meaning). */
const ZONES = new Map(
  (
    'ut 0 utc 0 gmt 0 z 0 wet 0 bst 1 west 1 cet 1 cest 2 met 1 mest 2 eet 2 eest 3 msk 3 ist 5.5 ' +
    'sgt 8 hkt 8 awst 8 jst 9 kst 9 acst 9.5 aest 10 aedt 11 nzst 12 nzdt 13 ast -4 adt -3 ' +
    'est -5 edt -4 cst -6 cdt -5 mst -7 mdt -6 pst -8 pdt -7 akst -9 akdt -8 hst -10 nst -3.5 ' +
    // North American short forms, as standard time (RFC 822 section 5 and feedparser agree).
    'at -4 et -5 ct -6 mt -7 pt -8'
  )
    .match(/\S+ \S+/g)
    ?.map((pair) => pair.split(' '))
    .map(([name, hours]): [string, number] => [name ?? '', Number(hours)]),
);

const WEEKDAY = String.raw`(?:[a-z]+\.?(?:,\s*|\s+))?`;
const TIME = String.raw`(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,](\d+))?\s*(am|pm)?)?\s*(.*)`;
// [weekday,] day month year [time] [zone]
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,})\.?,?[\s-]+(\d{4}|\d{2})${TIME}`,
  'i',
);
// [weekday,] month day, year [time] [zone]
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^${WEEKDAY}([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}`,
  'i',
);
// asctime and date(1): weekday month day time [zone] year
const ASCTIME =
  /^[a-z]+\.?,?\s+([a-z]{3,})\.?\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([a-z]{1,5})\s+)?(\d{4})$/i;
// ISO 8601 / W3C-DTF, extended or basic, down to a year alone
const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?(?:[T\s](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?\s*(.*)$/i;

/** Milliseconds since the epoch, or 0 when the text is not a date this reader understands. */
export function parseDate(value: string | undefined): number {
  const text = value?.trim().replace(/\s+/g, ' ');
  if (!text) return 0;
  let m = ISO.exec(text);
  if (m) {
    // A zone needs a time to belong to: "2003 foo" is not 1 January 2003.
    if (m[4] === undefined && m[8]) return 0;
    return build(m[1], month(m[2] ?? '01'), m[3] ?? '1', m[4], m[5], m[6], m[7], '', m[8]);
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return build(m[3], monthIndex(m[2]), m[1], m[4], m[5], m[6], m[7], m[8], m[9]);
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return build(m[3], monthIndex(m[1]), m[2], m[4], m[5], m[6], m[7], m[8], m[9]);
  m = ASCTIME.exec(text);
  if (m) return build(m[7], monthIndex(m[1]), m[2], m[3], m[4], m[5], '', '', m[6]);
  return 0;
}

/** The first of `texts` that is a date (feeds give several candidates), or 0. */
export function firstDate(texts: readonly (string | undefined)[]): number {
  for (const text of texts) {
    const date = parseDate(text);
    if (date) return date;
  }
  return 0;
}

function monthIndex(name: string | undefined): number | undefined {
  const index = MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase());
  return index === -1 ? undefined : index;
}

function month(digits: string): number {
  return Number(digits) - 1;
}

function build(
  yearText: string | undefined,
  monthNumber: number | undefined,
  dayText: string | undefined,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  fraction: string | undefined,
  meridiem: string | undefined,
  zoneText: string | undefined,
): number {
  let year = Number(yearText);
  if (yearText?.length === 2) year += year < 50 ? 2000 : 1900;
  const day = Number(dayText);
  let hour = Number(hourText ?? 0);
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  const millis = Number((fraction ?? '').slice(0, 3).padEnd(3, '0'));
  if (meridiem) {
    if (hour < 1 || hour > 12) return 0;
    hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  }
  const offset = zoneOffsetMinutes(zoneText ?? '');
  const valid =
    monthNumber !== undefined &&
    monthNumber >= 0 &&
    monthNumber < 12 &&
    year >= 1900 &&
    day >= 1 &&
    day <= daysIn(year, monthNumber) &&
    (hour < 24 || (hour === 24 && minute === 0 && second === 0)) &&
    minute < 60 &&
    second <= 60 &&
    offset !== undefined;
  if (!valid) return 0;
  return Date.UTC(year, monthNumber, day, hour, minute, second, millis) - offset * 60_000;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, monthNumber: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return monthNumber === 1 && leap ? 29 : (DAYS_IN_MONTH[monthNumber] ?? 0);
}

/** Minutes east of UTC; no zone at all means UTC. Undefined for text that is not a zone. */
function zoneOffsetMinutes(zone: string): number | undefined {
  // A trailing comment such as "(UTC)" or "(Eastern Daylight Time)" says nothing more.
  const text = zone.replace(/\s*\([^)]*\)$/, '').trim();
  if (!text) return 0;
  const numeric = /^(?:gmt|utc|ut)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (numeric) {
    const hours = Number(numeric[2]);
    const minutes = Number(numeric[3] ?? 0);
    if (hours > 14 || minutes >= 60) return undefined;
    return (numeric[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  if (!/^[a-z]{1,5}$/i.test(text)) return undefined;
  // An unknown zone name still leaves a usable date: off by hours at most, never by days.
  return (ZONES.get(text.toLowerCase()) ?? 0) * 60;
}
