// An origin server for the proxy tests, on 127.0.0.1: feeds, media, redirects, stalls, oversized
// and endless bodies, and a record of what reached it.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyOrigin {
  origin: string;
  /** Every request path that reached the origin, in order. */
  paths: string[];
  /** Headers of the last request. */
  lastHeaders: IncomingHttpHeaders;
  /** Resolves when a client of /endless-audio disconnects. */
  endlessClosed: Promise<void>;
  close(): void;
}

const FEED = '<?xml version="1.0"?><rss><channel><title>Origin</title></channel></rss>';

/** Starts the origin; `cap` sizes the oversized bodies (a little over it). */
export async function startProxyOrigin(cap: number): Promise<ProxyOrigin> {
  let closedEndless: () => void = () => undefined;
  const endlessClosed = new Promise<void>((resolve) => (closedEndless = resolve));
  const state: Pick<ProxyOrigin, 'paths' | 'lastHeaders'> = { paths: [], lastHeaders: {} };
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    state.paths.push(path);
    state.lastHeaders = req.headers;
    const redirect = /^\/(301|302|303|307|308)\/(.*)$/.exec(path);
    if (redirect) {
      res.writeHead(Number(redirect[1]), { Location: decodeURIComponent(redirect[2] ?? '') }).end();
    } else if (path.startsWith('/loop/')) {
      res.writeHead(302, { Location: `/loop/${Number(path.slice(6)) + 1}` }).end();
    } else if (path === '/feed') {
      res.writeHead(200, {
        'Content-Type': 'application/rss+xml',
        ETag: '"v1"',
        'Cache-Control': 'max-age=60',
      });
      res.end(FEED);
    } else if (path === '/fresh-feed') {
      // Says nothing about caching: the proxy's default applies.
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: '"f1"' }).end(FEED);
    } else if (path === '/revalidated-feed') {
      const current = '"r1"';
      const headers = { 'Cache-Control': 'no-cache', ETag: current };
      if (req.headers['if-none-match'] === current) res.writeHead(304, headers).end();
      else res.writeHead(200, { ...headers, 'Content-Type': 'application/rss+xml' }).end(FEED);
    } else if (path === '/big-feed') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: '"b1"' });
      res.end(`<rss>${'<item><title>Episode</title></item>'.repeat(500)}</rss>`);
    } else if (path === '/not-modified') {
      res.writeHead(304, { ETag: '"v1"' }).end();
    } else if (path === '/busy') {
      res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '120' }).end('busy');
    } else if (path === '/rate-limited') {
      const date = 'Wed, 02 Dec 2026 06:00:00 GMT';
      res.writeHead(429, { 'Content-Type': 'text/plain', 'Retry-After': date }).end('slow down');
    } else if (path === '/missing') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('gone');
    } else if (path === '/headers') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(req.headers));
    } else if (path === '/big-declared') {
      res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': String(cap + 1) });
      res.end(Buffer.alloc(cap + 1, 'a'));
    } else if (path === '/big-chunked') {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(Buffer.alloc(cap * 3, 'a'));
    } else if (path === '/big-audio') {
      res.writeHead(200, { 'Content-Type': 'audio/mpeg', 'Content-Length': String(cap * 3) });
      res.end(Buffer.alloc(cap * 3, 1));
    } else if (path === '/ranged') {
      const range = req.headers.range ?? 'none';
      res.writeHead(206, {
        'Content-Type': 'text/plain',
        'Content-Range': 'bytes 0-9/100',
        'Accept-Ranges': 'bytes',
        'Content-Length': String(cap * 2),
        'X-Secret': 'not passed on',
      });
      res.end(Buffer.alloc(cap * 2, range.length));
    } else if (path === '/octet') {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.end(Buffer.alloc(cap * 3, 2));
    } else if (path === '/untyped') {
      // No Content-Type at all: application/octet-stream as far as a recipient knows.
      res.writeHead(200, { 'Content-Length': String(cap * 3) });
      res.end(Buffer.alloc(cap * 3, 3));
    } else if (path === '/endless-video') {
      res.writeHead(200, { 'Content-Type': 'video/mp4' });
      trickle(res, 16 * 1024);
    } else if (path === '/stall-headers') {
      // Never answers.
    } else if (path === '/stall-body') {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.write('<rss>');
    } else if (path === '/trickle') {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      trickle(res);
    } else if (path === '/endless-audio') {
      res.writeHead(200, { 'Content-Type': 'audio/mpeg' });
      res.once('close', closedEndless);
      trickle(res, 16 * 1024);
    } else if (path === '/page') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<script>alert(1)</script>');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get paths() {
      return state.paths;
    },
    get lastHeaders() {
      return state.lastHeaders;
    },
    endlessClosed,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** Writes a little every 20 ms until the client goes away: never idle, never done. */
function trickle(res: ServerResponse, size = 1): void {
  const timer = setInterval(() => res.write(Buffer.alloc(size, 'a')), 20);
  res.once('close', () => clearInterval(timer));
}
