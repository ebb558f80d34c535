// gzip/brotli for text responses only: audio and images are already compressed (or, like WAV,
// must keep their exact byte offsets), and a Range response is a slice of the identity bytes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import type { Middleware } from './middleware.ts';

const TEXT_TYPES =
  /^(text\/|application\/(javascript|json|xml|rss\+xml|atom\+xml|manifest\+json)|image\/svg\+xml)/i;

/** The compression middleware, limited to text types and never applied to ranges. */
export function compressText(): Middleware {
  const filter = (req: IncomingMessage, res: ServerResponse): boolean =>
    req.headers.range === undefined &&
    res.statusCode !== 206 &&
    TEXT_TYPES.test(String(res.getHeader('Content-Type') ?? ''));
  // Typed for Express, but it only touches the Node request and response it is given.
  return compression({ filter }) as unknown as Middleware;
}
