// OPML subscription lists as podcast apps export them: outlines with xmlUrl at any depth (inside
// category folders too), attribute names in any case, duplicates listed once.
import { FeedError } from './feed-error.ts';
import { htmlEntity } from './plain-text.ts';
import { repairXml } from './repair-xml.ts';

/** One feed named in an OPML file. */
export interface OpmlFeed {
  url: string;
  title?: string;
}

/** The feeds in an OPML document; throws FeedError when the text is not OPML. */
export function parseOpml(text: string): OpmlFeed[] {
  const doc = parse(text) ?? parse(repairXml(text, htmlEntity));
  if (!doc || doc.documentElement.localName.toLowerCase() !== 'opml') {
    throw new FeedError('not-a-feed', 'This file is not an OPML subscription list.');
  }
  const feeds = new Map<string, OpmlFeed>();
  for (const outline of doc.getElementsByTagName('outline')) {
    const url = attribute(outline, 'xmlurl');
    if (!url || feeds.has(url)) continue;
    feeds.set(url, { url, title: attribute(outline, 'title') ?? attribute(outline, 'text') });
  }
  return [...feeds.values()];
}

function parse(text: string): Document | undefined {
  const doc = new DOMParser().parseFromString(text.replace(/^[\s\uFEFF]+/, ''), 'application/xml');
  return doc.getElementsByTagName('parsererror').length > 0 ? undefined : doc;
}

/** An attribute by lower-case name, whatever case the file used (xmlUrl, xmlurl, xmlURL). */
function attribute(element: Element, lowerName: string): string | undefined {
  for (const { name, value } of element.attributes) {
    if (name.toLowerCase() === lowerName && value.trim()) return value.trim();
  }
  return undefined;
}
