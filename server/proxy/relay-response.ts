// Sends an upstream answer on to the client: media counted against the client's stream slots and
// capped at maxMediaBytes and mediaTimeoutMs; anything else capped at maxDocumentBytes and
// documentTimeoutMs, and gzipped for clients that take it. Streamed with backpressure, never
// buffered; a cap or a failure cuts the connection rather than pass off a truncated body.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline, Transform, type Duplex } from 'node:stream';
import { createGzip } from 'node:zlib';
import { acceptsGzip } from '../http/accepts-gzip.ts';
import type { StreamSlots } from '../http/stream-slots.ts';
import { declared, type UpstreamResponse } from './fetch-upstream.ts';
import { isMediaType } from './media-type.ts';
import { proxiedCaching } from './proxied-caching.ts';
import { ProxyFailure } from './proxy-failure.ts';
import type { ProxySettings } from './proxy-settings.ts';

const PASSED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-range',
  'accept-ranges',
  'last-modified',
  // A busy or rate-limiting feed host says when to ask again; background refresh honours it.
  'retry-after',
  // Asked for identity, but some hosts compress anyway; the browser must then know to decode.
  'content-encoding',
];
const TEXT = /^(text\/|application\/([a-z0-9.+-]*\+)?(xml|json)\b|image\/svg\+xml)/;
/** When the client should ask again after finding its stream slots full. */
const STREAMS_RETRY_SECONDS = 15;

/** Writes `upstream` to `res`; throws ProxyFailure if it is refused before anything is sent. */
export function relayResponse(
  req: IncomingMessage,
  res: ServerResponse,
  upstream: UpstreamResponse,
  context: { settings: ProxySettings; client: string; slots: StreamSlots },
): void {
  const { settings } = context;
  const { response, finalUrl, permanentUrl } = upstream;
  const { type, length } = declared(response.headers);
  const status = response.statusCode ?? 502;
  const media = isMediaType(response.headers['content-type']);
  const maxBytes = media ? settings.maxMediaBytes : settings.maxDocumentBytes;
  if (length !== undefined && length > maxBytes) {
    response.destroy();
    throw new ProxyFailure(
      502,
      'too-large',
      `Refused: the response is larger than ${maxBytes} bytes.`,
    );
  }
  const streaming = media && req.method === 'GET' && status >= 200 && status < 300;
  const release = streaming ? context.slots.acquire(context.client) : undefined;
  if (streaming && !release) {
    response.destroy();
    throw new ProxyFailure(
      429,
      'too-many-streams',
      `Too many downloads at once from your address (at most ${settings.maxStreams}): try again shortly.`,
      STREAMS_RETRY_SECONDS,
    );
  }
  if (release) {
    settings.metrics.openStreams.inc({ route: '/proxy' });
    res.once('close', () => {
      release();
      settings.metrics.openStreams.dec({ route: '/proxy' });
    });
  }
  const gzip =
    !media &&
    status === 200 &&
    req.method === 'GET' &&
    !response.headers['content-encoding'] &&
    TEXT.test(type) &&
    acceptsGzip(req.headers['accept-encoding']);
  const headers: Record<string, string> = {
    // A proxied HTML page or SVG must never run as the app: no scripts, an opaque origin.
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'X-Longwave-Final-Url': finalUrl.href,
    ...proxiedCaching(status, response.headers, {
      media,
      gzipped: gzip,
      ifNoneMatch: req.headers['if-none-match'],
    }),
  };
  if (permanentUrl) headers['X-Longwave-Permanent-Url'] = permanentUrl.href;
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = response.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  if (gzip) {
    headers['content-encoding'] = 'gzip';
    delete headers['content-length'];
  }
  res.writeHead(status, headers);
  // Headers now, not with the first gzip output: the client learns the answer has begun.
  res.flushHeaders();
  if (req.method === 'HEAD') {
    response.destroy();
    res.end();
    return;
  }
  let received = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      callback(received > maxBytes ? new Error('size cap') : null, chunk);
    },
  });
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      settings.metrics.proxiedBytes.inc(chunk.length);
      callback(null, chunk);
    },
  });
  const timer = setTimeout(
    () => cap.destroy(new Error('time cap')),
    media ? settings.mediaTimeoutMs : settings.documentTimeoutMs,
  );
  const stages: Duplex[] = gzip ? [cap, createGzip(), counted] : [cap, counted];
  // On any failure pipeline destroys every stream: the client sees a cut connection, not a
  // truncated body passed off as complete.
  pipeline([response, ...stages, res], () => clearTimeout(timer));
}
