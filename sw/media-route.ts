// Downloaded audio at /media/<episodeId>, served from the episode's stored parts with Range
// support, so playing and seeking work offline in every engine. Same-origin on purpose: Firefox
// sends a cross-origin <audio> request past the service worker entirely.
import { registerRoute } from 'workbox-routing';
import { getDownload } from '../src/db/downloads.ts';
import { readMedia, storedBytes } from '../src/db/media-parts.ts';
import { episodeIdOfMediaPath } from '../src/shared/media-url.ts';
import { parseByteRange } from '../src/shared/parse-byte-range.ts';

declare const self: ServiceWorkerGlobalScope;

/** Answers a request for an episode's downloaded audio (the whole file, or one byte range). */
export async function serveDownloadedAudio(request: Request, episodeId: string): Promise<Response> {
  const download = await getDownload(episodeId);
  const size = download?.state === 'downloaded' ? await storedBytes(episodeId) : 0;
  if (!download || size === 0 || size < download.bytesDone) {
    return new Response('This episode is not downloaded on this device.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const headers = new Headers({
    'Content-Type': mediaType(download.contentType),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    // Whatever a host sent is served on the app's own origin: never as a page or a script.
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': 'sandbox',
  });
  const range = parseByteRange(request.headers.get('Range') ?? undefined, size);
  if (range === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  headers.set('Content-Length', String(end - start + 1));
  if (range) headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
  const body = request.method === 'HEAD' ? null : await readMedia(episodeId, start, end);
  return new Response(body, { status: range ? 206 : 200, headers });
}

/**
 * The host's type when it names audio or video; none as MP3, as before; anything else (vague
 * types such as text/plain, or a page) as octet-stream, which media elements sniff and no browser
 * renders.
 */
function mediaType(contentType: string | undefined): string {
  if (!contentType) return 'audio/mpeg';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return /^(audio|video)\/[\w.+-]+$/.test(type) ? type : 'application/octet-stream';
}

/** Routes GET and HEAD of /media/<episodeId> on the app's own origin to the stored audio. */
export function registerMediaRoute(): void {
  for (const method of ['GET', 'HEAD'] as const) {
    registerRoute(
      ({ url }) =>
        url.origin === self.location.origin && episodeIdOfMediaPath(url.pathname) !== undefined,
      ({ request, url }) => serveDownloadedAudio(request, episodeIdOfMediaPath(url.pathname)!),
      method,
    );
  }
}
