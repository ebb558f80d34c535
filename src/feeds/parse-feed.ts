// Reads a podcast feed document (RSS 2.0, RSS 1.0/RDF or Atom) into a FeedSnapshot.
import type { EpisodeSnapshot, FeedSnapshot } from '../db/feed-snapshot.ts';
import { FeedError } from './feed-error.ts';
import { parseAtom } from './parse-atom.ts';
import { parseRss } from './parse-rss.ts';
import { parseXml } from './parse-xml.ts';
import { webPageError } from './web-page-error.ts';
import { child } from './xml-helpers.ts';

/** Parses feed text fetched from `feedUrl` (relative URLs resolve against it). */
export function parseFeed(xml: string, feedUrl: string): FeedSnapshot {
  const root = parseXml(xml, feedUrl);
  const name = root.local;
  const channel = child(root, 'channel');
  let feed: FeedSnapshot | undefined;
  if (name === 'rss' && channel) feed = parseRss(channel, channel, feedUrl);
  else if (name === 'rdf' && channel) feed = parseRss(channel, root, feedUrl);
  else if (name === 'feed') feed = parseAtom(root, feedUrl);
  else if (name === 'html') throw webPageError(xml, feedUrl);
  if (!feed) {
    throw new FeedError(
      'not-a-feed',
      'This address returned XML, but not a podcast feed (RSS or Atom).',
    );
  }
  feed.episodes = withUniqueGuids(feed.episodes);
  return feed;
}

/**
 * Feeds repeat GUIDs (copy-paste, templating bugs); the library keys episodes by GUID, so a repeat
 * falls back to its enclosure URL, then gets a counter, rather than overwriting an episode.
 */
function withUniqueGuids(episodes: EpisodeSnapshot[]): EpisodeSnapshot[] {
  const seen = new Set<string>();
  return episodes.map((episode) => {
    let guid = episode.guid;
    if (seen.has(guid) && episode.enclosure && !seen.has(episode.enclosure.url)) {
      guid = episode.enclosure.url;
    }
    for (let n = 2; seen.has(guid); n += 1) guid = `${episode.guid}#${n}`;
    seen.add(guid);
    return guid === episode.guid ? episode : { ...episode, guid };
  });
}
