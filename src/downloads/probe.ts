// Before a download: may the browser read the file at all (CORS on every hop), and how big is it
// really? Without CORS the app's proxy fetches it instead, so no download is wasted on a CORS
// failure. A total is promised only when the host gives the same size twice: hosts with
// dynamic ad insertion answer each request with another size, and a total below what arrives
// fails the whole fetch.
import { FetchFailure } from '../shared/fetch-failure.ts';
import { proxiedUrl } from '../shared/proxy-url.ts';
import { parseContentRange } from './partial-response.ts';

export interface ProbeResult {
  /** The URL to fetch: the original (redirects and all), or the proxy's when CORS fails. */
  fetchUrl: string;
  /** The size in bytes when the host says it consistently; undefined otherwise. */
  bytes?: number;
  etag?: string;
  lastModified?: string;
  contentType?: string;
}

/** HEADs `url` in CORS mode, through the proxy when only CORS stands in the way. */
export async function probe(url: string, signal?: AbortSignal): Promise<ProbeResult> {
  try {
    return await head(url, signal);
  } catch (error) {
    if (signal?.aborted || error instanceof FetchFailure) throw error;
    if (!(await reachableWithoutCors(url, signal))) {
      throw FetchFailure.network('The server could not be reached.');
    }
    return head(proxiedUrl(url), signal);
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
    signal,
  }).catch(() => undefined);
  await again?.body?.cancel().catch(() => undefined);
  if (again && !again.ok) throw FetchFailure.fromResponse(again);
  const total =
    again?.status === 206
      ? parseContentRange(again.headers.get('Content-Range'))?.total
      : again?.status === 200
        ? Number(again.headers.get('Content-Length'))
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
  // Some hosts refuse HEAD: the size is then unknown, which is allowed.
  if (response.status === 405 || response.status === 501) return { fetchUrl };
  if (!response.ok) throw FetchFailure.fromResponse(response);
  const length = Number(response.headers.get('Content-Length'));
  return {
    fetchUrl,
    bytes: Number.isSafeInteger(length) && length > 0 ? length : undefined,
    etag: response.headers.get('ETag') ?? undefined,
    lastModified: response.headers.get('Last-Modified') ?? undefined,
    contentType: response.headers.get('Content-Type') ?? undefined,
  };
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
