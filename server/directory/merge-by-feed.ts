// Results from several directories merged into one list: the same show found in two is one result,
// matched by its feed address (or by its Apple id, which Podcast Index records too). The first
// list's order leads; what it lacks (artwork, counts, description) the others fill in.
import { MAX_RESULTS, type DirectoryPodcast } from './directory-podcast.ts';

/**
 * A feed address reduced to what identifies the feed: the scheme, a leading "www.", the host's
 * case and a trailing slash vary between directories for the same feed.
 */
export function feedKey(feedUrl: string): string {
  const url = new URL(feedUrl);
  const host = url.host.toLowerCase().replace(/^www\./, '');
  return `${host}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}

/** One list, at most MAX_RESULTS long, each show once. */
export function mergeByFeed(lists: DirectoryPodcast[][]): DirectoryPodcast[] {
  const merged: DirectoryPodcast[] = [];
  const byFeed = new Map<string, DirectoryPodcast>();
  const byAppleId = new Map<number, DirectoryPodcast>();
  for (const podcast of lists.flat()) {
    const key = feedKey(podcast.feedUrl);
    const known = byFeed.get(key) ?? (podcast.appleId ? byAppleId.get(podcast.appleId) : undefined);
    if (known) {
      fill(known, podcast);
      continue;
    }
    if (merged.length === MAX_RESULTS) continue;
    const copy = { ...podcast, sources: [...podcast.sources] };
    merged.push(copy);
    byFeed.set(key, copy);
    if (copy.appleId) byAppleId.set(copy.appleId, copy);
  }
  return merged;
}

function fill(into: DirectoryPodcast, from: DirectoryPodcast): void {
  into.author ||= from.author;
  into.artworkUrl ??= from.artworkUrl;
  into.genre ??= from.genre;
  into.episodeCount ??= from.episodeCount;
  into.description ??= from.description;
  into.appleId ??= from.appleId;
  into.podcastIndexId ??= from.podcastIndexId;
  for (const source of from.sources) if (!into.sources.includes(source)) into.sources.push(source);
}
