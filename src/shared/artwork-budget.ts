// How much artwork is kept offline, and which to drop. Cache Storage holds it (ARTWORK_CACHE), one
// entry per image with its size in a header; the oldest stored goes first, episode artwork before
// podcast artwork (the tiles and pages need the podcast's; an episode falls back to it), and
// artwork no subscribed podcast or episode names goes at once.

/** Bytes all stored artwork may take together. */
export const ARTWORK_BUDGET_BYTES = 24 * 2 ** 20;
/** The largest image stored; a bigger one is shown online but not kept. */
export const MAX_ARTWORK_BYTES = 3 * 2 ** 20;
/** Response header of a stored image giving its size in bytes. */
export const ARTWORK_BYTES_HEADER = 'X-Longwave-Bytes';

/** Who still wants a stored image: a subscribed podcast, only episodes, or nobody. */
export type ArtworkUse = 'podcast' | 'episode' | undefined;

/** One stored image, in the order it was stored (oldest first). */
export interface StoredArtwork {
  key: string;
  bytes: number;
  use: ArtworkUse;
}

/** The keys to delete so that what stays is wanted and within `budget` bytes. */
export function planArtworkEviction(
  stored: StoredArtwork[],
  budget = ARTWORK_BUDGET_BYTES,
): string[] {
  const drop = new Set(stored.filter((entry) => entry.use === undefined).map((entry) => entry.key));
  let total = stored.reduce((sum, entry) => (drop.has(entry.key) ? sum : sum + entry.bytes), 0);
  for (const use of ['episode', 'podcast'] as const) {
    for (const entry of stored) {
      if (total <= budget) break;
      if (entry.use !== use) continue;
      drop.add(entry.key);
      total -= entry.bytes;
    }
  }
  return [...drop];
}
