// Artwork: shown from cache at once, refreshed in the background, kept within a bound.
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { registerRoute } from 'workbox-routing';
import { StaleWhileRevalidate } from 'workbox-strategies';
import { ARTWORK_CACHE } from '../src/shared/cache-names.ts';

/** Caches images the app shows; opaque responses are skipped (the browser pads their size). */
export function registerArtworkRoute(): void {
  registerRoute(
    ({ request }) => request.destination === 'image',
    new StaleWhileRevalidate({
      cacheName: ARTWORK_CACHE,
      plugins: [
        new CacheableResponsePlugin({ statuses: [200] }),
        new ExpirationPlugin({ maxEntries: 500, purgeOnQuotaError: true }),
      ],
    }),
  );
}
