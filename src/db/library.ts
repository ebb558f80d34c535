// Podcasts and their episodes: subscribe, merge a refreshed feed, unsubscribe, search, read back.
import { Dexie } from 'dexie';
import { db } from './database.ts';
import type { Download, Episode, Podcast } from './schema.ts';

/** What a feed says about one episode, before it has an id. */
export type EpisodeSnapshot = Omit<Episode, 'id' | 'podcastId' | 'playedAt'>;

/** What a parsed feed gives: a podcast and its episodes, before they have ids. */
export interface FeedSnapshot {
  podcast: Omit<Podcast, 'id' | 'feedUrl' | 'subscribedAt' | 'refreshedAt' | 'refreshError'>;
  episodes: EpisodeSnapshot[];
  /** itunes:new-feed-url: where the publisher says the feed lives now. */
  newFeedUrl?: string;
}

/**
 * Stores a feed under its URL: a new subscription, or a refresh of the podcast already stored
 * there. Returns the podcast id.
 */
export async function saveFeed(feedUrl: string, feed: FeedSnapshot): Promise<string> {
  return db.transaction('rw', db.podcasts, db.episodes, async () => {
    const existing = await db.podcasts.where('feedUrl').equals(feedUrl).first();
    return (await writeFeed(existing, feedUrl, feed)).podcastId;
  });
}

/** How many of the newest episodes a new subscription stores before it is shown. */
const FIRST_BATCH = 100;
/** The rest are stored this many per transaction, so readers wait at most one chunk. */
const CHUNK = 1000;

/**
 * Subscribes to a feed not yet in the library so that a big feed shows at once: the podcast with
 * its newest episodes first, then the rest (`rest`) in chunks, yielding in between so the page can
 * read what it shows. Should a chunk fail (tab closed, storage full), the next refresh adds what
 * is missing. (Chromium stores about 4,000 episodes a second here; 5,000 would take too long.)
 */
export async function subscribeFeed(
  feedUrl: string,
  feed: FeedSnapshot,
): Promise<{ podcastId: string; rest: Promise<void> }> {
  const newestFirst = [...feed.episodes].sort((a, b) => b.publishedAt - a.publishedAt);
  const podcastId = await saveFeed(feedUrl, {
    ...feed,
    episodes: newestFirst.slice(0, FIRST_BATCH),
  });
  const rest = (async () => {
    for (let start = FIRST_BATCH; start < newestFirst.length; start += CHUNK) {
      await new Promise((resolve) => setTimeout(resolve, start === FIRST_BATCH ? 50 : 0));
      const chunk = newestFirst.slice(start, start + CHUNK);
      await db.episodes.bulkAdd(
        chunk.map((episode) => ({ ...episode, id: crypto.randomUUID(), podcastId })),
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
): Promise<Episode[]> {
  return db.transaction('rw', db.podcasts, db.episodes, async () => {
    const existing = await db.podcasts.get(podcastId);
    if (!existing) throw new Error('This podcast is no longer in your library.');
    const taken = await db.podcasts.where('feedUrl').equals(feedUrl).first();
    const url = taken && taken.id !== podcastId ? existing.feedUrl : feedUrl;
    return (await writeFeed(existing, url, feed)).added;
  });
}

async function writeFeed(
  existing: Podcast | undefined,
  feedUrl: string,
  feed: FeedSnapshot,
): Promise<{ podcastId: string; added: Episode[] }> {
  const now = Date.now();
  const podcastId = existing?.id ?? crypto.randomUUID();
  await db.podcasts.put({
    ...existing,
    ...feed.podcast,
    id: podcastId,
    feedUrl,
    subscribedAt: existing?.subscribedAt ?? now,
    refreshedAt: now,
    refreshError: undefined,
  });
  const known = existing ? await db.episodes.where('podcastId').equals(podcastId).toArray() : [];
  const { changed, added } = mergeEpisodes(known, feed.episodes, podcastId);
  await db.episodes.bulkPut(changed);
  return { podcastId, added };
}

/**
 * Matches each incoming episode to a stored one by GUID, then by enclosure URL (hosts that change
 * GUIDs on migration), so a known episode keeps its id, and with it its download, and whatever
 * the listener did (played, position): the stored record is the base the feed's fields overwrite.
 * Episodes the feed no longer lists are kept. Only records that changed are written.
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
    if (!match || JSON.stringify(match) !== JSON.stringify(next)) changed.push(next);
  });
  return { changed, added };
}

/** Records why the last refresh of a podcast failed. */
export async function recordRefreshError(podcastId: string, message: string): Promise<void> {
  await db.podcasts.update(podcastId, { refreshError: message });
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

/** A podcast's episodes, newest first. */
export async function listEpisodes(podcastId: string): Promise<Episode[]> {
  // Read forwards and reverse here: forwards is one getAll(), backwards a cursor step per episode
  // (several times slower for a podcast with thousands).
  const oldestFirst = await db.episodes
    .where('[podcastId+publishedAt]')
    .between([podcastId, Dexie.minKey], [podcastId, Dexie.maxKey])
    .toArray();
  return oldestFirst.reverse();
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
  const ids = await db.episodes.where('podcastId').equals(podcastId).primaryKeys();
  const downloads = await db.downloads.bulkGet(ids);
  return downloads.filter((download) => download !== undefined);
}

/** Removes a podcast and its episodes (their downloads must be removed first). */
export async function deletePodcast(podcastId: string): Promise<void> {
  await db.transaction('rw', db.podcasts, db.episodes, async () => {
    await db.episodes.where('podcastId').equals(podcastId).delete();
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
