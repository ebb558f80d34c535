// The in-page resumable downloader (Firefox, Safari, Chromium without Background Fetch), run in a
// worker: Range requests from the last stored byte, validated as the Fetch spec validates a
// partial response, appended to the episode's parts as they arrive. The first request goes to the
// enclosure URL (through its tracking redirects); a resume goes to where those led, back to the
// enclosure URL when that address expired, or through the app's proxy when a host refuses CORS.
import { AttemptEnded, isAttemptEnded } from '../db/attempt-ended.ts';
import { dispatchDownload } from '../db/downloads.ts';
import { discardParts, storedBytes } from '../db/media-parts.ts';
import { markStored } from '../db/store-audio.ts';
import { asDownloadFailure, FetchFailure, type DownloadFailure } from '../shared/fetch-failure.ts';
import { isProxiedUrl, proxiedUrl } from '../shared/proxy-url.ts';
import { isWebPageType } from '../shared/audio-signature.ts';
import { checkedAudioBody } from './checked-audio-body.ts';
import { checkPartialResponse, declaredLength } from './partial-response.ts';
import { probe, reachableWithoutCors } from './probe.ts';
import { streamToParts } from './stream-to-parts.ts';

/** What the downloader needs of a download record (it runs in a worker, so a plain object). */
export interface AudioJob {
  episodeId: string;
  generation: number;
  sourceUrl: string;
  fetchUrl?: string;
  bytesTotal?: number;
  etag?: string;
  lastModified?: string;
  contentType?: string;
}

export interface FetchAudioOptions {
  signal: AbortSignal;
  /** Abandon a connection that sends nothing for this long. */
  stallMs: number;
  /** Bytes of the file received so far, and its total when known. */
  onProgress?: (bytes: number, total?: number) => void;
}

/** How an attempt ended: stored, stopped by the caller, or failed (with whether bytes arrived). */
export type FetchAudioResult =
  | { kind: 'stored' }
  | { kind: 'aborted' }
  | { kind: 'failed'; failure: DownloadFailure; progressed: boolean };

/** Statuses that can mean a resolved address expired (signed CDN URLs), not the episode gone. */
const EXPIRED = new Set([401, 403, 404, 410]);
const MAX_RESTARTS = 3;

/** Downloads (or resumes) one attempt of an episode's audio into its parts. Never throws. */
export async function fetchAudio(
  job: AudioJob,
  options: FetchAudioOptions,
): Promise<FetchAudioResult> {
  let progressed = false;
  try {
    await download(job, options, () => (progressed = true));
    return { kind: 'stored' };
  } catch (error) {
    if (options.signal.aborted || isAttemptEnded(error)) return { kind: 'aborted' };
    const { reason, message, retryable, retryAfter } = asDownloadFailure(error);
    return { kind: 'failed', failure: { reason, message, retryable, retryAfter }, progressed };
  }
}

async function download(
  job: AudioJob,
  options: FetchAudioOptions,
  onBytes: () => void,
): Promise<void> {
  const { episodeId, generation, sourceUrl } = job;
  let offset = await storedBytes(episodeId);
  // A fresh start goes through the enclosure URL, so the publisher's analytics count it; a HEAD
  // first learns, without a wasted body, whether the host allows CORS or the proxy must fetch it.
  let url =
    offset > 0 && job.fetchUrl ? job.fetchUrl : (await probe(sourceUrl, options.signal)).fetchUrl;
  let known =
    offset > 0 ? { total: job.bytesTotal, etag: job.etag, lastModified: job.lastModified } : {};
  let contentType = job.contentType;
  let wentBack = false;
  let wentDirect = false;
  for (let restarts = 0; ;) {
    let response: Response;
    try {
      response = await request(url, offset, known, options);
    } catch (error) {
      // A slow answer is the network's failure: the proxy would not make the host any faster.
      const slow = error instanceof FetchFailure && error.isSlow;
      if (
        options.signal.aborted ||
        slow ||
        isProxiedUrl(url) ||
        !(await reachableWithoutCors(url, options.signal))
      )
        throw error;
      // Only CORS stood in the way (a hop without CORS headers, or a preflight it refused): the
      // proxy fetches the same file, from the byte already stored.
      url = proxiedUrl(sourceUrl);
      continue;
    }
    if (EXPIRED.has(response.status) && url !== sourceUrl && !isProxiedUrl(url) && !wentBack) {
      await response.body?.cancel();
      url = sourceUrl;
      wentBack = true;
      continue;
    }
    if (response.status === 416 && offset > 0) {
      await response.body?.cancel();
      if (offset === known.total) break;
      await discardParts(episodeId, generation);
      offset = 0;
      if (++restarts <= MAX_RESTARTS) continue;
    }
    if (!response.ok) throw FetchFailure.fromResponse(response);
    if (offset > 0 && response.status === 200 && response.redirected && !wentDirect) {
      // WebKit drops Range and If-Range when it follows a cross-origin redirect (measured: 2.50,
      // the whole file again on every resume through a tracking chain): ask where it led directly.
      await response.body?.cancel();
      url = response.url;
      wentDirect = true;
      continue;
    }
    // Never store what is not the episode (a captive portal's sign-in page, an error page sent
    // with 200): a body that starts the file is judged by its first bytes before anything of it
    // is written or any stored part discarded; a continuation can only be judged by its type.
    let body: ReadableStream<Uint8Array> | null = response.body;
    if (body && (offset === 0 || response.status === 200)) {
      body = await checkedAudioBody(body, response.headers.get('Content-Type'), options.stallMs);
    } else if (isWebPageType(response.headers.get('Content-Type'))) {
      await response.body?.cancel();
      throw FetchFailure.webPage();
    }
    const verdict =
      offset === 0 && response.status === 200
        ? { kind: 'continue' as const, total: declaredLength(response) }
        : checkPartialResponse(response, offset, known);
    if (verdict.kind === 'invalid') {
      await body?.cancel();
      throw FetchFailure.network(`The server's answer could not be used: ${verdict.why}.`);
    }
    if (verdict.kind === 'restart') {
      // Start again cleanly from byte 0: the stored parts belong to another version of the file.
      await discardParts(episodeId, generation);
      offset = 0;
      known = {};
      if (response.status !== 200) {
        await body?.cancel();
        if (++restarts > MAX_RESTARTS)
          throw FetchFailure.network('The file keeps changing on the server.');
        continue;
      }
    }
    known = {
      total: verdict.total,
      etag: response.headers.get('ETag') ?? known.etag,
      lastModified: response.headers.get('Last-Modified') ?? known.lastModified,
    };
    contentType = response.headers.get('Content-Type') ?? contentType;
    // Resume where the redirects led, not through them again.
    if (!isProxiedUrl(url) && response.url) url = response.url;
    const { changed } = await dispatchDownload(episodeId, {
      type: 'responded',
      generation,
      fetchUrl: url,
      bytesTotal: known.total,
      etag: known.etag,
      lastModified: known.lastModified,
      contentType,
    });
    if (!changed) {
      await body?.cancel();
      throw new AttemptEnded();
    }
    options.onProgress?.(offset, known.total);
    const total = known.total;
    offset = body
      ? await streamToParts(episodeId, generation, body, offset, {
          ...options,
          onProgress: (bytes) => {
            onBytes();
            options.onProgress?.(bytes, total);
          },
        })
      : offset;
    if (total === undefined || offset === total) break;
    if (offset > total) {
      await discardParts(episodeId, generation);
      throw FetchFailure.network('The server sent more bytes than it said.');
    }
    // A short body is never complete: the next attempt resumes from here.
    throw FetchFailure.network('The connection ended before the whole file arrived.');
  }
  await markStored(episodeId, generation, contentType);
}

async function request(
  url: string,
  offset: number,
  known: { etag?: string; lastModified?: string },
  options: FetchAudioOptions,
): Promise<Response> {
  const headers: Record<string, string> = { Range: `bytes=${offset}-` };
  // If-Range needs a strong validator; a weak ETag could splice two versions of a file.
  const validator = known.etag && !known.etag.startsWith('W/') ? known.etag : known.lastModified;
  if (offset > 0 && validator) headers['If-Range'] = validator;
  const attempt = new AbortController();
  const timer = setTimeout(() => attempt.abort(), options.stallMs);
  try {
    return await fetch(url, {
      headers,
      mode: 'cors',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.any([options.signal, attempt.signal]),
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
    throw attempt.signal.aborted ? FetchFailure.slow() : FetchFailure.network();
  } finally {
    clearTimeout(timer);
  }
}
