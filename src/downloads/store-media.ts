// The media cache holds one complete `200` response per episode (Firefox refuses to store a 206).
import { MEDIA_CACHE } from '../shared/cache-names.ts';

/** Stores `body` as the complete response for `url`. */
export async function storeMedia(url: string, body: Blob, contentType: string): Promise<void> {
  const headers = {
    'Content-Type': contentType,
    'Content-Length': String(body.size),
    'Accept-Ranges': 'bytes',
  };
  await (await caches.open(MEDIA_CACHE)).put(url, new Response(body, { status: 200, headers }));
}

/** Removes an episode's audio from the media cache. */
export async function deleteMedia(url: string): Promise<void> {
  await (await caches.open(MEDIA_CACHE)).delete(url);
}

/** Whether the media cache holds audio for `url`. */
export async function hasMedia(url: string): Promise<boolean> {
  return (await (await caches.open(MEDIA_CACHE)).match(url)) !== undefined;
}
