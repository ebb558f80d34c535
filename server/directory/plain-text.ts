// Directory text (names, authors, descriptions) as plain text: upstream answers are untrusted and
// some carry HTML ("<b>Show</b> &amp; Co"), control characters or bidi overrides that could make a
// name read as something else. React escapes whatever is left, so this is about meaning, not XSS.
import { decodeHTML } from 'entities';

/** Bidi overrides and isolates, zero-width spaces and marks, byte-order marks. */
const INVISIBLE = /[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** `value` as plain text of at most `max` characters ('' for anything not a string). */
export function plainText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  // Bounded before the regular expressions run, so a hostile megabyte name costs nothing.
  const text = decodeHTML(
    value
      .slice(0, max * 8)
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      // Inline elements sit inside words ("<b>B</b>old"); any other tag separates them.
      .replace(/<\/?(?:a|b|em|font|i|s|small|span|strong|sub|sup|u)\b[^>]*>/gi, '')
      .replace(/<\/?[a-z!][^>]*>/gi, ' ')
      // A tag the cap cut in half.
      .replace(/<\/?[a-z!][^>]*$/i, ' '),
  )
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
