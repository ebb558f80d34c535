// Before downloading: ask the server for the real size (the feed's length is often wrong) and
// whether the page may read the file at all (CORS); without CORS, the app's proxy fetches it.
import { proxiedUrl } from '../shared/proxy-url.ts';
import { FetchFailure } from './fetch-failure.ts';

export interface ProbeResult {
  /** The URL to fetch: the original, or the proxy's when the host sends no CORS headers. */
  fetchUrl: string;
  /** Content-Length from the server, or undefined when it does not say. */
  bytes?: number;
  etag?: string;
  lastModified?: string;
}

/** HEADs `url` in CORS mode, falling back to the proxy when only CORS stands in the way. */
export async function probe(url: string, signal?: AbortSignal): Promise<ProbeResult> {
  try {
    return await head(url, signal);
  } catch (error) {
    if (
      signal?.aborted ||
      error instanceof FetchFailure ||
      !(await reachableWithoutCors(url, signal))
    ) {
      throw error instanceof FetchFailure
        ? error
        : FetchFailure.network('The server could not be reached.');
    }
    return head(proxiedUrl(url), signal);
  }
}

async function head(fetchUrl: string, signal?: AbortSignal): Promise<ProbeResult> {
  const response = await fetch(fetchUrl, {
    method: 'HEAD',
    mode: 'cors',
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
  };
}

/** An opaque answer proves the host is up and only CORS failed; a network error proves nothing. */
async function reachableWithoutCors(url: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await fetch(url, { method: 'HEAD', mode: 'no-cors', cache: 'no-store', signal });
    return true;
  } catch {
    return false;
  }
}
