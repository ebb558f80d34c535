// Audio from the media cache, with Range support so seeking works offline.
import { createPartialResponse } from 'workbox-range-requests';
import type { RouteHandlerCallback } from 'workbox-core/types.js';
import { registerRoute } from 'workbox-routing';
import { MEDIA_CACHE } from '../src/shared/cache-names.ts';

const serveMedia: RouteHandlerCallback = async ({ request }) => {
  const cache = await caches.open(MEDIA_CACHE);
  const cached = await cache.match(request.url, { ignoreVary: true });
  if (!cached) return fetch(request);
  return request.headers.has('Range') ? createPartialResponse(request, cached) : cached;
};

/** Answers audio and video requests from downloaded episodes, else from the network. */
export function registerMediaRoute(): void {
  registerRoute(
    ({ request }) => request.destination === 'audio' || request.destination === 'video',
    serveMedia,
  );
}
