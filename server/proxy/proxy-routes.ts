// GET|HEAD /proxy?url=<absolute http(s) URL>: fetches feeds and media for the app from hosts that
// send no CORS headers, and streams them back with CORS headers.
//
// Safety: only http(s); no loopback, private, link-local, metadata or reserved addresses (checked
// after DNS resolution and again on every redirect, connecting to the checked address) unless
// allowPrivateHosts (LONGWAVE_ALLOW_PRIVATE_HOSTS=1); at most 5 redirects, followed here; never
// cookies or credentials from the app; responses are sandboxed (CSP) so a proxied page or SVG
// cannot run as the app; a request that already came through a Longwave proxy is refused (loops).
//
// Limits: media (a Range request, or an audio/*, video/* or octet-stream response) has no size cap
// and may stream for `mediaTimeoutMs` (6 h); anything else (feeds, pages, images) is capped at
// `maxDocumentBytes` (32 MiB: refused up front by Content-Length, else cut off mid-stream) and
// `documentTimeoutMs` (60 s). Either way a connection silent for `idleTimeoutMs` (30 s) is cut.
// The body is streamed with backpressure, never buffered, and the origin request stops when the
// client goes away.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline, Transform } from 'node:stream';
import type { Middleware } from '../http/middleware.ts';
import { isPublicAddress } from './address-policy.ts';
import { declared, fetchUpstream, type UpstreamResponse } from './fetch-upstream.ts';
import { ProxyFailure } from './proxy-failure.ts';

export interface ProxyOptions {
  /** Fetch from private and loopback hosts too (local testing). */
  allowPrivateHosts?: boolean;
  maxDocumentBytes?: number;
  documentTimeoutMs?: number;
  mediaTimeoutMs?: number;
  idleTimeoutMs?: number;
  maxRedirects?: number;
  /** Which addresses count as public; tests replace it to exercise redirects on one machine. */
  isPublicAddress?: (address: string) => boolean;
}

const FORWARDED_REQUEST_HEADERS = [
  'range',
  'if-range',
  'if-none-match',
  'if-modified-since',
  'accept',
];
const PASSED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-range',
  'accept-ranges',
  'etag',
  'last-modified',
  'cache-control',
  // Asked for identity, but some hosts compress anyway; the browser must then know to decode.
  'content-encoding',
];
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Content-Type, Content-Length, Content-Range, Accept-Ranges, ETag, Last-Modified, Cache-Control, ' +
    'X-Longwave-Final-Url, X-Longwave-Permanent-Url, X-Longwave-Proxy-Error',
};
const VIA = '1.1 longwave';

/** Middleware answering /proxy and passing anything else to `next()`. */
export function proxyRoutes(options: ProxyOptions = {}): Middleware {
  const settings = {
    allowPrivateHosts:
      options.allowPrivateHosts ?? process.env.LONGWAVE_ALLOW_PRIVATE_HOSTS === '1',
    maxDocumentBytes: options.maxDocumentBytes ?? 32 * 2 ** 20,
    documentTimeoutMs: options.documentTimeoutMs ?? 60_000,
    mediaTimeoutMs: options.mediaTimeoutMs ?? 6 * 3600_000,
    idleTimeoutMs: options.idleTimeoutMs ?? 30_000,
    maxRedirects: options.maxRedirects ?? 5,
    isPublicAddress: options.isPublicAddress ?? isPublicAddress,
  };
  return (req, res, next) => {
    const requestUrl = new URL(req.url ?? '/', 'http://proxy.invalid');
    if (requestUrl.pathname !== '/proxy') {
      next();
      return;
    }
    proxy(req, res, requestUrl.searchParams.get('url'), settings).catch((error: unknown) => {
      if (error instanceof ProxyFailure) sendFailure(res, error);
      else if ((error as Error).name === 'AbortError') res.destroy();
      else {
        console.error('Proxy request failed:', error);
        sendFailure(res, new ProxyFailure(502, 'unreachable', 'The proxy failed.'));
      }
    });
  };
}

type Settings = Required<ProxyOptions>;

async function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  target: string | null,
  settings: Settings,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', ...CORS }).end();
    return;
  }
  if (String(req.headers.via ?? '').includes('longwave')) {
    throw new ProxyFailure(
      403,
      'refused',
      'Refused: the request already came through a Longwave proxy.',
    );
  }
  const url = parseTarget(target);
  const client = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) client.abort();
  });
  const upstream = await fetchUpstream(url, {
    ...settings,
    method: req.method,
    headers: forwardedHeaders(req),
    signal: client.signal,
  });
  relay(req, res, upstream, settings);
}

function parseTarget(target: string | null): URL {
  let url: URL | undefined;
  try {
    url = target ? new URL(target) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ProxyFailure(400, 'bad-url', 'The url parameter must be an absolute http(s) URL.');
  }
  return url;
}

function forwardedHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': 'Longwave/1 (podcast app)',
    'accept-encoding': 'identity',
    via: VIA,
  };
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

function relay(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: UpstreamResponse,
  settings: Settings,
): void {
  const { response, finalUrl, permanentUrl } = upstream;
  const { type, length } = declared(response.headers);
  const media =
    req.headers.range !== undefined ||
    /^(audio|video)\/|^(application|binary)\/octet-stream/.test(type);
  const maxBytes = media ? Infinity : settings.maxDocumentBytes;
  if (length !== undefined && length > maxBytes) {
    response.destroy();
    throw new ProxyFailure(
      502,
      'too-large',
      `Refused: the response is larger than ${maxBytes} bytes.`,
    );
  }
  const headers: Record<string, string> = {
    ...CORS,
    // A proxied HTML page or SVG must never run as the app: no scripts, an opaque origin.
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'X-Longwave-Final-Url': finalUrl.href,
  };
  if (permanentUrl) headers['X-Longwave-Permanent-Url'] = permanentUrl.href;
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = response.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  res.writeHead(response.statusCode ?? 502, headers);
  if (req.method === 'HEAD') {
    response.destroy();
    res.end();
    return;
  }
  let bytes = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(bytes > maxBytes ? new Error('size cap') : null, chunk);
    },
  });
  const timer = setTimeout(
    () => cap.destroy(new Error('time cap')),
    media ? settings.mediaTimeoutMs : settings.documentTimeoutMs,
  );
  // On any failure pipeline destroys every stream: the client sees a cut connection, not a
  // truncated body passed off as complete.
  pipeline(response, cap, res, () => clearTimeout(timer));
}

function sendFailure(res: ServerResponse, failure: ProxyFailure): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(failure.status, {
    ...CORS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Longwave-Proxy-Error': failure.code,
  });
  res.end(`${failure.message}\n`);
}
