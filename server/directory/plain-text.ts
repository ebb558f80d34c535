// Directory text (names, authors, descriptions) as plain text: upstream answers are untrusted and
// some carry HTML ("<b>Show</b> &amp; Co"), control characters or bidi overrides that could make a
// name read as something else. React escapes whatever is left, so this is about meaning, not XSS.
// Markup and references are read as the feed reader reads them (src/feeds/plain-text.ts).
import { plainText as readText } from '../../src/feeds/plain-text.ts';

/** Bidi overrides and isolates, zero-width spaces and marks, byte-order marks. */
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** `value` as plain text of at most `max` characters ('' for anything not a string). */
export function plainText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  // Bounded before any parsing, so a hostile megabyte name costs nothing; a tag the bound cut in
  // half goes too.
  const bounded = value.slice(0, max * 8).replace(/<\/?[a-z!][^>]*$/i, ' ');
  const text = (readText(bounded) ?? '')
    .replace(INVISIBLE, '')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
