// Atom 1.0 (RFC 4287) podcast feeds: entries with rel="enclosure" links, text constructs in
// text/html/xhtml, and xml:base (on any element, relative to its parent's) for relative URLs.
// Feeds that forgot the Atom namespace are read too, and Atom 0.3's issued/modified dates.
import type { EpisodeSnapshot, FeedSnapshot } from '../db/feed-snapshot.ts';
import { toHttpUrl } from '../shared/url-rules.ts';
import { bestEnclosure, toEnclosure } from './enclosure.ts';
import { firstDate } from './parse-date.ts';
import { parseDuration } from './parse-duration.ts';
import { itunesImage, mediaEnclosure, mediaThumbnail, mediaTitle } from './parse-media.ts';
import { parseEpisodeExtras, parseFunding, parsePersons } from './parse-podcast-namespace.ts';
import { plainText } from './plain-text.ts';
import { serializeXml } from './serialize-xml.ts';
import { attr, child, children, childText, DUBLIN_CORE, ITUNES, textOf } from './xml-helpers.ts';
import type { XmlElement } from './xml-tree.ts';

const A = /^$|w3\.org\/2005\/atom|^atom$/i;

/** Reads an Atom <feed> element. */
export function parseAtom(feed: XmlElement, feedUrl: string): FeedSnapshot {
  const base = xmlBase(feed, feedUrl);
  return {
    podcast: {
      title: plainText(textOf(child(feed, 'title', A))) ?? 'Untitled podcast',
      author:
        plainText(childText(child(feed, 'author', A) ?? feed, 'name', A)) ??
        plainText(childText(feed, 'author', ITUNES)) ??
        '',
      description: htmlOf(child(feed, 'subtitle', A)) ?? childText(feed, 'summary', ITUNES) ?? '',
      link: linkHref(feed, 'alternate', base),
      artworkUrl:
        itunesImage(feed, base) ??
        textUrl(child(feed, 'logo', A), base) ??
        textUrl(child(feed, 'icon', A), base) ??
        mediaThumbnail(feed, base),
      funding: parseFunding(feed, base),
      persons: parsePersons(feed, base),
    },
    episodes: children(feed, 'entry', A).map((entry) => parseEntry(entry, base)),
    newFeedUrl: toHttpUrl(childText(feed, 'new-feed-url', ITUNES), base),
  };
}

function parseEntry(entry: XmlElement, feedBase: string): EpisodeSnapshot {
  const base = xmlBase(entry, feedBase);
  const enclosureLinks = children(entry, 'link', A).filter(
    (link) => attr(link, 'rel')?.toLowerCase() === 'enclosure',
  );
  const media = mediaEnclosure(entry, base);
  const enclosure =
    bestEnclosure(
      enclosureLinks.map((link) =>
        toEnclosure(
          attr(link, 'href'),
          attr(link, 'type'),
          attr(link, 'length'),
          xmlBase(link, base),
        ),
      ),
    ) ?? media?.enclosure;
  const title =
    plainText(textOf(child(entry, 'title', A))) ??
    plainText(childText(entry, 'title', DUBLIN_CORE)) ??
    plainText(mediaTitle(entry));
  const link = linkHref(entry, 'alternate', base);
  const dates = [
    childText(entry, 'published', A),
    childText(entry, 'updated', A),
    childText(entry, 'issued', A),
    childText(entry, 'modified', A),
    childText(entry, 'date', DUBLIN_CORE),
  ];
  const date = dates.find(Boolean);
  return {
    guid: childText(entry, 'id', A) ?? enclosure?.url ?? link ?? `untitled:${title}|${date}`,
    title: title ?? 'Untitled episode',
    descriptionHtml:
      htmlOf(child(entry, 'content', A)) ??
      htmlOf(child(entry, 'summary', A)) ??
      childText(entry, 'summary', ITUNES) ??
      '',
    publishedAt: firstDate(dates),
    durationSeconds: parseDuration(childText(entry, 'duration', ITUNES)) ?? media?.durationSeconds,
    artworkUrl: itunesImage(entry, base) ?? mediaThumbnail(entry, base),
    enclosure,
    link,
    persons: parsePersons(entry, base),
    ...parseEpisodeExtras(entry, base),
  };
}

/** A text construct as HTML: html as given, xhtml serialised, text escaped with line breaks. */
function htmlOf(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const type = attr(element, 'type')?.toLowerCase() ?? 'text';
  if (type === 'xhtml') {
    const container = child(element, 'div', /xhtml/i) ?? element;
    return serializeXml(container.nodes).trim() || undefined;
  }
  const text = textOf(element);
  if (!text || type === 'html' || type.includes('html')) return text;
  return text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\r?\n/g, '<br>');
}

/** The href of the first link with this rel (alternate is the default rel). */
function linkHref(parent: XmlElement, rel: string, base: string): string | undefined {
  const link = children(parent, 'link', A).find(
    (element) => (attr(element, 'rel')?.toLowerCase() ?? 'alternate') === rel,
  );
  return link && toHttpUrl(attr(link, 'href'), xmlBase(link, base));
}

/** An element whose text is a URL (logo, icon), resolved against its own xml:base. */
function textUrl(element: XmlElement | undefined, base: string): string | undefined {
  return element && toHttpUrl(textOf(element), xmlBase(element, base));
}

function xmlBase(element: XmlElement, base: string): string {
  const value = element.attributes['xml:base'];
  return (value && toHttpUrl(value, base)) || base;
}
