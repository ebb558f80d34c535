// Before a download: may the browser read the file at all (CORS on every hop), and how big is it
// really? Without CORS the app's proxy fetches it instead, so no download is wasted on a CORS
// failure. A total is promised only when the host gives the same size twice: hosts with
// dynamic ad insertion answer each request with another size, and a total below what arrives
// fails the whole fetch.
import { FetchFailure } from '../shared/fetch-failure.ts';
import { proxiedUrl } from '../shared/proxy-url.ts';
import { declaredLength, parseContentRange } from './partial-response.ts';

export interface ProbeResult {
  /** The URL to fetch: the original (redirects and all), or the proxy's when CORS fails. */
  fetchUrl: string;
  /** The size in bytes when the host says it consistently; undefined otherwise. */
  bytes?: number;
  etag?: string;
  lastModified?: string;
  contentType?: string;
}

/**
 * How long a probe waits for answers: a host that takes the connection and never answers would
 * otherwise hold the download (and a place in the queue) until the tab closes.
 */
export const PROBE_TIMEOUT_MS = 30_000;

/** HEADs `url` in CORS mode, through the proxy when only CORS stands in the way. */
export async function probe(url: string, signal?: AbortSignal): Promise<ProbeResult> {
  const deadline = withDeadline(signal);
  try {
    return await head(url, deadline);
  } catch (error) {
    if (signal?.aborted || error instanceof FetchFailure) throw error;
    if (deadline.aborted) throw FetchFailure.slow();
    if (!(await reachableWithoutCors(url, deadline))) {
      throw FetchFailure.network('The server could not be reached.');
    }
    return head(proxiedUrl(url), deadline).catch((proxied: unknown) => {
      if (signal?.aborted || !deadline.aborted) throw proxied;
      throw FetchFailure.slow();
    });
  }
}

/** probe(), then a one-byte ranged GET: the size stands only when both answers agree on it. */
export async function probeAudio(url: string, signal?: AbortSignal): Promise<ProbeResult> {
  const found = await probe(url, signal);
  if (found.bytes === undefined) return found;
  const again = await fetch(found.fetchUrl, {
    headers: { Range: 'bytes=0-0' },
    mode: 'cors',
    credentials: 'omit',
    cache: 'no-store',
    signal: withDeadline(signal),
  }).catch(() => undefined);
  await again?.body?.cancel().catch(() => undefined);
  if (again && !again.ok) throw FetchFailure.fromResponse(again);
  const total =
    again?.status === 206
      ? parseContentRange(again.headers.get('Content-Range'))?.total
      : again?.status === 200
        ? declaredLength(again)
        : undefined;
  return total === found.bytes ? found : { ...found, bytes: undefined };
}

async function head(fetchUrl: string, signal?: AbortSignal): Promise<ProbeResult> {
  const response = await fetch(fetchUrl, {
    method: 'HEAD',
    mode: 'cors',
    credentials: 'omit',
    cache: 'no-store',
    signal,
  });
  // Only a missing file is final. Other refusals leave the size unknown and the GET to decide:
  // some hosts refuse HEAD (405, 501), and URLs signed for GET alone answer it with 403.
  if (response.status === 404 || response.status === 410) throw FetchFailure.fromResponse(response);
  if (!response.ok) return { fetchUrl };
  return {
    fetchUrl,
    bytes: declaredLength(response),
    etag: response.headers.get('ETag') ?? undefined,
    lastModified: response.headers.get('Last-Modified') ?? undefined,
    contentType: response.headers.get('Content-Type') ?? undefined,
  };
}

/** `signal`, aborted as well after PROBE_TIMEOUT_MS. */
function withDeadline(signal: AbortSignal | undefined): AbortSignal {
  const timeout = new AbortController();
  setTimeout(
    () => timeout.abort(new DOMException('No answer in time.', 'TimeoutError')),
    PROBE_TIMEOUT_MS,
  );
  return signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
}

/** An opaque answer proves the host is up and only CORS failed; a network error proves nothing. */
export async function reachableWithoutCors(url: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await fetch(url, {
      method: 'HEAD',
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      signal,
    });
    return true;
  } catch {
    return false;
  }
}
