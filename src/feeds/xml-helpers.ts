// Namespace-tolerant lookups in a parsed feed document: feeds spell prefixes and URIs many ways,
// so a namespace is a pattern matched against the element's URI or, failing that, its prefix.

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
export const ATOM = /w3\.org\/2005\/atom|^atom$/i;

function inNamespace(element: Element, ns: RegExp): boolean {
  return (
    ns.test(element.namespaceURI ?? '') || (element.prefix !== null && ns.test(element.prefix))
  );
}

// A feed item is asked for some 30 fields; scanning its children for each was most of the parse
// time for big feeds, so each element's children are grouped by lower-case local name once.
const childIndex = new WeakMap<Element, Map<string, Element[]>>();

function named(parent: Element, localName: string): Element[] | undefined {
  let index = childIndex.get(parent);
  if (!index) {
    index = new Map();
    for (let element = parent.firstElementChild; element; element = element.nextElementSibling) {
      const name = element.localName.toLowerCase();
      const list = index.get(name);
      if (list) list.push(element);
      else index.set(name, [element]);
    }
    childIndex.set(parent, index);
  }
  return index.get(localName);
}

/** Direct children of `parent` with this local name (lower case) in namespace `ns`. */
export function children(parent: Element, localName: string, ns: RegExp = PLAIN): Element[] {
  return named(parent, localName)?.filter((element) => inNamespace(element, ns)) ?? [];
}

/** The first direct child with this local name (lower case) in namespace `ns`. */
export function child(parent: Element, localName: string, ns: RegExp = PLAIN): Element | undefined {
  return named(parent, localName)?.find((element) => inNamespace(element, ns));
}

/** Trimmed text of an element, or undefined when absent or blank. */
export function textOf(element: Element | undefined): string | undefined {
  const text = element?.textContent?.trim();
  return text ? text : undefined;
}

/** Trimmed text of the first matching child, or undefined when absent or blank. */
export function childText(parent: Element, localName: string, ns?: RegExp): string | undefined {
  return textOf(child(parent, localName, ns));
}

/** A trimmed attribute value, or undefined when absent or blank. */
export function attr(element: Element | undefined, name: string): string | undefined {
  const value = element?.getAttribute(name)?.trim();
  return value ? value : undefined;
}
