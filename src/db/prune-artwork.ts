// Keeps stored artwork (Cache Storage) to what the library names and within its budget. Run by
// the service worker after it stores an image and by the page when the subscriptions change.
import { liveQuery } from 'dexie';
import {
  ARTWORK_BYTES_HEADER,
  planArtworkEviction,
  type ArtworkUse,
  type StoredArtwork,
} from '../shared/artwork-budget.ts';
import { artworkTargetOf } from '../shared/artwork-url.ts';
import { ARTWORK_CACHE } from '../shared/cache-names.ts';
import { db } from './database.ts';

/** Each artwork URL the library names, and whether a podcast or only episodes use it. */
export async function artworkInUse(): Promise<Map<string, ArtworkUse>> {
  const uses = new Map<string, ArtworkUse>();
  await db.episodes.each((episode) => {
    if (episode.artworkUrl) uses.set(episode.artworkUrl, 'episode');
  });
  for (const podcast of await db.podcasts.toArray()) {
    if (podcast.artworkUrl) uses.set(podcast.artworkUrl, 'podcast');
  }
  return uses;
}

let running: Promise<void> | undefined;
let again = false;

/** Deletes stored artwork nobody uses and, oldest first, what is over the budget. */
export function pruneArtwork(budget?: number): Promise<void> {
  // One at a time: a prune asked for while one runs runs once more after it.
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await pruneOnce(budget);
    } while (again);
  })().finally(() => {
    running = undefined;
  });
  return running;
}

async function pruneOnce(budget?: number): Promise<void> {
  if (typeof caches === 'undefined') return;
  const cache = await caches.open(ARTWORK_CACHE);
  const uses = await artworkInUse();
  const stored: StoredArtwork[] = [];
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    // Background Fetch stores artwork under its own URL; the artwork route under /artwork?url=.
    const target = artworkTargetOf(new URL(request.url)) ?? request.url;
    stored.push({
      key: request.url,
      bytes:
        Number(
          response?.headers.get(ARTWORK_BYTES_HEADER) ??
            response?.headers.get('Content-Length') ??
            0,
        ) || 0,
      use: uses.get(target),
    });
  }
  for (const key of planArtworkEviction(stored, budget)) await cache.delete(key);
}

/** Prunes whenever the subscribed podcasts change, so an unsubscribe drops its artwork at once. */
export function pruneArtworkOnUnsubscribe(): () => void {
  let last: string | undefined;
  const subscription = liveQuery(() => db.podcasts.toCollection().primaryKeys()).subscribe({
    next: (ids) => {
      const now = ids.map(String).sort().join('\n');
      // The first reading is how the library opened: the service worker prunes then already.
      if (last !== undefined && now !== last) void pruneArtwork().catch(console.error);
      last = now;
    },
    error: console.error,
  });
  return () => subscription.unsubscribe();
}
