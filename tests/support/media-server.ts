// A podcast host with injectable faults, on its own origin: 5xx/429 with Retry-After, dropped
// connections, stalls, ignored Range, a file that changes mid-download, short bodies, 404, no CORS.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoAudioChunks, demoAudioSha256 } from '../../server/demo/demo-audio.ts';
import type { DemoEpisode } from '../../server/demo/demo-episodes.ts';
import { parseByteRange } from '../../src/shared/parse-byte-range.ts';

export interface Fault {
  /** Answer this status (e.g. 503, 429, 404) to the next `times` GET requests. */
  status?: { code: number; times: number; retryAfter?: string };
  /** Destroy the connection after sending this many body bytes, `times` times. */
  drop?: { afterBytes: number; times: number };
  /** Stop sending (connection open) after this many body bytes, `times` times. */
  stall?: { afterBytes: number; times: number };
  /** End the body cleanly but early, after this many bytes, `times` times (no Content-Length). */
  truncate?: { afterBytes: number; times: number };
  /** Answer every request with the whole file, as if Range did not exist. */
  ignoreRange?: boolean;
  /** Once this many body bytes were served, the file is replaced by another of the same size. */
  changeAfterBytes?: number;
  /** Send no CORS headers at all. */
  noCors?: boolean;
  /** Pace bodies to about this rate. */
  bytesPerSecond?: number;
}

export interface LoggedRequest {
  method: string;
  slug: string;
  range?: string;
  ifRange?: string;
  status: number;
  bodyBytes: number;
}

export interface MediaServer {
  origin: string;
  feedUrl: string;
  episodes: DemoEpisode[];
  requests: LoggedRequest[];
  setFault(slug: string, fault: Fault): void;
  /** The SHA-256 of what the server serves now for `slug` (the replacement after a change). */
  sha256(slug: string): string;
  audioUrl(slug: string): string;
  /** Body bytes served so far for `slug`. */
  bytesServed(slug: string): number;
  close(): Promise<void>;
  /** Starts again on the same port after close(): the network is back. */
  restart(): Promise<void>;
}

/** Starts a media host with episodes of the given sizes (bytes, even, ≥ 44). */
export async function startMediaServer(sizes: number[], port = 0): Promise<MediaServer> {
  const episodes = sizes.map((bytes, index): DemoEpisode => ({
    slug: `episode-${index + 1}`,
    title: `Test Episode ${index + 1}`,
    description: '<p>Served by the fault-injecting media server.</p>',
    publishedAt: new Date(Date.UTC(2026, 10, 20 - index)).toISOString(),
    bytes,
  }));
  const faults = new Map<string, Fault>();
  const served = new Map<string, number>();
  const requests: LoggedRequest[] = [];
  const current = (episode: DemoEpisode) => {
    const fault = faults.get(episode.slug);
    const changed =
      fault?.changeAfterBytes !== undefined &&
      (served.get(episode.slug) ?? 0) >= fault.changeAfterBytes;
    return changed ? { ...episode, slug: `${episode.slug}-v2` } : episode;
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const episode = episodes.find((e) => url.pathname === `/media/${e.slug}.wav`);
    const fault = episode ? faults.get(episode.slug) : undefined;
    if (!fault?.noCors) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader(
        'Access-Control-Expose-Headers',
        'Content-Length, Content-Range, Accept-Ranges, ETag, Last-Modified, Retry-After',
      );
    }
    if (req.method === 'OPTIONS') {
      res
        .writeHead(204, {
          'Access-Control-Allow-Headers': 'Range, If-Range',
          'Access-Control-Allow-Methods': 'GET, HEAD',
        })
        .end();
      return;
    }
    if (url.pathname === '/feed.xml') {
      res
        .writeHead(200, { 'Content-Type': 'application/rss+xml' })
        .end(feedXml(`http://${req.headers.host}`, episodes));
      return;
    }
    if (!episode) {
      res.writeHead(404).end();
      return;
    }
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      slug: episode.slug,
      range: req.headers.range,
      ifRange: req.headers['if-range'] as string | undefined,
      status: 0,
      bodyBytes: 0,
    };
    requests.push(entry);
    serveAudio(req, res, current(episode), fault, entry, (bytes) =>
      served.set(episode.slug, (served.get(episode.slug) ?? 0) + bytes),
    );
  };

  const server = createServer(handler);
  const listen = (p: number) =>
    new Promise<void>((resolve) => server.listen(p, '127.0.0.1', resolve));
  await listen(port);
  const actualPort = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${actualPort}`;
  return {
    origin,
    feedUrl: `${origin}/feed.xml`,
    episodes,
    requests,
    setFault: (slug, fault) => faults.set(slug, fault),
    sha256: (slug) => demoAudioSha256(current(episodes.find((e) => e.slug === slug)!)),
    audioUrl: (slug) => `${origin}/media/${slug}.wav`,
    bytesServed: (slug) => served.get(slug) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    restart: () => listen(actualPort),
  };
}

/** Answers one audio request; `entry` (already logged) and `onBytes` follow the bytes as they go. */
function serveAudio(
  req: IncomingMessage,
  res: ServerResponse,
  episode: DemoEpisode,
  fault: Fault | undefined,
  entry: LoggedRequest,
  onBytes: (bytes: number) => void,
): void {
  const etag = `"${episode.slug}"`;
  if (req.method === 'GET' && fault?.status && fault.status.times > 0) {
    fault.status.times -= 1;
    entry.status = fault.status.code;
    const headers = fault.status.retryAfter ? { 'Retry-After': fault.status.retryAfter } : {};
    res.writeHead(fault.status.code, headers).end();
    return;
  }
  const ifRangeOk = !req.headers['if-range'] || req.headers['if-range'] === etag;
  const range =
    fault?.ignoreRange || !ifRangeOk ? undefined : parseByteRange(req.headers.range, episode.bytes);
  if (range === 'unsatisfiable') {
    entry.status = 416;
    res.writeHead(416, { 'Content-Range': `bytes */${episode.bytes}` }).end();
    return;
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? episode.bytes - 1;
  const cut = pickCut(req.method, fault, end - start + 1);
  const headers: Record<string, string> = {
    'Content-Type': 'audio/wav',
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Last-Modified': new Date(Date.UTC(2026, 0, 1)).toUTCString(),
  };
  if (cut?.kind !== 'truncate') headers['Content-Length'] = String(end - start + 1);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${episode.bytes}`;
  entry.status = range ? 206 : 200;
  res.writeHead(entry.status, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  void stream(res, episode, { start, end, rate: fault?.bytesPerSecond, cut }, (bytes) => {
    entry.bodyBytes += bytes;
    onBytes(bytes);
  });
}

type Cut = { kind: 'drop' | 'stall' | 'truncate'; afterBytes: number };

/** The cut this response gets: only one longer than the cut point can be cut after it. */
function pickCut(
  method: string | undefined,
  fault: Fault | undefined,
  length: number,
): Cut | undefined {
  if (method !== 'GET' || !fault) return undefined;
  for (const kind of ['drop', 'stall', 'truncate'] as const) {
    const spec = fault[kind];
    if (spec && spec.times > 0 && length > spec.afterBytes) {
      spec.times -= 1;
      return { kind, afterBytes: spec.afterBytes };
    }
  }
  return undefined;
}

async function stream(
  res: ServerResponse,
  episode: DemoEpisode,
  body: { start: number; end: number; rate?: number; cut?: Cut },
  onBytes: (bytes: number) => void,
): Promise<void> {
  const { start, end, rate, cut } = body;
  let sent = 0;
  const began = Date.now();
  const limit = cut ? Math.min(cut.afterBytes, end - start + 1) : end - start + 1;
  for (const chunk of demoAudioChunks(episode, start, end, 64 * 1024)) {
    if (res.destroyed) return;
    const piece = chunk.subarray(0, limit - sent);
    sent += piece.length;
    onBytes(piece.length);
    if (!res.write(piece)) await drainOrClose(res);
    const wait = rate ? began + (sent / rate) * 1000 - Date.now() : 0;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (sent >= limit) break;
  }
  if (cut?.kind === 'drop') res.destroy();
  else if (cut?.kind === 'stall') await new Promise((resolve) => res.once('close', resolve));
  else res.end();
}

function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function feedXml(origin: string, episodes: DemoEpisode[]): string {
  const items = episodes
    .map(
      (e) =>
        `<item><title>${e.title}</title><guid>${e.slug}</guid><pubDate>${new Date(e.publishedAt).toUTCString()}</pubDate><enclosure url="${origin}/media/${e.slug}.wav" length="${e.bytes}" type="audio/wav"/></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Fault Line</title><description>Test host</description>${items}</channel></rss>`;
}
