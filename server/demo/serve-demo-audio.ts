// One demo episode's audio over HTTP, behaving like a good media host: validators, single byte
// ranges with If-Range, HEAD, CORS for cross-origin players and downloaders, a streamed body.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseByteRange } from '../../src/shared/parse-byte-range.ts';
import { streamChunks } from '../http/stream-chunks.ts';
import { DEMO_AUDIO_CHUNK_BYTES, demoAudioChunks } from './demo-audio.ts';
import type { DemoEpisode } from './demo-episodes.ts';

// Bump when the synthesised sound changes, so cached copies and resumed downloads never mix versions.
const AUDIO_VERSION = 'v1';

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Content-Length, Content-Range, Accept-Ranges, ETag, Last-Modified',
};

/** Answers GET, HEAD and OPTIONS for `episode`'s WAV file. */
export function serveDemoAudio(
  req: IncomingMessage,
  res: ServerResponse,
  episode: DemoEpisode,
  options: { bytesPerSecond?: number } = {},
): void {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      ...CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'Range, If-Range',
      'Access-Control-Max-Age': '86400',
    });
    res.end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...CORS_HEADERS, Allow: 'GET, HEAD, OPTIONS' });
    res.end();
    return;
  }

  const size = episode.bytes;
  const etag = `"demo-${episode.slug}-${size}-${AUDIO_VERSION}"`;
  const lastModified = new Date(episode.publishedAt).toUTCString();
  const headers: Record<string, string | number> = {
    ...CORS_HEADERS,
    'Content-Type': 'audio/wav',
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Last-Modified': lastModified,
    'Cache-Control': 'public, max-age=86400',
  };

  if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }

  const ifRange = req.headers['if-range'];
  const range =
    ifRange === undefined || ifRangeMatches(String(ifRange), etag, lastModified)
      ? parseByteRange(req.headers.range, size)
      : undefined;
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': 0 });
    res.end();
    return;
  }

  const { start, end } = range ?? { start: 0, end: size - 1 };
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  res.writeHead(range ? 206 : 200, { ...headers, 'Content-Length': end - start + 1 });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // Paced responses use small chunks so the rate is smooth rather than a burst every second.
  const rate = options.bytesPerSecond;
  const chunkBytes = rate
    ? Math.max(1024, Math.min(DEMO_AUDIO_CHUNK_BYTES, Math.floor(rate / 20)))
    : DEMO_AUDIO_CHUNK_BYTES;
  void streamChunks(res, demoAudioChunks(episode, start, end, chunkBytes), {
    bytesPerSecond: rate,
  });
}

/** If-Range holds only for an exact strong ETag or exactly the Last-Modified date (RFC 9110 §13.1.5). */
function ifRangeMatches(value: string, etag: string, lastModified: string): boolean {
  const trimmed = value.trim();
  if (trimmed.startsWith('"') || trimmed.startsWith('W/')) return trimmed === etag;
  const date = Date.parse(trimmed);
  return !Number.isNaN(date) && date === Date.parse(lastModified);
}

function matchesIfNoneMatch(value: string | undefined, etag: string): boolean {
  if (value === undefined) return false;
  return value
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
