// The demo podcast's HTTP routes under /demo/: feed, artwork and audio. Connect-style, so the same
// middleware runs in the production server and in Vite's dev and preview servers.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Middleware } from '../http/middleware.ts';
import { demoArtworkPng } from './demo-artwork.ts';
import { findDemoEpisode } from './demo-episodes.ts';
import { demoFeedXml } from './demo-feed.ts';
import { serveDemoAudio } from './serve-demo-audio.ts';

export interface DemoRoutesOptions {
  /** Pace audio bodies to about this many bytes a second (tests use it to watch progress). */
  bytesPerSecond?: number;
}

const AUDIO_PATH = /^\/demo\/audio\/([a-z0-9-]+)\.wav$/;
// A Host header is client-controlled; anything odd falls back rather than ending up in URLs.
const SAFE_HOST = /^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i;

let artworkEtag: string | undefined;

/** Middleware answering every /demo/ request and passing anything else to `next()`. */
export function demoRoutes(options: DemoRoutesOptions = {}): Middleware {
  return (req, res, next) => {
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (!pathname.startsWith('/demo/')) {
      next();
      return;
    }
    const audio = AUDIO_PATH.exec(pathname);
    const episode = audio?.[1] === undefined ? undefined : findDemoEpisode(audio[1]);
    if (episode) {
      serveDemoAudio(req, res, episode, options);
    } else if (pathname === '/demo/feed.xml') {
      serveFeed(req, res);
    } else if (pathname === '/demo/artwork.png') {
      serveArtwork(req, res);
    } else {
      send(req, res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found\n');
    }
  };
}

function serveFeed(req: IncomingMessage, res: ServerResponse): void {
  if (!allowGetHead(req, res)) return;
  const host =
    req.headers.host && SAFE_HOST.test(req.headers.host) ? req.headers.host : 'localhost';
  const headers = {
    'Content-Type': 'application/rss+xml; charset=utf-8',
    'Cache-Control': 'no-cache',
    'Access-Control-Allow-Origin': '*',
  };
  send(req, res, 200, headers, demoFeedXml(`http://${host}`));
}

function serveArtwork(req: IncomingMessage, res: ServerResponse): void {
  if (!allowGetHead(req, res)) return;
  const png = demoArtworkPng();
  artworkEtag ??= `"${createHash('sha1').update(png).digest('base64url')}"`;
  const headers = {
    'Content-Type': 'image/png',
    ETag: artworkEtag,
    'Cache-Control': 'public, max-age=86400',
    'Access-Control-Allow-Origin': '*',
  };
  if (req.headers['if-none-match']?.split(',').some((tag) => tag.trim() === artworkEtag)) {
    send(req, res, 304, headers);
    return;
  }
  send(req, res, 200, headers, png);
}

function allowGetHead(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  send(req, res, 405, { Allow: 'GET, HEAD' });
  return false;
}

/** Sends a small in-memory body (none for HEAD and 304), with its length. */
function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer = '',
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, status === 304 ? headers : { ...headers, 'Content-Length': bytes.length });
  res.end(req.method === 'HEAD' || status === 304 ? undefined : bytes);
}
