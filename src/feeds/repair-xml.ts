// Second chance for feeds that are not well-formed XML in ways real hosts get wrong: text before
// the prolog, characters XML forbids, bare "&", HTML entities such as &nbsp;, and namespace
// prefixes used without a declaration. Browsers stop at the first such error, so the text is
// repaired and parsed again. CDATA sections and comments are left exactly as they are.
import { undeclaredPrefixUri } from './xml-tree.ts';

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const VERBATIM = /(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/;
// XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const AMPERSAND = /&(#\d+;|#x[0-9a-f]+;|([a-z][\w.-]*);)?/gi;

/** A best-effort well-formed version of `xml`; `htmlEntity` maps names like "eacute". */
export function repairXml(xml: string, htmlEntity: (name: string) => string | undefined): string {
  const text = xml.replace(/^[\s\uFEFF]+/, '').replace(FORBIDDEN_CHARACTERS, '');
  const repaired = text
    .split(VERBATIM)
    .map((part, index) => (index % 2 === 1 ? part : fixAmpersands(part, htmlEntity)))
    .join('');
  return declareMissingPrefixes(repaired);
}

function fixAmpersands(text: string, htmlEntity: (name: string) => string | undefined): string {
  return text.replace(AMPERSAND, (whole, reference?: string, name?: string) => {
    if (!reference) return '&amp;';
    if (!name || XML_ENTITIES.has(name)) return whole;
    const decoded = htmlEntity(name);
    if (decoded === undefined) return `&amp;${name};`;
    return Array.from(decoded, (char) => `&#${char.codePointAt(0)};`).join('');
  });
}

function declareMissingPrefixes(xml: string): string {
  // Blank out the prolog, doctype and comments (keeping offsets) to find the root's start tag.
  const blanked = xml.replace(/<[?!][\s\S]*?>/g, (markup) => ' '.repeat(markup.length));
  const root = /<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(blanked);
  if (!root) return xml;
  const declared = new Set(matchAll(root[2] ?? '', /xmlns:([\w.-]+)\s*=/g));
  const used = new Set([
    ...matchAll(xml, /<\/?([A-Za-z_][\w.-]*):[A-Za-z_]/g),
    ...matchAll(xml, /\s([A-Za-z_][\w.-]*):[A-Za-z_][\w.-]*\s*=\s*["']/g),
  ]);
  const missing = [...used].filter((p) => p !== 'xml' && p !== 'xmlns' && !declared.has(p));
  if (missing.length === 0) return xml;
  const declarations = missing
    .map((prefix) => ` xmlns:${prefix}="${undeclaredPrefixUri(prefix)}"`)
    .join('');
  const at = root.index + 1 + (root[1]?.length ?? 0);
  return xml.slice(0, at) + declarations + xml.slice(at);
}

function matchAll(text: string, pattern: RegExp): string[] {
  return Array.from(text.matchAll(pattern), (match) => match[1] ?? '');
}
