// Serves the built app from dist/ with the caching and security headers a PWA needs: the shell and
// service worker always revalidate, Vite's hashed assets are immutable, unknown routes get the shell.
// Text files come pre-compressed from the build (.br and .gz beside each, vite.config.ts): sirv
// picks the one the client accepts, with Content-Encoding and Vary, so nothing is compressed here.
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import sirv from 'sirv';
import type { Middleware } from './http/middleware.ts';

// 'self' for code; media, artwork and feeds come from any http(s) podcast host.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: http: https:",
  "media-src 'self' blob: http: https:",
  "connect-src 'self' http: https:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Middleware serving `distDir` (GET and HEAD), falling back to index.html for app routes. A
 * function is asked on every request, so a test can deploy a new build to the same origin.
 */
export function staticFiles(distDir: string | (() => string)): Middleware {
  const servers = new Map<string, ReturnType<typeof sirv>>();
  const serverFor = (dir: string) => {
    // `single` sends index.html for paths without a file extension; real files still 404.
    if (!servers.has(dir))
      servers.set(
        dir,
        sirv(dir, { etag: true, single: true, brotli: true, gzip: true, setHeaders }),
      );
    return servers.get(dir)!;
  };
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    // sirv answers some Range headers wrongly (suffix ranges, multiple ranges); ignoring Range is
    // always correct (RFC 9110 §14.2), and nothing in dist/ is worth fetching in parts.
    delete req.headers.range;
    serverFor(typeof distDir === 'function' ? distDir() : distDir)(req, res, next);
  };
}

/** Chooses headers by request path: sirv reports the path asked for, so app routes look like HTML. */
function setHeaders(res: ServerResponse, pathname: string): void {
  const extension = extname(pathname).toLowerCase();
  const isHtml = extension === '' || extension === '.html' || extension === '.htm';
  if (isHtml || pathname === '/sw.js' || extension === '.webmanifest') {
    // The shell and the service worker are never used from a cache without asking: an update must
    // reach everyone. (no-store would also turn off the back/forward cache and 304s.)
    res.setHeader('Cache-Control', 'no-cache');
  } else if (pathname.startsWith('/assets/')) {
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  } else {
    res.setHeader('Cache-Control', 'public, max-age=3600');
  }
  if (isHtml) res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  if (pathname === '/sw.js') res.setHeader('Service-Worker-Allowed', '/');
  if (extension === '.webmanifest') res.setHeader('Content-Type', 'application/manifest+json');
}
