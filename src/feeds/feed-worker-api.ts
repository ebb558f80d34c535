// What the feed worker does for the page: everything that reads a feed or stores one, so no
// parse and no bulk write runs on the thread that draws the UI. Each call settles to a Result,
// because a FeedError's kind would not survive being thrown across threads.
import type { EpisodeSnapshot, FeedSnapshot } from '../db/feed-snapshot.ts';
import { FeedError, type FeedErrorKind } from './feed-error.ts';
import { loadFeed } from './load-feed.ts';
import { parseOpml, type OpmlFeed } from './parse-opml.ts';
import {
  refreshPodcastFeed,
  refreshStalePodcasts,
  type RefreshOutcome,
  type StaleRefresh,
} from './refresh-podcast-feed.ts';
import { subscribeToFeed, type SubscribeTimings } from './subscribe-to-feed.ts';

/** A value, or the FeedError that stopped it, as plain data. */
export type Result<T> =
  | { ok: true; value: T }
  | { ok: false; error: { kind: FeedErrorKind; message: string; retryAt?: number } };

async function settle<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const feedError =
      error instanceof FeedError
        ? error
        : new FeedError('unreachable', error instanceof Error ? error.message : String(error));
    return {
      ok: false,
      error: { kind: feedError.kind, message: feedError.message, retryAt: feedError.retryAt },
    };
  }
}

/** A feed read for a preview: its podcast, its newest episodes and how many it has in all. */
export interface FeedPreviewRead {
  /** The address to subscribe to (where the feed moved, if it did). */
  feedUrl: string;
  podcast: FeedSnapshot['podcast'];
  episodes: EpisodeSnapshot[];
  total: number;
}

/** The worker's interface (comlink exposes it; unit tests call it directly). */
export const feedWorkerApi = {
  /** Subscribes; `shown` hears the podcast id as soon as the page can show it. */
  subscribe(
    feedUrl: string,
    shown: (podcastId: string) => void,
  ): Promise<Result<{ podcastId: string; timings: SubscribeTimings }>> {
    return settle(() => subscribeToFeed(feedUrl, shown));
  },
  /** Refreshes one podcast (see refreshPodcastFeed). */
  refresh(podcastId: string, automatic: boolean): Promise<Result<RefreshOutcome>> {
    return settle(() => refreshPodcastFeed(podcastId, { automatic }));
  },
  /** Refreshes every podcast not refreshed for `olderThanMs`. */
  refreshStale(olderThanMs: number): Promise<Result<StaleRefresh>> {
    return settle(() => refreshStalePodcasts(olderThanMs));
  },
  /** Reads a feed without storing it. */
  read(feedUrl: string): Promise<Result<FeedSnapshot>> {
    return settle(async () => {
      const loaded = await loadFeed(feedUrl);
      if ('unchanged' in loaded) throw new FeedError('unreachable', 'The feed came back empty.');
      return loaded.feed;
    });
  },
  /**
   * Reads a feed without storing it, for Discover's preview: only the newest `count` episodes
   * cross to the page, so a 5,000-episode feed costs the page no more than a small one.
   */
  preview(feedUrl: string, count: number): Promise<Result<FeedPreviewRead>> {
    return settle(async () => {
      const loaded = await loadFeed(feedUrl);
      if ('unchanged' in loaded) throw new FeedError('unreachable', 'The feed came back empty.');
      const { podcast, episodes } = loaded.feed;
      const newest = [...episodes].sort((a, b) => b.publishedAt - a.publishedAt).slice(0, count);
      return { feedUrl: loaded.feedUrl, podcast, episodes: newest, total: episodes.length };
    });
  },
  /** The feeds an OPML file lists. */
  parseOpml(text: string): Promise<Result<OpmlFeed[]>> {
    return settle(() => Promise.resolve(parseOpml(text)));
  },
};

export type FeedWorkerApi = typeof feedWorkerApi;
