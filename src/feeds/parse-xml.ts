// Feed text to an XML document: parsed as is, repaired and parsed again when a real-world flaw
// stops the parser, and recognised as a web page when that is what the address returned.
import { toHttpUrl } from '../shared/url-rules.ts';
import { FeedError } from './feed-error.ts';
import { htmlEntity } from './plain-text.ts';
import { repairXml } from './repair-xml.ts';

const HTML_START =
  /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;

/** The parsed document; throws FeedError for web pages and for XML beyond repair. */
export function parseXml(text: string, feedUrl: string): Document {
  const trimmed = text.replace(/^[\s\uFEFF]+/, '');
  if (HTML_START.test(trimmed)) throw webPageError(trimmed, feedUrl);
  let doc = parse(trimmed);
  if (!doc) doc = parse(repairXml(trimmed, htmlEntity));
  if (!doc) {
    if (/<html[\s>]/i.test(trimmed.slice(0, 2048))) throw webPageError(trimmed, feedUrl);
    const words = trimmed ? 'the XML is broken' : 'it was empty';
    throw new FeedError(
      'broken-xml',
      `This address did not return a readable podcast feed (${words}).`,
    );
  }
  if (doc.documentElement.localName.toLowerCase() === 'html') {
    throw webPageError(trimmed, feedUrl);
  }
  return doc;
}

function parse(text: string): Document | undefined {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  return doc.getElementsByTagName('parsererror').length > 0 ? undefined : doc;
}

/** A web page instead of a feed: name the feed the page links to, if it links to one. */
export function webPageError(html: string, pageUrl: string): FeedError {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const link = page.querySelector(
    'link[rel~="alternate" i][type*="rss" i], link[rel~="alternate" i][type*="atom" i]',
  );
  const feed = toHttpUrl(link?.getAttribute('href'), pageUrl);
  const hint = feed
    ? ` The page names a feed at ${feed}: try that address.`
    : " Look on the podcast's site for its RSS feed address.";
  return new FeedError('html', `This address is a web page, not a podcast feed.${hint}`);
}
