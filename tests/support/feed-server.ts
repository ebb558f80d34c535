// A podcast host for browser tests on 127.0.0.1 (port 0): serves fixture feeds and generated ones,
// with or without CORS, plus redirects and errors, and answers conditional requests with 304 as
// a good host does. Routes can change between requests, as a feed does when a new episode comes
// out; every request is recorded with the headers that matter for caching.
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
  /** Validators: sent with the body, and a matching If-None-Match / If-Modified-Since gets 304. */
  etag?: string;
  lastModified?: string;
}

/** One request as the host saw it. */
export interface SeenRequest {
  path: string;
  status: number;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  /** Set when it came through the app's proxy. */
  via?: string;
}

export interface FeedServer {
  /** Origin, e.g. http://127.0.0.1:40123. */
  url: string;
  /** Sets (or replaces) what `path` answers. */
  route(path: string, route: FeedRoute): void;
  /** How many requests reached `path`. */
  hits(path: string): number;
  /** Every request that reached `path`, in order. */
  requests(path: string): SeenRequest[];
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
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path) ?? { status: 404, body: 'Not found', type: 'text/plain' };
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = req.headers['if-modified-since'];
    const unchanged =
      (route.etag !== undefined && ifNoneMatch === route.etag) ||
      (route.lastModified !== undefined && !ifNoneMatch && ifModifiedSince === route.lastModified);
    const status = unchanged ? 304 : (route.status ?? 200);
    seen.push({ path, status, ifNoneMatch, ifModifiedSince, via: req.headers.via });
    const validators = {
      ...(route.etag ? { ETag: route.etag } : {}),
      ...(route.lastModified ? { 'Last-Modified': route.lastModified } : {}),
    };
    if (unchanged) {
      res.writeHead(304, {
        'Cache-Control': 'no-cache',
        ...(route.cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
        ...validators,
        ...route.headers,
      });
      res.end();
      return;
    }
    const body = route.body ?? '';
    res.writeHead(status, {
      'Content-Type': route.type ?? 'application/rss+xml; charset=utf-8',
      'Content-Length': String(
        typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
      ),
      'Cache-Control': 'no-cache',
      ...(route.cors ? { 'Access-Control-Allow-Origin': '*' } : {}),
      ...validators,
      ...route.headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    route: (path, route) => routes.set(path, route),
    hits: (path) => hits.get(path) ?? 0,
    requests: (path) => seen.filter((request) => request.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
