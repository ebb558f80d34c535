// GET|HEAD /proxy?url=<absolute http(s) URL>: fetches feeds and media for the app's own pages and
// service worker from hosts that send no CORS headers. It sends no CORS headers itself.
//
// Who may use it: the app only (http/app-origin.ts: Host allowlist against DNS rebinding, then
// Sec-Fetch-Site and Origin against other sites), each client within a token-bucket rate and a
// cap on open media streams (429 with Retry-After), keyed as http/client-id.ts says.
//
// Where it may go: only http(s), ports 80 and 443 unless configured; no loopback, private,
// link-local, metadata or reserved addresses (checked after DNS resolution, which has a deadline,
// and again on every redirect, connecting to the checked address) unless allowPrivateHosts
// (LONGWAVE_ALLOW_PRIVATE_HOSTS=1); at most 5 redirects, followed here; never cookies or
// credentials from the app; a request that already came through a Longwave proxy is refused.
//
// What comes back: relay-response.ts (caps, streaming, gzip) with proxied-caching.ts headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { appOriginRefusal } from '../http/app-origin.ts';
import { clientId } from '../http/client-id.ts';
import type { Middleware } from '../http/middleware.ts';
import { createRateLimit } from '../http/rate-limit.ts';
import { noteRequest } from '../http/request-log.ts';
import { createStreamSlots, type StreamSlots } from '../http/stream-slots.ts';
import { fetchUpstream } from './fetch-upstream.ts';
import { ProxyFailure } from './proxy-failure.ts';
import { proxySettings, type ProxyOptions, type ProxySettings } from './proxy-settings.ts';
import { relayResponse } from './relay-response.ts';
import { USER_AGENT } from '../http/user-agent.ts';

export type { ProxyOptions } from './proxy-settings.ts';

const FORWARDED_REQUEST_HEADERS = ['range', 'if-range', 'if-none-match', 'if-modified-since'];
// Fixed rather than the client's, so the answer depends on the URL alone and shared caches need
// no Vary: Accept. Feeds first; media, artwork and anything else still welcome.
const UPSTREAM_ACCEPT =
  'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8';
const VIA = '1.1 longwave';

/** Middleware answering /proxy and passing anything else to `next()`. */
export function proxyRoutes(options: ProxyOptions = {}): Middleware {
  const settings = proxySettings(options);
  const rate = createRateLimit({ perMinute: settings.requestsPerMinute });
  const slots = createStreamSlots(settings.maxStreams);
  return (req, res, next) => {
    const requestUrl = new URL(req.url ?? '/', 'http://proxy.invalid');
    if (requestUrl.pathname !== '/proxy') {
      next();
      return;
    }
    const fail = (failure: ProxyFailure) => {
      noteRequest(res, { error: failure.code });
      sendFailure(res, failure);
    };
    const refusal = appOriginRefusal(req, settings.publicOrigin);
    if (refusal) {
      fail(
        new ProxyFailure(
          refusal.status,
          refusal.status === 421 ? 'wrong-host' : 'cross-site',
          refusal.message,
        ),
      );
      return;
    }
    const client = clientId(req, settings.trustedProxyHeader);
    const verdict = rate.take(client);
    if (!verdict.allowed) {
      settings.metrics.limited.inc({ route: '/proxy', limit: 'rate' });
      fail(
        new ProxyFailure(
          429,
          'rate-limited',
          `Too many requests from your address: try again in ${verdict.retryAfterSeconds} s.`,
          verdict.retryAfterSeconds,
        ),
      );
      return;
    }
    const target = requestUrl.searchParams.get('url');
    proxy(req, res, target, { settings, client, slots }).catch((error: unknown) => {
      if (error instanceof ProxyFailure) {
        if (error.code === 'too-many-streams') {
          settings.metrics.limited.inc({ route: '/proxy', limit: 'streams' });
        }
        fail(error);
      } else if ((error as Error).name === 'AbortError') res.destroy();
      else {
        console.error('Proxy request failed:', error);
        fail(new ProxyFailure(502, 'unreachable', 'The proxy failed.'));
      }
    });
  };
}

async function proxy(
  req: IncomingMessage,
  res: ServerResponse,
  target: string | null,
  context: { settings: ProxySettings; client: string; slots: StreamSlots },
): Promise<void> {
  const { settings } = context;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Cache-Control': 'no-store' }).end();
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
  noteRequest(res, { upstream: url.hostname });
  const client = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) client.abort();
  });
  const asked = performance.now();
  const upstream = await fetchUpstream(url, {
    ...settings,
    method: req.method,
    headers: forwardedHeaders(req),
    signal: client.signal,
  });
  settings.metrics.upstreamSeconds.observe({ route: '/proxy' }, (performance.now() - asked) / 1000);
  relayResponse(req, res, upstream, context);
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
    'user-agent': USER_AGENT,
    accept: UPSTREAM_ACCEPT,
    'accept-encoding': 'identity',
    via: VIA,
  };
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  // If-None-Match compares weakly (RFC 9110 §13.1.2), so W/"x" and "x" ask the same; the strong
  // form also matches at hosts that compare strings, and the W/ may be the proxy's own (gzip).
  if (headers['if-none-match']) {
    headers['if-none-match'] = headers['if-none-match'].replace(/W\//g, '');
  }
  return headers;
}

function sendFailure(res: ServerResponse, failure: ProxyFailure): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Longwave-Proxy-Error': failure.code,
  };
  if (failure.retryAfterSeconds !== undefined) {
    headers['Retry-After'] = String(failure.retryAfterSeconds);
  }
  res.writeHead(failure.status, headers);
  res.end(`${failure.message}\n`);
}
