// An artwork host for browser tests on 127.0.0.1 (port 0), as real podcast hosting serves images:
// PNG and JPEG files, each with CORS switchable off (then no Access-Control-Allow-Origin, and
// OPTIONS answered 405), optionally behind a 302 from a tracking-style path, and a captive
// portal's HTML page where an image should be. It also serves a feed whose channel and item
// images point at them, and a short WAV as each episode's audio.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wavHeader } from '../../../server/demo/demo-audio.ts';
import { repoRoot } from '../paths.ts';

/** How the host serves one image. */
export interface ArtworkFile {
  /** A file under tests/fixtures/artwork/, or a body of its own (e.g. an HTML page). */
  fixture?: string;
  body?: string;
  type: string;
  /** Send Access-Control-Allow-Origin: * and answer preflights (default false). */
  cors?: boolean;
  /** Reached through /r/<name>, which answers 302 to the file (without CORS headers). */
  redirect?: boolean;
}

/** One episode of the host's feed. */
export interface ArtworkEpisode {
  title: string;
  /** The name of its item image, if it has one of its own. */
  image?: string;
}

export interface ArtworkHost {
  origin: string;
  feedUrl: string;
  /** The URL the feed gives for image `name` (the redirect's, when it has one). */
  imageUrl(name: string): string;
  /** Requests that reached image `name` (its file or its redirect), by method. */
  hits(name: string, method?: string): number;
  close(): Promise<void>;
}

const AUDIO = Buffer.concat([wavHeader(16_000), Buffer.alloc(16_000)]);

/** Starts the host with these images and a feed whose channel image is `channelImage`. */
export async function startArtworkHost(
  files: Record<string, ArtworkFile>,
  feed: { title: string; channelImage: string; episodes: ArtworkEpisode[] },
): Promise<ArtworkHost> {
  const seen: { name: string; method: string }[] = [];
  let origin = '';
  const imageUrl = (name: string) => `${origin}/${files[name]?.redirect ? 'r' : 'img'}/${name}`;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host.invalid').pathname;
    const [, kind, name = ''] = path.split('/');
    const file = files[name];
    if ((kind === 'img' || kind === 'r') && file) {
      seen.push({ name, method: req.method ?? 'GET' });
      const cors = file.cors ? { 'Access-Control-Allow-Origin': '*' } : {};
      if (req.method === 'OPTIONS') {
        res.writeHead(file.cors ? 204 : 405, {
          ...cors,
          ...(file.cors ? { 'Access-Control-Allow-Headers': '*' } : {}),
        });
        res.end();
      } else if (kind === 'r') {
        res.writeHead(302, { Location: `${origin}/img/${name}`, 'Cache-Control': 'no-store' });
        res.end();
      } else {
        const body = file.fixture
          ? readFileSync(`${repoRoot}tests/fixtures/artwork/${file.fixture}`)
          : Buffer.from(file.body ?? '');
        res.writeHead(200, {
          'Content-Type': file.type,
          'Content-Length': String(body.byteLength),
          'Cache-Control': 'no-store',
          ...cors,
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      }
      return;
    }
    if (path === '/feed.xml') {
      const body = feedXml(feed, imageUrl);
      res.writeHead(200, {
        'Content-Type': 'application/rss+xml; charset=utf-8',
        'Access-Control-Allow-Origin': '*',
      });
      res.end(body);
      return;
    }
    if (path.startsWith('/audio/')) {
      res.writeHead(200, {
        'Content-Type': 'audio/wav',
        'Content-Length': String(AUDIO.byteLength),
        'Access-Control-Allow-Origin': '*',
      });
      res.end(req.method === 'HEAD' ? undefined : AUDIO);
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    feedUrl: `${origin}/feed.xml`,
    imageUrl,
    hits: (name, method) =>
      seen.filter((hit) => hit.name === name && (!method || hit.method === method)).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function feedXml(
  feed: { title: string; channelImage: string; episodes: ArtworkEpisode[] },
  imageUrl: (name: string) => string,
): string {
  const origin = new URL(imageUrl(feed.channelImage)).origin;
  const items = feed.episodes.map(
    (episode, index) => `
    <item>
      <title>${episode.title}</title>
      <guid>artwork-episode-${index + 1}</guid>
      <pubDate>${new Date(Date.UTC(2026, 10, 20 - index)).toUTCString()}</pubDate>
      ${episode.image ? `<itunes:image href="${imageUrl(episode.image)}"/>` : ''}
      <enclosure url="${origin}/audio/${index + 1}.wav" type="audio/wav" length="${AUDIO.byteLength}"/>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
  <channel>
    <title>${feed.title}</title>
    <link>${origin}/</link>
    <description>Artwork on hosts without CORS.</description>
    <itunes:author>Artwork Host</itunes:author>
    <itunes:image href="${imageUrl(feed.channelImage)}"/>${items.join('')}
  </channel>
</rss>`;
}
