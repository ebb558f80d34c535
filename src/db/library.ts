// Reading the library: podcasts (also by any spelling of their feed address), a podcast's
// episodes in pages, one episode, a podcast's downloads, and search. Writes live in feed-store.ts
// (feeds), listener-marks.ts (played, automatic download) and remove-podcast.ts (unsubscribe).
import { Dexie } from 'dexie';
import { feedKey } from '../shared/feed-key.ts';
import { db, episodesOf } from './database.ts';
import type { Download, Episode, Podcast } from './schema.ts';

/** The podcast subscribed at this feed address, if any. */
export function findPodcastByFeedUrl(feedUrl: string): Promise<Podcast | undefined> {
  return db.podcasts.where('feedUrl').equals(feedUrl).first();
}

/**
 * The podcast subscribed at any of `addresses`, however each is spelt (http or https, "www.", a
 * trailing slash): a feed reached through a redirect or a moved address is still the same feed.
 */
export async function matchPodcast(addresses: string[]): Promise<Podcast | undefined> {
  const keys = new Set(addresses.map(feedKey).filter(Boolean));
  if (keys.size === 0) return undefined;
  // A library holds tens or hundreds of podcasts: a scan is cheaper than a second index.
  return (await db.podcasts.toArray()).find((podcast) => keys.has(feedKey(podcast.feedUrl)));
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

/** The download records of a podcast's episodes, whatever their state. */
export async function podcastDownloads(podcastId: string): Promise<Download[]> {
  const ids = await episodesOf(podcastId).primaryKeys();
  const downloads = await db.downloads.bulkGet(ids);
  return downloads.filter((download) => download !== undefined);
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
