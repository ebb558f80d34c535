// Reads an RSS 2.0 podcast feed (with the iTunes namespace) into a FeedSnapshot.
import type { FeedSnapshot } from '../db/library.ts';
import type { Enclosure } from '../db/schema.ts';
import { toHttpUrl } from '../shared/url-rules.ts';
import { FeedError } from './feed-error.ts';
import { parseDuration } from './parse-duration.ts';
import { child, childText, childrenNamed, ITUNES } from './xml-helpers.ts';

type EpisodeSnapshot = FeedSnapshot['episodes'][number];

/** Parses feed XML fetched from `feedUrl` (relative URLs resolve against it). */
export function parseFeed(xml: string, feedUrl: string): FeedSnapshot {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) {
    throw new FeedError('This address did not return a readable podcast feed (the XML is broken).');
  }
  const channel =
    doc.documentElement.localName === 'rss' ? child(doc.documentElement, 'channel') : undefined;
  if (!channel) throw new FeedError('This address returned XML, but not a podcast feed.');

  const artworkUrl =
    toHttpUrl(child(channel, 'image', ITUNES)?.getAttribute('href'), feedUrl) ??
    toHttpUrl(childText(child(channel, 'image') ?? channel, 'url'), feedUrl);
  return {
    podcast: {
      title: childText(channel, 'title') ?? 'Untitled podcast',
      author: childText(channel, 'author', ITUNES) ?? '',
      description: childText(channel, 'description') ?? childText(channel, 'summary', ITUNES) ?? '',
      link: toHttpUrl(childText(channel, 'link'), feedUrl),
      artworkUrl,
    },
    episodes: childrenNamed(channel, 'item').map((item) => parseItem(item, feedUrl)),
  };
}

function parseItem(item: Element, feedUrl: string): EpisodeSnapshot {
  const enclosure = parseEnclosure(item, feedUrl);
  const published = Date.parse(childText(item, 'pubDate') ?? '');
  return {
    guid:
      childText(item, 'guid') ?? enclosure?.url ?? childText(item, 'title') ?? crypto.randomUUID(),
    title: childText(item, 'title') ?? 'Untitled episode',
    descriptionHtml:
      childText(item, 'encoded') ??
      childText(item, 'description') ??
      childText(item, 'summary', ITUNES) ??
      '',
    publishedAt: Number.isNaN(published) ? 0 : published,
    durationSeconds: parseDuration(childText(item, 'duration', ITUNES)),
    artworkUrl: toHttpUrl(child(item, 'image', ITUNES)?.getAttribute('href'), feedUrl),
    enclosure,
  };
}

function parseEnclosure(item: Element, feedUrl: string): Enclosure | undefined {
  const element = child(item, 'enclosure');
  const url = toHttpUrl(element?.getAttribute('url'), feedUrl);
  if (!element || !url) return undefined;
  const length = Number(element.getAttribute('length'));
  return {
    url,
    type: element.getAttribute('type')?.trim() || 'audio/mpeg',
    length: Number.isFinite(length) && length > 0 ? length : 0,
  };
}
