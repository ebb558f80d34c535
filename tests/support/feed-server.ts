// A podcast host for browser tests on 127.0.0.1 (port 0): serves fixture feeds and generated ones,
// with or without CORS, plus redirects and errors. Routes can change between requests, as a feed
// does when a new episode comes out.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { repoRoot } from './paths.ts';

/** What one path answers. */
export interface FeedRoute {
  body?: string | Uint8Array;
  status?: number;
  /** Content-Type; RSS by default. */
  type?: string;
  /** Send Access-Control-Allow-Origin: * (default false: the app must use its proxy). */
  cors?: boolean;
  headers?: Record<string, string>;
}

export interface FeedServer {
  /** Origin, e.g. http://127.0.0.1:40123. */
  url: string;
  /** Sets (or replaces) what `path` answers. */
  route(path: string, route: FeedRoute): void;
  /** How many requests reached `path`. */
  hits(path: string): number;
  close(): Promise<void>;
}

/** The bytes of a file under tests/fixtures/feeds/. */
export function feedFixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(`${repoRoot}tests/fixtures/feeds/${path}`));
}

/** Starts the server; unknown paths answer 404. */
export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, FeedRoute>();
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path) ?? { status: 404, body: 'Not found', type: 'text/plain' };
    const body = route.body ?? '';
    res.writeHead(route.status ?? 200, {
      'Content-Type': route.type ?? 'application/rss+xml; charset=utf-8',
      'Content-Length': String(
        typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
      ),
      'Cache-Control': 'no-cache',
      ...(route.cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
      ...route.headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    route: (path, route) => routes.set(path, route),
    hits: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
