// The Podcast Index API: /api/1.0/search/byterm?q=… answers { status: "true", feeds: [...], count }
// with id, title, url (the feed), author, ownerName, image, artwork, description, itunesId,
// episodeCount and categories ({ "104": "Tv" }). Every request is signed: X-Auth-Key, X-Auth-Date
// (Unix seconds; the API allows a 5-minute window) and Authorization = sha1(key + secret + date)
// in lower-case hex, with a User-Agent naming the app. The secret stays on the server.
import { createHash } from 'node:crypto';
import { MAX_RESULTS, type DirectoryPodcast } from './directory-podcast.ts';
import { MalformedAnswer } from './directory-failure.ts';
import { joinUrl } from './join-url.ts';
import { plainText } from './plain-text.ts';
import { count, httpUrl, numericId } from './safe-url.ts';
import { USER_AGENT } from '../http/user-agent.ts';

/** The search address; a base that already ends in /api/1.0 is not given it twice. */
export function podcastIndexSearchUrl(base: URL, term: string): URL {
  const api = /\/api\/1\.0\/?$/.test(base.pathname) ? base : joinUrl(base, 'api/1.0');
  const url = joinUrl(api, 'search/byterm');
  url.search = new URLSearchParams({ q: term, max: String(MAX_RESULTS) }).toString();
  return url;
}

/** The signed headers for a request made at `nowMs`. */
export function podcastIndexHeaders(
  credentials: { key: string; secret: string },
  nowMs = Date.now(),
): Record<string, string> {
  const date = String(Math.floor(nowMs / 1000));
  return {
    'User-Agent': USER_AGENT,
    'X-Auth-Key': credentials.key,
    'X-Auth-Date': date,
    Authorization: createHash('sha1')
      .update(credentials.key + credentials.secret + date)
      .digest('hex'),
  };
}

/** The podcasts of a search answer; throws MalformedAnswer when it is not one. */
export function normalisePodcastIndex(json: unknown): DirectoryPodcast[] {
  const feeds = (json as { feeds?: unknown } | null)?.feeds;
  if (!Array.isArray(feeds)) throw new MalformedAnswer('Podcast Index');
  const podcasts: DirectoryPodcast[] = [];
  for (const feed of feeds.slice(0, MAX_RESULTS * 4)) {
    const podcast = indexPodcast(feed);
    if (podcast) podcasts.push(podcast);
    if (podcasts.length === MAX_RESULTS) break;
  }
  return podcasts;
}

function indexPodcast(value: unknown): DirectoryPodcast | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const feed = value as Record<string, unknown>;
  // A feed the index found dead (1) is no use to subscribe to.
  if (feed.dead === 1) return undefined;
  const feedUrl = httpUrl(feed.url);
  const title = plainText(feed.title, 200);
  if (!feedUrl || !title) return undefined;
  const categories =
    feed.categories && typeof feed.categories === 'object' ? Object.values(feed.categories) : [];
  return {
    feedUrl,
    title,
    author: plainText(feed.author || feed.ownerName, 120),
    artworkUrl: httpUrl(feed.artwork) ?? httpUrl(feed.image),
    genre: plainText(categories[0], 60) || undefined,
    episodeCount: count(feed.episodeCount),
    description: plainText(feed.description, 500) || undefined,
    appleId: numericId(feed.itunesId),
    podcastIndexId: numericId(feed.id),
    sources: ['podcastindex'],
  };
}
