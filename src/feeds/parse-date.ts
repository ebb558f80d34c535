// Publication dates as feeds really write them. RFC 822 dates with a wrong weekday, a named or
// "+02:00" time zone, a two-digit year or no seconds, US "June 5, 2024" dates, and ISO 8601.
// Parsed here rather than by Date.parse, which differs between Chromium, Firefox and Safari.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Hours from UTC of the zone names feeds use (ambiguous ones take their most common meaning). */
const ZONES = new Map(
  (
    'ut 0 utc 0 gmt 0 z 0 wet 0 bst 1 west 1 cet 1 cest 2 met 1 mest 2 eet 2 eest 3 msk 3 ist 5.5 ' +
    'sgt 8 hkt 8 awst 8 jst 9 kst 9 acst 9.5 aest 10 aedt 11 nzst 12 nzdt 13 ast -4 adt -3 ' +
    'est -5 edt -4 cst -6 cdt -5 mst -7 mdt -6 pst -8 pdt -7 akst -9 akdt -8 hst -10 nst -3.5'
  )
    .match(/\S+ \S+/g)
    ?.map((pair) => pair.split(' '))
    .map(([name, hours]): [string, number] => [name ?? '', Number(hours)]),
);

const TIME = String.raw`(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(am|pm)?)?\s*(.*)`;
// [weekday,] day month year [time] [zone]
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(?:[a-z]+\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,})\.?,?[\s-]+(\d{4}|\d{2})` +
    TIME,
  'i',
);
// [weekday,] month day, year [time] [zone]
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^(?:[a-z]+\.?,?\s+)?([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})` + TIME,
  'i',
);
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(.*)$/i;

/** Milliseconds since the epoch, or 0 when the text is not a date this reader understands. */
export function parseDate(value: string | undefined): number {
  const text = value?.trim();
  if (!text) return 0;
  const iso = ISO.exec(text);
  if (iso)
    return build(iso[1], monthNumber(iso[2]), iso[3], iso[4], iso[5], iso[6], undefined, iso[7]);
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) return build(dmy[3], monthIndex(dmy[2]), dmy[1], dmy[4], dmy[5], dmy[6], dmy[7], dmy[8]);
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) return build(mdy[3], monthIndex(mdy[1]), mdy[2], mdy[4], mdy[5], mdy[6], mdy[7], mdy[8]);
  return 0;
}

function monthIndex(name: string | undefined): number | undefined {
  const index = MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase());
  return index === -1 ? undefined : index;
}

function monthNumber(digits: string | undefined): number {
  return Number(digits) - 1;
}

function build(
  yearText: string | undefined,
  month: number | undefined,
  dayText: string | undefined,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  meridiem: string | undefined,
  zoneText: string | undefined,
): number {
  let year = Number(yearText);
  if (yearText?.length === 2) year += year < 50 ? 2000 : 1900;
  const day = Number(dayText);
  let hour = Number(hourText ?? 0);
  const minute = Number(minuteText ?? 0);
  const second = Number(secondText ?? 0);
  if (meridiem) hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  const offset = zoneOffsetMinutes(zoneText ?? '');
  const valid =
    month !== undefined &&
    month >= 0 &&
    month < 12 &&
    day >= 1 &&
    day <= 31 &&
    hour <= 24 &&
    minute < 60 &&
    second <= 60 &&
    offset !== undefined;
  if (!valid) return 0;
  return Date.UTC(year, month, day, hour, minute, second) - offset * 60_000;
}

/** Minutes east of UTC; no zone at all means UTC. Undefined for text that is not a zone. */
function zoneOffsetMinutes(zone: string): number | undefined {
  const text = zone.trim().replace(/^\(|\)$/g, '');
  if (!text) return 0;
  const numeric = /^(?:gmt|utc|ut)?\s*([+-])(\d{1,2})(?::?(\d{2}))?(?:\s.*)?$/i.exec(text);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES.get(/^[a-z]+/i.exec(text)?.[0]?.toLowerCase() ?? '');
  // An unknown zone name still leaves a usable date: off by hours at most, never by days.
  if (named !== undefined) return named * 60;
  return /^[a-z]/i.test(text) ? 0 : undefined;
}
