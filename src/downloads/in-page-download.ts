// The in-page resumable downloader (Firefox, Safari, Chromium without Background Fetch): Range
// requests from the last stored byte, parts persisted as they arrive, one complete response at the end.
import { updateDownload } from '../db/downloads.ts';
import { deleteParts, listParts, storedBytes } from '../db/parts.ts';
import type { Download } from '../db/schema.ts';
import { FetchFailure } from './fetch-failure.ts';
import { checkPartialResponse } from './partial-response.ts';
import { probe } from './probe.ts';
import { streamToParts } from './stream-to-parts.ts';
import { deleteMedia, storeMedia } from './store-media.ts';

const MAX_RESTARTS = 3;

export interface InPageOptions {
  signal: AbortSignal;
  /** Abandon a connection that sends nothing for this long. */
  stallMs: number;
  /** Called as bytes arrive: bytes stored plus bytes in memory. */
  onProgress?: (bytes: number) => void;
}

/** Downloads (or resumes) `download` into the media cache. Throws FetchFailure or AbortError. */
export async function runInPageDownload(download: Download, options: InPageOptions): Promise<void> {
  const { episodeId } = download;
  let offset = await storedBytes(episodeId);
  if (offset === 0 && download.fetchUrl === download.url) {
    // Learn before the first byte whether the host allows CORS; if not, fetch through the proxy.
    const { fetchUrl } = await probe(download.url, options.signal);
    download = { ...download, fetchUrl };
    await updateDownload(episodeId, { fetchUrl });
  }
  let known = {
    total: download.bytesTotal,
    etag: download.etag,
    lastModified: download.lastModified,
  };
  let contentType = download.contentType ?? 'audio/mpeg';
  for (let restarts = 0; ; restarts += 1) {
    const response = await request(download.fetchUrl, offset, known, options);
    if (response.status === 416 && offset > 0) {
      if (offset === known.total) break;
      await deleteParts(episodeId);
      offset = 0;
      if (restarts < MAX_RESTARTS) continue;
    }
    if (!response.ok) throw FetchFailure.fromResponse(response);
    const verdict =
      offset === 0 && response.status === 200
        ? { kind: 'continue' as const, total: lengthOf(response) }
        : checkPartialResponse(response, offset, known);
    if (verdict.kind === 'invalid') {
      await response.body?.cancel();
      throw FetchFailure.network(`The server's answer could not be used: ${verdict.why}.`);
    }
    if (verdict.kind === 'restart') {
      // Start again cleanly from byte 0: the stored parts belong to another version of the file.
      await deleteParts(episodeId);
      offset = 0;
      known = { total: undefined, etag: undefined, lastModified: undefined };
      if (response.status !== 200) {
        await response.body?.cancel();
        if (restarts >= MAX_RESTARTS)
          throw FetchFailure.network('The file keeps changing on the server.');
        continue;
      }
    }
    known = { total: verdict.total, ...validatorsOf(response, known) };
    contentType = response.headers.get('Content-Type') ?? contentType;
    await updateDownload(episodeId, {
      ...known,
      bytesTotal: known.total,
      contentType,
      bytesDone: offset,
    });
    offset = response.body
      ? await streamToParts(episodeId, response.body, offset, options)
      : offset;
    if (known.total === undefined || offset === known.total) break;
    if (offset > known.total) {
      await deleteParts(episodeId);
      throw FetchFailure.network('The server sent more bytes than it said.');
    }
    // A short body is never complete: the next attempt resumes from here.
    throw FetchFailure.network('The connection ended before the whole file arrived.');
  }
  await finish(download, known.total, contentType);
}

async function request(
  url: string,
  offset: number,
  known: { etag?: string; lastModified?: string },
  options: InPageOptions,
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
      cache: 'no-store',
      signal: AbortSignal.any([options.signal, attempt.signal]),
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
    throw FetchFailure.network(
      attempt.signal.aborted ? 'The server did not answer in time.' : undefined,
    );
  } finally {
    clearTimeout(timer);
  }
}

async function finish(
  download: Download,
  total: number | undefined,
  contentType: string,
): Promise<void> {
  const parts = await listParts(download.episodeId);
  const body = new Blob(parts.map((part) => part.blob));
  if (total !== undefined && body.size !== total) {
    await deleteParts(download.episodeId);
    throw FetchFailure.network('The stored parts do not add up to the file; starting again.');
  }
  try {
    await storeMedia(download.url, body, contentType);
  } catch (error) {
    await deleteMedia(download.url);
    throw error;
  }
  await deleteParts(download.episodeId);
  await updateDownload(download.episodeId, {
    state: 'downloaded',
    bytesDone: body.size,
    bytesTotal: body.size,
    pauseReason: undefined,
    nextRetryAt: undefined,
  });
}

function lengthOf(response: Response): number | undefined {
  const length = Number(response.headers.get('Content-Length'));
  return Number.isSafeInteger(length) && length > 0 ? length : undefined;
}

function validatorsOf(response: Response, fallback: { etag?: string; lastModified?: string }) {
  return {
    etag: response.headers.get('ETag') ?? fallback.etag,
    lastModified: response.headers.get('Last-Modified') ?? fallback.lastModified,
  };
}
