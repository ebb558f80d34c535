// Artwork at the app's own address, /artwork?url=<http(s) URL> (src/shared/artwork-url.ts): served
// from Cache Storage first, so the library, the player and the lock screen show it offline. On a
// miss it is fetched with CORS, or through the app's proxy when the host sends no CORS headers (an
// opaque answer could be neither checked nor measured); only a real raster image within
// MAX_ARTWORK_BYTES is stored, then the cache is pruned to the budget (src/db/prune-artwork.ts).
import { registerRoute } from 'workbox-routing';
import { pruneArtwork } from '../src/db/prune-artwork.ts';
import { ARTWORK_BYTES_HEADER, MAX_ARTWORK_BYTES } from '../src/shared/artwork-budget.ts';
import { artworkTargetOf } from '../src/shared/artwork-url.ts';
import { ARTWORK_CACHE } from '../src/shared/cache-names.ts';
import { mayBeImage, sniffImageType } from '../src/shared/image-type.ts';
import { proxiedUrl } from '../src/shared/proxy-url.ts';
import { readCapped } from '../src/shared/read-capped.ts';

declare const self: ServiceWorkerGlobalScope;

/** Why an answer is not kept as artwork. */
class NotArtwork extends Error {}

/** Answers /artwork?url= from the cache, else from the network (storing what is artwork). */
export async function serveArtwork(request: Request, target: string): Promise<Response> {
  const cache = await caches.open(ARTWORK_CACHE);
  // Background Fetch keeps an episode's artwork under its own URL (sw/background-fetch-events.ts).
  const stored = (await cache.match(request.url)) ?? (await storedByUrl(cache, target));
  if (stored) return stored;
  let answer: Response;
  try {
    answer = await fetchArtwork(target);
  } catch {
    return failure(504, 'The artwork could not be fetched, and none is stored on this device.');
  }
  try {
    const image = await readImage(answer);
    // A full disk keeps the image from being stored, not from being shown.
    const kept = await cache.put(request.url, image.clone()).then(
      () => true,
      () => false,
    );
    if (kept) void pruneArtwork().catch(console.error);
    return image;
  } catch (error) {
    if (!(error instanceof NotArtwork))
      return failure(502, 'The artwork stopped arriving before its end.');
    // Too large to keep is still shown while online; anything else is not an image at all.
    if (error.message === 'too large')
      return fetch(target, { mode: 'no-cors', credentials: 'omit' });
    return failure(502, `The artwork's host did not answer with an image (${error.message}).`);
  }
}

async function storedByUrl(cache: Cache, target: string): Promise<Response | undefined> {
  const response = await cache.match(target);
  return response?.ok && mayBeImage(response.headers.get('Content-Type')) ? response : undefined;
}

/** Origins whose artwork came without CORS headers (for as long as this worker runs). */
const refusesCors = new Set<string>();

/** The image with CORS where the host allows it, else through the proxy. No cookies either way. */
async function fetchArtwork(target: string): Promise<Response> {
  const { origin } = new URL(target);
  if (!refusesCors.has(origin)) {
    try {
      const direct = await fetch(target, { mode: 'cors', credentials: 'omit' });
      if (direct.ok) return direct;
    } catch {
      // A missing CORS header looks like a network error: the proxy is tried, now and from now on
      // for this host (a host that is merely down is no worse off through the proxy).
      refusesCors.add(origin);
    }
  }
  return fetch(proxiedUrl(target), { credentials: 'omit' });
}

/** The answer as a stored-ready image response, or NotArtwork. */
async function readImage(answer: Response): Promise<Response> {
  if (answer.status !== 200) throw new NotArtwork(`status ${answer.status}`);
  if (!mayBeImage(answer.headers.get('Content-Type')))
    throw new NotArtwork(answer.headers.get('Content-Type') ?? 'no type');
  const bytes = await readCapped(answer, MAX_ARTWORK_BYTES);
  if (!bytes) throw new NotArtwork('too large');
  const type = sniffImageType(bytes.subarray(0, 16));
  if (!type) throw new NotArtwork('not PNG, JPEG, GIF, WebP or AVIF');
  return new Response(bytes, {
    headers: {
      'Content-Type': type,
      'Content-Length': String(bytes.byteLength),
      [ARTWORK_BYTES_HEADER]: String(bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}

function failure(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Routes GET /artwork?url= on the app's own origin to the stored or fetched artwork. */
export function registerArtworkRoute(): void {
  registerRoute(
    ({ url }) => artworkTargetOf(url) !== undefined,
    ({ request, url }) => serveArtwork(request, artworkTargetOf(url)!),
  );
  self.addEventListener('activate', (event) =>
    event.waitUntil(pruneArtwork().catch(console.error)),
  );
}
