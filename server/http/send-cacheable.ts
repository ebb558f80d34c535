// Sends a body the server made itself (a directory answer, say) so that browsers and shared caches
// can keep and revalidate it: a strong ETag from the bytes, 304 to a matching If-None-Match, a
// public lifetime, and gzip for clients that take it (its own ETag, since it is other bytes).
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { acceptsGzip } from './accepts-gzip.ts';

export interface CacheableBody {
  body: string | Buffer;
  contentType: string;
  /** How long any cache may use it without asking. */
  maxAgeSeconds: number;
  /** How long a cache may serve it stale while it revalidates in the background. */
  staleWhileRevalidateSeconds?: number;
}

/** Smaller bodies are not worth a gzip header. */
const GZIP_FROM_BYTES = 1024;

/** Answers `req` with `answer` (200, or 304 when the client already has these bytes). */
export function sendCacheable(
  req: IncomingMessage,
  res: ServerResponse,
  answer: CacheableBody,
): void {
  const identity = Buffer.from(answer.body);
  const gzip = identity.length >= GZIP_FROM_BYTES && acceptsGzip(req.headers['accept-encoding']);
  const body = gzip ? gzipSync(identity) : identity;
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 27);
  const etag = gzip ? `"${hash}-gz"` : `"${hash}"`;
  const stale = answer.staleWhileRevalidateSeconds;
  const headers: Record<string, string> = {
    'Cache-Control': `public, max-age=${answer.maxAgeSeconds}${stale ? `, stale-while-revalidate=${stale}` : ''}`,
    ETag: etag,
    Vary: 'Accept-Encoding',
  };
  if (matches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers).end();
    return;
  }
  headers['Content-Type'] = answer.contentType;
  headers['Content-Length'] = String(body.length);
  if (gzip) headers['Content-Encoding'] = 'gzip';
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** If-None-Match compares weakly: W/"x" matches "x"; * matches anything. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
