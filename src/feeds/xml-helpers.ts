// Namespace-tolerant lookups in a parsed feed document: feeds spell prefixes and URIs many ways.

/** Direct children of `parent` whose local name matches (case-insensitive). */
export function childrenNamed(parent: Element, localName: string): Element[] {
  const wanted = localName.toLowerCase();
  return Array.from(parent.children).filter((child) => child.localName.toLowerCase() === wanted);
}

/** The first direct child with that local name, optionally only in a namespace matching `ns`. */
export function child(parent: Element, localName: string, ns?: RegExp): Element | undefined {
  return childrenNamed(parent, localName).find(
    (element) => !ns || ns.test(element.namespaceURI ?? '') || ns.test(element.prefix ?? ''),
  );
}

/** Trimmed text of the first matching child, or undefined when absent or empty. */
export function childText(parent: Element, localName: string, ns?: RegExp): string | undefined {
  const text = child(parent, localName, ns)?.textContent?.trim();
  return text ? text : undefined;
}

/** Matches the iTunes namespace in every spelling seen in the wild, or its bare prefix. */
export const ITUNES = /itunes\.com\/dtds\/podcast-1\.0\.dtd|^itunes$/i;
