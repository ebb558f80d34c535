// What a parsed feed gives the library, before anything has an id: the shapes the feed parsers
// produce and the feed store writes.
import type { Episode, Podcast } from './schema.ts';

/** What a feed says about one episode, before it has an id. */
export type EpisodeSnapshot = Omit<Episode, 'id' | 'podcastId' | 'playedAt'>;

/** What the fetch said about the feed itself, kept on the podcast for the next refresh. */
export type FeedFetchFacts = Pick<
  Podcast,
  'etag' | 'lastModified' | 'refreshNotBefore' | 'viaProxy'
>;

/** What a parsed feed gives: a podcast and its episodes, before they have ids. */
export interface FeedSnapshot {
  podcast: Omit<
    Podcast,
    'id' | 'feedUrl' | 'subscribedAt' | 'refreshedAt' | 'refreshError' | keyof FeedFetchFacts
  >;
  episodes: EpisodeSnapshot[];
  /** itunes:new-feed-url: where the publisher says the feed lives now. */
  newFeedUrl?: string;
}
