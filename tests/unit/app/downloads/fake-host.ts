// A podcast host as `fetch` sees it, for unit tests of the downloader: a file served with Range
// and ETag behind a tracking redirect, and switches for what real hosts do (drop a connection,
// refuse CORS, let a resolved address expire, ignore Range, change the file). The app's proxy
// (/proxy?url=) serves the same file. Browser tests use real servers.
import { proxiedUrl } from '../../../../src/shared/proxy-url.ts';

export const SOURCE = 'https://track.example/p/cdn.example/episode.mp3';
export const RESOLVED = 'https://cdn.example/episode.mp3';

export interface HostRequest {
  url: string;
  method: string;
  mode?: RequestMode;
  range?: string;
  ifRange?: string;
}

export interface FakeHost {
  fetch: typeof fetch;
  requests: HostRequest[];
  /** Bytes of body sent, over all requests. */
  served: () => number;
  /** The next GETs' bodies break after this many bytes (one entry per GET). */
  drops: number[];
  /** CORS fails for these hosts (as a hop without CORS headers, or a refused preflight). */
  noCors: Set<string>;
  /** CORS fails only for requests that need a preflight (If-Range), on these hosts. */
  noPreflight: Set<string>;
  /** The resolved address answers 403 from now on (a signed URL that expired). */
  expired: boolean;
  /** This many of the next GETs are taken and never answered. */
  silentGets: number;
  ignoreRange: boolean;
  /** Range and If-Range are dropped when the redirect is followed (WebKit does, cross-origin). */
  dropsRangeOnRedirect: boolean;
  /** Replaces the file (another ETag); ranges of the old one no longer fit. */
  replace(file: Uint8Array): void;
}

/** A host serving `file`. */
export function fakeHost(initial: Uint8Array): FakeHost {
  let file = initial;
  let version = 1;
  let served = 0;
  const requests: HostRequest[] = [];
  const host: FakeHost = {
    requests,
    served: () => served,
    drops: [],
    noCors: new Set(),
    noPreflight: new Set(),
    expired: false,
    silentGets: 0,
    ignoreRange: false,
    dropsRangeOnRedirect: false,
    replace(next) {
      file = next;
      version += 1;
    },
    fetch: async (input, init = {}) => {
      const headers = new Headers(init.headers);
      const request: HostRequest = {
        url: String(input),
        method: init.method ?? 'GET',
        mode: init.mode,
        range: headers.get('Range') ?? undefined,
        ifRange: headers.get('If-Range') ?? undefined,
      };
      requests.push(request);
      if (init.signal?.aborted) throw new DOMException('Aborted', 'AbortError');
      if (request.method === 'GET' && host.silentGets > 0) {
        host.silentGets -= 1;
        return new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
        );
      }
      const proxied = request.url.startsWith(proxiedUrl(''));
      const target = proxied ? decodeURIComponent(request.url.split('url=')[1]!) : request.url;
      const hostname = new URL(target).hostname;
      if (!proxied && init.mode === 'cors') {
        const preflighted = request.ifRange !== undefined;
        // The source redirects through the tracker, whose refusal fails the request too.
        const hops = target === SOURCE ? ['track.example', 'cdn.example'] : [hostname];
        if (hops.some((hop) => host.noCors.has(hop) || (preflighted && host.noPreflight.has(hop))))
          throw new TypeError('Failed to fetch');
      }
      if (target === RESOLVED && host.expired && !proxied)
        return new Response(null, { status: 403 });
      // The tracker signs the address anew on every visit.
      if (target === SOURCE) host.expired = false;
      const redirected = target === SOURCE && !proxied;
      if (redirected && host.dropsRangeOnRedirect) {
        delete request.range;
        delete request.ifRange;
      }
      const etag = `"v${version}"`;
      const base = { ETag: etag, 'Content-Type': 'audio/mpeg', 'Accept-Ranges': 'bytes' };
      if (request.method === 'HEAD') {
        return answer(
          new Response(null, { headers: { ...base, 'Content-Length': String(file.length) } }),
          target,
        );
      }
      const match = /^bytes=(\d+)-$/.exec(request.range ?? '');
      const ranged = match && !host.ignoreRange && (!request.ifRange || request.ifRange === etag);
      const start = ranged ? Number(match[1]) : 0;
      if (start >= file.length && ranged) {
        return answer(
          new Response(null, {
            status: 416,
            headers: { 'Content-Range': `bytes */${file.length}` },
          }),
          target,
        );
      }
      const bytes = file.subarray(start);
      const drop = host.drops.shift();
      const response = new Response(
        body(bytes, drop, (n) => (served += n)),
        {
          status: ranged ? 206 : 200,
          headers: {
            ...base,
            'Content-Length': String(bytes.length),
            ...(ranged
              ? { 'Content-Range': `bytes ${start}-${file.length - 1}/${file.length}` }
              : {}),
          },
        },
      );
      return answer(response, target);
    },
  };
  return host;
}

/** A response as fetch gives it: `url` is where the redirects led. */
function answer(response: Response, target: string): Response {
  Object.defineProperty(response, 'url', { value: target === SOURCE ? RESOLVED : target });
  Object.defineProperty(response, 'redirected', { value: target === SOURCE });
  return response;
}

/** The bytes in 64 KiB chunks, breaking (like a dropped connection) after `drop` bytes. */
function body(bytes: Uint8Array, drop: number | undefined, onSent: (n: number) => void) {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const end = Math.min(bytes.length, drop ?? Infinity, at + 64 * 1024);
      if (at >= end) {
        if (drop !== undefined && at < bytes.length)
          controller.error(new TypeError('network error'));
        else controller.close();
        return;
      }
      const chunk = bytes.slice(at, end);
      at = end;
      onSent(chunk.length);
      controller.enqueue(chunk);
    },
  });
}

/** `size` bytes that differ from position to position, so a splice would show. */
export function fileOf(size: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  // An MP3's ID3 tag first: the downloader keeps nothing that does not start like audio.
  bytes.set([0x49, 0x44, 0x33, 0x04].slice(0, size));
  return bytes;
}
