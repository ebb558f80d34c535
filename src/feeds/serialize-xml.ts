// Atom's type="xhtml" content back to markup, as the DOM Parsing spec's XML serialisation (the
// browser's XMLSerializer) writes it: a top-level element declares its default namespace,
// empty XHTML void elements close with " />", other empty XHTML elements get an end tag.
import type { XmlNode } from './xml-tree.ts';

const XHTML = 'http://www.w3.org/1999/xhtml';
const VOID = new Set(
  'area base basefont bgsound br col embed frame hr img input keygen link menuitem meta param source track wbr'.split(
    ' ',
  ),
);

/** Markup for `nodes`, each serialised with no namespace in scope. */
export function serializeXml(nodes: readonly XmlNode[]): string {
  return nodes.map((node) => serializeNode(node, '')).join('');
}

function serializeNode(node: XmlNode, inheritedUri: string): string {
  if (typeof node === 'string') return escapeText(node);
  let start = `<${node.name}`;
  const declaresDefault = 'xmlns' in node.attributes;
  if (!node.prefix && !declaresDefault && node.uri !== inheritedUri) {
    start += ` xmlns="${escapeAttribute(node.uri)}"`;
  }
  for (const [name, value] of Object.entries(node.attributes)) {
    start += ` ${name}="${escapeAttribute(value)}"`;
  }
  const scope = node.prefix ? inheritedUri : node.uri;
  if (node.nodes.length === 0) {
    if (node.uri !== XHTML) return `${start}/>`;
    if (VOID.has(node.local)) return `${start} />`;
  }
  const inner = node.nodes.map((child) => serializeNode(child, scope)).join('');
  return `${start}>${inner}</${node.name}>`;
}

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) =>
    c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : '&gt;',
  );
}
