// OPML subscription lists as podcast apps export them: outlines with xmlUrl at any depth (inside
// category folders too), attribute names in any case, duplicates listed once.
import { FeedError } from './feed-error.ts';
import { parse } from './parse-xml.ts';
import { htmlEntity } from './plain-text.ts';
import { repairXml } from './repair-xml.ts';
import type { XmlElement } from './xml-tree.ts';

/** One feed named in an OPML file. */
export interface OpmlFeed {
  url: string;
  title?: string;
}

/** The feeds in an OPML document; throws FeedError when the text is not OPML. */
export function parseOpml(text: string): OpmlFeed[] {
  const trimmed = text.replace(/^[\s\uFEFF]+/, '');
  const root = parse(trimmed) ?? parse(repairXml(trimmed, htmlEntity));
  if (!root || root.local !== 'opml') {
    throw new FeedError('not-a-feed', 'This file is not an OPML subscription list.');
  }
  const feeds = new Map<string, OpmlFeed>();
  for (const outline of outlines(root)) {
    const url = attribute(outline, 'xmlurl');
    if (!url || feeds.has(url)) continue;
    feeds.set(url, { url, title: attribute(outline, 'title') ?? attribute(outline, 'text') });
  }
  return [...feeds.values()];
}

/** Every <outline> element in document order, at any depth. */
function* outlines(element: XmlElement): Generator<XmlElement> {
  for (const node of element.nodes) {
    if (typeof node === 'string') continue;
    if (node.name === 'outline') yield node;
    yield* outlines(node);
  }
}

/** An attribute by lower-case name, whatever case the file used (xmlUrl, xmlurl, xmlURL). */
function attribute(element: XmlElement, lowerName: string): string | undefined {
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name.toLowerCase() === lowerName && value.trim()) return value.trim();
  }
  return undefined;
}
