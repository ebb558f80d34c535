// How a podcast host answers one request for an episode's audio, with the faults real hosting has:
// error statuses with Retry-After, dropped, stalled and truncated bodies, ignored Range (or
// Accept-Ranges: none), no Content-Length (chunked), HEAD refused, wrong or vague types, a file
// that changes (another ETag) once some bytes went out. Shared by the media server and the
// podcast host simulator; which version of the file a request gets is the caller's to say.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { demoAudioChunks } from '../../../server/demo/demo-audio.ts';
import type { DemoEpisode } from '../../../server/demo/demo-episodes.ts';
import { parseByteRange } from '../../../src/shared/parse-byte-range.ts';

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
  /** Say `Accept-Ranges: none` and answer every request with the whole file. */
  acceptRangesNone?: boolean;
  /** Once this many body bytes were served, the file is replaced by another of the same size. */
  changeAfterBytes?: number;
  /** Send no CORS headers at all. */
  noCors?: boolean;
  /** Pace bodies to about this rate. */
  bytesPerSecond?: number;
  /** Send bodies chunked, with no Content-Length. */
  chunked?: boolean;
  /** Answer HEAD with 405. */
  refuseHead?: boolean;
  /** The Content-Type sent for the audio (audio/wav unless given). */
  contentType?: string;
}

export interface LoggedRequest {
  method: string;
  slug: string;
  range?: string;
  ifRange?: string;
  status: number;
  bodyBytes: number;
  /** The version (ETag) of the file that was served. */
  etag?: string;
  /** Whether the request came from a page (it has an Origin), not the app's proxy. */
  fromPage: boolean;
}

/** A new log entry for an audio request of `slug`, filled in as it is answered. */
export function logEntry(req: IncomingMessage, slug: string): LoggedRequest {
  return {
    method: req.method ?? 'GET',
    slug,
    range: req.headers.range,
    ifRange: req.headers['if-range'] as string | undefined,
    fromPage: req.headers.origin !== undefined,
    status: 0,
    bodyBytes: 0,
  };
}

/** The CORS headers of a host that allows reading its audio from any origin. */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers':
    'Content-Length, Content-Range, Accept-Ranges, ETag, Last-Modified, Retry-After',
};

/** The ETag of an episode's file (one per version: the version's slug). */
export const etagOf = (episode: DemoEpisode) => `"${episode.slug}"`;

/** Answers one audio request for `episode`; `entry` (already logged) follows the bytes as they go. */
export function serveAudio(
  req: IncomingMessage,
  res: ServerResponse,
  episode: DemoEpisode,
  fault: Fault | undefined,
  entry: LoggedRequest,
  onBytes: (bytes: number) => void,
  headBytes = episode.bytes,
): void {
  const etag = etagOf(episode);
  entry.etag = etag;
  if (req.method === 'HEAD' && fault?.refuseHead) {
    entry.status = 405;
    res.writeHead(405, { Allow: 'GET' }).end();
    return;
  }
  if (req.method === 'GET' && fault?.status && fault.status.times > 0) {
    fault.status.times -= 1;
    entry.status = fault.status.code;
    const headers = fault.status.retryAfter ? { 'Retry-After': fault.status.retryAfter } : {};
    res.writeHead(fault.status.code, headers).end();
    return;
  }
  const ifRangeOk = !req.headers['if-range'] || req.headers['if-range'] === etag;
  const noRanges = fault?.ignoreRange || fault?.acceptRangesNone;
  const range =
    noRanges || !ifRangeOk ? undefined : parseByteRange(req.headers.range, episode.bytes);
  if (range === 'unsatisfiable') {
    entry.status = 416;
    res.writeHead(416, { 'Content-Range': `bytes */${episode.bytes}` }).end();
    return;
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? episode.bytes - 1;
  const cut = pickCut(req.method, fault, end - start + 1);
  const headers: Record<string, string> = {
    'Content-Type': fault?.contentType ?? 'audio/wav',
    'Accept-Ranges': fault?.acceptRangesNone ? 'none' : 'bytes',
    ETag: etag,
    'Last-Modified': new Date(Date.UTC(2026, 0, 1)).toUTCString(),
  };
  if (req.method === 'HEAD' && !range) headers['Content-Length'] = String(headBytes);
  else if (cut?.kind !== 'truncate' && !fault?.chunked)
    headers['Content-Length'] = String(end - start + 1);
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
