// A feed's XML as a small tree of plain objects, read with saxes (a conforming, namespace-aware
// streaming XML parser): no DOM, so the same code runs on the page, in a Worker and in the service
// worker. Well-formedness errors stop the parse, exactly as a browser's XML parser does, so the
// caller can repair the text and try again (repair-xml.ts).
import { SaxesParser } from 'saxes';

/** One element: names as written and resolved, attributes by qualified name, children in order. */
export interface XmlElement {
  /** Qualified name as written, e.g. "itunes:image". */
  name: string;
  /** Local name in lower case: feeds spell the same tag in several cases. */
  local: string;
  /** Prefix as written, '' for none. */
  prefix: string;
  /** Namespace URI, '' for none. */
  uri: string;
  /** Attribute values by qualified name as written ("href", "xml:base"). */
  attributes: Record<string, string>;
  /** Child elements and text (character data and CDATA), in document order. */
  nodes: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** A well-formedness error: the text is not XML as it stands. */
export class XmlSyntaxError extends Error {
  override name = 'XmlSyntaxError';
}

/** URIs for prefixes feeds commonly use without declaring them. */
export const KNOWN_NAMESPACES: Readonly<Record<string, string>> = {
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  podcast: 'https://podcastindex.org/namespace/1.0',
  content: 'http://purl.org/rss/1.0/modules/content/',
  media: 'http://search.yahoo.com/mrss/',
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  googleplay: 'http://www.google.com/schemas/play-podcasts/1.0',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
};

/** The namespace a prefix used without a declaration stands for. */
export function undeclaredPrefixUri(prefix: string): string {
  return KNOWN_NAMESPACES[prefix.toLowerCase()] ?? `urn:x-longwave:undeclared:${prefix}`;
}

/** The document element of `text`; throws XmlSyntaxError when the text is not well-formed XML. */
export function parseXmlTree(text: string): XmlElement {
  // Undeclared prefixes (itunes: with no xmlns:itunes) are the commonest flaw in real feeds; they
  // resolve as repair-xml.ts would declare them, so such feeds need no second pass.
  const parser = new SaxesParser({
    xmlns: true,
    position: false,
    // saxes asks for the empty prefix too: no default namespace means no namespace at all.
    resolvePrefix: (prefix: string) => (prefix ? undeclaredPrefixUri(prefix) : undefined),
  });
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  const append = (data: string) => {
    open[open.length - 1]?.nodes.push(data);
  };
  parser.on('error', (error) => {
    throw new XmlSyntaxError(error.message);
  });
  parser.on('opentag', (tag) => {
    // No prototype: an attribute named "constructor" must not find Object's.
    const attributes = Object.create(null) as Record<string, string>;
    for (const name in tag.attributes) attributes[name] = tag.attributes[name]!.value;
    const element: XmlElement = {
      name: tag.name,
      local: tag.local.toLowerCase(),
      prefix: tag.prefix,
      uri: tag.uri,
      attributes,
      nodes: [],
    };
    const parent = open[open.length - 1];
    if (parent) parent.nodes.push(element);
    else root = element;
    open.push(element);
  });
  parser.on('closetag', () => void open.pop());
  parser.on('text', append);
  parser.on('cdata', append);
  parser.write(text).close();
  if (!root) throw new XmlSyntaxError('The document has no root element.');
  return root;
}

/** The concatenated text of an element and its descendants (the DOM's textContent). */
export function textContent(element: XmlElement): string {
  const { nodes } = element;
  if (nodes.length === 1 && typeof nodes[0] === 'string') return nodes[0];
  let text = '';
  for (const node of nodes) text += typeof node === 'string' ? node : textContent(node);
  return text;
}
