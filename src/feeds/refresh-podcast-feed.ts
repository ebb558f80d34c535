// Refreshing a podcast, off the page's thread (feed worker) or with no page at all (service
// worker): a conditional fetch, the merge, and what the host said about asking again. A failure
// is recorded on the podcast in plain words, with the host's Retry-After.
import { getPodcast, listPodcasts } from '../db/library.ts';
import { markUnchanged, recordRefreshError, refreshFeed } from '../db/feed-store.ts';
import type { Episode } from '../db/schema.ts';
import { runLimited } from '../shared/run-limited.ts';
import { FeedError } from './feed-error.ts';
import { loadFeed } from './load-feed.ts';
import { REFRESH_WEB_PAGE_MESSAGE } from './web-page-error.ts';

/** How many of a refresh's new episodes are passed back whole (automatic downloads, news). */
export const NEWEST_KEPT = 3;

/** What refreshing one podcast did. */
export interface RefreshOutcome {
  podcastId: string;
  /** How many episodes are new. */
  added: number;
  /** The newest new episodes, newest first (at most NEWEST_KEPT). */
  newest: Episode[];
  /** The host said the feed has not changed. */
  unchanged: boolean;
  /** Not fetched: the host asked not to be asked again yet (automatic refreshes only). */
  skipped: boolean;
}

/**
 * Refreshes one podcast. `automatic` refreshes (background, on opening the app) respect the
 * host's Cache-Control and Retry-After; one the listener asked for does not wait. Throws
 * FeedError after recording it on the podcast.
 */
export async function refreshPodcastFeed(
  podcastId: string,
  options: { automatic?: boolean } = {},
): Promise<RefreshOutcome> {
  const podcast = await getPodcast(podcastId);
  if (!podcast) throw new FeedError('not-found', 'This podcast is no longer in your library.');
  const outcome = { podcastId, added: 0, newest: [], unchanged: false, skipped: false };
  if (options.automatic && (podcast.refreshNotBefore ?? 0) > Date.now()) {
    return { ...outcome, skipped: true };
  }
  try {
    const loaded = await loadFeed(podcast.feedUrl, podcast);
    if ('unchanged' in loaded) {
      await markUnchanged(podcastId, loaded.facts);
      return { ...outcome, unchanged: true };
    }
    const added = await refreshFeed(podcastId, loaded.feedUrl, loaded.feed, loaded.facts);
    const newest = [...added].sort((a, b) => b.publishedAt - a.publishedAt).slice(0, NEWEST_KEPT);
    return { ...outcome, added: added.length, newest };
  } catch (error) {
    const feedError =
      error instanceof FeedError
        ? refreshWords(error)
        : new FeedError('unreachable', error instanceof Error ? error.message : String(error));
    await recordRefreshError(podcastId, feedError.message, feedError.retryAt);
    throw feedError;
  }
}

/** A refresh's failure in words for a feed that worked before (a web page: a captive portal). */
function refreshWords(error: FeedError): FeedError {
  return error.kind === 'html' ? new FeedError('html', REFRESH_WEB_PAGE_MESSAGE) : error;
}

/** What an automatic refresh of the library did. */
export interface StaleRefresh {
  outcomes: RefreshOutcome[];
  failed: { podcastId: string; title: string; message: string }[];
}

/**
 * Refreshes, three at a time, every podcast last refreshed `olderThanMs` ago or more, as an
 * automatic refresh (the host's timing respected). One failure does not stop the others.
 */
export async function refreshStalePodcasts(olderThanMs: number): Promise<StaleRefresh> {
  const now = Date.now();
  const stale = (await listPodcasts()).filter(
    (podcast) => now - podcast.refreshedAt >= olderThanMs,
  );
  const result: StaleRefresh = { outcomes: [], failed: [] };
  await runLimited(stale, 3, async (podcast) => {
    try {
      const outcome = await refreshPodcastFeed(podcast.id, { automatic: true });
      result.outcomes.push(outcome);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.failed.push({ podcastId: podcast.id, title: podcast.title, message });
    }
  });
  return result;
}
