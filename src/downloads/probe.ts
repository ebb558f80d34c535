// HEAD an enclosure before downloading: the feed's length is often wrong, the server's is not.
import { FetchFailure } from './fetch-failure.ts';

export interface ProbeResult {
  /** Content-Length from the server, or undefined when it does not say. */
  bytes?: number;
  etag?: string;
  lastModified?: string;
  acceptsRanges: boolean;
}

/** Asks the server about `url` with a CORS HEAD request. Throws FetchFailure. */
export async function probe(url: string, signal?: AbortSignal): Promise<ProbeResult> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'HEAD', mode: 'cors', cache: 'no-store', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new FetchFailure('fetch-error', 'The server could not be reached.');
  }
  if (!response.ok) throw FetchFailure.fromStatus(response.status);
  const length = Number(response.headers.get('Content-Length'));
  return {
    bytes: Number.isSafeInteger(length) && length > 0 ? length : undefined,
    etag: response.headers.get('ETag') ?? undefined,
    lastModified: response.headers.get('Last-Modified') ?? undefined,
    acceptsRanges: response.headers.get('Accept-Ranges')?.toLowerCase() === 'bytes',
  };
}
