// RSS 2.0 and 0.9x, and RSS 1.0/0.90 (RDF, whose items sit beside the channel and are known by
// rdf:about), with the iTunes, content, Dublin Core, Media RSS and Podcasting 2.0 extensions.
// A field the usual element lacks falls back to the ones feeds put in its place.
import type { EpisodeSnapshot, FeedSnapshot } from '../db/feed-snapshot.ts';
import { toHttpUrl } from '../shared/url-rules.ts';
import { rssEnclosure } from './enclosure.ts';
import { firstDate } from './parse-date.ts';
import { parseDuration } from './parse-duration.ts';
import { itunesImage, mediaEnclosure, mediaThumbnail, mediaTitle } from './parse-media.ts';
import { parseEpisodeExtras, parseFunding, parsePersons } from './parse-podcast-namespace.ts';
import { plainText } from './plain-text.ts';
import {
  attr,
  child,
  children,
  childText,
  CONTENT,
  DC_TERMS,
  DUBLIN_CORE,
  ITUNES,
  MEDIA,
} from './xml-helpers.ts';
import type { XmlElement } from './xml-tree.ts';

/** Reads `channel`; its items are children of `itemParent` (the channel, or RDF's root). */
export function parseRss(
  channel: XmlElement,
  itemParent: XmlElement,
  feedUrl: string,
): FeedSnapshot {
  return {
    podcast: {
      title:
        plainText(childText(channel, 'title')) ??
        plainText(childText(channel, 'title', ITUNES)) ??
        plainText(childText(channel, 'title', DUBLIN_CORE)) ??
        'Untitled podcast',
      author:
        plainText(
          childText(channel, 'author', ITUNES) ??
            childText(channel, 'creator', DUBLIN_CORE) ??
            childText(channel, 'managingeditor'),
        ) ?? '',
      description:
        childText(channel, 'description') ??
        childText(channel, 'summary', ITUNES) ??
        childText(channel, 'subtitle', ITUNES) ??
        '',
      link: toHttpUrl(childText(channel, 'link'), feedUrl),
      artworkUrl:
        itunesImage(channel, feedUrl) ??
        toHttpUrl(childText(child(channel, 'image') ?? channel, 'url'), feedUrl) ??
        // RSS 1.0 puts <image> beside the channel, as it does items.
        toHttpUrl(childText(child(itemParent, 'image') ?? channel, 'url'), feedUrl) ??
        mediaThumbnail(channel, feedUrl),
      funding: parseFunding(channel, feedUrl),
      persons: parsePersons(channel, feedUrl),
    },
    episodes: children(itemParent, 'item').map((item) => parseItem(item, feedUrl)),
    newFeedUrl: toHttpUrl(childText(channel, 'new-feed-url', ITUNES), feedUrl),
  };
}

function parseItem(item: XmlElement, base: string): EpisodeSnapshot {
  const media = mediaEnclosure(item, base);
  const enclosure = rssEnclosure(item, base) ?? media?.enclosure;
  const title =
    plainText(childText(item, 'title')) ??
    plainText(childText(item, 'title', ITUNES)) ??
    plainText(childText(item, 'title', DUBLIN_CORE)) ??
    plainText(mediaTitle(item));
  const guid = childText(item, 'guid');
  const link = toHttpUrl(childText(item, 'link'), base) ?? permalink(item, guid);
  const dates = [
    childText(item, 'pubdate'),
    childText(item, 'date', DUBLIN_CORE),
    childText(item, 'issued', DC_TERMS),
    childText(item, 'modified', DC_TERMS),
  ];
  const date = dates.find(Boolean);
  return {
    guid: guid ?? attr(item, 'rdf:about') ?? enclosure?.url ?? link ?? `untitled:${title}|${date}`,
    title: title ?? 'Untitled episode',
    descriptionHtml:
      childText(item, 'encoded', CONTENT) ??
      childText(item, 'description') ??
      childText(item, 'summary', ITUNES) ??
      childText(child(item, 'group', MEDIA) ?? item, 'description', MEDIA) ??
      '',
    publishedAt: firstDate(dates),
    durationSeconds: parseDuration(childText(item, 'duration', ITUNES)) ?? media?.durationSeconds,
    artworkUrl: itunesImage(item, base) ?? mediaThumbnail(item, base),
    enclosure,
    link,
    persons: parsePersons(item, base),
    ...parseEpisodeExtras(item, base),
  };
}

/** A guid that is a permalink (RSS 2.0: unless isPermaLink="false") to an http(s) page. */
function permalink(item: XmlElement, guid: string | undefined): string | undefined {
  if (attr(child(item, 'guid'), 'isPermaLink')?.toLowerCase() === 'false') return undefined;
  // Only an absolute URL: a relative "guid" is an identifier, not an address.
  return toHttpUrl(guid);
}
