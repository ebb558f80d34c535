// Namespace-tolerant lookups in a parsed feed (xml-tree.ts): feeds spell prefixes and URIs many
// ways, so a namespace is a pattern matched against the element's URI or, failing that, its prefix.
import { textContent, type XmlElement } from './xml-tree.ts';

/** Plain RSS elements: no namespace, or the default namespaces RSS 0.9x/1.0/2.0 feeds declare. */
export const PLAIN =
  /^$|^http:\/\/backend\.userland\.com\/rss2?$|^http:\/\/purl\.org\/rss\/1\.0\/?$|^http:\/\/my\.netscape\.com\/rdf\/simple\/0\.9\/?$/i;
/** iTunes, in every spelling seen in the wild (any case, http or https, with or without www). */
export const ITUNES = /itunes\.com\/dtds\/podcast-1\.0\.dtd|^itunes$/i;
/** The Podcasting 2.0 namespace under both of its published URIs. */
export const PODCAST =
  /podcastindex\.org\/namespace\/1\.0|podcastindex-org\/podcast-namespace|^podcast$/i;
export const CONTENT = /purl\.org\/rss\/1\.0\/modules\/content|^content$/i;
export const MEDIA = /search\.yahoo\.com\/mrss|^media$/i;
export const DUBLIN_CORE = /purl\.org\/dc\/elements\/1\.1|^dc$/i;
/** Dublin Core terms (dcterms:issued, dcterms:modified). */
export const DC_TERMS = /purl\.org\/dc\/terms|^dcterms$/i;
export const ATOM = /w3\.org\/2005\/atom|^atom$/i;
/** RSS 1.0's mod_enclosure (enc:enclosure rdf:resource=…). */
export const ENC = /purl\.oclc\.org\/net\/rss_2\.0\/enc|^enc$/i;

function inNamespace(element: XmlElement, ns: RegExp): boolean {
  return ns.test(element.uri) || (element.prefix !== '' && ns.test(element.prefix));
}

/** Direct child elements of `parent` with this local name (lower case), any namespace. */
function named(parent: XmlElement, localName: string): XmlElement[] {
  // A linear scan: an item has a dozen children, and a Map per element cost more in allocation
  // (and garbage collection) than the scans it saved.
  const found: XmlElement[] = [];
  for (const node of parent.nodes) {
    if (typeof node !== 'string' && node.local === localName) found.push(node);
  }
  return found;
}

/** Direct children of `parent` with this local name (lower case) in namespace `ns`. */
export function children(parent: XmlElement, localName: string, ns: RegExp = PLAIN): XmlElement[] {
  return named(parent, localName).filter((element) => inNamespace(element, ns));
}

/** The first direct child with this local name (lower case) in namespace `ns`. */
export function child(
  parent: XmlElement,
  localName: string,
  ns: RegExp = PLAIN,
): XmlElement | undefined {
  for (const node of parent.nodes) {
    if (typeof node !== 'string' && node.local === localName && inNamespace(node, ns)) return node;
  }
  return undefined;
}

/** Trimmed text of an element, or undefined when absent or blank. */
export function textOf(element: XmlElement | undefined): string | undefined {
  const text = element && textContent(element).trim();
  return text ? text : undefined;
}

/** Trimmed text of the first matching child, or undefined when absent or blank. */
export function childText(parent: XmlElement, localName: string, ns?: RegExp): string | undefined {
  return textOf(child(parent, localName, ns));
}

/** A trimmed attribute value, or undefined when absent or blank. */
export function attr(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.attributes[name]?.trim();
  return value ? value : undefined;
}
