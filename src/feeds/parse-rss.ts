// RSS 2.0 (and RSS 1.0/RDF, whose items sit beside the channel) with the iTunes, content,
// Dublin Core, Media RSS and Podcasting 2.0 extensions.
import type { EpisodeSnapshot, FeedSnapshot } from '../db/library.ts';
import { toHttpUrl } from '../shared/url-rules.ts';
import { rssEnclosure } from './enclosure.ts';
import { parseDate } from './parse-date.ts';
import { parseDuration } from './parse-duration.ts';
import { mediaEnclosure, mediaThumbnail } from './parse-media.ts';
import { parseEpisodeExtras, parseFunding, parsePersons } from './parse-podcast-namespace.ts';
import { plainText } from './plain-text.ts';
import {
  attr,
  child,
  children,
  childText,
  CONTENT,
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
        toHttpUrl(attr(child(channel, 'image', ITUNES), 'href'), feedUrl) ??
        toHttpUrl(childText(child(channel, 'image') ?? channel, 'url'), feedUrl) ??
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
  const title = plainText(childText(item, 'title')) ?? plainText(childText(item, 'title', ITUNES));
  const link = toHttpUrl(childText(item, 'link'), base);
  const date = childText(item, 'pubdate') ?? childText(item, 'date', DUBLIN_CORE);
  return {
    guid: childText(item, 'guid') ?? enclosure?.url ?? link ?? `untitled:${title}|${date}`,
    title: title ?? 'Untitled episode',
    descriptionHtml:
      childText(item, 'encoded', CONTENT) ??
      childText(item, 'description') ??
      childText(item, 'summary', ITUNES) ??
      childText(child(item, 'group', MEDIA) ?? item, 'description', MEDIA) ??
      '',
    publishedAt: parseDate(date),
    durationSeconds: parseDuration(childText(item, 'duration', ITUNES)) ?? media?.durationSeconds,
    artworkUrl:
      toHttpUrl(attr(child(item, 'image', ITUNES), 'href'), base) ?? mediaThumbnail(item, base),
    enclosure,
    link,
    persons: parsePersons(item, base),
    ...parseEpisodeExtras(item, base),
  };
}
