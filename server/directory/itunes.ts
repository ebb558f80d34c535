// The iTunes Search API: podcast search (/search?media=podcast&entity=podcast&term=…) and lookup by
// Apple id (/lookup?id=1,2,3), both answering { resultCount, results: [...] } with one result per
// show: collectionName, artistName, feedUrl, artworkUrl30/60/100/600, trackCount, primaryGenreName.
import { MAX_RESULTS, type DirectoryPodcast } from './directory-podcast.ts';
import { MalformedAnswer } from './directory-failure.ts';
import { joinUrl } from './join-url.ts';
import { plainText } from './plain-text.ts';
import { count, httpUrl, numericId } from './safe-url.ts';

/** The search address for `term` in `country`'s store. */
export function itunesSearchUrl(base: URL, term: string, country: string): URL {
  const url = joinUrl(base, 'search');
  url.search = new URLSearchParams({
    media: 'podcast',
    entity: 'podcast',
    term,
    country,
    limit: String(MAX_RESULTS),
  }).toString();
  return url;
}

/** The lookup address for Apple podcast ids (the charts give ids, not feeds). */
export function itunesLookupUrl(base: URL, ids: number[], country: string): URL {
  const url = joinUrl(base, 'lookup');
  url.search = new URLSearchParams({
    id: ids.join(','),
    entity: 'podcast',
    country,
  }).toString();
  return url;
}

/** The podcasts of a search or lookup answer; throws MalformedAnswer when it is not one. */
export function normaliseItunes(json: unknown): DirectoryPodcast[] {
  const results = (json as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) throw new MalformedAnswer('Apple Podcasts');
  const podcasts: DirectoryPodcast[] = [];
  for (const result of results.slice(0, MAX_RESULTS * 4)) {
    const podcast = itunesPodcast(result);
    if (podcast) podcasts.push(podcast);
    if (podcasts.length === MAX_RESULTS) break;
  }
  return podcasts;
}

function itunesPodcast(value: unknown): DirectoryPodcast | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const result = value as Record<string, unknown>;
  // A lookup may also return the artist or an episode; only shows have feeds.
  if (result.kind !== undefined && result.kind !== 'podcast') return undefined;
  const feedUrl = httpUrl(result.feedUrl);
  const title = plainText(result.collectionName ?? result.trackName, 200);
  if (!feedUrl || !title) return undefined;
  return {
    feedUrl,
    title,
    author: plainText(result.artistName, 120),
    artworkUrl:
      httpUrl(result.artworkUrl600) ??
      httpUrl(result.artworkUrl100) ??
      httpUrl(result.artworkUrl60),
    genre: plainText(result.primaryGenreName, 60) || undefined,
    episodeCount: count(result.trackCount),
    appleId: numericId(result.collectionId ?? result.trackId),
    sources: ['apple'],
  };
}
