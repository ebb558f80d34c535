// An unsubscribe drops the podcast's stored artwork at once: the page prunes when the set of
// subscribed podcasts changes (and not merely because the library was read).
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { db } from '../../../../src/db/database.ts';
import { pruneArtworkOnUnsubscribe } from '../../../../src/db/prune-artwork.ts';
import type { Podcast } from '../../../../src/db/schema.ts';
import { ARTWORK_BYTES_HEADER } from '../../../../src/shared/artwork-budget.ts';
import { artworkSrc } from '../../../../src/shared/artwork-url.ts';
import { ARTWORK_CACHE } from '../../../../src/shared/cache-names.ts';
import { memoryCaches } from '../storage/memory-caches.ts';

let stop: (() => void) | undefined;

beforeEach(async () => {
  vi.stubGlobal('caches', memoryCaches());
  await db.delete();
  await db.open();
});

afterEach(() => {
  stop?.();
  vi.unstubAllGlobals();
});

const keys = async () =>
  (await (await caches.open(ARTWORK_CACHE)).keys()).map((request) => request.url);

it("drops an unsubscribed podcast's artwork and keeps the others'", async () => {
  const art = (id: string) => `https://cdn.example/${id}.png`;
  await db.podcasts.bulkPut(['a', 'b'].map((id) => ({ id, artworkUrl: art(id) }) as Podcast));
  const cache = await caches.open(ARTWORK_CACHE);
  for (const id of ['a', 'b', 'gone'])
    await cache.put(
      artworkSrc(art(id))!,
      new Response('png', { headers: { [ARTWORK_BYTES_HEADER]: '3' } }),
    );
  stop = pruneArtworkOnUnsubscribe();
  // Opening the library prunes nothing (the service worker does that when it starts).
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await keys()).toHaveLength(3);
  await db.podcasts.delete('a');
  await vi.waitFor(async () => expect(await keys()).toEqual([artworkSrc(art('b'))]));
});
