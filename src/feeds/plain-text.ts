// Text fields (titles, names) as a person reads them. Many feeds escape twice ("Q&amp;amp;A" or
// "Q&amp;A" inside CDATA), so character references left after XML parsing are decoded once more;
// markup ("1930ft<sup>2</sup>") is read as HTML and only its text kept; runs of whitespace from
// wrapped lines collapse to one space.
import { decodeHTML } from 'entities/decode';
import { Parser } from 'htmlparser2';

const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z][a-z0-9]{1,31}));/gi;
const TAG = /<\/?[a-z][^<>]*>/i;
/** Elements that run on within a line: no space where they start or end. */
const INLINE = new Set(
  'a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub sup time u var'.split(
    ' ',
  ),
);
const UNSEEN = new Set(['script', 'style', 'template']);
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

/** Text for display: tags dropped, references decoded, whitespace collapsed; undefined if empty. */
export function plainText(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const decoded = TAG.test(value)
    ? htmlText(value)
    : value.includes('&')
      ? decodeEntities(value)
      : value;
  const text = decoded.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/** The text an HTML fragment shows, with a space where a block starts or ends. */
function htmlText(html: string): string {
  let text = '';
  let hidden = 0;
  const boundary = (name: string) => {
    if (!INLINE.has(name)) text += ' ';
  };
  const parser = new Parser({
    onopentag(name) {
      if (UNSEEN.has(name)) hidden += 1;
      boundary(name);
    },
    onclosetag(name) {
      if (UNSEEN.has(name)) hidden = Math.max(0, hidden - 1);
      boundary(name);
    },
    ontext(data) {
      if (hidden === 0) text += data;
    },
  });
  parser.end(html);
  return text;
}
