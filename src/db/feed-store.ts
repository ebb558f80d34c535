// Writing feeds into the library: a new subscription (shown early, the rest stored after), a
// refresh merged into a podcast, and what a refresh learnt or why it failed. Every episode write
// goes through mergeEpisodes inside a transaction, so writers that overlap (a Refresh pressed while
// a big subscription is still being stored) never store one episode twice.
import { db, episodesOf } from './database.ts';
import type { EpisodeSnapshot, FeedFetchFacts, FeedSnapshot } from './feed-snapshot.ts';
import { matchPodcast } from './library.ts';
import { mergeEpisodes } from './merge-episodes.ts';
import type { Episode, Podcast } from './schema.ts';

/**
 * Stores a feed under its URL: a new subscription, or a refresh of the podcast already stored
 * there. Returns the podcast id.
 */
export async function saveFeed(
  feedUrl: string,
  feed: FeedSnapshot,
  facts: FeedFetchFacts = {},
): Promise<string> {
  return db.transaction('rw', db.podcasts, db.episodes, async () => {
    const existing = await db.podcasts.where('feedUrl').equals(feedUrl).first();
    return (await writeFeed(existing, feedUrl, feed, facts)).podcastId;
  });
}

/** How many of the newest episodes a new subscription stores before it is shown. */
const FIRST_BATCH = 100;

/**
 * Subscribes to a feed not yet in the library so that a big feed shows at once: the podcast with
 * its newest episodes first, then the rest (`rest`) in transactions that each store ten times as
 * many as are stored already (100, then up to 1,000, then up to 10,000…). Should one fail (storage
 * full, the worker stopped), the next refresh adds what is missing. Runs in the feed worker, on no
 * thread the page draws on. Growing batches, not chunks of 1,000: each commit makes the page read
 * the whole list again, and those reads slowed the writes; a reader still waits for one batch at
 * most, so the newest are on screen early. Each batch adds only the episodes not stored yet, read
 * in its own transaction: a refresh that ran in between (or a feed already in the library) has
 * stored some of them, and adding them blindly stored them twice (150 episodes became 200 rows).
 */
export async function subscribeFeed(
  feedUrl: string,
  feed: FeedSnapshot,
  facts: FeedFetchFacts = {},
): Promise<{ podcastId: string; rest: Promise<void> }> {
  const newestFirst = [...feed.episodes].sort((a, b) => b.publishedAt - a.publishedAt);
  const podcastId = await saveFeed(
    feedUrl,
    { ...feed, episodes: newestFirst.slice(0, FIRST_BATCH) },
    facts,
  );
  const rest = (async () => {
    for (let start = FIRST_BATCH; start < newestFirst.length; start *= 10) {
      if (!(await addMissing(podcastId, newestFirst.slice(start, start * 10)))) return;
    }
  })();
  return { podcastId, rest };
}

/** Adds the episodes of `batch` the podcast lacks; false when the podcast is gone (unsubscribed). */
async function addMissing(podcastId: string, batch: EpisodeSnapshot[]): Promise<boolean> {
  return db.transaction('rw', db.podcasts, db.episodes, async () => {
    if (!(await db.podcasts.get(podcastId))) return false;
    const known = await episodesOf(podcastId).toArray();
    await db.episodes.bulkAdd(mergeEpisodes(known, batch, podcastId).added);
    return true;
  });
}

/**
 * Merges a refreshed feed into a podcast, moving it to `feedUrl` when the feed moved (unless
 * another subscription already has that address, spelt in any way). Returns the new episodes.
 */
export async function refreshFeed(
  podcastId: string,
  feedUrl: string,
  feed: FeedSnapshot,
  facts: FeedFetchFacts = {},
): Promise<Episode[]> {
  return db.transaction('rw', db.podcasts, db.episodes, async () => {
    const existing = await db.podcasts.get(podcastId);
    if (!existing) throw new Error('This podcast is no longer in your library.');
    const taken = await matchPodcast([feedUrl]);
    const url = taken && taken.id !== podcastId ? existing.feedUrl : feedUrl;
    return (await writeFeed(existing, url, feed, facts)).added;
  });
}

/** Records a refresh that found the feed unchanged (a 304, or the same validators). */
export async function markUnchanged(podcastId: string, facts: FeedFetchFacts): Promise<void> {
  await db.podcasts.update(podcastId, {
    ...definedFacts(facts),
    refreshedAt: Date.now(),
    refreshError: undefined,
  });
}

/** Records why the last refresh of a podcast failed, and when to try again if the host said. */
export async function recordRefreshError(
  podcastId: string,
  message: string,
  refreshNotBefore?: number,
): Promise<void> {
  await db.podcasts.update(podcastId, {
    refreshError: message,
    ...(refreshNotBefore ? { refreshNotBefore } : {}),
  });
}

async function writeFeed(
  existing: Podcast | undefined,
  feedUrl: string,
  feed: FeedSnapshot,
  facts: FeedFetchFacts,
): Promise<{ podcastId: string; added: Episode[] }> {
  const now = Date.now();
  const podcastId = existing?.id ?? crypto.randomUUID();
  await db.podcasts.put({
    ...existing,
    ...feed.podcast,
    // A response without validators clears the old ones: they no longer describe the feed.
    etag: facts.etag,
    lastModified: facts.lastModified,
    refreshNotBefore: facts.refreshNotBefore,
    viaProxy: facts.viaProxy ?? existing?.viaProxy,
    id: podcastId,
    feedUrl,
    subscribedAt: existing?.subscribedAt ?? now,
    refreshedAt: now,
    refreshError: undefined,
  });
  const known = existing ? await episodesOf(podcastId).toArray() : [];
  const { changed, added } = mergeEpisodes(known, feed.episodes, podcastId);
  await db.episodes.bulkPut(changed);
  return { podcastId, added };
}

/** `facts` without its undefined fields (Dexie's update would store them as deletions). */
function definedFacts(facts: FeedFetchFacts): FeedFetchFacts {
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
}
