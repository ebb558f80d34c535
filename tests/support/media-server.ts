// A podcast host with injectable faults, on its own origin: 5xx/429 with Retry-After, dropped
// connections, stalls, ignored Range, a file that changes mid-download, short bodies, 404, no CORS
// (the answers are podcast-host/serve-audio.ts's, which the podcast host simulator shares).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoAudioSha256 } from '../../server/demo/demo-audio.ts';
import type { DemoEpisode } from '../../server/demo/demo-episodes.ts';
import {
  CORS_HEADERS,
  logEntry,
  serveAudio,
  type Fault,
  type LoggedRequest,
} from './podcast-host/serve-audio.ts';

export type { Fault, LoggedRequest };

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
    if (!fault?.noCors)
      for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
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
    const entry = logEntry(req, episode.slug);
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

function feedXml(origin: string, episodes: DemoEpisode[]): string {
  const items = episodes
    .map(
      (e) =>
        `<item><title>${e.title}</title><guid>${e.slug}</guid><pubDate>${new Date(e.publishedAt).toUTCString()}</pubDate><enclosure url="${origin}/media/${e.slug}.wav" length="${e.bytes}" type="audio/wav"/></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Fault Line</title><description>Test host</description>${items}</channel></rss>`;
}
