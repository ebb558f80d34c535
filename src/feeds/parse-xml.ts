// Feed text to an XML tree: parsed as is, repaired and parsed again when a real-world flaw stops
// the parser, and recognised as a web page when that is what the address returned.
import { FeedError } from './feed-error.ts';
import { htmlEntity } from './plain-text.ts';
import { repairXml } from './repair-xml.ts';
import { webPageError } from './web-page-error.ts';
import { parseXmlTree, XmlSyntaxError, type XmlElement } from './xml-tree.ts';

const HTML_START =
  /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;

/** The document element; throws FeedError for web pages and for XML beyond repair. */
export function parseXml(text: string, feedUrl: string): XmlElement {
  const trimmed = text.replace(/^[\s\uFEFF]+/, '');
  if (HTML_START.test(trimmed)) throw webPageError(trimmed, feedUrl);
  const root = parse(trimmed) ?? parse(repairXml(trimmed, htmlEntity));
  if (!root) {
    if (/<html[\s>]/i.test(trimmed.slice(0, 2048))) throw webPageError(trimmed, feedUrl);
    const words = trimmed ? 'the XML is broken' : 'it was empty';
    throw new FeedError(
      'broken-xml',
      `This address did not return a readable podcast feed (${words}).`,
    );
  }
  if (root.local === 'html') throw webPageError(trimmed, feedUrl);
  return root;
}

/** The tree, or undefined when the text is not well-formed (a reason to repair it). */
export function parse(text: string): XmlElement | undefined {
  try {
    return parseXmlTree(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) return undefined;
    throw error;
  }
}
