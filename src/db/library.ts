// Podcasts and their episodes: subscribe, merge a refreshed feed, unsubscribe, search, read back.
import { Dexie } from 'dexie';
import { db, episodesOf } from './database.ts';
import type { Download, Episode, Podcast } from './schema.ts';

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
 * most, so the newest are on screen early.
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
      const batch = newestFirst.slice(start, start * 10);
      await db.episodes.bulkAdd(
        batch.map((episode) => ({ ...episode, id: crypto.randomUUID(), podcastId })),
      );
    }
  })();
  return { podcastId, rest };
}

/**
 * Merges a refreshed feed into a podcast, moving it to `feedUrl` when the feed moved (unless
 * another subscription already has that address). Returns the episodes that are new.
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
    const taken = await db.podcasts.where('feedUrl').equals(feedUrl).first();
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

/**
 * Matches each incoming episode to a stored one by GUID, then by enclosure URL (hosts that change
 * GUIDs on migration), so a known episode keeps its id, and with it its download, and whatever
 * the listener did (played, position): the stored record is the base the feed's fields overwrite.
 * Episodes the feed no longer lists are kept. Only records whose feed fields changed are written,
 * found by comparing those fields (a handful of strings and numbers each), not whole records.
 */
function mergeEpisodes(known: Episode[], incoming: EpisodeSnapshot[], podcastId: string) {
  const byGuid = new Map(known.map((episode) => [episode.guid, episode]));
  const byUrl = new Map(known.map((episode) => [episode.enclosure?.url, episode]));
  // GUID matches first, across the whole feed, so no item takes another's record by URL.
  const matches = incoming.map((episode) => byGuid.get(episode.guid));
  const claimed = new Set(matches.map((match) => match?.id));
  incoming.forEach((episode, index) => {
    const byEnclosure = episode.enclosure && byUrl.get(episode.enclosure.url);
    if (!matches[index] && byEnclosure && !claimed.has(byEnclosure.id)) {
      matches[index] = byEnclosure;
      claimed.add(byEnclosure.id);
    }
  });
  const changed: Episode[] = [];
  const added: Episode[] = [];
  incoming.forEach((episode, index) => {
    const match = matches[index];
    const next: Episode = { ...match, ...episode, id: match?.id ?? crypto.randomUUID(), podcastId };
    if (!match) added.push(next);
    if (!match || !sameFeedFields(match, next)) changed.push(next);
  });
  return { changed, added };
}

/** Every field a feed sets on an episode; the compiler insists the list stays complete. */
const FEED_FIELDS = Object.keys({
  guid: true,
  title: true,
  descriptionHtml: true,
  publishedAt: true,
  durationSeconds: true,
  artworkUrl: true,
  enclosure: true,
  link: true,
  chaptersUrl: true,
  transcripts: true,
  persons: true,
} satisfies Record<keyof EpisodeSnapshot, true>) as (keyof EpisodeSnapshot)[];

/** Whether the feed's fields of two versions of an episode are equal. */
export function sameFeedFields(a: EpisodeSnapshot, b: EpisodeSnapshot): boolean {
  return FEED_FIELDS.every((field) => sameValue(a[field], b[field]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => sameValue(left[key], right[key]));
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

/** The podcast subscribed at this feed address, if any. */
export function findPodcastByFeedUrl(feedUrl: string): Promise<Podcast | undefined> {
  return db.podcasts.where('feedUrl').equals(feedUrl).first();
}

/** All podcasts, by title. */
export function listPodcasts(): Promise<Podcast[]> {
  return db.podcasts.toCollection().sortBy('title');
}

/** One podcast, or undefined. */
export function getPodcast(id: string): Promise<Podcast | undefined> {
  return db.podcasts.get(id);
}

/** Episodes read per request: one request's records are turned into objects in one task. */
const READ_PAGE = 500;

/** A podcast's episodes, newest first. */
export function listEpisodes(podcastId: string): Promise<Episode[]> {
  // Read forwards in pages and reverse here. Forwards, because backwards is a cursor step per
  // episode (several times slower for thousands); pages, because the page's thread builds the
  // objects, and 5,000 episodes from one getAll() were a 75–125 ms task in Chromium. A page ends
  // where its last date starts; that date's episodes are read whole, so none is read twice. One
  // transaction for all pages: each would otherwise queue behind the feed worker's writes.
  return db.transaction('r', db.episodes, async () => {
    const byDate = db.episodes.where('[podcastId+publishedAt]');
    const oldestFirst: Episode[] = [];
    let from: [string, number] = [podcastId, -Infinity];
    let fromOpen = false;
    for (;;) {
      const page = await byDate
        .between(from, [podcastId, Dexie.maxKey], !fromOpen)
        .limit(READ_PAGE)
        .toArray();
      if (page.length < READ_PAGE) {
        oldestFirst.push(...page);
        return oldestFirst.reverse();
      }
      const last = page[page.length - 1]!.publishedAt;
      oldestFirst.push(...page.filter((episode) => episode.publishedAt < last));
      oldestFirst.push(...(await byDate.equals([podcastId, last]).toArray()));
      from = [podcastId, last];
      fromOpen = true;
    }
  });
}

/** One episode, or undefined. */
export function getEpisode(id: string): Promise<Episode | undefined> {
  return db.episodes.get(id);
}

/** Turns automatic download of new episodes on or off for a podcast. */
export async function setAutoDownload(podcastId: string, on: boolean): Promise<void> {
  await db.podcasts.update(podcastId, { autoDownload: on || undefined });
}

/** Marks an episode played (now) or unplayed. */
export async function setPlayed(episodeId: string, played: boolean): Promise<void> {
  await db.episodes.update(episodeId, { playedAt: played ? Date.now() : undefined });
}

/** The download records of a podcast's episodes, whatever their state. */
export async function podcastDownloads(podcastId: string): Promise<Download[]> {
  const ids = await episodesOf(podcastId).primaryKeys();
  const downloads = await db.downloads.bulkGet(ids);
  return downloads.filter((download) => download !== undefined);
}

/** Removes a podcast and its episodes (their downloads must be removed first). */
export async function deletePodcast(podcastId: string): Promise<void> {
  await db.transaction('rw', db.podcasts, db.episodes, async () => {
    await episodesOf(podcastId).delete();
    await db.podcasts.delete(podcastId);
  });
}

/**
 * Episodes whose title or show notes contain every word of `query` (case and accents ignored),
 * newest first. A scan of the episodes table: tens of thousands of rows take milliseconds.
 */
export async function searchEpisodes(query: string, limit = 50): Promise<Episode[]> {
  const terms = foldText(query).split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const matches = (await db.episodes.toArray()).filter((episode) => {
    const title = foldText(episode.title);
    if (terms.every((term) => title.includes(term))) return true;
    const text = `${title} ${foldText(episode.descriptionHtml.replace(/<[^>]*>/g, ' '))}`;
    return terms.every((term) => text.includes(term));
  });
  return matches.sort((a, b) => b.publishedAt - a.publishedAt).slice(0, limit);
}

function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
