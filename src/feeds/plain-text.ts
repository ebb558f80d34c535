// Text fields (titles, names) as a person reads them. Many feeds escape twice ("Q&amp;amp;A" or
// "Q&amp;A" inside CDATA), so character references left after XML parsing are decoded once more,
// and runs of whitespace from wrapped lines collapse to one space.
import { decodeHTML } from 'entities/decode';

const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z][a-z0-9]{1,31}));/gi;
const named = new Map<string, string | undefined>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
]);

/** What an HTML named character reference (e.g. "eacute") stands for, or undefined if unknown. */
export function htmlEntity(name: string): string | undefined {
  if (!named.has(name)) {
    // Decoded as an HTML parser decodes text: all 2,000-odd names, and the legacy ones that need
    // no semicolon ("&notit;" is "¬it;"). `name` is alphanumeric, so nothing else is read.
    const text = decodeHTML(`&${name};`);
    named.set(name, text !== `&${name};` ? text : undefined);
  }
  return named.get(name);
}

/** Decodes HTML character references (&amp;amp; &amp;#39; &amp;eacute; …); unknown ones stay. */
export function decodeEntities(text: string): string {
  return text.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name) return htmlEntity(name) ?? whole;
    const code = decimal ? Number(decimal) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Text for display: references decoded, whitespace collapsed; undefined when nothing is left. */
export function plainText(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const text = (value.includes('&') ? decodeEntities(value) : value).replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}
